import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  blockReasons,
  blocksAreApprovable,
  countDomain,
  type DomainCounts,
  hasChanges,
  isBlocked,
  type PlanView,
  readPlanFile,
} from './plan-file';

/**
 * Assemble the per-shard results of a plan (or drift) matrix into one PR comment, one job summary and one
 * combined checksum.
 *
 * A results directory holds one sub-directory per shard (what actions/download-artifact writes for a
 * pattern), or the shard files directly. The files of a shard:
 *   plan.json   `pbxctl plan --out plan.json` (missing when planning failed)
 *   plan.md     `pbxctl plan --format markdown` (optional; embedded in the comment)
 *   exit-code   the exit code of `pbxctl plan --detailed-exitcode` (optional)
 *   plan.log    stderr of the plan command (optional; its tail is quoted when the shard failed)
 */

export interface ShardResult {
  readonly name: string;
  readonly plan?: PlanView;
  readonly markdown?: string;
  readonly exitCode?: number;
  readonly log?: string;
  readonly error?: string;
}

export interface CombinedPlan {
  readonly format_version: '1';
  readonly kind: 'pbxctl-combined-plan';
  /** sha256 over the sorted shard checksums: what the PR comment records and apply compares. */
  readonly checksum: string;
  readonly head_sha?: string;
  readonly shards?: number;
  readonly plans: readonly { name: string; checksum?: string; exit_code?: number; domains: string[] }[];
  readonly domains: readonly DomainCounts[];
  readonly totals: { create: number; update: number; delete: number; recycle: number; unmanaged: number };
  readonly has_changes: boolean;
  readonly blocked: boolean;
  readonly blocked_reasons: readonly string[];
  /** Blocked only by rules a flag lifts (deletes, recycles): a `/pbxctl approve` comment can approve it. */
  readonly approvable: boolean;
  /** Who approved the deletes/recycles of exactly this plan (then state is success despite `blocked`). */
  readonly approved_by?: string;
  readonly errors: readonly string[];
  readonly state: 'success' | 'failure';
  readonly description: string;
}

function readOptional(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function readShard(dir: string, name: string, planFileName: string, markdownFileName: string): ShardResult {
  const exitText = readOptional(join(dir, 'exit-code'))?.trim();
  const exitCode = exitText === undefined || exitText === '' ? undefined : Number(exitText);
  const log = readOptional(join(dir, 'plan.log')) ?? readOptional(join(dir, 'drift.log'));
  const markdown = readOptional(join(dir, markdownFileName));
  const planPath = join(dir, planFileName);
  if (!existsSync(planPath)) {
    return { name, exitCode, log, markdown, error: `no ${planFileName} (exit code ${exitText ?? 'unknown'})` };
  }
  try {
    return { name, exitCode, log, markdown, plan: readPlanFile(planPath) };
  } catch (error) {
    return { name, exitCode, log, markdown, error: (error as Error).message };
  }
}

/** Read every shard under `dir`, sorted by name with numbers compared numerically. */
export function readShardResults(
  dir: string,
  options: { planFile?: string; markdownFile?: string } = {},
): ShardResult[] {
  const planFile = options.planFile ?? 'plan.json';
  const markdownFile = options.markdownFile ?? 'plan.md';
  if (!existsSync(dir)) return [];
  if (existsSync(join(dir, planFile)) || existsSync(join(dir, 'exit-code'))) {
    return [readShard(dir, '.', planFile, markdownFile)];
  }
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => readShard(join(dir, name), name, planFile, markdownFile));
}

export function combinedChecksum(checksums: readonly string[]): string {
  const hash = createHash('sha256').update('pbxctl-combined-v1\n');
  for (const checksum of [...checksums].sort()) hash.update(`${checksum}\n`);
  return hash.digest('hex');
}

export interface CombineOptions {
  readonly headSha?: string;
  readonly shards?: number;
  readonly expectedJobs?: number;
  readonly upstreamFailures?: readonly string[];
  /** A valid `/pbxctl approve` of the deletes/recycles of the plan with this checksum (see approval.ts). */
  readonly approval?: { readonly checksum: string; readonly approver: string };
}

