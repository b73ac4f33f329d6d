import { isFailed, isSkipped, parseAuditLog, type ApplyShardResult } from './audit';
import type { ShardResult } from './combine';
import type { GitHubClient, Issue } from './github-client';
import { driftMarker, NOT_CONVERGED_MARKER } from './markers';
import type { DomainView } from './plan-file';
import { GITHUB_BODY_LIMIT } from './pr-comment';

export const DRIFT_LABEL = 'pbxctl-drift';
export const NOT_CONVERGED_LABEL = 'pbxctl-not-converged';
const MAX_ROWS = 200;
const LOG_TAIL_LINES = 20;

function fitBody(body: string): string {
  if (body.length <= GITHUB_BODY_LIMIT) return body;
  const note = '\n\n_… truncated; see the workflow run for everything._\n';
  return body.slice(0, GITHUB_BODY_LIMIT - note.length) + note;
}

function cell(value: unknown): string {
  return String(value ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

// ---------------------------------------------------------------------------------------------------------
// Drift: one issue per domain, opened when drifted, updated while drifted, closed when clean.

export interface DriftIssueReport {
  readonly opened: string[];
  readonly updated: string[];
  readonly closed: string[];
  readonly clean: string[];
  /** Domains whose drift check failed: unknown is never "clean", so their issues are left alone. */
  readonly unknown: string[];
}

export function renderDriftIssueBody(domain: DomainView, context: { runUrl?: string; sha?: string }): string {
  const lines = [
    driftMarker(domain.domain),
    `The live platform no longer matches the desired state of **${domain.domain}**` +
      (context.sha ? ` at commit ${context.sha.slice(0, 12)}` : '') +
      '.',
    '',
    `pbxctl drift found ${domain.changes.length} difference(s). Either apply the desired state again (re-run the ` +
      'apply workflow or merge a PR touching the domain) or, if the portal change was intended, export it into ' +
      'the YAML with `pbxctl export` and open a PR.',
    '',
    '| Change | Kind | Key | Fields | Last modified on the platform |',
    '|---|---|---|---|---|',
  ];
  for (const change of domain.changes.slice(0, MAX_ROWS)) {
    lines.push(
      `| ${cell(change.action)} | ${cell(change.kind)} | ${cell(change.key)} | ${cell(change.fields.join(', '))} | ` +
        `${cell(change.lastModified ?? '—')} |`,
    );
  }
  if (domain.changes.length > MAX_ROWS) lines.push('', `_… and ${domain.changes.length - MAX_ROWS} more._`);
  if (context.runUrl) lines.push('', `Last checked by [this run](${context.runUrl}).`);
  lines.push('', '_This issue is maintained by pbxctl and closes itself when the domain is clean again._');
  return fitBody(lines.join('\n'));
}

function findMarked(issues: readonly Issue[], marker: string): Issue | undefined {
  return issues.find((issue) => issue.body?.includes(marker));
}

/** Exit codes of `pbxctl drift`: 0 clean, 2 drifted. Anything else means the check itself failed. */
const DRIFT_OK = new Set([0, 2]);

export async function syncDriftIssues(
  client: GitHubClient,
  results: readonly ShardResult[],
  context: { runUrl?: string; sha?: string; label?: string } = {},
): Promise<DriftIssueReport> {
  const label = context.label ?? DRIFT_LABEL;
  const report: DriftIssueReport = { opened: [], updated: [], closed: [], clean: [], unknown: [] };
  const open = await client.listIssues({ labels: [label], state: 'open' });
  for (const result of results) {
    if (!result.plan || (result.exitCode !== undefined && !DRIFT_OK.has(result.exitCode))) {
      report.unknown.push(...(result.plan?.domains.map((d) => d.domain) ?? [result.name]));
      continue;
    }
    for (const domain of result.plan.domains) {
      const existing = findMarked(open, driftMarker(domain.domain));
      if (domain.changes.length > 0) {
        const body = renderDriftIssueBody(domain, context);
        if (existing) {
          if (existing.body !== body) await client.updateIssue(existing.number, { body });
          report.updated.push(domain.domain);
        } else {
          await client.createIssue({ title: `Drift: ${domain.domain}`, body, labels: [label] });
          report.opened.push(domain.domain);
        }
      } else {
        report.clean.push(domain.domain);
        if (existing) {
          await client.createIssueComment(
            existing.number,
            `${domain.domain} is clean again` +
              (context.runUrl ? ` ([drift run](${context.runUrl}))` : '') +
              '. Closing.',
          );
          await client.updateIssue(existing.number, { state: 'closed', state_reason: 'completed' });
          report.closed.push(domain.domain);
        }
      }
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------------
// Apply: one "main is not converged" issue, opened/updated on a partial or refused apply, closed on success.

export interface ApplyReport {
  readonly converged: boolean;
  readonly action: 'opened' | 'updated' | 'closed' | 'none';
  readonly issueNumber?: number;
  readonly failed: number;
  readonly applied: number;
  readonly skipped: number;
  readonly body?: string;
}

export interface ApplyContext {
  readonly sha?: string;
  readonly runUrl?: string;
  /** Why apply never ran (checksum mismatch, no reviewed plan); makes main not converged. */
  readonly refused?: string;
  /** Shard jobs that should have reported; fewer results means some were cancelled or crashed. */
  readonly expectedJobs?: number;
  readonly label?: string;
}

export function renderNotConvergedBody(results: readonly ApplyShardResult[], context: ApplyContext): string {
  const lines = [
    NOT_CONVERGED_MARKER,
    `**main is not converged**${context.sha ? ` at commit ${context.sha.slice(0, 12)}` : ''}: the live platform does ` +
      'not match what main describes. Fix the cause and re-run the apply workflow (a rerun converges), or merge a ' +
      'fix; this issue closes itself after the next complete apply.',
    '',
  ];
  if (context.refused) lines.push(`Apply was **refused**: ${context.refused}`, '');
  if (context.expectedJobs !== undefined && results.length < context.expectedJobs) {
    lines.push(`Only ${results.length} of ${context.expectedJobs} apply job(s) reported a result.`, '');
  }
  if (results.length > 0) {
    lines.push('| Shard | Exit code | Applied | Failed | Skipped |', '|---|---:|---:|---:|---:|');
    for (const result of results) {
      const ops = parseAuditLog(result.audit);
      const failed = ops.filter(isFailed).length;
      const skipped = ops.filter(isSkipped).length;
      lines.push(
        `| ${cell(result.name)} | ${result.exitCode ?? 'none'} | ${ops.length - failed - skipped} | ${failed} | ${skipped} |`,
      );
    }
    const failures = results.flatMap((r) => parseAuditLog(r.audit).filter(isFailed));
    if (failures.length > 0) {
      lines.push('', '### Failed operations', '', '| Domain | Change | Kind | Key | Error |', '|---|---|---|---|---|');
      for (const op of failures.slice(0, MAX_ROWS)) {
        lines.push(
          `| ${cell(op.domain)} | ${cell(op.action)} | ${cell(op.kind)} | ${cell(op.key)} | ${cell(op.error)} |`,
        );
      }
      if (failures.length > MAX_ROWS) lines.push('', `_… and ${failures.length - MAX_ROWS} more._`);
    }
    // A shard that failed before any operation (stale plan, platform error) has no failed operations to list:
    // quote the end of its apply log so the issue says why.
    for (const result of results) {
      if (result.exitCode === 0 || !result.log?.trim()) continue;
      const tail = result.log.trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n').replace(/```/g, '`\u200b``');
      lines.push(
        '',
        `<details><summary>${cell(result.name)}: end of apply.log</summary>`,
        '',
        '```',
        tail,
        '```',
        '',
        '</details>',
      );
    }
  }
  if (context.runUrl) lines.push('', `Audit log and details: [workflow run](${context.runUrl}).`);
  return fitBody(lines.join('\n'));
}

export async function reportApply(
  client: GitHubClient,
  results: readonly ApplyShardResult[],
  context: ApplyContext = {},
): Promise<ApplyReport> {
  const label = context.label ?? NOT_CONVERGED_LABEL;
  const ops = results.flatMap((r) => parseAuditLog(r.audit));
  const failed = ops.filter(isFailed).length;
  const skipped = ops.filter(isSkipped).length;
  const applied = ops.length - failed - skipped;
  const converged =
    !context.refused &&
    results.every((r) => r.exitCode === 0) &&
    (context.expectedJobs === undefined || results.length >= context.expectedJobs);
  const open = await client.listIssues({ labels: [label], state: 'open' });
  const existing = findMarked(open, NOT_CONVERGED_MARKER);
  if (converged) {
    if (!existing) return { converged, action: 'none', failed, applied, skipped };
    await client.createIssueComment(
      existing.number,
      `Converged${context.sha ? ` at ${context.sha.slice(0, 12)}` : ''}` +
        (context.runUrl ? ` ([apply run](${context.runUrl}))` : '') +
        '. Closing.',
    );
    await client.updateIssue(existing.number, { state: 'closed', state_reason: 'completed' });
    return { converged, action: 'closed', issueNumber: existing.number, failed, applied, skipped };
  }
  const body = renderNotConvergedBody(results, context);
  if (existing) {
    await client.updateIssue(existing.number, { body });
    await client.createIssueComment(
      existing.number,
      `Still not converged${context.sha ? ` at ${context.sha.slice(0, 12)}` : ''}` +
        (context.runUrl ? ` ([apply run](${context.runUrl}))` : '') +
        '.',
    );
    return { converged, action: 'updated', issueNumber: existing.number, failed, applied, skipped, body };
  }
  const issue = await client.createIssue({ title: 'pbxctl: main is not converged', body, labels: [label] });
  return { converged, action: 'opened', issueNumber: issue.number, failed, applied, skipped, body };
}
