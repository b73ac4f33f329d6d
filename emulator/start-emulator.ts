// The HTTP side of the emulator: a node:http server on 127.0.0.1 that serves the API under
// /ns-api/v2 (bearer auth, faults, optional OpenAPI request checks, persistence) and the test-only
// admin routes under /__emulator/.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, type ApiResponse, matchRoute, resolveDomainName } from './api-routes';
import { type FaultEffect, FaultController, type FaultRule } from './fault-controller';
import { requestSchemaFor, validateAgainst } from './openapi';
import { type OAuthLogin, OAuthServer } from './oauth';
import { RequestLog } from './request-log';
import { StateStore, clone, stateFromSeed } from './state-store';
import type { EmulatorSeed, EmulatorState } from './types';

export const API_BASE = '/ns-api/v2';
export const DEFAULT_API_KEY = 'nsd_emulator_default_key_0000000000000000000000000000000000000';

export interface EmulatorOptions {
  /** 0 = a free port (default). The host is always 127.0.0.1. */
  port?: number;
  /** JSON state file: loaded at start if it exists, rewritten atomically after every mutation. */
  statePath?: string;
  /** Seed object or .json/.yaml/.yml file; used only when statePath does not exist yet (or is not given). */
  seed?: EmulatorSeed | string;
  /** Accepted bearer tokens. */
  apiKeys?: string[];
  /** OAuth2 logins accepted by POST /tokens (password and refresh_token grants). */
  oauthLogins?: OAuthLogin[];
  /** Lifetime of issued access tokens in seconds (default 3600). */
  tokenLifetimeSeconds?: number;
  /** Validate request bodies against the OpenAPI request schemas; violations get 400. */
  strictRequests?: boolean;
  /** Reported by GET /version (default '45.0'). */
  apiVersion?: string;
}

export interface ContractViolation {
  readonly method: string;
  readonly path: string;
  readonly errors: string;
}

export interface RunningEmulator {
  /** Base URL of the API, e.g. http://127.0.0.1:34567/ns-api/v2 */
  readonly url: string;
  readonly port: number;
  readonly faults: FaultController;
  /** The OAuth token issuer (tests expire tokens to exercise refresh). */
  readonly oauth: OAuthServer;
  readonly requests: RequestLog;
  readonly contractViolations: ReadonlyArray<ContractViolation>;
  /** Deep copy of the current state. */
  state(): EmulatorState;
  /** Out-of-band edit (tests); persists and stamps last-modified-datetime of touched records. */
  mutate(fn: (s: EmulatorState) => void): void;
  close(): Promise<void>;
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Authentication Required',
  403: 'Permission Denied',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseFaultRule(body: unknown): FaultRule {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('fault rule must be a JSON object');
  const rule = body as FaultRule;
  if (typeof rule.path !== 'string')
    throw new Error('fault rule needs a string "path" (glob, or regex starting with ^)');
  return rule;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = StateStore.open(opts.statePath, opts.seed);
  const apiKeys = new Set(opts.apiKeys ?? [DEFAULT_API_KEY]);
  const oauth = new OAuthServer(opts.oauthLogins ?? [], opts.tokenLifetimeSeconds);
  const apiVersion = opts.apiVersion ?? '45.0';
  const faults = new FaultController();
  const requests = new RequestLog();
  const contractViolations: ContractViolation[] = [];

  async function handleAdmin(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
    raw: string,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, { code: 400, message: 'Invalid JSON body' });
    }
    try {
      if (path === '/__emulator/state' && method === 'GET') return send(res, 200, store.state);
      if (path === '/__emulator/state' && method === 'PUT') {
        store.state = stateFromSeed((body ?? {}) as EmulatorSeed);
        store.persist();
        return send(res, 200, store.state);
      }
      if (path === '/__emulator/faults' && method === 'GET') return send(res, 200, faults.list());
      if (path === '/__emulator/faults' && method === 'POST') {
        const rules = Array.isArray(body) ? body : [body];
        const ids = rules.map((r) => faults.add(parseFaultRule(r)));
        return send(res, 201, Array.isArray(body) ? { ids } : { id: ids[0] });
      }
      if (path === '/__emulator/faults' && method === 'DELETE') {
        faults.clear();
        return send(res, 200, { code: 200, message: 'Faults cleared' });
      }
      const one = /^\/__emulator\/faults\/([^/]+)$/.exec(path);
      if (one && method === 'DELETE') {
        return faults.remove(decodeURIComponent(one[1]))
          ? send(res, 200, { code: 200, message: 'Fault removed' })
          : send(res, 404, { code: 404, message: `Fault ${one[1]} does not exist` });
      }
      if (path === '/__emulator/requests' && method === 'GET') return send(res, 200, requests.list());
      if (path === '/__emulator/requests' && method === 'DELETE') {
        requests.reset();
        return send(res, 200, { code: 200, message: 'Request log cleared' });
      }
      if (path === '/__emulator/contract-violations' && method === 'GET') return send(res, 200, contractViolations);
      return send(res, 404, { code: 404, message: 'No Route Found [92]' });
    } catch (e) {
      return send(res, 400, { code: 400, message: (e as Error).message });
    }
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, raw: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const rawRel = url.pathname.slice(API_BASE.length) || '/';
    let segments: string[];
    try {
      segments = rawRel.split('/').slice(1).map(decodeURIComponent);
    } catch {
      segments = [];
    }
    if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
    const path = `/${segments.join('/')}`;
    let body: unknown;
    let badJson = false;
    try {
      body = raw.trim() ? JSON.parse(raw) : undefined;
    } catch {
      badJson = true;
    }
    const logTag = req.headers['x-netsapiens-log'];
    let logged = false;
    const log = (status: number) => {
      if (logged) return;
      logged = true;
      requests.record({
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        status,
        logTag: Array.isArray(logTag) ? logTag.join(',') : logTag,
        body,
        time: new Date().toISOString(),
      });
    };
    res.on('finish', () => log(res.statusCode));
    res.on('close', () => log(res.writableFinished ? res.statusCode : 0));

