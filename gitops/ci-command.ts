import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { appendSummary, runUrl, writeOutputs } from './actions-io';
import { parseAuditLog, readApplyResults, type ApplyShardResult } from './audit';
import {
  type ChangedDomains,
  changedDomains,
  type DomainUnit,
  listDomainUnits,
  shardUnits,
  stageUnits,
} from './changed-domains';
import {
  type CombinedPlan,
  combineResults,
  readShardResults,
  renderCombinedComment,
  renderCombinedSummary,
  type ShardResult,
} from './combine';
import { type CommitState, GitHubClient } from './github-client';
import { reportApply, syncDriftIssues } from './issues';
import { PLAN_MARKER } from './markers';
import { blockReasons, countDomain, hasChanges, isBlocked, readPlanFile } from './plan-file';
import { upsertMarkedComment } from './pr-comment';
import { findReviewedPlan, verifyChecksum } from './reviewed-plan';
import { nonEmptyShards, parseShard } from './shard';

/**
 * `pbxctl ci <subcommand>`: the logic of the GitOps workflows, in TypeScript so it is tested rather than
 * spread through shell in YAML. Library code: everything goes through `io`, nothing exits.
 */

export interface CiIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** The login of the workflow token; only its comments count as "the plan comment". */
const DEFAULT_AUTHOR = 'github-actions[bot]';

class UsageError extends Error {}

const USAGE = `Usage: pbxctl ci <subcommand> [options]

  changed-domains --base SHA --head SHA [--root DIR] [--all-on GLOB]... [--shards N] [--shard i/n --stage DIR]
  shard <path> (--count N [--index i] | --shard i/n) [--stage DIR]
  combine-summaries <dir> [--out comment.md] [--json combined.json] [--head-sha SHA] [--shards N]
                    [--expected-jobs N] [--job-result name=result]... [--title T] [--plan-file F] [--markdown-file F]
  comment --pr N --body FILE [--marker M] [--author LOGIN]
  status --sha SHA --state pending|success|failure|error --description TEXT [--context C] [--target-url URL]
  reviewed-plan --sha MERGE_SHA [--author LOGIN] [--base-branch main]
  verify-checksum --expected HEX (--plan plan.json|combined.json | --actual HEX)
  summary --plan plan.json [--title T]
  report-apply (--results DIR | --audit FILE --exit-code N) [--refused REASON] [--expected-jobs N] [--sha SHA]
               [--audit-out FILE]
  drift-issues (--results DIR [--expected-jobs N] | --plan drift.json [--exit-code N]) [--label L]
  lint-workflows [DIR...] [--allow-secret NAME]...

GitHub access (comment, status, reviewed-plan, report-apply, drift-issues): GITHUB_TOKEN, GITHUB_REPOSITORY
(or --repo owner/name), GITHUB_API_URL (or --api-url; default https://api.github.com).
Step outputs go to $GITHUB_OUTPUT and summaries to $GITHUB_STEP_SUMMARY when those are set.
`;

