import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatChecksumMarker, PLAN_MARKER, stripMarkers } from './markers';
import {
  blockReasons,
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

/** GitHub rejects comments over 65,536 characters; stay clearly below. */
export const COMMENT_LIMIT = 65_000;
const LOG_TAIL_LINES = 30;

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

/** Exit codes of `pbxctl plan --detailed-exitcode` that mean "a plan was made". */
const PLANNED = new Set([0, 2, 3]);

export function combineResults(
  results: readonly ShardResult[],
  options: { headSha?: string; shards?: number; expectedJobs?: number; upstreamFailures?: readonly string[] } = {},
): CombinedPlan {
  const errors: string[] = [...(options.upstreamFailures ?? [])];
  const plans: CombinedPlan['plans'][number][] = [];
  const domains: DomainCounts[] = [];
  const checksums: string[] = [];
  const blockedReasons: string[] = [];
  let blocked = false;
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
  const state = errors.length > 0 || blocked ? 'failure' : 'success';
  let description: string;
  if (errors.length > 0) description = `Plan failed: ${errors[0]}`;
  else if (blocked) description = `Blocked by policy: ${blockedReasons[0]}`;
  else if (domains.length === 0) description = 'No domain changes';
  else if (!changes) description = `No changes in ${domains.length} domain(s)`;
  else {
    description =
      `${domains.length} domain(s): ${totals.create} to create, ${totals.update} to update, ` +
      `${totals.delete} to delete, ${totals.recycle} to recycle`;
  }
  return {
    format_version: '1',
    kind: 'pbxctl-combined-plan',
    checksum: combinedChecksum(checksums),
    head_sha: options.headSha,
    shards: options.shards,
    plans,
    domains,
    totals,
    has_changes: changes,
    blocked,
    blocked_reasons: blockedReasons,
    errors,
    state,
    // Commit-status descriptions are limited to 140 characters.
    description: description.length > 140 ? `${description.slice(0, 139)}…` : description,
  };
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function fence(text: string): string {
  const body = text.replace(/```/g, '`\u200b``');
  return `\`\`\`\n${body}\n\`\`\``;
}

function tail(text: string, lines: number): string {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

/** Cut `text` to `limit` characters at a line boundary, saying so. */
function truncate(text: string, limit: number, note: string): string {
  if (text.length <= limit) return text;
  const room = Math.max(0, limit - note.length - 2);
  const cut = text.lastIndexOf('\n', room);
  return `${text.slice(0, cut > 0 ? cut : room)}\n${note}`;
}

export interface RenderOptions {
  readonly title?: string;
  readonly runUrl?: string;
  readonly limit?: number;
}

/** The PR comment: markers, headline, per-domain table, then each shard's plan.md collapsed. */
export function renderCombinedComment(
  combined: CombinedPlan,
  results: readonly ShardResult[],
  options: RenderOptions = {},
): string {
  const limit = options.limit ?? COMMENT_LIMIT;
  const head: string[] = [
    PLAN_MARKER,
    formatChecksumMarker({ checksum: combined.checksum, headSha: combined.head_sha, shards: combined.shards }),
    `## ${options.title ?? 'pbxctl plan'}`,
    '',
  ];
  if (combined.errors.length > 0) {
    head.push('> [!CAUTION]', '> **The plan failed.** Nothing can be applied until it succeeds.', '>');
    for (const error of combined.errors) head.push(`> - ${escapeCell(error)}`);
    head.push('');
  }
  if (combined.blocked) {
    head.push('> [!WARNING]', '> **Blocked by policy.** Merging will not apply this plan.', '>');
    for (const reason of combined.blocked_reasons) head.push(`> - ${escapeCell(reason)}`);
    head.push('');
  }
  head.push(`**${combined.description}**`, '');
  const footer = [
    '',
    `<sub>checksum \`${combined.checksum.slice(0, 16)}\`` +
      (combined.head_sha ? ` · commit ${combined.head_sha.slice(0, 12)}` : '') +
      (options.runUrl ? ` · [workflow run](${options.runUrl})` : '') +
      ' · full plan.json in the run artifacts · this comment is updated on every push</sub>',
  ];
  const table: string[] = [];
  if (combined.domains.length > 0) {
    table.push(
      '| Domain | Create | Update | Delete | Recycle | Unmanaged | Policy |',
      '|---|---:|---:|---:|---:|---:|---|',
    );
    for (const d of combined.domains) {
      const policy = d.blocked.length ? `⛔ ${escapeCell(d.blocked.map((b) => b.rule).join(', '))}` : 'ok';
      table.push(
        `| \`${escapeCell(d.domain)}\` | ${d.create} | ${d.update} | ${d.delete} | ${d.recycle} | ${d.unmanaged} | ${policy} |`,
      );
    }
    table.push('');
  }
  let text = head.join('\n');
  const footerText = footer.join('\n');
  // The table can be long for a fleet-wide change: keep rows while they fit in half the budget.
  const tableBudget = Math.floor(limit / 2);
  let tableText = table.join('\n');
  if (tableText.length > tableBudget) {
    const kept: string[] = [];
    let size = 0;
    for (const row of table) {
      if (size + row.length + 200 > tableBudget) break;
      kept.push(row);
      size += row.length + 1;
    }
    const dropped = combined.domains.length - (kept.length - 2);
    tableText = `${kept.join('\n')}\n\n_… ${dropped} more domain(s) not shown; see plan.json in the run artifacts._\n`;
  }
  text += `\n${tableText}`;
  const sections: string[] = [];
  for (const result of results) {
    const label = result.name === '.' ? 'Plan' : result.name;
    if (result.plan && result.markdown) {
      const domainsList = result.plan.domains.map((d) => d.domain).join(', ');
      const summary = escapeHtml(`${label}${domainsList ? ` — ${domainsList}` : ''}`);
      sections.push(
        `<details><summary>${truncate(summary, 300, '…')}</summary>\n\n${stripMarkers(result.markdown).trim()}\n\n</details>\n`,
      );
    } else if (!result.plan) {
      const log = result.log ? `\n\n${fence(tail(result.log, LOG_TAIL_LINES))}` : '';
      sections.push(`<details open><summary>${escapeHtml(label)} failed</summary>${log}\n\n</details>\n`);
    }
  }
  let remaining = limit - text.length - footerText.length - 200; // room for the "omitted" line
  for (const [i, section] of sections.entries()) {
    const note = `\n_… truncated; see the run artifacts for the full plan._\n\n</details>\n`;
    if (section.length <= remaining) {
      text += `\n${section}`;
      remaining -= section.length + 1;
    } else if (remaining > 500) {
      text += `\n${truncate(section, remaining - note.length, '')}${note}`;
      remaining = 0;
    } else {
      text += `\n_${sections.length - i} more section(s) omitted to stay under GitHub's comment limit._\n`;
      break;
    }
  }
  return `${text}${footerText}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The job summary: the same headline and table without the collapsed plans. */
export function renderCombinedSummary(combined: CombinedPlan, title = 'pbxctl plan'): string {
  const lines = [`### ${title}`, '', `**${combined.description}**`, ''];
  for (const error of combined.errors) lines.push(`- ❌ ${error}`);
  for (const reason of combined.blocked_reasons) lines.push(`- ⛔ ${reason}`);
  if (combined.domains.length > 0) {
    lines.push('', '| Domain | Create | Update | Delete | Recycle | Unmanaged |', '|---|---:|---:|---:|---:|---:|');
    for (const d of combined.domains) {
      lines.push(
        `| ${escapeCell(d.domain)} | ${d.create} | ${d.update} | ${d.delete} | ${d.recycle} | ${d.unmanaged} |`,
      );
    }
  }
  lines.push('', `checksum \`${combined.checksum}\``, '');
  return lines.join('\n');
}
