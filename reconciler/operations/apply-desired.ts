/**
 * The whole top of the pipeline as one call for library users (provider, bench, CI helpers): lock the
 * domains, read the platform and plan, then apply with the write-ahead journal, the audit record and the
 * read-back. Returns the plan run and the typed apply result; never prints, never asks.
 */
import type { DesiredState } from '../desired/load-desired-state';
import { type PlanRun, type PlanRunOptions, runPlan } from '../pipeline';
import type { NetSapiensClient } from '../platform/client';
import { type ApplyRunOptions, type ApplyRunResult, applyPlanRun } from './apply-run';
import { acquireDomainLocks, type LockOptions } from './domain-lock';

export interface ApplyDesiredOptions extends Omit<ApplyRunOptions, 'run' | 'client'> {
  readonly plan?: PlanRunOptions;
  readonly lock?: LockOptions;
}

export async function applyDesiredState(
  state: DesiredState,
  client: NetSapiensClient,
  options: ApplyDesiredOptions,
): Promise<{ run: PlanRun; result: ApplyRunResult }> {
  const locks = acquireDomainLocks(
    state.domains.map((d) => d.domain),
    options.lock,
  );
  try {
    const run = await runPlan(state, client, options.plan);
    return { run, result: await applyPlanRun({ ...options, run, client }) };
  } finally {
    locks.release();
  }
}
