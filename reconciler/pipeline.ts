/**
 * The pipeline's I/O-bearing driver (docs/design.md §4):
 *   loadDesiredState → readLiveState → computePlan → checkSafety → render → applyPlan → verify
 * `plan/` stays pure; this module feeds it what it read. Fleet: several domains in one run, bounded.
 */
import type { DesiredState, DomainDesiredState } from './desired/load-desired-state';
import { StalePlanError } from './errors';
import { readLiveState, readLosses, type DomainLiveState } from './live/read-live-state';
import type { NetSapiensClient } from './platform/client';
import { checkSafety, type SafetyFlags } from './plan/check-safety';
import { computePlan, destructiveKeys, type DomainPlan, type LossTable, withLosses } from './plan/compute-plan';
import { assertExtensionsFree, assertReferencesExist } from './plan/references';
import { planCallFlows } from './plan/plan-call-flows';
import { assertRuleTimeFramesExist } from './plan/rule-frames';
import { buildPlanDocument, domainInputs, type DomainInputs, type PlanDocument } from './plan/plan-document';
import { planAhead } from './plan/plan-ahead';
import { background } from './util/background';
import { mapBounded } from './util/map-bounded';
import type { WelcomeStatus } from './apply/welcome-ledger';
import { plannedWelcomes } from './apply/welcome-plan';

export { assertExtensionsFree, assertReferencesExist };

export interface DomainRun {
  readonly desired: DomainDesiredState;
  readonly live: DomainLiveState;
  readonly plan: DomainPlan;
  readonly inputs: DomainInputs;
}

export interface PlanRun {
  readonly document: PlanDocument;
  readonly domains: readonly DomainRun[];
}

export interface PlanRunOptions extends SafetyFlags {
  /** Domains planned at once (fleet). */
  readonly domainConcurrency?: number;
  /** Per-object reads at once within a domain. */
  readonly concurrency?: number;
  readonly onDomainDone?: (domain: string, done: number, total: number) => void;
  /** Welcome e-mails earlier applies owe, per domain (the welcome ledger beside the audit log). */
  readonly welcomeStatus?: (domain: string) => WelcomeStatus | undefined;
}

export async function planDomain(
  client: NetSapiensClient,
  desired: DomainDesiredState,
  options: PlanRunOptions = {},
): Promise<DomainRun> {
  const live = await readForPlan(client, desired, options);
  // The plan is computed once; what its deletes and recycles would lose is read and added to it.
  const draft = draftPlan(desired, live);
  const candidates = destructiveKeys(draft);
  const losses = candidates.length
    ? await readLosses(client, desired.domain, candidates, options.concurrency)
    : undefined;
  return finishPlan(desired, live, draft, losses, options);
}

/**
 * The live state a plan is made from. Each object's digest (the plan's inputs) and its differences from the
 * files are worked out as the object arrives, while the rest of the domain is still being read, not after the
 * last answer (`planAhead`, issue 15).
 */
export async function readForPlan(
  client: NetSapiensClient,
  desired: DomainDesiredState,
  options: Pick<PlanRunOptions, 'concurrency'> = {},
): Promise<DomainLiveState> {
  // In short slices between the read's I/O, never in its callbacks: the requests still to send go first.
  const ahead = background(planAhead(desired));
  try {
    const live = await readLiveState(client, desired.domain, {
      desired: desired.objects,
      concurrency: options.concurrency,
      platform: desired.platform,
      made: ahead.push,
    });
    ahead.flush();
    return live;
  } finally {
    ahead.drop();
  }
}

/** The plan's changes from what was read, before what deletes would lose is known. PURE. */
export function draftPlan(desired: DomainDesiredState, live: DomainLiveState): DomainPlan {
  assertReferencesExist(desired, live);
  assertExtensionsFree(desired, live);
  assertRuleTimeFramesExist(desired, live);
  return computePlan({ desired, live });
}

/** The draft with its losses, call flows, safety checks, welcome e-mails and inputs. PURE. */
export function finishPlan(
  desired: DomainDesiredState,
  live: DomainLiveState,
  draft: DomainPlan,
  losses: LossTable | undefined,
  options: PlanRunOptions = {},
): DomainRun {
  const flows = planCallFlows(desired, live, draft);
  const withFlows = flows.length > 0 ? { ...draft, callFlows: flows } : draft;
  const planned = checkSafety(losses ? withLosses(withFlows, losses) : withFlows, desired.policy, options);
  const plan = { ...planned, ...plannedWelcomes(planned, desired, live, options.welcomeStatus?.(desired.domain)) };
  return { desired, live, plan, inputs: domainInputs(desired, live) };
}

