/**
 * One HTTP exchange over undici, under the client's deadlines (settings.ts), with every way it can fail turned
 * into a typed, one-line error: refused, DNS, TLS, reset, a body cut mid-stream, a silent or trickling server.
 * Deadlines run on our own timers (undici's are coarse, ~1 s); undici's own timeouts stay as a backstop.
 */
import { isAscii } from 'node:buffer';
import type { IncomingHttpHeaders } from 'node:http';
import type { Agent, Dispatcher } from 'undici';
import { type ConnectionProblem, PlatformConnectionError, PlatformTimeoutError, type TimeoutPhase } from '../errors';
import { oneLine, redact } from './safety';
import { type Deadlines, deadlineVariable } from './settings';

export interface WireRequest {
  readonly method: string;
  readonly url: URL;
  /** The API-relative path, for messages (never the query: it may be long, and it is not needed). */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Redacted from any error text this exchange produces. */
  readonly secrets: ReadonlySet<string>;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export interface TransportContext {
  readonly dispatcher: Dispatcher;
  readonly deadlines: Deadlines;
  readonly maxResponseBytes: number;
  /** Epoch ms after which nothing more may be sent or awaited (whole-run deadline), if any. */
  readonly runDeadlineAt?: number;
}

/**
 * A failed exchange. `maybeProcessed` says whether the server may have acted on the request (the request left
 * this machine); `status` is set when a status line arrived before the failure (a body cut mid-stream).
 */
export class WireFailure extends Error {
  constructor(
    readonly error: PlatformConnectionError,
    readonly maybeProcessed: boolean,
    readonly status?: number,
  ) {
    super(error.message);
  }
}

/** `host[:port]` of a URL, for messages (never the user-info part). */
export function hostOf(url: URL): string {
  return url.host;
}

/**
 * One exchange. Issue 15: a plan sends one request per user, so this path is lean — undici's `dispatch` with a
 * handler (no `request()` body stream, no AbortController, no per-chunk promise), and ONE timer per exchange
 * that re-arms itself to the nearest deadline of its phase, instead of four.
 */
export function exchange(req: WireRequest, ctx: TransportContext): Promise<WireResponse> {
  const started = Date.now();
  const remainingRun = ctx.runDeadlineAt === undefined ? Number.POSITIVE_INFINITY : ctx.runDeadlineAt - started;
  if (remainingRun <= 0) return Promise.reject(timeoutFailure(req, hostOf(req.url), 'run', ctx.deadlines, false));
  return new Promise<WireResponse>((resolve, reject) => {
    const x = new Exchange(req, ctx, started, remainingRun, resolve, reject);
    const d = ctx.deadlines;
    try {
      ctx.dispatcher.dispatch(
        {
          origin: req.url.origin,
          path: req.url.pathname + req.url.search,
          method: req.method as Dispatcher.HttpMethod,
          headers: req.headers,
          body: req.body,
          headersTimeout: d.headersMs + 5_000,
          bodyTimeout: d.idleMs + 5_000,
        },
        x,
      );
    } catch (err) {
      x.onResponseError(undefined, err as Error);
    }
  });
}

/** The handler of one exchange: collects the body, watches the deadlines, settles once. */
class Exchange implements Dispatcher.DispatchHandler {
  private readonly host: string;
  private readonly wholeAt: number;
  private readonly wholePhase: TimeoutPhase;
  private readonly headersAt: number;
  /** How often a body is checked for a trickle (after the idle grace). */
  private readonly paceMs: number;
  private controller: Dispatcher.DispatchController | undefined;
  /** Set when this side ended the exchange (a deadline, too large): what the caller gets. */
  private failure: WireFailure | undefined;
  private settled = false;
  private timer: NodeJS.Timeout;
  private status: number | undefined;
  private headers: IncomingHttpHeaders = {};
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private bodyStarted = 0;
  private lastChunk = 0;

