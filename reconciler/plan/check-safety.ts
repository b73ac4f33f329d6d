/**
 * checkSafety(plan, policy, flags) — PURE. Data-destroying changes, deletes over `max_deletes` and
 * protected extensions block the plan until the operator says so explicitly (docs/design.md §4 Safety).
 * Every message names the rule, the counts and the exact flag.
 */
import type { Policy } from '../desired/load-desired-state';
import type { SafetyViolation } from '../errors';
import { normalizeNumber } from '../kinds/normalize';
import { brokenFlows } from './call-flows';
import { maskedNumber } from './render-call-flows';
import type { DomainPlan } from './compute-plan';

export interface SafetyFlags {
  readonly allowDeletes?: boolean;
  readonly allowRecycle?: boolean;
}

export function checkSafety(plan: DomainPlan, policy: Policy, flags: SafetyFlags = {}): DomainPlan {
  const violations: SafetyViolation[] = [];
  const { domain } = plan;
  const deletes = plan.changes.filter((c) => c.action === 'delete');
  const recycles = plan.changes.filter((c) => c.action === 'recycle');
  const protectedHits = [...deletes, ...recycles].filter((c) => policy.protect.includes(c.key));
  for (const c of protectedHits) {
    violations.push({
      domain,
      rule: 'protect',
      message: `${domain}: ${c.kind} ${c.key} is protected (policy.protect) and would be ${c.action === 'delete' ? 'deleted' : 'recycled'}; no flag overrides this — remove ${c.key} from policy.protect first if this is intended`,
    });
  }
  if (policy.maxDeletes !== undefined && deletes.length > policy.maxDeletes && !flags.allowDeletes) {
    violations.push({
      domain,
      rule: 'max_deletes',
      flag: '--allow-deletes',
      message: `${domain}: ${deletes.length} delete${deletes.length === 1 ? '' : 's'} exceed${deletes.length === 1 ? 's' : ''} policy.max_deletes = ${policy.maxDeletes}; re-run with --allow-deletes to proceed`,
    });
  } else if (deletes.length > 0 && !flags.allowDeletes) {
    violations.push({
      domain,
      rule: 'data_destroying',
      flag: '--allow-deletes',
      message: `${domain}: ${deletes.length} delete${deletes.length === 1 ? '' : 's'} would destroy data (voicemail, greetings, contacts); re-run with --allow-deletes to proceed`,
    });
  }
  if (recycles.length > 0 && !flags.allowRecycle) {
    violations.push({
      domain,
      rule: 'recycle',
      flag: '--allow-recycle',
      message: `${domain}: ${recycles.length} recycle${recycles.length === 1 ? '' : 's'} (a different person at the same extension) would clear the previous person's data (each recycle lists what it clears); re-run with --allow-recycle to proceed`,
    });
  }
  violations.push(...callFlowViolations(plan, policy));
  return { ...plan, violations };
}

/**
 * A managed number the plan leaves reaching nobody, or a forwarding loop the plan creates, blocks the
 * plan with the path; `policy.allow_dead_ends` lists the numbers/extensions (or `*`) allowed to.
 */
function callFlowViolations(plan: DomainPlan, policy: Policy): SafetyViolation[] {
  const allowed = new Set((policy.allowDeadEnds ?? []).map((a) => (a === '*' ? a : normalizeNumber(a))));
  if (allowed.has('*')) return [];
  return brokenFlows(plan.callFlows ?? [])
    .filter(({ flow }) => !allowed.has(flow.start))
    .map(({ flow, scenario }) => {
      // Violations are never redacted: a number is named by its last digits, its own step left out.
      const what = flow.type === 'number' ? `phone number ${maskedNumber(flow.start)}` : `extension ${flow.start}`;
      const broken = scenario.after.outcome.type === 'loop' ? 'is caught in a forwarding loop' : 'reaches nobody';
      const shown = flow.type === 'number' ? scenario.after.steps.slice(1) : scenario.after.steps;
      const path = shown.map((s) => s.trim()).join(' → ');
      return {
        domain: plan.domain,
        rule: 'call_flow' as const,
        message: `${plan.domain}: after this plan a call to ${what} ${broken} (${scenario.when}, e.g. ${scenario.example}): ${path}; fix the routing, or list it in policy.allow_dead_ends to accept this`,
      };
    });
}
