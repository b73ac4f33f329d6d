import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appendSummary, runUrl, writeOutputs } from '../actions-io';
import { type ApplyShardResult, parseAuditLog, readApplyResults } from '../audit';
import { readShardResults, type ShardResult } from '../combine';
import { reportApply, syncDriftIssues } from '../issues';
import { readPlanFile } from '../plan-file';
import { type CiIo, client, integer, parse, UsageError, writeFile } from './args';

/** `report-apply` and `drift-issues`: the issues that say main is not converged or a domain drifted. */

export async function reportApplyCommand(argv: string[], io: CiIo): Promise<number> {
  const { values } = parse(argv, {
    results: { type: 'string' },
    audit: { type: 'string' },
    'exit-code': { type: 'string' },
    refused: { type: 'string' },
    'expected-jobs': { type: 'string' },
    sha: { type: 'string' },
    'audit-out': { type: 'string' },
    label: { type: 'string' },
  });
  let results: ApplyShardResult[];
  if (values.results) {
    results = readApplyResults(resolve(io.cwd, values.results as string));
  } else if (values['exit-code'] !== undefined) {
    const audit = values.audit ? resolve(io.cwd, values.audit as string) : undefined;
    results = [
      {
        name: '.',
        exitCode: integer(values['exit-code'], 'exit-code'),
        audit: audit && existsSync(audit) ? readFileSync(audit, 'utf8') : '',
      },
    ];
  } else if (values.refused) {
    results = [];
  } else {
    throw new UsageError('report-apply needs --results DIR, or --exit-code N [--audit FILE], or --refused REASON');
  }
  if (values['audit-out']) {
    const merged = results
      .map((r) => r.audit.trimEnd())
      .filter(Boolean)
      .join('\n');
    writeFile(io, values['audit-out'] as string, merged ? `${merged}\n` : '');
  }
  const report = await reportApply(client(values, io), results, {
    sha: (values.sha as string | undefined) ?? io.env.GITHUB_SHA,
    runUrl: runUrl(io.env),
    refused: values.refused as string | undefined,
    expectedJobs: integer(values['expected-jobs'], 'expected-jobs'),
    label: values.label as string | undefined,
  });
  writeOutputs(io.env, {
    converged: report.converged,
    issue: report.issueNumber ?? '',
    applied: report.applied,
    failed: report.failed,
    skipped: report.skipped,
  });
  const ops = results.reduce((n, r) => n + parseAuditLog(r.audit).length, 0);
  appendSummary(
    io.env,
    `### pbxctl apply\n\n${report.converged ? '✅ converged' : '❌ **not converged**'} — ${report.applied} applied, ` +
      `${report.failed} failed, ${report.skipped} skipped (${ops} audited operations)` +
      (values.refused ? `\n\nRefused: ${values.refused as string}` : '') +
      (report.issueNumber ? `\n\nIssue #${report.issueNumber} ${report.action}.` : '') +
      '\n',
  );
  io.stdout(`${report.converged ? 'converged' : 'not converged'}; issue: ${report.action}\n`);
  return report.converged ? 0 : 1;
}

export async function driftIssuesCommand(argv: string[], io: CiIo): Promise<number> {
  const { values } = parse(argv, {
    results: { type: 'string' },
    plan: { type: 'string' },
    'exit-code': { type: 'string' },
    'expected-jobs': { type: 'string' },
    label: { type: 'string' },
  });
  let results: ShardResult[];
  if (values.results) {
    results = readShardResults(resolve(io.cwd, values.results as string), {
      planFile: 'drift.json',
      markdownFile: 'drift.md',
    });
  } else if (values.plan) {
    results = [
      {
        name: '.',
        plan: readPlanFile(resolve(io.cwd, values.plan as string)),
        exitCode: integer(values['exit-code'], 'exit-code'),
      },
    ];
  } else {
    throw new UsageError('drift-issues needs --results DIR or --plan drift.json');
  }
  const report = await syncDriftIssues(client(values, io), results, {
    runUrl: runUrl(io.env),
    sha: io.env.GITHUB_SHA,
    label: values.label as string | undefined,
  });
  const expected = integer(values['expected-jobs'], 'expected-jobs');
  const missing = expected !== undefined && results.length < expected ? expected - results.length : 0;
  const drifted = [...report.opened, ...report.updated];
  writeOutputs(io.env, { drifted: drifted.length, unknown: report.unknown.length, closed: report.closed.length });
  const lines = ['### pbxctl drift', ''];
  lines.push(drifted.length ? `❗ ${drifted.length} drifted domain(s): ${drifted.join(', ')}` : '✅ no drift found');
  if (report.closed.length) lines.push(`Closed issues for: ${report.closed.join(', ')}`);
  if (report.unknown.length) lines.push(`⚠️ drift unknown (check failed) for: ${report.unknown.join(', ')}`);
  if (missing) lines.push(`⚠️ ${missing} shard job(s) reported no result: their domains are unknown`);
  appendSummary(io.env, `${lines.join('\n\n')}\n`);
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  // A failed check is not "clean": make the job red so somebody looks at it.
  return report.unknown.length > 0 || missing > 0 ? 1 : 0;
}
