/** The call-flow changes of a computed plan (call-flows.ts), from the desired and live state it was made of. PURE. */
import type { DomainDesiredState } from '../desired/load-desired-state';
import type { DomainLiveState } from '../live/read-live-state';
import { type CallFlowChange, callFlowChanges } from './call-flows';
import type { DomainPlan } from './compute-plan';

/** A zone `Intl` knows, else UTC (a domain record with an odd zone must not break the plan). */
function usableZone(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** The call-flow changes of a computed plan, from what the plan was made of. */
export function planCallFlows(desired: DomainDesiredState, live: DomainLiveState, plan: DomainPlan): CallFlowChange[] {
  const changedExtensions = plan.changes
    .filter(
      (c) =>
        (c.action === 'update' || c.action === 'recycle') &&
        (c.kind === 'user' || c.kind === 'ring_group') &&
        c.class !== 'cosmetic',
    )
    .map((c) => c.key);
  let zone: string | undefined;
  return callFlowChanges({
    live: live.objects,
    desired: desired.objects,
    extensions: live.extensions,
    removed: new Set(plan.changes.filter((c) => c.action === 'delete').map((c) => c.id)),
    // Checked only when the call flows are followed: most plans change no routing, and the first time-zone
    // check of a process loads the zone data (~20 ms, issue 15).
    get timeZone() {
      zone ??= usableZone(live.timeZone);
      return zone;
    },
    numbers: (desired.objects.get('phone_number') ?? []).map((o) => o.key),
    changedExtensions,
    changedKinds: new Set(plan.changes.map((c) => c.kind)),
  });
}
