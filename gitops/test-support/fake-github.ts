import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny in-memory GitHub REST API on 127.0.0.1:0 with the endpoints the CI helpers call: issue comments,
 * issues with labels, commit statuses, the pull requests of a commit, a commit's date and a collaborator's
 * permission. Paged lists honour `per_page`
 * and `page` and send a `Link: rel="next"` header, like GitHub. Every request is recorded.
 */

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
  created_at: string;
  updated_at: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason?: string | null;
  labels: { name: string }[];
  html_url: string;
  pull_request?: { url: string };
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { sha: string; ref: string };
  base: { ref: string };
  html_url: string;
  user: { login: string; type: string };
  /** Commits that list this PR in GET /commits/{sha}/pulls. */
  commits: string[];
}

export interface FakeStatus {
  sha: string;
  state: string;
  context: string;
  description?: string;
  target_url?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

export interface FakeGitHub {
  readonly url: string;
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly comments: FakeComment[];
  readonly issues: FakeIssue[];
  readonly pulls: FakePull[];
  readonly statuses: FakeStatus[];
  readonly requests: RecordedRequest[];
  /** The login the token acts as (comments/issues it creates are authored by it). */
  botLogin: string;
  addPullRequest(input: {
    headSha: string;
    mergeCommitSha?: string;
    merged?: boolean;
    base?: string;
    title?: string;
  }): FakePull;
  /** A comment; `at` (ISO time) defaults to now. */
  addComment(issue: number, body: string, login?: string, at?: string): FakeComment;
  /** Repository roles by login (`admin | maintain | write | triage | read`); others have none. */
  readonly roles: Record<string, string>;
  /** The committer date of a commit (GET /commits/{sha}); set by the test world from git. */
  commitDate: (sha: string) => string | undefined;
  close(): Promise<void>;
}

export async function startFakeGitHub(
  options: { owner?: string; repo?: string; token?: string; botLogin?: string } = {},
): Promise<FakeGitHub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'phone-config';
  const token = options.token ?? 'ghs_fake_token_0123456789';
  const comments: FakeComment[] = [];
  const issues: FakeIssue[] = [];
  const pulls: FakePull[] = [];
  const statuses: FakeStatus[] = [];
  const requests: RecordedRequest[] = [];
  let nextIssue = 1;
  let nextComment = 1000;
  let url = '';
  const web = `https://github.example/${owner}/${repo}`;

  const state = {
    botLogin: options.botLogin ?? 'github-actions[bot]',
    commitDate: (_sha: string): string | undefined => undefined,
  };
  const roles: Record<string, string> = {};

  function addComment(issue: number, body: string, login = state.botLogin, at = new Date().toISOString()): FakeComment {
    const id = nextComment++;
    const comment: FakeComment = {
      id,
      issue,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `${web}/issues/${issue}#issuecomment-${id}`,
      created_at: at,
      updated_at: at,
    };
    comments.push(comment);
    return comment;
  }

