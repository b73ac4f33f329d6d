import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appendSummary, runUrl, writeOutputs } from '../actions-io';
import { type CombinedPlan, combineResults, readShardResults, type ShardResult } from '../combine';
import { renderCombinedComment, renderCombinedSummary } from '../combine-render';
import { blockReasons, countDomain, hasChanges, isBlocked, readPlanFile } from '../plan-file';
import { verifyChecksum } from '../reviewed-plan';
import { type CiIo, integer, parse, required, UsageError, writeFile } from './args';

/** `combine-summaries`, `verify-checksum` and `summary`: reading and comparing plans. */

function upstreamFailures(results: readonly string[]): string[] {
  const failures: string[] = [];
  for (const entry of results) {
    const at = entry.indexOf('=');
    if (at < 1) throw new UsageError(`--job-result expects name=result, got "${entry}"`);
    const [name, result] = [entry.slice(0, at), entry.slice(at + 1)];
    if (result === 'failure' || result === 'cancelled')
      failures.push(`job ${name} ${result === 'failure' ? 'failed' : 'was cancelled'}`);
  }
  return failures;
}

function combinedOutputs(combined: CombinedPlan): Record<string, string | number | boolean> {
  return {
    checksum: combined.checksum,
    state: combined.state,
    description: combined.description,
    'has-changes': combined.has_changes,
    blocked: combined.blocked,
    'domains-count': combined.domains.length,
    errors: combined.errors.length,
    approved: combined.approved_by !== undefined,
  };
}

export async function combineCommand(argv: string[], io: CiIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string' },
    json: { type: 'string' },
    'head-sha': { type: 'string' },
    shards: { type: 'string' },
    'expected-jobs': { type: 'string' },
    'job-result': { type: 'string', multiple: true },
    title: { type: 'string' },
    'plan-file': { type: 'string' },
    'markdown-file': { type: 'string' },
    'approved-checksum': { type: 'string' },
    approver: { type: 'string' },
  });
  if (!positionals[0]) throw new UsageError('combine-summaries needs the results directory');
  const results = readShardResults(resolve(io.cwd, positionals[0]), {
    planFile: values['plan-file'] as string | undefined,
    markdownFile: values['markdown-file'] as string | undefined,
  });
  const combined = combineResults(results, {
    headSha: values['head-sha'] as string | undefined,
    shards: integer(values.shards, 'shards', 1),
    expectedJobs: integer(values['expected-jobs'], 'expected-jobs'),
    upstreamFailures: upstreamFailures((values['job-result'] as string[] | undefined) ?? []),
    approval: approvalOf(values),
  });
  const title = values.title as string | undefined;
  const comment = renderCombinedComment(combined, results, { title, runUrl: runUrl(io.env) });
  const output = combinedOutputs(combined);
  if (values.out) output['comment-file'] = writeFile(io, values.out as string, comment);
  if (values.json) output['json-file'] = writeFile(io, values.json as string, `${JSON.stringify(combined, null, 2)}\n`);
  writeOutputs(io.env, output);
  appendSummary(io.env, renderCombinedSummary(combined, title));
  if (!values.out) io.stdout(comment);
  else io.stdout(`${combined.state}: ${combined.description}\n`);
  return 0;
}

/** `--approved-checksum HEX --approver LOGIN` (both empty when nobody approved): see approval.ts. */
function approvalOf(values: Record<string, unknown>): { checksum: string; approver: string } | undefined {
  const checksum = (values['approved-checksum'] as string | undefined) ?? '';
  const approver = (values.approver as string | undefined) ?? '';
  if (checksum === '' && approver === '') return undefined;
  if (!/^[0-9a-f]{64}$/.test(checksum) || approver === '')
    throw new UsageError('--approved-checksum needs a full sha256 checksum and --approver the approver login');
  return { checksum, approver };
}

function checksumOfFile(file: string): string {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { checksum?: unknown };
  if (typeof data.checksum !== 'string') throw new UsageError(`${file} has no checksum`);
  return data.checksum;
}

export async function verifyChecksumCommand(argv: string[], io: CiIo): Promise<number> {
  const { values } = parse(argv, {
    expected: { type: 'string' },
    plan: { type: 'string' },
    actual: { type: 'string' },
  });
  const expected = required(values, 'expected');
  const actual =
    (values.actual as string | undefined) ??
    (values.plan ? checksumOfFile(resolve(io.cwd, values.plan as string)) : undefined);
  if (!actual) throw new UsageError('verify-checksum needs --plan FILE or --actual HEX');
  try {
    verifyChecksum(expected, actual);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    appendSummary(io.env, `### pbxctl apply refused\n\n${(error as Error).message}\n`);
    writeOutputs(io.env, { match: false, actual });
    return 1;
  }
  writeOutputs(io.env, { match: true, actual });
  io.stdout(`checksum ${actual} matches the reviewed plan\n`);
  return 0;
}

export async function summaryCommand(argv: string[], io: CiIo): Promise<number> {
  const { values } = parse(argv, { plan: { type: 'string' }, title: { type: 'string' } });
  const plan = readPlanFile(resolve(io.cwd, required(values, 'plan')));
  const result: ShardResult = { name: '.', plan };
  const combined = combineResults([result]);
  appendSummary(io.env, renderCombinedSummary(combined, (values.title as string | undefined) ?? 'pbxctl plan'));
  const totals = plan.domains.map(countDomain);
  writeOutputs(io.env, {
    checksum: plan.checksum,
    'has-changes': hasChanges(plan),
    blocked: isBlocked(plan),
    'blocked-reasons': blockReasons(plan).join('\n'),
    'domains-count': plan.domains.length,
    create: totals.reduce((n, d) => n + d.create, 0),
    update: totals.reduce((n, d) => n + d.update, 0),
    delete: totals.reduce((n, d) => n + d.delete, 0),
    recycle: totals.reduce((n, d) => n + d.recycle, 0),
  });
  io.stdout(`${combined.description}\n`);
  return 0;
}