const COMMON = {
  repo: { type: 'string' },
  'api-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

type Options = NonNullable<ParseArgsConfig['options']>;

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(argv: string[], options: Options): { values: Values; positionals: string[] } {
  const parsed = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function integer(value: unknown, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`--${name} must be an integer >= ${min}`);
  return number;
}

function client(values: Record<string, unknown>, io: CiIo): GitHubClient {
  return GitHubClient.fromEnv(io.env, {
    repository: values.repo as string | undefined,
    baseUrl: values['api-url'] as string | undefined,
  });
}

function writeFile(io: CiIo, file: string, text: string): string {
  const path = resolve(io.cwd, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, 'utf8');
  return path;
}

function authorOf(values: Record<string, unknown>, io: CiIo): string | undefined {
  const author = (values.author as string | undefined) ?? io.env.PBXCTL_COMMENT_AUTHOR ?? DEFAULT_AUTHOR;
  return author === '' ? undefined : author;
}

function domainOutputs(
  selection: { all: boolean; domains: readonly DomainUnit[]; removed: readonly string[] },
  shards: number,
): Record<string, string | number | boolean> {
  const names = selection.domains.map((d) => d.name);
  const used = nonEmptyShards(names, shards);
  return {
    count: selection.domains.length,
    domains: JSON.stringify(names),
    paths: JSON.stringify(selection.domains.map((d) => d.path)),
    removed: JSON.stringify(selection.removed),
    all: selection.all,
    shards,
    jobs: used.length,
    matrix: JSON.stringify({ include: used.map((i) => ({ shard: `${i}/${shards}`, id: `${i}-of-${shards}` })) }),
  };
}

function applyShardSelection(
  values: Record<string, unknown>,
  io: CiIo,
  selection: ChangedDomains,
  output: Record<string, string | number | boolean>,
): ChangedDomains {
  const shardText = values.shard as string | undefined;
  if (!shardText) return selection;
  const shard = parseShard(shardText);
  const domains = shardUnits(selection.domains, shard);
  const stage = values.stage as string | undefined;
  if (stage) output.stage = stageUnits(domains, stage, io.cwd);
  output['shard-count'] = domains.length;
  return { ...selection, domains };
}

async function changedDomainsCommand(argv: string[], io: CiIo): Promise<number> {
  const { values } = parse(argv, {
    base: { type: 'string' },
    head: { type: 'string' },
    root: { type: 'string', default: 'domains' },
    'all-on': { type: 'string', multiple: true },
    shards: { type: 'string', default: '1' },
    shard: { type: 'string' },
    stage: { type: 'string' },
  });
  const shards = integer(values.shards, 'shards', 1) ?? 1;
  const selection = changedDomains({
    base: (values.base as string | undefined) ?? '',
    head: required(values, 'head'),
    root: values.root as string,
    cwd: io.cwd,
    allOn: values['all-on'] as string[] | undefined,
  });
  const output = domainOutputs(selection, shards);
  const selected = applyShardSelection(values, io, selection, output);
  writeOutputs(io.env, output);
  io.stdout(`${JSON.stringify({ ...selected, stage: output.stage }, null, 2)}\n`);
  if (selection.removed.length > 0) {
    io.stderr(
      `note: removed domain file(s) are no longer managed and are not planned: ${selection.removed.join(', ')}\n`,
    );
  }
  return 0;
}

async function shardCommand(argv: string[], io: CiIo): Promise<number> {
  const { values, positionals } = parse(argv, {
    count: { type: 'string' },
    index: { type: 'string' },
    shard: { type: 'string' },
    stage: { type: 'string' },
  });
  const root = positionals[0] ?? 'domains';
  let count: number;
  let index: number | undefined;
  if (values.shard) {
    ({ index, count } = parseShard(values.shard as string));
  } else {
    count = integer(required(values, 'count'), 'count', 1) as number;
    index = integer(values.index, 'index', 1);
  }
  const selection: ChangedDomains = { all: true, domains: listDomainUnits(root, io.cwd), removed: [] };
  const output = domainOutputs(selection, count);
  const selected =
    index === undefined
      ? selection
      : applyShardSelection({ ...values, shard: `${index}/${count}` }, io, selection, output);
  writeOutputs(io.env, output);
  io.stdout(`${JSON.stringify({ domains: selected.domains, stage: output.stage }, null, 2)}\n`);
  return 0;
}

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
  };
}

