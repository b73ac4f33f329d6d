import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget for the provider process: eight times the default of Node 20's V8 (11.3: 67,584, in
 * bytecode size run; a function is considered for optimisation after 3 budgets), so TurboFan optimises a
 * function after about eight times as much work (issue 15).
 *
 * Why: Terraform starts a fresh provider process for every walk of every command, and the plan walk calls
 * each resource's handlers once per resource. At a few hundred resources, TurboFan was compiling the
 * provider's recursive walkers (state completion, model conversion, comparisons) before they had run enough
 * to repay their compilation: a third of the plan-walk process's samples were TurboFan's (bench/HISTORY.md,
 * sessions 13 and 15). A larger budget leaves those functions in V8's cheaper tiers for longer, and a long
 * walk still optimises what stays hot. Measured (bench/HISTORY.md, session 16): the plan walk's CPU at 200
 * users −13 % (1,022 → 892 ms), at 1,000 users −6 %; in process, the first pass over 2,000 resources −10 %.
 * 32 times the default measured the same; `--max-opt=1` (no TurboFan at all) the same at 200 users, but it made
 * the handlers dearer at 1,000 (437 -> 690 ms; about 2 s more expected at 10,000, session 15).
 */
export const INTERRUPT_BUDGET = 8 * 67_584;

/**
 * Sets the budget. Called first thing by the provider's entry, before the handlers' code has run: a
 * function's budget is set when its feedback is first allocated, so the functions that run later get it.
 */
export function tuneTiering(set: (flags: string) => void = setFlagsFromString): void {
  set(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
