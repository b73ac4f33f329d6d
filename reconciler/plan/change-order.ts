/**
 * The order of a plan's changes: what each change waits for (`dependsOn`) and the order they are listed and
 * applied in. PURE and deterministic.
 */
import { type Comparable, type Reference, RELATIONS } from '../kinds/kind';
import type { Registry } from '../kinds/registry';
import { compareKeys } from '../util/compare-keys';
import { pointsAt } from './references';

/** What ordering reads of a change (compute-plan.ts `Change`). */
export interface Change {
  readonly id: string;
  readonly action: 'create' | 'update' | 'delete' | 'recycle';
  readonly kind: string;
  readonly key: string;
  readonly before?: Comparable;
  readonly after?: Comparable;
  readonly dependsOn: readonly string[];
}

/** Creates after what they reference; deletes of referenced objects after what referenced them. */
export function addDependencies<C extends Change>(changes: C[], registry: Registry): C[] {
  const byKey = new Map<string, C[]>();
  for (const c of changes) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const ordering = (kindName: string, key: string, content: Comparable) =>
    (registry.get(kindName)?.references(key, content) ?? []).filter((r) => RELATIONS[r.relation].ordersApply);
  // What each change's live content points at, by target key: made once, on the first delete (it was made
  // again for every delete, changes × deletes look-ups in a plan that prunes many).
  let pointingBefore: Map<string, { other: C; ref: Reference }[]> | undefined;
  return changes.map((c) => {
    const deps = new Set<string>();
    if (c.after && (c.action === 'create' || c.action === 'update' || c.action === 'recycle')) {
      for (const ref of ordering(c.kind, c.key, c.after)) {
        for (const other of byKey.get(ref.key) ?? [])
          if (
            other.id !== c.id &&
            pointsAt(ref, other.kind, other.key) &&
            (other.action === 'create' || other.action === 'recycle')
          )
            deps.add(other.id);
      }
    }
    if (c.action === 'delete') {
      // Whatever stops pointing at the deleted object goes first.
      pointingBefore ??= referencesBefore(changes, ordering);
      for (const { other, ref } of pointingBefore.get(c.key) ?? [])
        if (other.id !== c.id && pointsAt(ref, c.kind, c.key)) deps.add(other.id);
    }
    return deps.size ? { ...c, dependsOn: [...deps].sort() } : c;
  });
}

/** The ordering references of each change's `before`, by the key they point at (`pointsAt` needs it equal). */
function referencesBefore<C extends Change>(
  changes: readonly C[],
  ordering: (kindName: string, key: string, content: Comparable) => Reference[],
): Map<string, { other: C; ref: Reference }[]> {
  const out = new Map<string, { other: C; ref: Reference }[]>();
  for (const other of changes) {
    if (!other.before) continue;
    for (const ref of ordering(other.kind, other.key, other.before)) {
      const list = out.get(ref.key);
      if (list) list.push({ other, ref });
      else out.set(ref.key, [{ other, ref }]);
    }
  }
  return out;
}

/** Deterministic order: creates/updates by kind order, deletes reversed, keys numerically. */
export function orderChanges<C extends Change>(changes: C[], registry: Registry): C[] {
  const orderOf = (c: Change) => {
    const order = registry.get(c.kind)?.order ?? 50;
    return c.action === 'delete' ? 1000 - order : order;
  };
  return [...changes].sort((a, b) => {
    const da = a.action === 'delete' ? 1 : 0;
    const db = b.action === 'delete' ? 1 : 0;
    return da - db || orderOf(a) - orderOf(b) || compareKeys(a.key, b.key);
  });
}
