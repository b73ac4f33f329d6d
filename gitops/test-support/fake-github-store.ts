import type { FakeComment, FakeIssue, FakePull, FakeStatus, RecordedRequest } from './fake-github-types';

/** The state of the fake GitHub: what the routes read and change, and what tests inspect. */
export class FakeStore {
  readonly comments: FakeComment[] = [];
  readonly issues: FakeIssue[] = [];
  readonly pulls: FakePull[] = [];
  readonly statuses: FakeStatus[] = [];
  readonly requests: RecordedRequest[] = [];
  /** Repository roles by login (`admin | maintain | write | triage | read`). */
  readonly roles: Record<string, string> = {};
  commitDate: (sha: string) => string | undefined = () => undefined;
  nextIssue = 1;
  private nextComment = 1000;
  readonly web: string;

  constructor(
    readonly owner: string,
    readonly repo: string,
    public botLogin: string,
  ) {
    this.web = `https://github.example/${owner}/${repo}`;
  }

  addComment(issue: number, body: string, login = this.botLogin, at = new Date().toISOString()): FakeComment {
    const id = this.nextComment++;
    const comment: FakeComment = {
      id,
      issue,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `${this.web}/issues/${issue}#issuecomment-${id}`,
      created_at: at,
      updated_at: at,
    };
    this.comments.push(comment);
    return comment;
  }

  addPullRequest(input: {
    headSha: string;
    mergeCommitSha?: string;
    merged?: boolean;
    base?: string;
    title?: string;
  }): FakePull {
    const number = this.nextIssue++;
    const merged = input.merged ?? input.mergeCommitSha !== undefined;
    const pull: FakePull = {
      number,
      state: merged ? 'closed' : 'open',
      merged_at: merged ? '2026-01-01T00:00:00Z' : null,
      merge_commit_sha: input.mergeCommitSha ?? null,
      head: { sha: input.headSha, ref: `feature-${number}` },
      base: { ref: input.base ?? 'main' },
      html_url: `${this.web}/pull/${number}`,
      user: { login: 'author', type: 'User' },
      commits: [input.headSha, ...(input.mergeCommitSha ? [input.mergeCommitSha] : [])],
    };
    this.pulls.push(pull);
    this.issues.push({
      number,
      title: input.title ?? `PR ${number}`,
      body: '',
      state: pull.state,
      labels: [],
      html_url: pull.html_url,
      pull_request: { url: pull.html_url },
    });
    return pull;
  }
}
