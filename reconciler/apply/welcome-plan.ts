/**
 * Which welcome e-mails a plan will send (issue 14 #2): users the plan creates (or recycles) whose file asks
 * for one and gives an e-mail address, plus those an earlier apply owes (welcome ledger) for users that
 * exist. Those whose send was cut off are listed apart: maybe sent, never re-sent automatically. PURE.
 */
import type { DomainDesiredState } from '../desired/load-desired-state';
import type { DomainLiveState } from '../live/read-live-state';
import type { DomainPlan } from '../plan/compute-plan';
import type { WelcomeStatus } from './welcome-ledger';

export interface PlannedWelcomes {
  /** Extensions that will get a welcome e-mail from this apply. */
  readonly welcomes?: readonly string[];
  /** Extensions whose earlier send was cut off (maybe sent; not re-sent). */
  readonly welcomesUncertain?: readonly string[];
}

/** Whether the file asks for a welcome e-mail for this user (an e-mail address, `welcome_email` not false). */
export function wantsWelcome(spec: Record<string, unknown> | undefined): boolean {
  if (!spec) return false;
  return spec.welcome_email !== false && typeof spec.email === 'string' && spec.email.trim() !== '';
}

export function plannedWelcomes(
  plan: DomainPlan,
  desired: DomainDesiredState,
  live: DomainLiveState,
  status: WelcomeStatus | undefined,
): PlannedWelcomes {
  const spec = (key: string) =>
    desired.objects.get('user')?.find((o) => o.key === key)?.spec as Record<string, unknown> | undefined;
  const out = new Set<string>();
  for (const c of plan.changes) {
    if (c.kind === 'user' && (c.action === 'create' || c.action === 'recycle') && wantsWelcome(spec(c.key)))
      out.add(c.key);
  }
  const onPlatform = new Set((live.objects.get('user') ?? []).map((o) => o.key));
  for (const user of status?.owed ?? []) if (onPlatform.has(user)) out.add(user);
  const byExt = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  const uncertain = (status?.uncertain ?? []).filter((u) => !out.has(u));
  // Only present when there is something to say, so plans without welcome e-mails read as before.
  return {
    ...(out.size > 0 ? { welcomes: [...out].sort(byExt) } : {}),
    ...(uncertain.length > 0 ? { welcomesUncertain: uncertain } : {}),
  };
}
