/**
 * The two states a plan compares, as call-flow models: before = what the platform has (live), after =
 * live with the file's content laid over it (only the fields the file sets) and the planned deletes
 * removed — the state an apply leaves. PURE.
 */
import type { Comparable } from '../kinds/kind';
import { callFlowFromObjects } from './model';
import type { CallFlowState } from './types';

interface Keyed {
  readonly key: string;
  readonly comparable: Comparable;
}

/** Live objects with desired content merged in, minus `removed` (`kind:key`). */
export function mergedObjects(
  live: ReadonlyMap<string, readonly Keyed[]>,
  desired: ReadonlyMap<string, readonly Keyed[]>,
  removed: ReadonlySet<string>,
): Map<string, Keyed[]> {
  const out = new Map<string, Keyed[]>();
  for (const kind of new Set([...live.keys(), ...desired.keys()])) {
    const byKey = new Map<string, Keyed>();
    for (const o of live.get(kind) ?? []) byKey.set(o.key, o);
    for (const d of desired.get(kind) ?? []) {
      const l = byKey.get(d.key);
      byKey.set(d.key, { key: d.key, comparable: { ...(l?.comparable ?? {}), ...d.comparable } });
    }
    for (const key of byKey.keys()) if (removed.has(`${kind}:${key}`)) byKey.delete(key);
    out.set(kind, [...byKey.values()]);
  }
  return out;
}

export interface FlowInputs {
  readonly live: ReadonlyMap<string, readonly Keyed[]>;
  readonly desired: ReadonlyMap<string, readonly Keyed[]>;
  /** Every user id on the platform (system users included). */
  readonly extensions: ReadonlySet<string>;
  /** `kind:key` of the planned deletes. */
  readonly removed: ReadonlySet<string>;
  readonly timeZone: string;
}

export function beforeAndAfter(i: FlowInputs): { before: CallFlowState; after: CallFlowState } {
  const before = { ...callFlowFromObjects(i.live, i.timeZone), knownExtensions: i.extensions };
  const merged = mergedObjects(i.live, i.desired, i.removed);
  const removedKeys = new Set([...i.removed].map((id) => id.slice(id.indexOf(':') + 1)));
  const known = new Set([...i.extensions].filter((e) => !removedKeys.has(e)));
  const after = { ...callFlowFromObjects(merged, i.timeZone), knownExtensions: known };
  return { before, after };
}