  constructor(
    private readonly req: WireRequest,
    private readonly ctx: TransportContext,
    started: number,
    remainingRun: number,
    private readonly resolve: (res: WireResponse) => void,
    private readonly reject: (failure: unknown) => void,
  ) {
    const d = ctx.deadlines;
    this.host = hostOf(req.url);
    this.wholePhase = remainingRun < d.requestMs ? 'run' : 'request';
    this.wholeAt = started + Math.min(d.requestMs, remainingRun);
    this.headersAt = started + d.headersMs;
    this.paceMs = Math.max(250, Math.min(1000, d.idleMs / 4));
    // No deadline of the body can fall before start + idle (the body starts later), so this covers every phase.
    this.timer = setTimeout(
      this.check,
      Math.max(1, Math.min(this.wholeAt, this.headersAt, started + d.idleMs) - started),
    );
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Ended before it went out (a deadline while undici was connecting): it is not sent.
    if (this.failure) controller.abort(this.failure);
  }

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.status = statusCode;
    this.headers = headers;
    this.bodyStarted = Date.now();
    this.lastChunk = this.bodyStarted;
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    this.bytes += chunk.length;
    if (this.bytes > this.ctx.maxResponseBytes) {
      const { req, host, ctx } = this;
      const error = connectionError(req, host, 'too-large', `response larger than ${ctx.maxResponseBytes} bytes`);
      this.fail(new WireFailure(error, true, this.status));
      return;
    }
    this.chunks.push(chunk);
    this.lastChunk = Date.now();
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settle();
    const c = this.chunks;
    const body = c.length === 1 ? (c[0] as Buffer) : Buffer.concat(c, this.bytes);
    this.resolve({ status: this.status ?? 0, headers: this.headers, text: decodeBody(body) });
  }

  onResponseError(_c: Dispatcher.DispatchController | undefined, err: Error): void {
    if (this.settled) return;
    this.settle();
    this.reject(this.failure ?? classify(err, this.req, this.host, this.status, this.bytes));
  }

  /** Ends the exchange from this side: the caller gets `failure` at once, undici is told to stop. */
  private fail(failure: WireFailure): void {
    if (this.settled) return;
    this.failure = failure;
    this.settle();
    this.reject(failure);
    this.controller?.abort(failure);
  }

  private settle(): void {
    this.settled = true;
    clearTimeout(this.timer);
  }

  /** The timer: fail the phase whose deadline passed, or re-arm for the nearest one. */
  private readonly check = (): void => {
    if (this.settled) return;
    const now = Date.now();
    const due = this.due(now);
    if (typeof due === 'number') this.timer = setTimeout(this.check, Math.max(1, due - now));
    else this.fail(timeoutFailure(this.req, this.host, due.phase, this.ctx.deadlines, true, due.detail));
  };

  /** The deadline that has passed, or when the next one falls. */
  private due(now: number): { phase: TimeoutPhase; detail?: string } | number {
    const d = this.ctx.deadlines;
    if (now >= this.wholeAt) return { phase: this.wholePhase };
    if (this.status === undefined) {
      if (now >= this.headersAt) return { phase: 'headers' };
      return Math.min(this.wholeAt, this.headersAt, now + d.idleMs);
    }
    if (now - this.lastChunk >= d.idleMs) return { phase: 'idle' };
    // A trickle defeats an idle deadline, so after the idle grace the body must also keep an average pace. A body
    // that has been silent for nearly the idle deadline is a stall, not a trickle: it is left to that deadline
    // (its first byte may come a little after the headers, so the two deadlines can fall within milliseconds).
    const elapsed = now - this.bodyStarted;
    const stalling = now - this.lastChunk >= d.idleMs - this.paceMs;
    if (elapsed >= d.idleMs && !stalling && (this.bytes * 1000) / elapsed < d.minBodyBytesPerSecond) {
      return { phase: 'slow-body', detail: `${this.bytes} bytes in ${Math.round(elapsed / 1000)} s` };
    }
    return Math.min(this.wholeAt, this.lastChunk + d.idleMs, Math.max(this.bodyStarted + d.idleMs, now + this.paceMs));
  }
}

/**
 * The body as text (UTF-8). An all-ASCII body — every NetSapiens list we have seen — is copied as Latin-1,
 * which is the same text: V8 decodes UTF-8 at ~5 ns a byte, and a plan of 10,000 users reads ~36 MB of lists
 * (issue 15); `isAscii` checks the whole body first (SIMD, ~0.02 ns a byte).
 */
export function decodeBody(body: Buffer): string {
  return isAscii(body) ? body.toString('latin1') : body.toString('utf8');
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EHOSTUNREACH', 'ENETUNREACH']);

function errorCode(err: unknown): string {
  const e = err as { code?: string; cause?: { code?: string }; errors?: Array<{ code?: string }> };
  return e?.code ?? e?.cause?.code ?? e?.errors?.[0]?.code ?? '';
}

function isTlsCode(code: string): boolean {
  return (
    /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_)/.test(code) ||
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'EPROTO', 'HOSTNAME_MISMATCH'].includes(code)
  );
}