    const effect: FaultEffect | undefined = faults.take(method, path);
    const extraHeaders: Record<string, string> = {};
    if (effect?.retryAfter !== undefined) extraHeaders['retry-after'] = String(effect.retryAfter);
    if (effect && effect.latencyMs > 0) await sleep(effect.latencyMs);
    if (res.destroyed) return;
    if (effect?.drop) {
      log(0);
      req.socket.destroy();
      return;
    }
    if (effect?.status !== undefined) {
      const faultBody = effect.body ?? { code: effect.status, message: REASONS[effect.status] ?? 'Injected fault' };
      return send(res, effect.status, faultBody, extraHeaders);
    }

    const answer = (r: ApiResponse) => send(res, r.status, r.body, extraHeaders);
    // POST /tokens is the one unauthenticated API route (it is how a login gets its bearer token).
    if (method === 'POST' && segments.length === 1 && segments[0] === 'tokens') {
      if (badJson) return answer({ status: 400, body: { code: 400, message: 'Invalid JSON body' } });
      return answer(oauth.token(body as Record<string, unknown> | undefined, apiVersion));
    }
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
    if (!token) return answer({ status: 401, body: { code: 401, message: 'Authentication Required' } });
    if (!apiKeys.has(token) && !oauth.accepts(token))
      return answer({ status: 401, body: { code: 401, message: 'Invalid or expired API key' } });

    const match = matchRoute(method, segments);
    if (!match) return answer({ status: 404, body: { code: 404, message: 'No Route Found [92]' } });
    if (badJson) return answer({ status: 400, body: { code: 400, message: 'Invalid JSON body' } });

    if (opts.strictRequests) {
      const schema = requestSchemaFor(method, match.route.template);
      if (schema) {
        const result = validateAgainst(schema, body ?? {});
        if (!result.valid) {
          contractViolations.push({ method, path, errors: result.errors });
          return answer({
            status: 400,
            body: { code: 400, message: `Request does not match the API schema: ${result.errors}` },
          });
        }
      }
    }

    const isWrite = method !== 'GET';
    const domainName = match.params.domain === undefined ? undefined : resolveDomainName(store, match.params.domain);
    const before =
      isWrite && domainName && effect && effect.delayVisibilityMs > 0 ? store.snapshotDomain(domainName) : undefined;
    let result: ApiResponse;
    try {
      result = match.route.handler({ params: match.params, query: url.searchParams, body, store, apiVersion });
      if (isWrite && result.status < 300) {
        store.persist();
        if (before && domainName && result.status === 202)
          store.hideChanges(domainName, before, effect!.delayVisibilityMs);
      }
    } catch (e) {
      result =
        e instanceof ApiError
          ? { status: e.status, body: { code: e.status, message: e.message } }
          : { status: 500, body: { code: 500, message: `Emulator error: ${(e as Error).message}` } };
    }
    return answer(result);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    readBody(req)
      .then((raw) => {
        if (url.pathname.startsWith('/__emulator/'))
          return handleAdmin(req, res, url.pathname.replace(/\/+$/, ''), raw);
        if (url.pathname === API_BASE || url.pathname.startsWith(`${API_BASE}/`)) return handleApi(req, res, url, raw);
        return send(res, 404, { code: 404, message: 'No Route Found [92]' });
      })
      .catch((e: unknown) => send(res, 500, { code: 500, message: `Emulator error: ${(e as Error).message}` }));
  });
  // Long-polling clients and retries must not keep the process alive after close().
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}${API_BASE}`,
    port,
    faults,
    oauth,
    requests,
    contractViolations,
    state: () => clone(store.state),
    mutate: (fn) => store.mutate(fn),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
