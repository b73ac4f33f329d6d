import type { GitHubClient, PullRequest } from './github-client';
import { type ChecksumRecord, parseChecksumMarker, PLAN_MARKER } from './markers';

/**
 * Find the plan that was reviewed for a commit on main: the merged PR that produced the commit, and the
 * checksum recorded in that PR's plan comment. This is the hand-off from plan to apply (octoDNS-style
 * `--checksum`): apply re-plans and refuses unless it computes the same checksum.
 */

export interface ReviewedPlan extends ChecksumRecord {
  readonly pr: number;
  readonly prUrl?: string;
  readonly commentUrl?: string;
  /** The PR's head commit as GitHub reports it (the last push). */
  readonly prHeadSha: string;
  /** Who opened the PR (may not approve its deletes). */
  readonly prAuthor?: string;
}

export class ReviewedPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewedPlanError';
  }
}

function pickPullRequest(pulls: readonly PullRequest[], sha: string, baseBranch?: string): PullRequest | undefined {
  const merged = pulls.filter((pr) => pr.merged_at !== null && (!baseBranch || pr.base.ref === baseBranch));
  return merged.find((pr) => pr.merge_commit_sha === sha) ?? merged.find((pr) => pr.head.sha === sha) ?? merged[0];
}

export async function findReviewedPlan(
  client: GitHubClient,
  sha: string,
  options: { author?: string; marker?: string; baseBranch?: string } = {},
): Promise<ReviewedPlan> {
  const marker = options.marker ?? PLAN_MARKER;
  const pulls = await client.listPullRequestsForCommit(sha);
  const pr = pickPullRequest(pulls, sha, options.baseBranch);
  if (!pr) {
    throw new ReviewedPlanError(
      `commit ${sha} is not the result of a merged pull request${options.baseBranch ? ` into ${options.baseBranch}` : ''}; ` +
        'only reviewed plans are applied (push through a PR)',
    );
  }
  const comments = await client.listIssueComments(pr.number);
  const mine = comments.filter(
    (comment) => comment.body?.includes(marker) && (!options.author || comment.user?.login === options.author),
  );
  const comment = mine[mine.length - 1];
  if (!comment) throw new ReviewedPlanError(`PR #${pr.number} has no pbxctl plan comment; nothing was reviewed`);
  const record = parseChecksumMarker(comment.body);
  if (!record) throw new ReviewedPlanError(`the plan comment on PR #${pr.number} carries no checksum marker`);
  if (record.headSha && record.headSha !== pr.head.sha) {
    throw new ReviewedPlanError(
      `the plan comment on PR #${pr.number} is for commit ${record.headSha.slice(0, 12)}, but the PR was merged at ` +
        `${pr.head.sha.slice(0, 12)}: the last push was never planned`,
    );
  }
  return {
    ...record,
    pr: pr.number,
    prUrl: pr.html_url,
    commentUrl: comment.html_url,
    prHeadSha: pr.head.sha,
    prAuthor: pr.user?.login,
  };
}

export class ChecksumMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `checksum mismatch: the reviewed plan has ${expected}, re-planning main gives ${actual}. ` +
        'Live state or the desired state changed since the plan was reviewed; refusing to apply. ' +
        'Open a new PR (or re-run the PR plan) to review the current plan.',
    );
    this.name = 'ChecksumMismatchError';
  }
}

export function verifyChecksum(expected: string, actual: string): void {
  if (expected.trim().toLowerCase() !== actual.trim().toLowerCase()) throw new ChecksumMismatchError(expected, actual);
}