export async function runPlan(
  state: DesiredState,
  client: NetSapiensClient,
  options: PlanRunOptions = {},
): Promise<PlanRun> {
  let done = 0;
  const domains = await mapBounded(state.domains, options.domainConcurrency ?? 4, async (d) => {
    const run = await planDomain(client, d, options);
    options.onDomainDone?.(d.domain, ++done, state.domains.length);
    return run;
  });
  const inputs = Object.fromEntries(domains.map((d) => [d.desired.domain, d.inputs]));
  return {
    document: buildPlanDocument(
      domains.map((d) => d.plan),
      inputs,
    ),
    domains,
  };
}

/**
 * Refuses a saved plan that no longer describes what would happen: the files changed, or the platform
 * changed since the plan was reviewed (naming the objects), or the changes differ for any other reason.
 */
export function assertNotStale(saved: PlanDocument, fresh: PlanRun): void {
  const details: string[] = [];
  const savedDomains = new Set(saved.domains.map((d) => d.domain));
  const freshDomains = new Set(fresh.domains.map((d) => d.desired.domain));
  for (const d of savedDomains) if (!freshDomains.has(d)) details.push(`domain ${d} is no longer in the files`);
  for (const d of freshDomains) if (!savedDomains.has(d)) details.push(`domain ${d} was not in the saved plan`);
  for (const run of fresh.domains) {
    const domain = run.desired.domain;
    const before = saved.inputs[domain];
    if (!before) continue;
    if (before.files_digest !== run.inputs.files_digest)
      details.push(`${domain}: the desired-state files changed since the plan was made`);
    if (before.live_digest !== run.inputs.live_digest) {
      const ids = new Set([...Object.keys(before.objects), ...Object.keys(run.inputs.objects)]);
      for (const id of [...ids].sort()) {
        const a = before.objects[id];
        const b = run.inputs.objects[id];
        if (a === b) continue;
        const obj = findLive(run.live, id);
        const when = obj?.lastModified ? ` (last modified ${obj.lastModified})` : '';
        details.push(
          `${domain}: ${id.replace(':', ' ')} ${a === undefined ? 'appeared on the platform' : b === undefined ? 'disappeared from the platform' : 'was changed on the platform'}${when}`,
        );
      }
    }
  }
  if (details.length === 0 && saved.checksum !== fresh.document.checksum)
    details.push('the planned changes differ from the saved plan');
  if (details.length > 0) {
    throw new StalePlanError('the saved plan is stale: run `pbxctl plan` again and review the new plan', details);
  }
}

function findLive(live: DomainLiveState, id: string) {
  const [kind = '', ...rest] = id.split(':');
  const key = rest.join(':');
  return live.objects.get(kind)?.find((o) => o.key === key);
}

export interface VerifyResult {
  /** Ids of applied changes the platform does not show yet (or shows differently). */
  readonly unconverged: readonly string[];
  readonly attempts: number;
}

/**
 * Reads back what an apply wrote (docs/design.md §4 Apply … verify). Writes answered 202 may take a moment to
 * become visible (geo replication), so a difference is re-read a few times before it is reported.
 */
export async function verifyDomain(
  client: NetSapiensClient,
  desired: DomainDesiredState,
  appliedIds: ReadonlySet<string>,
  options: { attempts?: number; delayMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<VerifyResult> {
  const attempts = options.attempts ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let unconverged: string[] = [];
  for (let i = 1; i <= attempts; i++) {
    const live = await readLiveState(client, desired.domain, { desired: desired.objects, platform: desired.platform });
    const plan = computePlan({ desired, live });
    unconverged = plan.changes.filter((c) => appliedIds.has(c.id)).map((c) => c.id);
    if (unconverged.length === 0) return { unconverged, attempts: i };
    if (i < attempts) await sleep((options.delayMs ?? 250) * 2 ** (i - 1));
  }
  return { unconverged, attempts };
}
