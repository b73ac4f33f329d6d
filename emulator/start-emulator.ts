// The HTTP side of the emulator: a node:http server on 127.0.0.1 that serves the API under
// /ns-api/v2 (bearer auth, faults, OpenAPI request checks, unknown-field dropping, 44.x spellings,
// persistence) and the test-only admin routes under /__emulator/.

import { noteWrite } from './record-index';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ContractViolation, handleAdmin } from './admin-routes';
import { ApiError, type ApiResponse, type RouteMatch, matchRoute, resolveDomainName } from './api-routes';
import { fromWire, toWire } from './api-version';
import { type FaultEffect, FaultController } from './fault-controller';
import { type OAuthLogin, OAuthServer } from './oauth';
import { validateAgainst } from './openapi';
import { dropUnknownFields, requestContract } from './request-contract';
import { RequestLog, type RequestLogEntry } from './request-log';
import { ResponseCache } from './response-cache';
import { StateStore, clone } from './state-store';
import type { EmulatorSeed, EmulatorState } from './types';

export type { ContractViolation } from './admin-routes';

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
  /** Validate request bodies against the OpenAPI request schemas; violations get 400. Default true. */
  strictRequests?: boolean;
  /**
   * Reported by GET /version (default '45.0'). A 44.x version ('44.1.2') switches the field spellings
   * of users and answer rules to the 44.x ones, in requests and in responses (see api-version.ts).
   */
  apiVersion?: string;
}

