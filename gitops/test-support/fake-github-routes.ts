import type { FakeComment, FakeIssue, FakeStatus } from './fake-github-types';
import type { FakeStore } from './fake-github-store';

/** The REST routes of the fake GitHub, each a pure function of the store and the request. */

export interface Reply {
  readonly status: number;
  readonly data?: unknown;
  readonly headers?: Record<string, string>;
}

export interface Request {
  readonly method: string;
  /** The path under /repos/{owner}/{repo}. */
  readonly path: string;
  readonly url: URL;
  /** The server's own base URL (for Link headers). */
  readonly base: string;
  readonly input: Record<string, unknown>;
}

const notFound: Reply = { status: 404, data: { message: 'Not Found' } };
const tooLong = (body: string) => body.length > 65_536;

/** A paged list, honouring `per_page` and `page` and sending `Link: rel="next"` like GitHub. */
function page<T>(all: readonly T[], req: Request): Reply {
  const perPage = Math.min(Number(req.url.searchParams.get('per_page') ?? 30), 100);
  const pageNumber = Number(req.url.searchParams.get('page') ?? 1);
  const start = (pageNumber - 1) * perPage;
  const headers: Record<string, string> = {};
  if (start + perPage < all.length) {
    const next = new URL(req.url.toString());
    next.searchParams.set('page', String(pageNumber + 1));
    headers.link = `<${req.base}${next.pathname}${next.search}>; rel="next"`;
  }
  return { status: 200, data: all.slice(start, start + perPage), headers };
}

function publicComment(c: FakeComment) {
  const { id, body, user, html_url, created_at, updated_at } = c;
  return { id, body, user, html_url, created_at, updated_at };
}

function commentRoutes(store: FakeStore, req: Request): Reply | undefined {
  const { method, path, input } = req;
  const commentsOf = /^\/issues\/(\d+)\/comments$/.exec(path);
  if (commentsOf) {
    const issue = Number(commentsOf[1]);
    if (!store.issues.some((i) => i.number === issue)) return notFound;
    if (method === 'GET') return page(store.comments.filter((c) => c.issue === issue).map(publicComment), req);
    if (method === 'POST') {
      if (typeof input.body !== 'string') return { status: 422, data: { message: 'body is required' } };
      if (tooLong(input.body))
        return { status: 422, data: { message: 'body is too long (maximum is 65536 characters)' } };
      return { status: 201, data: publicComment(store.addComment(issue, input.body)) };
    }
  }
  const commentId = /^\/issues\/comments\/(\d+)$/.exec(path);
  if (commentId && method === 'PATCH') {
    const comment = store.comments.find((c) => c.id === Number(commentId[1]));
    if (!comment) return notFound;
    if (typeof input.body !== 'string') return { status: 422, data: { message: 'body is required' } };
    if (tooLong(input.body))
      return { status: 422, data: { message: 'body is too long (maximum is 65536 characters)' } };
    comment.body = input.body;
    comment.updated_at = new Date().toISOString();
    return { status: 200, data: publicComment(comment) };
  }
  return undefined;
}

function listIssues(store: FakeStore, req: Request): Reply {
  const wanted = req.url.searchParams.get('state') ?? 'open';
  const labels = (req.url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
  const found = store.issues.filter(
    (i) => (wanted === 'all' || i.state === wanted) && labels.every((label) => i.labels.some((l) => l.name === label)),
  );
  return page(found, req);
}

function createIssue(store: FakeStore, input: Record<string, unknown>): Reply {
  if (typeof input.title !== 'string') return { status: 422, data: { message: 'title is required' } };
  const number = store.nextIssue++;
  const issue: FakeIssue = {
    number,
    title: input.title,
    body: typeof input.body === 'string' ? input.body : null,
    state: 'open',
    labels: ((input.labels as string[] | undefined) ?? []).map((name) => ({ name })),
    html_url: `${store.web}/issues/${number}`,
  };
  store.issues.push(issue);
  return { status: 201, data: issue };
}

function issueRoutes(store: FakeStore, req: Request): Reply | undefined {
  const { method, path, input } = req;
  if (path === '/issues' && method === 'GET') return listIssues(store, req);
  if (path === '/issues' && method === 'POST') return createIssue(store, input);
  const issueNumber = /^\/issues\/(\d+)$/.exec(path);
  if (issueNumber && method === 'PATCH') {
    const issue = store.issues.find((i) => i.number === Number(issueNumber[1]));
    if (!issue) return notFound;
    if (typeof input.title === 'string') issue.title = input.title;
    if (typeof input.body === 'string') issue.body = input.body;
    if (input.state === 'open' || input.state === 'closed') issue.state = input.state;
    if (typeof input.state_reason === 'string') issue.state_reason = input.state_reason;
    return { status: 200, data: issue };
  }
  return undefined;
}

function statusRoute(store: FakeStore, sha: string, input: Record<string, unknown>): Reply {
  if (!['error', 'failure', 'pending', 'success'].includes(String(input.state)))
    return { status: 422, data: { message: 'invalid state' } };
  if (typeof input.description === 'string' && input.description.length > 140)
    return { status: 422, data: { message: 'description is too long (maximum is 140 characters)' } };
  const status: FakeStatus = {
    sha,
    state: String(input.state),
    context: String(input.context ?? 'default'),
    description: input.description as string | undefined,
    target_url: input.target_url as string | undefined,
  };
  store.statuses.push(status);
  return { status: 201, data: { id: store.statuses.length, ...status } };
}

/** GET /collaborators/{login}/permission as GitHub answers it: maintain shows as write, triage as read. */
function permissionRoute(store: FakeStore, login: string): Reply {
  const role = store.roles[login];
  const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : (role ?? 'none');
  return { status: 200, data: { permission, role_name: role ?? 'none', user: { login } } };
}

function commitRoutes(store: FakeStore, req: Request): Reply | undefined {
  const { method, path } = req;
  const statusSha = /^\/statuses\/([0-9a-f]{7,40})$/.exec(path);
  if (statusSha && method === 'POST') return statusRoute(store, statusSha[1], req.input);
  if (method !== 'GET') return undefined;
  const pullsOf = /^\/commits\/([0-9a-f]{7,40})\/pulls$/.exec(path);
  if (pullsOf) {
    const found = store.pulls
      .filter((p) => p.commits.includes(pullsOf[1]))
      .map(({ commits: _commits, ...pull }) => pull);
    return page(found, req);
  }
  const commit = /^\/commits\/([0-9a-f]{7,40})$/.exec(path);
  if (commit) {
    const date = store.commitDate(commit[1]);
    if (!date) return { status: 422, data: { message: `No commit found for SHA: ${commit[1]}` } };
    return { status: 200, data: { sha: commit[1], commit: { committer: { date } } } };
  }
  const permissionOf = /^\/collaborators\/([^/]+)\/permission$/.exec(path);
  if (permissionOf) return permissionRoute(store, decodeURIComponent(permissionOf[1]));
  return undefined;
}

export function route(store: FakeStore, req: Request): Reply {
  return (
    commentRoutes(store, req) ??
    issueRoutes(store, req) ??
    commitRoutes(store, req) ?? { status: 404, data: { message: `Not Found: ${req.method} ${req.path}` } }
  );
}
