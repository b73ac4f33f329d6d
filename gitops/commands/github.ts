import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appendSummary, runUrl, writeOutputs } from '../actions-io';
import type { CommitState } from '../github-client';
import { PLAN_MARKER } from '../markers';
import { upsertMarkedComment } from '../pr-comment';
import { findReviewedPlan } from '../reviewed-plan';
import { findApproval } from '../approval';
import { authorOf, type CiIo, client, integer, parse, required, UsageError } from './args';

/** `comment`, `status` and `reviewed-plan`: the PR conversation and the commit status. */

export async function commentCommand(argv: string[], io: CiIo): Promise<number> {
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

export async function statusCommand(argv: string[], io: CiIo): Promise<number> {
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

export async function reviewedPlanCommand(argv: string[], io: CiIo): Promise<number> {
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
    'pr-head-sha': reviewed.prHeadSha,
    'pr-author': reviewed.prAuthor ?? '',
    shards: reviewed.shards ?? '',
  });
  io.stdout(`${JSON.stringify(reviewed, null, 2)}\n`);
  return 0;
}

/** `approval`: is there a valid `/pbxctl approve` of the reviewed plan's deletes/recycles? (approval.ts) */
export async function approvalCommand(argv: string[], io: CiIo): Promise<number> {
  const { values } = parse(argv, {
    pr: { type: 'string' },
    checksum: { type: 'string' },
    'head-sha': { type: 'string' },
    'pr-author': { type: 'string' },
  });
  const checksum = required(values, 'checksum');
  if (!/^[0-9a-f]{64}$/.test(checksum)) throw new UsageError('--checksum must be the full sha256 of the reviewed plan');
  const result = await findApproval(client(values, io), {
    pr: integer(required(values, 'pr'), 'pr', 1) as number,
    checksum,
    headSha: required(values, 'head-sha'),
    author: (values['pr-author'] as string | undefined) || undefined,
  });
  for (const r of result.rejected) io.stderr(`not counted: comment ${r.commentId} by @${r.login}: ${r.reason}\n`);
  const approver = result.approval?.approver ?? '';
  writeOutputs(io.env, {
    approved: result.approval !== undefined,
    approver,
    'approved-checksum': result.approval ? checksum : '',
    'comment-url': result.approval?.commentUrl ?? '',
  });
  const lines = ['### pbxctl approval', ''];
  lines.push(
    result.approval
      ? `✅ @${approver} approved the deletes/recycles of plan \`${checksum.slice(0, 12)}\``
      : 'No valid `/pbxctl approve` comment: deletes and recycles stay blocked.',
  );
  for (const r of result.rejected) lines.push(`- not counted (@${r.login}): ${r.reason}`);
  appendSummary(io.env, `${lines.join('\n')}\n`);
  io.stdout(result.approval ? `approved by @${approver}\n` : 'no approval\n');
  return 0;
}
