import type { GitHubClient, IssueComment } from './github-client';
import { PLAN_MARKER } from './markers';

/** GitHub's hard limit on a comment body. */
export const GITHUB_BODY_LIMIT = 65_536;

export interface UpsertResult {
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly comment: IssueComment;
}

/** Ensure the marker is the first line and the body fits GitHub's limit. */
export function prepareCommentBody(body: string, marker: string): string {
  let text = body.includes(marker) ? body : `${marker}\n${body}`;
  if (text.length > GITHUB_BODY_LIMIT) {
    const note = "\n\n_… truncated to fit GitHub's comment limit; see the run artifacts._\n";
    text = text.slice(0, GITHUB_BODY_LIMIT - note.length) + note;
  }
  return text;
}

/**
 * Create the marked comment on a PR, or update it in place if it exists. Only comments written by
 * `author` (the workflow's bot) are candidates, so a human quoting the marker cannot hijack it.
 */
export async function upsertMarkedComment(
  client: GitHubClient,
  issueNumber: number,
  body: string,
  options: { marker?: string; author?: string } = {},
): Promise<UpsertResult> {
  const marker = options.marker ?? PLAN_MARKER;
  const text = prepareCommentBody(body, marker);
  const comments = await client.listIssueComments(issueNumber);
  const existing = comments.find(
    (comment) => comment.body?.includes(marker) && (!options.author || comment.user?.login === options.author),
  );
  if (!existing) return { action: 'created', comment: await client.createIssueComment(issueNumber, text) };
  if (existing.body === text) return { action: 'unchanged', comment: existing };
  return { action: 'updated', comment: await client.updateIssueComment(existing.id, text) };
}