  function addPullRequest(input: {
    headSha: string;
    mergeCommitSha?: string;
    merged?: boolean;
    base?: string;
    title?: string;
  }): FakePull {
    const number = nextIssue++;
    const merged = input.merged ?? input.mergeCommitSha !== undefined;
    const pull: FakePull = {
      number,
      state: merged ? 'closed' : 'open',
      merged_at: merged ? '2026-01-01T00:00:00Z' : null,
      merge_commit_sha: input.mergeCommitSha ?? null,
      head: { sha: input.headSha, ref: `feature-${number}` },
      base: { ref: input.base ?? 'main' },
      html_url: `${web}/pull/${number}`,
      user: { login: 'author', type: 'User' },
      commits: [input.headSha, ...(input.mergeCommitSha ? [input.mergeCommitSha] : [])],
    };
    pulls.push(pull);
    issues.push({
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

  function send(res: ServerResponse, status: number, data?: unknown, headers: Record<string, string> = {}): void {
    const text = data === undefined ? '' : JSON.stringify(data);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  }

  function page<T>(res: ServerResponse, all: T[], requestUrl: URL): void {
    const perPage = Math.min(Number(requestUrl.searchParams.get('per_page') ?? 30), 100);
    const pageNumber = Number(requestUrl.searchParams.get('page') ?? 1);
    const start = (pageNumber - 1) * perPage;
    const items = all.slice(start, start + perPage);
    const headers: Record<string, string> = {};
    if (start + perPage < all.length) {
      const next = new URL(requestUrl.toString());
      next.searchParams.set('page', String(pageNumber + 1));
      headers.link = `<${url}${next.pathname}${next.search}>; rel="next"`;
    }
    send(res, 200, items, headers);
  }

  function publicComment(c: FakeComment) {
    return {
      id: c.id,
      body: c.body,
      user: c.user,
      html_url: c.html_url,
      created_at: c.created_at,
      updated_at: c.updated_at,
    };
  }

  async function readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', 'http://fake');
    const body = await readBody(req);
    requests.push({
      method: req.method ?? 'GET',
      path: requestUrl.pathname + requestUrl.search,
      authorization: req.headers.authorization,
      body,
    });
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { message: 'Bad credentials' });
    const prefix = `/repos/${owner}/${repo}`;
    if (!requestUrl.pathname.startsWith(`${prefix}/`)) return send(res, 404, { message: 'Not Found' });
    const path = requestUrl.pathname.slice(prefix.length);
    const method = req.method ?? 'GET';
    const input = (body ?? {}) as Record<string, unknown>;

    const commentsOf = /^\/issues\/(\d+)\/comments$/.exec(path);
    if (commentsOf) {
      const issue = Number(commentsOf[1]);
      if (!issues.some((i) => i.number === issue)) return send(res, 404, { message: 'Not Found' });
      if (method === 'GET') return page(res, comments.filter((c) => c.issue === issue).map(publicComment), requestUrl);
      if (method === 'POST') {
        if (typeof input.body !== 'string') return send(res, 422, { message: 'body is required' });
        if (input.body.length > 65_536)
          return send(res, 422, { message: 'body is too long (maximum is 65536 characters)' });
        return send(res, 201, publicComment(addComment(issue, input.body)));
      }
    }
    const commentId = /^\/issues\/comments\/(\d+)$/.exec(path);
    if (commentId && method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(commentId[1]));
      if (!comment) return send(res, 404, { message: 'Not Found' });
      if (typeof input.body !== 'string') return send(res, 422, { message: 'body is required' });
      if (input.body.length > 65_536)
        return send(res, 422, { message: 'body is too long (maximum is 65536 characters)' });
      comment.body = input.body;
      comment.updated_at = new Date().toISOString();
      return send(res, 200, publicComment(comment));
    }
    if (path === '/issues' && method === 'GET') {
      const wanted = requestUrl.searchParams.get('state') ?? 'open';
      const labels = (requestUrl.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const found = issues.filter(
        (i) =>
          (wanted === 'all' || i.state === wanted) && labels.every((label) => i.labels.some((l) => l.name === label)),
      );
      return page(res, found, requestUrl);
    }
    if (path === '/issues' && method === 'POST') {
      if (typeof input.title !== 'string') return send(res, 422, { message: 'title is required' });
      const number = nextIssue++;
      const issue: FakeIssue = {
        number,
        title: input.title,
        body: typeof input.body === 'string' ? input.body : null,
        state: 'open',
        labels: ((input.labels as string[] | undefined) ?? []).map((name) => ({ name })),
        html_url: `${web}/issues/${number}`,
      };
      issues.push(issue);
      return send(res, 201, issue);
    }
    const issueNumber = /^\/issues\/(\d+)$/.exec(path);
    if (issueNumber && method === 'PATCH') {
      const issue = issues.find((i) => i.number === Number(issueNumber[1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      if (typeof input.title === 'string') issue.title = input.title;
      if (typeof input.body === 'string') issue.body = input.body;
      if (input.state === 'open' || input.state === 'closed') issue.state = input.state;
      if (typeof input.state_reason === 'string') issue.state_reason = input.state_reason;
      return send(res, 200, issue);
    }
    const statusSha = /^\/statuses\/([0-9a-f]{7,40})$/.exec(path);
    if (statusSha && method === 'POST') {
      const allowed = ['error', 'failure', 'pending', 'success'];
      if (!allowed.includes(String(input.state))) return send(res, 422, { message: 'invalid state' });
      if (typeof input.description === 'string' && input.description.length > 140) {
        return send(res, 422, { message: 'description is too long (maximum is 140 characters)' });
      }
      const status: FakeStatus = {
        sha: statusSha[1],
        state: String(input.state),
        context: String(input.context ?? 'default'),
        description: input.description as string | undefined,
        target_url: input.target_url as string | undefined,
      };
      statuses.push(status);
      return send(res, 201, { id: statuses.length, ...status });
    }
    const commitSha = /^\/commits\/([0-9a-f]{7,40})\/pulls$/.exec(path);
    if (commitSha && method === 'GET') {
      const sha = commitSha[1];
      const found = pulls.filter((p) => p.commits.includes(sha)).map(({ commits: _commits, ...pull }) => pull);
      return page(res, found, requestUrl);
    }
    const extra = method === 'GET' ? readRoute(path) : undefined;
    if (extra) return send(res, extra.status, extra.data);
    return send(res, 404, { message: `Not Found: ${method} ${path}` });
  }

  /** GET /collaborators/{login}/permission and GET /commits/{sha}, as GitHub answers them. */
  function readRoute(path: string): { status: number; data: unknown } | undefined {
    const permissionOf = /^\/collaborators\/([^/]+)\/permission$/.exec(path);
    if (permissionOf) {
      const login = decodeURIComponent(permissionOf[1]);
      const role = roles[login];
      // GitHub's `permission` is the classic level: maintain shows as write, triage as read.
      const permission =
        role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role === undefined ? 'none' : role;
      return { status: 200, data: { permission, role_name: role ?? 'none', user: { login } } };
    }
    const commit = /^\/commits\/([0-9a-f]{7,40})$/.exec(path);
    if (commit) {
      const date = state.commitDate(commit[1]);
      if (!date) return { status: 422, data: { message: `No commit found for SHA: ${commit[1]}` } };
      return { status: 200, data: { sha: commit[1], commit: { committer: { date } } } };
    }
    return undefined;
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, 500, { message: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    owner,
    repo,
    token,
    comments,
    issues,
    pulls,
    statuses,
    requests,
    get botLogin() {
      return state.botLogin;
    },
    set botLogin(value: string) {
      state.botLogin = value;
    },
    roles,
    get commitDate() {
      return state.commitDate;
    },
    set commitDate(value: (sha: string) => string | undefined) {
      state.commitDate = value;
    },
    addPullRequest,
    addComment,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
