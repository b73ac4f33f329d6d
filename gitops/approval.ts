import type { GitHubClient, IssueComment } from './github-client';

/**
 * Approving the deletes and recycles of ONE reviewed plan from the PR conversation (issue 14 #4).
 *
 * A reviewer comments `/pbxctl approve <checksum-prefix>` on the PR. The apply workflow counts it only when,
 * checked through the GitHub API at apply time:
 *   - the prefix (at least MIN_PREFIX hex digits) is a prefix of the reviewed plan's checksum: the approval
 *     names one plan, and any other plan (a new push, a change on the platform) has another checksum;
 *   - the commenter's permission on the repository is write, maintain or admin (not read/triage, not a bot)
 *     and the commenter is not the PR's author (a second pair of eyes);
 *   - the comment was written (or last edited) after the PR's head commit: a new push voids every earlier
 *     approval, even one whose prefix still matches.
 * Only then does apply pass --allow-deletes/--allow-recycle, and only for that checksum.
 */

export const MIN_PREFIX = 8;
const COMMAND = /^\s*\/pbxctl\s+approve\s+([0-9a-fA-F]+)\s*$/m;
const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

export interface Approval {
  readonly approver: string;
  readonly commentId: number;
  readonly commentUrl?: string;
  readonly at: string;
}

export interface RejectedApproval {
  readonly login: string;
  readonly commentId: number;
  readonly reason: string;
}

export interface ApprovalResult {
  /** The most recent valid approval, if any. */
  readonly approval?: Approval;
  /** Approval comments that do not count, with the reason (shown in the job log and summary). */
  readonly rejected: readonly RejectedApproval[];
}

export interface ApprovalQuery {
  readonly pr: number;
  /** The checksum of the reviewed plan (from the plan comment). */
  readonly checksum: string;
  /** The PR's head commit when it was merged (the commit the plan was made for). */
  readonly headSha: string;
  /** The PR's author, who may not approve their own deletes. */
  readonly author?: string;
}

/** The checksum prefix of a `/pbxctl approve <prefix>` comment, or undefined if it is not one. */
export function approvalPrefix(body: string): string | undefined {
  return COMMAND.exec(body)?.[1]?.toLowerCase();
}

async function hasWriteAccess(client: GitHubClient, login: string): Promise<string | undefined> {
  const { permission, role_name: role } = await client.getCollaboratorPermission(login);
  if (WRITE_ROLES.has(permission) || (role !== undefined && WRITE_ROLES.has(role))) return undefined;
  const level = role && role !== 'none' ? role : permission;
  return `@${login} has ${level === 'none' ? 'no' : level} access; approving needs write, maintain or admin`;
}

/** Why a comment that asks for approval does not count (checks needing no API call), or undefined. */
function localReason(
  comment: IssueComment,
  prefix: string,
  query: ApprovalQuery,
  headTime: number,
): string | undefined {
  const login = comment.user?.login ?? '(unknown)';
  if (prefix.length < MIN_PREFIX) return `the checksum prefix "${prefix}" is shorter than ${MIN_PREFIX} digits`;
  if (!query.checksum.toLowerCase().startsWith(prefix))
    return `"${prefix}" is not the reviewed plan's checksum (${query.checksum.slice(0, 12)}…): it approves another plan`;
  if (!comment.user || comment.user.type === 'Bot') return `@${login} is a bot`;
  if (query.author && login === query.author) return `@${login} wrote the PR and cannot approve their own deletes`;
  const at = Date.parse(comment.updated_at ?? comment.created_at ?? '');
  if (!Number.isFinite(at)) return 'the comment has no time';
  if (!(at > headTime))
    return `written before the last push (${query.headSha.slice(0, 12)}): a new push voids earlier approvals`;
  return undefined;
}

export async function findApproval(client: GitHubClient, query: ApprovalQuery): Promise<ApprovalResult> {
  const commit = await client.getCommit(query.headSha);
  const headTime = Date.parse(commit.commit.committer?.date ?? '');
  if (!Number.isFinite(headTime)) throw new Error(`commit ${query.headSha.slice(0, 12)} has no committer date`);
  const rejected: RejectedApproval[] = [];
  let approval: Approval | undefined;
  for (const comment of await client.listIssueComments(query.pr)) {
    const prefix = approvalPrefix(comment.body ?? '');
    if (prefix === undefined) continue;
    const login = comment.user?.login ?? '(unknown)';
    const reason = localReason(comment, prefix, query, headTime) ?? (await hasWriteAccess(client, login));
    if (reason) {
      rejected.push({ login, commentId: comment.id, reason });
      continue;
    }
    approval = {
      approver: login,
      commentId: comment.id,
      commentUrl: comment.html_url,
      at: comment.updated_at ?? comment.created_at ?? '',
    };
  }
  return { approval, rejected };
}