/** Map an undici/Node network error to a typed failure. `status` is set when the failure came mid-body. */
export function classify(err: unknown, req: WireRequest, host: string, status?: number, bytes = 0): WireFailure {
  if (err instanceof WireFailure) return err;
  const code = errorCode(err);
  const d = (problem: ConnectionProblem, detail: string, hint?: string) =>
    connectionError(req, host, problem, detail, hint, status);
  if (status !== undefined) {
    const detail = `the response (HTTP ${status}) was cut off mid-body after ${bytes} bytes (${code || 'closed'})`;
    return new WireFailure(d('cut-body', detail), true, status);
  }
  if (code === 'ECONNREFUSED') return new WireFailure(d('refused', 'connection refused'), false);
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_AGAIN') {
    return new WireFailure(d('dns', `the host name does not resolve (${code})`), false);
  }
  if (isTlsCode(code)) return new WireFailure(d('tls', `TLS handshake failed (${code})`), false);
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT')
    return timeoutFailure(req, host, 'connect', undefined, false);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return timeoutFailure(req, host, 'headers', undefined, true);
  if (code === 'UND_ERR_BODY_TIMEOUT') return timeoutFailure(req, host, 'idle', undefined, true);
  if (NOT_SENT.has(code)) return new WireFailure(d('network', `network unreachable (${code})`), false);
  if (['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED'].includes(code)) {
    return new WireFailure(d('reset', `the connection was closed before a response (${code})`), true);
  }
  const message = oneLine(redact((err as Error)?.message ?? String(err), req.secrets), 160);
  return new WireFailure(d('network', `network error${code ? ` ${code}` : ''}: ${message}`), true);
}

const HINTS: Record<ConnectionProblem, string> = {
  refused: 'nothing is listening there: is the server up, and are the host and port in NS_API_URL right?',
  dns: 'check the host name in NS_API_URL (and this machine’s DNS)',
  tls: 'check http:// vs https:// in NS_API_URL; a private CA needs NODE_EXTRA_CA_CERTS',
  reset: 'the server or a proxy dropped the connection; reads are retried, a write is never re-sent blindly',
  'cut-body': 'the server or a proxy closed the connection mid-response; reads are retried',
  'bad-body': 'the server (or a proxy in front of it) did not answer with JSON: is NS_API_URL the API?',
  'too-large': 'the answer is larger than any NetSapiens list should be: is NS_API_URL the API?',
  network: 'check the network path to the host in NS_API_URL',
};

export function connectionError(
  req: Pick<WireRequest, 'method' | 'path'>,
  host: string,
  problem: ConnectionProblem,
  detail: string,
  hint = HINTS[problem],
  status = 0,
): PlatformConnectionError {
  return new PlatformConnectionError(problem, req.method, req.path, host, detail, hint, false, status);
}

function timeoutError(
  req: Pick<WireRequest, 'method' | 'path'>,
  host: string,
  phase: TimeoutPhase,
  detail: string,
  hint: string,
): PlatformTimeoutError {
  return new PlatformTimeoutError(phase, req.method, req.path, host, detail, hint, false);
}

function timeoutFailure(
  req: WireRequest,
  host: string,
  phase: TimeoutPhase,
  d: Deadlines | undefined,
  sent: boolean,
  extra?: string,
): WireFailure {
  const s = (key: keyof Deadlines) => (d ? `${d[key] / 1000} s` : 'its deadline');
  const details: Record<TimeoutPhase, [string, keyof Deadlines]> = {
    connect: ['could not connect in time', 'connectMs'],
    headers: [`no response headers within ${s('headersMs')}`, 'headersMs'],
    idle: [`the response stalled for ${s('idleMs')} mid-body`, 'idleMs'],
    'slow-body': [`the response trickled (${extra ?? 'too slowly'}; under 1 KiB/s)`, 'idleMs'],
    request: [`the exchange took longer than ${s('requestMs')}`, 'requestMs'],
    run: [`the run passed its deadline of ${s('runMs')}`, 'runMs'],
  };
  const [detail, key] = details[phase];
  const hint = `the server is too slow or not answering; ${deadlineVariable(key)} (seconds) changes this deadline`;
  return new WireFailure(timeoutError(req, host, phase, detail, hint), sent);
}

/**
 * undici's `Agent` class, loaded on first use from its own module: the package's index loads every part of
 * undici (fetch, WebSocket, mocks, caches; ~0.12 s of CPU at each start, issue 15) and the client needs only
 * the agent. The index stays the fallback should a release move the module.
 */
export function undiciAgent(): typeof Agent {
  try {
    return require('undici/lib/dispatcher/agent') as typeof Agent;
  } catch {
    return (require('undici') as typeof import('undici')).Agent;
  }
}
