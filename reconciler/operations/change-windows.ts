/** Change windows (policy.change_window) as a check on a plan run: pure, the caller supplies the clock. */
import { describeWindow, isInsideWindow, nextOpening } from '../plan/change-window';
import type { PlanRun } from '../pipeline';

/** Domains whose routing or data-destroying changes fall outside their policy.change_window at `now`. */
export function closedWindows(run: PlanRun, now: Date): string[] {
  const out: string[] = [];
  for (const d of run.domains) {
    const window = d.desired.policy.changeWindow;
    const gated = d.plan.changes.filter((c) => c.class !== 'cosmetic').length;
    if (!window || gated === 0 || isInsideWindow(window, now)) continue;
    const next = nextOpening(window, now);
    out.push(
      `${d.desired.domain}: ${gated} routing or data-destroying change${gated === 1 ? '' : 's'} may only be applied ${describeWindow(window)}${next ? `; the window opens next at ${next.toISOString()}` : ''}`,
    );
  }
  return out;
}
