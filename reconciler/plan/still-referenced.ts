/**
 * Targets that must outlive their users (`RelationRule.keepsTargetAlive`: an emergency address in use). A
 * planned delete of such a target is withdrawn while anything still points at it once the plan is applied
 * — the desired content (over the live one) of managed objects, the live content of the rest, nothing of
 * objects the plan deletes — and the target is reported as left alone, with who uses it. PURE.
 */
import type { DomainDesiredState } from '../desired/load-desired-state';
import { type Comparable, type Reference, RELATIONS } from '../kinds/kind';
import type { Registry } from '../kinds/registry';
import type { DomainLiveState } from '../live/read-live-state';
import { pointsAt } from './references';

/** The parts of a plan's changes and unmanaged entries this step reads and writes. */
interface PlannedDelete {
  readonly id: string;
  readonly action: string;
  readonly kind: string;
  readonly key: string;
  readonly label: string;
  readonly lastModified?: string;
}
interface LeftAlone {
  readonly kind: string;
  readonly key: string;
  readonly label: string;
  readonly lastModified?: string;
  readonly reason?: string;
}

const isObject = (v: unknown): v is Comparable =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !('secret' in v);

/**
 * The content after the plan: the desired fields over the live ones; an object the file gives in part
 * (`phone: { mac }`) keeps the live fields it leaves out (unmanaged, so still in place).
 */
function overlay(live: Comparable, desired: Comparable): Comparable {
  const out: Record<string, Comparable[string]> = { ...live, ...desired };
  for (const [k, v] of Object.entries(desired)) {
    const was = live[k];
    if (isObject(v) && isObject(was)) out[k] = { ...was, ...v };
  }
  return out;
}

/** References that keep their target alive, as they will be after the plan. */
function referencesAfter(
  desired: DomainDesiredState,
  live: DomainLiveState,
  registry: Registry,
  deleted: ReadonlySet<string>,
): Reference[] {
  const out: Reference[] = [];
  for (const kind of registry.kinds) {
    const want = new Map((desired.objects.get(kind.name) ?? []).map((d) => [d.key, d] as const));
    const have = new Map((live.objects.get(kind.name) ?? []).map((l) => [l.key, l] as const));
    for (const key of new Set([...want.keys(), ...have.keys()])) {
      if (deleted.has(`${kind.name}:${key}`)) continue;
      const d = want.get(key);
      const content = d ? overlay(have.get(key)?.comparable ?? {}, d.comparable) : have.get(key)?.comparable;
      if (!content) continue;
      for (const r of kind.references(key, content)) if (RELATIONS[r.relation].keepsTargetAlive) out.push(r);
    }
  }
  return out;
}

/** Withdraws the deletes of targets still in use (mutates `out`), listing them as left alone with the reason. */
export function keepReferencedTargets(
  out: { changes: PlannedDelete[]; unmanaged: LeftAlone[] },
  desired: DomainDesiredState,
  live: DomainLiveState,
  registry: Registry,
): void {
  const deletes = out.changes.filter((c) => c.action === 'delete');
  if (deletes.length === 0) return;
  const refs = referencesAfter(desired, live, registry, new Set(deletes.map((c) => c.id)));
  for (const c of deletes) {
    const users = refs.filter((r) => pointsAt(r, c.kind, c.key));
    if (users.length === 0) continue;
    const words = RELATIONS[users[0]?.relation ?? 'emergency_address'].words;
    const from = [...new Set(users.map((r) => r.from))].sort();
    out.changes.splice(out.changes.indexOf(c), 1);
    out.unmanaged.push({
      kind: c.kind,
      key: c.key,
      label: c.label,
      lastModified: c.lastModified,
      reason: `not deleted: still the ${words} of ${from.join(', ')}; point them elsewhere first`,
    });
  }
}
