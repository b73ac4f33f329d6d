import { request } from 'undici';

/**
 * The handful of GitHub REST endpoints the CI helpers need, on undici. The token is sent in a header and
 * never appears in an error message or a return value. The base URL is configurable so that tests (and
 * GitHub Enterprise Server) can point it elsewhere.
 */

export interface GitHubUser {
  readonly login: string;
  readonly type?: string;
}

export interface IssueComment {
  readonly id: number;
  readonly body: string;
  readonly html_url?: string;
  readonly user: GitHubUser | null;
  /** ISO 8601 times GitHub sets; `updated_at` moves when the comment is edited. */
  readonly created_at?: string;
  readonly updated_at?: string;
}

/** GET /repos/{owner}/{repo}/collaborators/{username}/permission. */
export interface CollaboratorPermission {
  /** `admin | write | read | none` (maintain shows as write, triage as read). */
  readonly permission: string;
  /** The fine-grained role: `admin | maintain | write | triage | read` or a custom role name. */
  readonly role_name?: string;
}

/** The parts of GET /repos/{owner}/{repo}/commits/{ref} the helpers read. */
export interface Commit {
  readonly sha: string;
  readonly commit: { readonly committer: { readonly date: string } | null };
}

export interface Issue {
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly state: 'open' | 'closed';
  readonly html_url?: string;
  readonly labels: readonly ({ name: string } | string)[];
  readonly pull_request?: unknown;
}

export interface PullRequest {
  readonly number: number;
  readonly state: 'open' | 'closed';
  readonly merged_at: string | null;
  readonly merge_commit_sha: string | null;
  readonly html_url?: string;
  readonly head: { readonly sha: string; readonly ref?: string };
  readonly base: { readonly ref: string };
  readonly user?: GitHubUser | null;
}

export type CommitState = 'error' | 'failure' | 'pending' | 'success';

export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    detail: string,
  ) {
    super(`GitHub API ${method} ${path} failed with ${status}: ${detail}`);
    this.name = 'GitHubApiError';
  }
}

export interface GitHubClientOptions {
  readonly token: string;
  /** `owner/name` */
  readonly repository: string;
  readonly baseUrl?: string;
}

const PER_PAGE = 100;
/** Hard stop for pagination: 50 pages x 100 = 5,000 items is far beyond a PR's comments or our issues. */
const MAX_PAGES = 50;

export class GitHubClient {
  readonly baseUrl: string;
  readonly owner: string;
  readonly repo: string;
  readonly #token: string;

  constructor(options: GitHubClientOptions) {
    const [owner, repo, extra] = options.repository.split('/');
    if (!owner || !repo || extra !== undefined) {
      throw new Error(`repository must be "owner/name", got "${options.repository}"`);
    }
    if (!options.token) throw new Error('a GitHub token is required (GITHUB_TOKEN)');
    this.owner = owner;
    this.repo = repo;
    this.#token = options.token;
    this.baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  }

  /** Build a client from the Actions environment: GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL. */
  static fromEnv(env: NodeJS.ProcessEnv, overrides: { repository?: string; baseUrl?: string } = {}): GitHubClient {
    const repository = overrides.repository ?? env.GITHUB_REPOSITORY;
    if (!repository) throw new Error('GITHUB_REPOSITORY is not set (or pass --repo owner/name)');
    const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
    if (!token) throw new Error('GITHUB_TOKEN is not set');
    return new GitHubClient({
      token,
      repository,
      baseUrl: overrides.baseUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com',
    });
  }

  private repoPath(suffix: string): string {
    return `/repos/${encodeURIComponent(this.owner)}/${encodeURIComponent(this.repo)}${suffix}`;
  }

  private async call<T>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body?: unknown,
  ): Promise<{ data: T; next?: string }> {
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    const shownPath = url.startsWith(this.baseUrl) ? url.slice(this.baseUrl.length) : path;
    const response = await request(url, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${this.#token}`,
        'user-agent': 'pbxctl-ci',
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    const text = await response.body.text();
    if (response.statusCode >= 400) {
      let detail = text.slice(0, 300);
      try {
        const parsed = JSON.parse(text) as { message?: string };
        if (parsed.message) detail = parsed.message;
      } catch {
        // not JSON: keep the raw (truncated) text
      }
      throw new GitHubApiError(response.statusCode, method, shownPath, detail.split(this.#token).join('***'));
    }
    const link = response.headers.link;
    const next = typeof link === 'string' ? parseNextLink(link) : undefined;
    return { data: (text ? JSON.parse(text) : undefined) as T, next };
  }

  private async paginate<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    const separator = path.includes('?') ? '&' : '?';
    let url: string | undefined = `${path}${separator}per_page=${PER_PAGE}`;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const { data, next }: { data: T[]; next?: string } = await this.call<T[]>('GET', url);
      items.push(...data);
      url = next;
    }
    return items;
  }

  listIssueComments(issueNumber: number): Promise<IssueComment[]> {
    return this.paginate<IssueComment>(this.repoPath(`/issues/${issueNumber}/comments`));
  }

  async createIssueComment(issueNumber: number, body: string): Promise<IssueComment> {
    return (await this.call<IssueComment>('POST', this.repoPath(`/issues/${issueNumber}/comments`), { body })).data;
  }

  async updateIssueComment(commentId: number, body: string): Promise<IssueComment> {
    return (await this.call<IssueComment>('PATCH', this.repoPath(`/issues/comments/${commentId}`), { body })).data;
  }

  /** Issues (not pull requests) with all of `labels`, in `state`. */
  async listIssues(options: { labels?: readonly string[]; state?: 'open' | 'closed' | 'all' } = {}): Promise<Issue[]> {
    const query = new URLSearchParams({ state: options.state ?? 'open' });
    if (options.labels?.length) query.set('labels', options.labels.join(','));
    const all = await this.paginate<Issue>(this.repoPath(`/issues?${query.toString()}`));
    return all.filter((issue) => issue.pull_request === undefined);
  }

  async createIssue(input: { title: string; body: string; labels?: readonly string[] }): Promise<Issue> {
    return (await this.call<Issue>('POST', this.repoPath('/issues'), input)).data;
  }

  async updateIssue(
    issueNumber: number,
    input: { title?: string; body?: string; state?: 'open' | 'closed'; state_reason?: 'completed' | 'not_planned' },
  ): Promise<Issue> {
    return (await this.call<Issue>('PATCH', this.repoPath(`/issues/${issueNumber}`), input)).data;
  }

  async createCommitStatus(
    sha: string,
    input: { state: CommitState; context: string; description?: string; target_url?: string },
  ): Promise<{ id: number; state: CommitState; context: string }> {
    return (
      await this.call<{ id: number; state: CommitState; context: string }>(
        'POST',
        this.repoPath(`/statuses/${sha}`),
        input,
      )
    ).data;
  }

  async getCollaboratorPermission(login: string): Promise<CollaboratorPermission> {
    const path = this.repoPath(`/collaborators/${encodeURIComponent(login)}/permission`);
    return (await this.call<CollaboratorPermission>('GET', path)).data;
  }

  async getCommit(sha: string): Promise<Commit> {
    return (await this.call<Commit>('GET', this.repoPath(`/commits/${encodeURIComponent(sha)}`))).data;
  }

  listPullRequestsForCommit(sha: string): Promise<PullRequest[]> {
    return this.paginate<PullRequest>(this.repoPath(`/commits/${sha}/pulls`));
  }
}

/** The `rel="next"` URL of an RFC 8288 Link header, as GitHub sends for paged lists. */
export function parseNextLink(header: string): string | undefined {
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1];
  }
  return undefined;
}