export interface RunningEmulator {
  /** Base URL of the API, e.g. http://127.0.0.1:34567/ns-api/v2 */
  readonly url: string;
  readonly port: number;
  readonly apiVersion: string;
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

interface Server {
  readonly store: StateStore;
  readonly apiKeys: ReadonlySet<string>;
  readonly oauth: OAuthServer;
  readonly apiVersion: string;
  readonly strict: boolean;
  readonly faults: FaultController;
  readonly requests: RequestLog;
  readonly contractViolations: ContractViolation[];
  readonly cache: ResponseCache;
}

interface ApiRequest {
  readonly method: string;
  readonly segments: string[];
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly badJson: boolean;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A body as bytes: a Buffer is JSON already serialised (a cached answer), a string is plain text. */
function encode(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  // Encoded once: the length and the bytes written come from the same pass over a large list's JSON.
  return Buffer.from(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const bytes = encode(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : JSON_TYPE,
    'content-length': String(bytes.length),
    ...headers,
  });
  res.end(bytes);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseApiRequest(req: http.IncomingMessage, url: URL, raw: string): ApiRequest {
  const rawRel = url.pathname.slice(API_BASE.length) || '/';
  let segments: string[];
  try {
    segments = rawRel.split('/').slice(1).map(decodeURIComponent);
  } catch {
    segments = [];
  }
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  let body: unknown;
  let badJson = false;
  try {
    body = raw.trim() ? JSON.parse(raw) : undefined;
  } catch {
    badJson = true;
  }
  const method = (req.method ?? 'GET').toUpperCase();
  return { method, segments, path: `/${segments.join('/')}`, query: url.searchParams, body, badJson };
}

function logRequests(s: Server, req: http.IncomingMessage, res: http.ServerResponse, r: ApiRequest) {
  const logTag = req.headers['x-netsapiens-log'];
  let logged = false;
  const log = (status: number, cut?: RequestLogEntry['cut']) => {
    if (logged) return;
    logged = true;
    s.requests.record({
      method: r.method,
      path: r.path,
      query: Object.fromEntries(r.query),
      status,
      ...(cut ? { cut } : {}),
      logTag: Array.isArray(logTag) ? logTag.join(',') : logTag,
      body: r.body,
      time: new Date().toISOString(),
    });
  };
  res.on('finish', () => log(res.statusCode));
  res.on('close', () => log(res.writableFinished ? res.statusCode : 0));
  return {
    logDropped: () => log(0, 'dropped'),
    logHandled: (status: number, cut: RequestLogEntry['cut']) => log(status, cut),
  };
}

function authenticate(s: Server, req: http.IncomingMessage): ApiResponse | undefined {
  const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  if (!token) return { status: 401, body: { code: 401, message: 'Authentication Required' } };
  if (!s.apiKeys.has(token) && !s.oauth.accepts(token))
    return { status: 401, body: { code: 401, message: 'Invalid or expired API key' } };
  return undefined;
}

/** Strict check, unknown-field drop, version spelling, handler, persistence and replication lag. */
function dispatch(s: Server, r: ApiRequest, match: RouteMatch, effect: FaultEffect | undefined): ApiResponse {
  const { template } = match.route;
  const contract = requestContract(r.method, template, s.apiVersion);
  if (s.strict && contract.schema && r.method !== 'GET') {
    const result = validateAgainst(contract.schema, r.body ?? {});
    if (!result.valid) {
      s.contractViolations.push({ method: r.method, path: r.path, errors: result.errors });
      return { status: 400, body: { code: 400, message: `Request does not match the API schema: ${result.errors}` } };
    }
  }
  const kept = dropUnknownFields(r.body, contract.fields);
  const body =
    kept && typeof kept === 'object' && !Array.isArray(kept)
      ? fromWire(kept as Record<string, unknown>, contract.kind, s.apiVersion)
      : kept;
  const synchronous =
    !!r.body && typeof r.body === 'object' && (r.body as Record<string, unknown>).synchronous === 'yes';
  const isWrite = r.method !== 'GET';
  if (isWrite) {
    noteWrite();
    s.store.touch();
  }
  const domainName = match.params.domain === undefined ? undefined : resolveDomainName(s.store, match.params.domain);
  const lag = isWrite && domainName && effect && effect.delayVisibilityMs > 0;
  const before = lag ? s.store.snapshotDomain(domainName) : undefined;
  try {
    const ctx = {
      params: match.params,
      query: r.query,
      body,
      synchronous,
      store: s.store,
      apiVersion: s.apiVersion,
      strict: s.strict,
    };
    const result = match.route.handler(ctx);
    if (isWrite && result.status < 300) {
      s.store.persist();
      if (before && domainName && effect && result.status === 202)
        s.store.hideChanges(domainName, before, effect.delayVisibilityMs);
    }
    // Serialised right away by send(), so stored records can be handed out without a copy.
    return { status: result.status, body: toWire(result.body, contract.kind, s.apiVersion) };
  } catch (e) {
    return e instanceof ApiError
      ? { status: e.status, body: { code: e.status, message: e.message } }
      : { status: 500, body: { code: 500, message: `Emulator error: ${(e as Error).message}` } };
  }
}

/** A `cutBody` fault: the full length announced, half the body sent, the connection cut. */
function sendCut(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const whole = encode(body === undefined ? {} : body);
  const bytes = whole.length < 2 ? Buffer.concat([whole, Buffer.from('  ')]) : whole;
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': String(bytes.length),
    ...headers,
  });
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
}

async function handleApi(s: Server, req: http.IncomingMessage, res: http.ServerResponse, url: URL, raw: string) {
  const r = parseApiRequest(req, url, raw);
  const { logDropped, logHandled } = logRequests(s, req, res, r);
  const effect = s.faults.take(r.method, r.path);
  const headers: Record<string, string> = {};
  if (effect?.retryAfter !== undefined) headers['retry-after'] = String(effect.retryAfter);
  if (effect && effect.latencyMs > 0) await sleep(effect.latencyMs);
  if (res.destroyed) return;
  if (effect?.drop) {
    logDropped();
    req.socket.destroy();
    return;
  }
  if (effect?.status !== undefined) {
    const faultBody = effect.body ?? { code: effect.status, message: REASONS[effect.status] ?? 'Injected fault' };
    return send(res, effect.status, faultBody, headers);
  }
  const answer = (a: ApiResponse) => {
    if (effect?.dropAfter) {
      // Handled; the answer never leaves. Logged with the status the platform decided on.
      logHandled(a.status, 'dropped-after');
      req.socket.destroy();
      return;
    }
    if (effect?.cutBody) logHandled(a.status, 'cut-body');
    (effect?.cutBody ? sendCut : send)(res, a.status, a.body, headers);
  };
  // POST /tokens is the one unauthenticated API route (it is how a login gets its bearer token).
  if (r.method === 'POST' && r.segments.length === 1 && r.segments[0] === 'tokens') {
    if (r.badJson) return answer({ status: 400, body: { code: 400, message: 'Invalid JSON body' } });
    return answer(s.oauth.token(r.body as Record<string, unknown> | undefined, s.apiVersion));
  }
  const denied = authenticate(s, req);
  if (denied) return answer(denied);
  const match = matchRoute(r.method, r.segments);
  if (!match) return answer({ status: 404, body: { code: 404, message: 'No Route Found [92]' } });
  if (r.badJson) return answer({ status: 400, body: { code: 400, message: 'Invalid JSON body' } });
  const key = s.cache.keyFor(r.method, match.route.template, `${r.path}${url.search}`, r.body !== undefined);
  const hit = key === undefined ? undefined : s.cache.get(key);
  if (hit) return answer({ status: hit.status, body: hit.json });
  const a = dispatch(s, r, match, effect);
  if (key === undefined) return answer(a);
  const json = encode(a.body);
  s.cache.set(key, a.status, json);
  return answer({ status: a.status, body: json });
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = StateStore.open(opts.statePath, opts.seed);
  const s: Server = {
    store,
    cache: new ResponseCache(store),
    apiKeys: new Set(opts.apiKeys ?? [DEFAULT_API_KEY]),
    oauth: new OAuthServer(opts.oauthLogins ?? [], opts.tokenLifetimeSeconds),
    apiVersion: opts.apiVersion ?? '45.0',
    strict: opts.strictRequests ?? true,
    faults: new FaultController(),
    requests: new RequestLog(),
    contractViolations: [],
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    readBody(req)
      .then((raw) => {
        if (url.pathname.startsWith('/__emulator/'))
          return handleAdmin(s, send, req, res, url.pathname.replace(/\/+$/, ''), raw);
        if (url.pathname === API_BASE || url.pathname.startsWith(`${API_BASE}/`))
          return handleApi(s, req, res, url, raw);
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
    apiVersion: s.apiVersion,
    faults: s.faults,
    oauth: s.oauth,
    requests: s.requests,
    contractViolations: s.contractViolations,
    state: () => clone(s.store.state),
    mutate: (fn) => s.store.mutate(fn),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