async function combineCommand(argv: string[], io: CiIo): Promise<number> {
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

async function commentCommand(argv: string[], io: CiIo): Promise<number> {
  const { values } = parse(argv, {
    pr: { type: 'string' },
    body: { type: 'string' },
    marker: { type: 'string' },
    author: { type: 'string' },
  });
  const pr = integer(required(values, 'pr'), 'pr', 1) as number;
  const body = readFileSync(resolve(io.cwd, required(values, 'body')), 'utf8');
  const result = await upsertMarkedComment(client(values, io), pr, body, {
    marker: (values.marker as string | undefined) ?? PLAN_MARKER,
    author: authorOf(values, io),
  });
  writeOutputs(io.env, {
    'comment-id': result.comment.id,
    'comment-url': result.comment.html_url ?? '',
    action: result.action,
  });
  io.stdout(`${result.action} comment ${result.comment.id} on #${pr}\n`);
  return 0;
}

const STATES: readonly CommitState[] = ['pending', 'success', 'failure', 'error'];

async function statusCommand(argv: string[], io: CiIo): Promise<number> {
  const { values } = parse(argv, {
    sha: { type: 'string' },
    state: { type: 'string' },
    description: { type: 'string', default: '' },
    context: { type: 'string', default: 'pbxctl/plan' },
    'target-url': { type: 'string' },
  });
  const state = required(values, 'state') as CommitState;
  if (!STATES.includes(state)) throw new UsageError(`--state must be one of ${STATES.join(', ')}`);
  const description = String(values.description);
  const target = (values['target-url'] as string | undefined) ?? runUrl(io.env);
  await client(values, io).createCommitStatus(required(values, 'sha'), {
    state,
    context: values.context as string,
    description: description.length > 140 ? `${description.slice(0, 139)}…` : description,
    ...(target ? { target_url: target } : {}),
  });
  io.stdout(`${values.context}: ${state}${description ? ` — ${description}` : ''}\n`);
  return 0;
}

async function reviewedPlanCommand(argv: string[], io: CiIo): Promise<number> {
  const { values } = parse(argv, {
    sha: { type: 'string' },
    author: { type: 'string' },
    'base-branch': { type: 'string' },
  });
  const reviewed = await findReviewedPlan(client(values, io), required(values, 'sha'), {
    author: authorOf(values, io),
    baseBranch: values['base-branch'] as string | undefined,
  });
  writeOutputs(io.env, {
    pr: reviewed.pr,
    checksum: reviewed.checksum,
    'head-sha': reviewed.headSha ?? '',
    shards: reviewed.shards ?? '',
  });
  io.stdout(`${JSON.stringify(reviewed, null, 2)}\n`);
  return 0;
}

function checksumOfFile(file: string): string {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { checksum?: unknown };
  if (typeof data.checksum !== 'string') throw new UsageError(`${file} has no checksum`);
  return data.checksum;
}

async function verifyChecksumCommand(argv: string[], io: CiIo): Promise<number> {
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

async function summaryCommand(argv: string[], io: CiIo): Promise<number> {
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

async function reportApplyCommand(argv: string[], io: CiIo): Promise<number> {
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

async function driftIssuesCommand(argv: string[], io: CiIo): Promise<number> {
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

async function lintWorkflowsCommand(argv: string[], io: CiIo): Promise<number> {
  const { values, positionals } = parse(argv, { 'allow-secret': { type: 'string', multiple: true } });
  const extra = (values['allow-secret'] as string[] | undefined) ?? [];
  const allowedSecrets = extra.length
    ? ['GITHUB_TOKEN', 'NS_API_URL', 'NS_API_KEY', 'PBXCTL_SECRETS', ...extra]
    : undefined;
  const dirs = positionals.length ? positionals : ['.github/workflows', '.github/actions'];
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) files.push(path);
    }
  };
  for (const dir of dirs) walk(resolve(io.cwd, dir));
  // Loaded on demand: compiling its schemas costs ~70 ms, which every other `pbxctl ci` step would pay.
  const { lintWorkflowText } = await import('./workflow-lint');
  let count = 0;
  for (const file of files.sort()) {
    for (const finding of lintWorkflowText(readFileSync(file, 'utf8'), file, { allowedSecrets })) {
      io.stderr(`${finding.file}:${finding.line}: [${finding.rule}] ${finding.message}\n`);
      count++;
    }
  }
  io.stdout(`${files.length} file(s) checked, ${count} finding(s)\n`);
  return count > 0 ? 1 : 0;
}

const COMMANDS: Record<string, (argv: string[], io: CiIo) => Promise<number>> = {
  'changed-domains': changedDomainsCommand,
  shard: shardCommand,
  'combine-summaries': combineCommand,
  comment: commentCommand,
  status: statusCommand,
  'reviewed-plan': reviewedPlanCommand,
  'verify-checksum': verifyChecksumCommand,
  summary: summaryCommand,
  'report-apply': reportApplyCommand,
  'drift-issues': driftIssuesCommand,
  'lint-workflows': lintWorkflowsCommand,
};

/** Remove any secret value from a message before it is printed (defence in depth). */
function scrub(message: string, env: NodeJS.ProcessEnv): string {
  let text = message;
  for (const name of ['GITHUB_TOKEN', 'GH_TOKEN', 'NS_API_KEY']) {
    const secret = env[name];
    if (secret && secret.length >= 4) text = text.split(secret).join('***');
  }
  return text;
}

export async function runCiCommand(argv: string[], io: CiIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`unknown ci subcommand "${name}"\n\n${USAGE}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`pbxctl ci ${name}: ${scrub(message, io.env)}\n`);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`\n${USAGE}`);
    }
    return 1;
  }
}
