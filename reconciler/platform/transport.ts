/**
 * One HTTP exchange over undici, under the client's deadlines (settings.ts), with every way it can fail turned
 * into a typed, one-line error: refused, DNS, TLS, reset, a body cut mid-stream, a silent or trickling server.
 * Deadlines run on our own timers (undici's are coarse, ~1 s); undici's own timeouts stay as a backstop.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { lazyUndici } from '../util/lazy-modules';
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

export async function exchange(req: WireRequest, ctx: TransportContext): Promise<WireResponse> {
  const d = ctx.deadlines;
  const host = hostOf(req.url);
  const started = Date.now();
  const remainingRun = ctx.runDeadlineAt === undefined ? Number.POSITIVE_INFINITY : ctx.runDeadlineAt - started;
  if (remainingRun <= 0) throw timeoutFailure(req, host, 'run', d, false);
  const ac = new AbortController();
  const fail = (phase: TimeoutPhase, sent: boolean, detail?: string) => () =>
    ac.abort(timeoutFailure(req, host, phase, d, sent, detail));
  const runIsCloser = remainingRun < d.requestMs;
  const wholeTimer = setTimeout(fail(runIsCloser ? 'run' : 'request', true), Math.min(d.requestMs, remainingRun));
  const headersTimer = setTimeout(fail('headers', true), d.headersMs);
  let res: Dispatcher.ResponseData;
  try {
    try {
      res = await lazyUndici().request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        body: req.body,
        dispatcher: ctx.dispatcher,
        signal: ac.signal,
        headersTimeout: d.headersMs + 5_000,
        bodyTimeout: d.idleMs + 5_000,
      });
    } catch (err) {
      throw ac.signal.aborted ? ac.signal.reason : classify(err, req, host, undefined);
    } finally {
      clearTimeout(headersTimer);
    }
    const text = await readBody(res, req, host, ctx, ac, fail);
    return { status: res.statusCode, headers: res.headers, text };
  } finally {
    clearTimeout(wholeTimer);
  }
}

async function readBody(
  res: Dispatcher.ResponseData,
  req: WireRequest,
  host: string,
  ctx: TransportContext,
  ac: AbortController,
  fail: (phase: TimeoutPhase, sent: boolean, detail?: string) => () => void,
): Promise<string> {
  const d = ctx.deadlines;
  const chunks: Buffer[] = [];
  let bytes = 0;
  const bodyStarted = Date.now();
  const idleTimer = setTimeout(fail('idle', true), d.idleMs);
  // A trickle defeats an idle timer, so after the idle grace the body must also keep an average pace.
  const paceTimer = setInterval(
    () => {
      const elapsed = Date.now() - bodyStarted;
      if (elapsed >= d.idleMs && (bytes * 1000) / elapsed < d.minBodyBytesPerSecond) {
        fail('slow-body', true, `${bytes} bytes in ${Math.round(elapsed / 1000)} s`)();
      }
    },
    Math.max(250, Math.min(1000, d.idleMs / 4)),
  );
  try {
    // Events rather than `for await`: an async iterator costs promises per chunk on every answer (issue 15).
    await new Promise<void>((resolve, reject) => {
      const body = res.body;
      body.on('data', (buf: Buffer) => {
        bytes += buf.length;
        if (bytes > ctx.maxResponseBytes) {
          const error = connectionError(req, host, 'too-large', `response larger than ${ctx.maxResponseBytes} bytes`);
          ac.abort(new WireFailure(error, true, res.statusCode));
          resolve();
          return;
        }
        chunks.push(buf);
        idleTimer.refresh();
      });
      body.once('end', () => resolve());
      body.once('error', reject);
      if (ac.signal.aborted) resolve();
      else ac.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    if (ac.signal.aborted) throw ac.signal.reason;
  } catch (err) {
    res.body.destroy();
    throw ac.signal.aborted ? ac.signal.reason : classify(err, req, host, res.statusCode, bytes);
  } finally {
    clearTimeout(idleTimer);
    clearInterval(paceTimer);
  }
  return Buffer.concat(chunks).toString('utf8');
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