/** Exit codes of `pbxctl plan --detailed-exitcode` that mean "a plan was made". */
const PLANNED = new Set([0, 2, 3]);

export function combineResults(results: readonly ShardResult[], options: CombineOptions = {}): CombinedPlan {
  const errors: string[] = [...(options.upstreamFailures ?? [])];
  const plans: CombinedPlan['plans'][number][] = [];
  const domains: DomainCounts[] = [];
  const checksums: string[] = [];
  const blockedReasons: string[] = [];
  let blocked = false;
  let approvable = true;
  let changes = false;
  for (const result of results) {
    if (result.plan && (result.exitCode === undefined || PLANNED.has(result.exitCode))) {
      checksums.push(result.plan.checksum);
      plans.push({
        name: result.name,
        checksum: result.plan.checksum,
        exit_code: result.exitCode,
        domains: result.plan.domains.map((d) => d.domain),
      });
      domains.push(...result.plan.domains.map(countDomain));
      if (isBlocked(result.plan) || result.exitCode === 3) {
        blocked = true;
        const reasons = blockReasons(result.plan);
        blockedReasons.push(...(reasons.length ? reasons : [`${result.name}: blocked by policy`]));
        if (!reasons.length || !blocksAreApprovable(result.plan)) approvable = false;
      }
      if (hasChanges(result.plan)) changes = true;
    } else {
      errors.push(`${result.name}: ${result.error ?? `plan failed with exit code ${result.exitCode}`}`);
      plans.push({ name: result.name, exit_code: result.exitCode, domains: [] });
    }
  }
  if (options.expectedJobs !== undefined && results.length < options.expectedJobs) {
    errors.push(`expected results from ${options.expectedJobs} shard job(s), found ${results.length}`);
  }
  domains.sort((a, b) => a.domain.localeCompare(b.domain));
  const totals = { create: 0, update: 0, delete: 0, recycle: 0, unmanaged: 0 };
  for (const d of domains) {
    totals.create += d.create;
    totals.update += d.update;
    totals.delete += d.delete;
    totals.recycle += d.recycle;
    totals.unmanaged += d.unmanaged;
  }
  const checksum = combinedChecksum(checksums);
  const approvedBy =
    blocked && approvable && errors.length === 0 && options.approval?.checksum === checksum
      ? options.approval.approver
      : undefined;
  const state = errors.length > 0 || (blocked && !approvedBy) ? 'failure' : 'success';
  const description = describe({ errors, blocked, blockedReasons, approvedBy, domains, changes, totals });
  return {
    format_version: '1',
    kind: 'pbxctl-combined-plan',
    checksum,
    head_sha: options.headSha,
    shards: options.shards,
    plans,
    domains,
    totals,
    has_changes: changes,
    blocked,
    blocked_reasons: blockedReasons,
    approvable: blocked && approvable,
    ...(approvedBy ? { approved_by: approvedBy } : {}),
    errors,
    state,
    description,
  };
}

function describe(input: {
  errors: readonly string[];
  blocked: boolean;
  blockedReasons: readonly string[];
  approvedBy?: string;
  domains: readonly DomainCounts[];
  changes: boolean;
  totals: CombinedPlan['totals'];
}): string {
  const { errors, domains, totals } = input;
  let description: string;
  if (errors.length > 0) description = `Plan failed: ${errors[0]}`;
  else if (input.approvedBy)
    description = `Approved by @${input.approvedBy}: ${totals.delete} delete(s), ${totals.recycle} recycle(s)`;
  else if (input.blocked) description = `Blocked by policy: ${input.blockedReasons[0]}`;
  else if (domains.length === 0) description = 'No domain changes';
  else if (!input.changes) description = `No changes in ${domains.length} domain(s)`;
  else {
    description =
      `${domains.length} domain(s): ${totals.create} to create, ${totals.update} to update, ` +
      `${totals.delete} to delete, ${totals.recycle} to recycle`;
  }
  // Commit-status descriptions are limited to 140 characters.
  return description.length > 140 ? `${description.slice(0, 139)}…` : description;
}
