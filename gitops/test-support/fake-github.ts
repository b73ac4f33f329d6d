import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Reply, route } from './fake-github-routes';
import { FakeStore } from './fake-github-store';
import type { FakeComment, FakeIssue, FakePull, FakeStatus, RecordedRequest } from './fake-github-types';

export type { FakeComment, FakeIssue, FakePull, FakeStatus, RecordedRequest } from './fake-github-types';

/**
 * A tiny in-memory GitHub REST API on 127.0.0.1:0 with the endpoints the CI helpers call: issue comments,
 * issues with labels, commit statuses, the pull requests of a commit, a commit's date and a collaborator's
 * permission. Paged lists honour `per_page`
 * and `page` and send a `Link: rel="next"` header, like GitHub. Every request is recorded.
 */

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
  const store = new FakeStore(owner, repo, options.botLogin ?? 'github-actions[bot]');
  let url = '';

  function send(res: ServerResponse, reply: Reply): void {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.data === undefined ? '' : JSON.stringify(reply.data));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', 'http://fake');
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const { authorization } = req.headers;
    store.requests.push({ method, path: requestUrl.pathname + requestUrl.search, authorization, body });
    if (authorization !== `Bearer ${token}`) return send(res, { status: 401, data: { message: 'Bad credentials' } });
    const prefix = `/repos/${owner}/${repo}`;
    if (!requestUrl.pathname.startsWith(`${prefix}/`))
      return send(res, { status: 404, data: { message: 'Not Found' } });
    const path = requestUrl.pathname.slice(prefix.length);
    const input = (body ?? {}) as Record<string, unknown>;
    send(res, route(store, { method, path, url: requestUrl, base: url, input }));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, { status: 500, data: { message: error.message } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fakeGitHub(store, url, token, server);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function fakeGitHub(store: FakeStore, url: string, token: string, server: Server): FakeGitHub {
  const { owner, repo, comments, issues, pulls, statuses, requests, roles } = store;
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
    roles,
    get commitDate() {
      return store.commitDate;
    },
    set commitDate(value: (sha: string) => string | undefined) {
      store.commitDate = value;
    },
    get botLogin() {
      return store.botLogin;
    },
    set botLogin(value: string) {
      store.botLogin = value;
    },
    addPullRequest: (input) => store.addPullRequest(input),
    addComment: (issue, body, login, at) => store.addComment(issue, body, login, at),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
