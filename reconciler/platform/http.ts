/**
 * The request loop under every platform call: credentials, pacing (pacing.ts), one exchange under deadlines
 * (transport.ts), typed and redacted errors, and the retry rules (retry.ts), including the `landed` probe that
 * decides whether a write the server may have processed is re-sent.
 */
import type { Dispatcher } from 'undici';
import { PlatformApiError, UncertainWriteError, UsageError } from '../errors';
import { extraCaConnectOptions } from './extra-ca';
import { httpError } from './http-errors';
import { type BaseUrl, parseBaseUrl, probeApiPath } from './base-url';
import { AdaptivePacer, type Clock, makeClock, type Outcome, type PacerSnapshot } from './pacing';
import { type BackoffPolicy, isRead, parseRetryAfter } from './retry';
import { type Attempt, callWithRetries, readsBack } from './retry-call';
import { attemptJournal, type WriteObserver } from './write-observer';

export type { WriteFailure, WriteObserver } from './write-observer';
import { collectSecrets, hasControl, oneLine, redact } from './safety';
import { type ClientSettings, resolveSettings, type SettingsInput } from './settings';
import { type OAuthCredentials, platformMessage, TokenSource } from './token';
import {
  connectionError,
  exchange,
  undiciAgent,
  type TransportContext,
  type WireFailure,
  type WireRequest,
  type WireResponse,
} from './transport';

export interface HttpOptions extends SettingsInput {
  /** Base URL ending in `/ns-api/v2` (another path is probed once with `GET /version`). */
  readonly baseUrl: string;
  /** Bearer credential (`nsd_…` API key or an access token). Either this or `oauth`. */
  readonly apiKey?: string;
  /** OAuth2 password grant (POST /tokens), refreshed before expiry and once on a 401. */
  readonly oauth?: OAuthCredentials;
  /** Sent as `X-NetSapiens-Log` so platform logs line up with a plan (docs/design.md §4 Audit). */
  readonly logTag?: string;
  /** Injected sleep: the client treats every wait it asks for as having passed (tests of back-off). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter source (tests). */
  readonly random?: () => number;
  readonly dispatcher?: Dispatcher;
  /** Where PBXCTL_* overrides are read (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface CallOptions {
  readonly query?: Record<string, string | number | undefined>;
  readonly body?: unknown;
  /**
   * For a write: re-reads the platform and says whether this write took effect. Given, a write answered by
   * 429/502/503/504 or by a dropped connection is re-sent only when the probe says it did not land (and counts
   * as done when it did). Without it such a write fails as `UncertainWriteError` and is never re-sent.
   */
  readonly landed?: () => Promise<boolean>;
  /** More values to redact from error text (the client already redacts its credentials and secret fields). */
  readonly secrets?: readonly string[];
  /**
   * For a write with no read-back (the welcome e-mail): a status answer other than 502/504 means the platform
   * did not act, so 408/429/5xx are retried like a read; a connection failure after sending stays uncertain.
   */
  readonly statusIsFinal?: boolean;
  /** Sent before the per-object reads waiting for a slot (a domain-wide list they wait for; pacing.ts). */
  readonly ahead?: boolean;
  /** Called right before each attempt goes on the wire (after pacing and the journal's intent line). */
  readonly onSend?: () => void;
  /** Called when an attempt definitely did not take effect and the call will try again. */
  readonly onNotSent?: (reason: string) => void;
}

export interface ClientStats {
  requests: number;
  retries: number;
  throttled: number;
  probes: number;
  byMethod: Record<string, number>;
  /** Time (ms) on the wire, summed over every exchange: send to the last byte of the answer. */
  wireMs: number;
  /** Time (ms) writes waited for their journal line to be on disk (WriteObserver.durable), summed. */
  durableMs: number;
}

function checkPath(path: string): void {
  if (!path.startsWith('/')) throw new UsageError(`platform path must start with "/" (got ${JSON.stringify(path)})`);
}

const unsafeHeader = (value: string) => /\s/.test(value) || hasControl(value);

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class PlatformHttp {
  readonly stats: ClientStats = {
    requests: 0,
    retries: 0,
    throttled: 0,
    probes: 0,
    byMethod: {},
    wireMs: 0,
    durableMs: 0,
  };
  readonly settings: ClientSettings;
  readonly base: BaseUrl;
  protected readonly clock: Clock;
  private readonly pacer: AdaptivePacer;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly tokens: TokenSource | undefined;
  private readonly backoff: BackoffPolicy;
  private readonly runDeadlineAt: number | undefined;
  private logTag: string | undefined;
  private writeObserver: WriteObserver | undefined;
  private baseChecked: Promise<void> | undefined;
  private plain: { bearer: string; tag?: string; headers: Record<string, string>; secrets: Set<string> } | undefined;

  constructor(private readonly options: HttpOptions) {
    this.base = parseBaseUrl(options.baseUrl);
    if (!options.apiKey && !options.oauth) {
      throw new UsageError('the platform client needs an API key (NS_API_KEY) or OAuth credentials');
    }
    if (options.apiKey && unsafeHeader(options.apiKey)) {
      throw new UsageError('NS_API_KEY contains spaces or control characters — hint: check for a trailing newline');
    }
    this.settings = resolveSettings(options, options.env ?? process.env);
    const s = this.settings;
    this.clock = makeClock(options.sleep);
    this.pacer = new AdaptivePacer({ concurrency: s.concurrency, rate: s.rate }, this.clock);
    this.backoff = { baseMs: 250, capMs: s.maxBackoffMs, random: options.random ?? Math.random };
    this.runDeadlineAt = s.deadlines.runMs > 0 ? Date.now() + s.deadlines.runMs : undefined;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new (undiciAgent())({
        connections: s.concurrency,
        keepAliveTimeout: 10_000,
        connect: {
          timeout: s.deadlines.connectMs,
          ...extraCaConnectOptions(this.base.url, options.env ?? process.env),
        },
      });
    this.tokens = options.apiKey
      ? undefined
      : new TokenSource(
          this.base.url,
          options.oauth as OAuthCredentials,
          () => this.transport(),
          () => {
            this.stats.requests++;
          },
        );
    this.setLogTag(options.logTag);
  }

  /** Tag subsequent requests with `X-NetSapiens-Log` (apply sets it to `pbxctl-<checksum prefix>`). */
  setLogTag(tag: string | undefined): void {
    if (tag !== undefined && unsafeHeader(tag)) throw new UsageError('a log tag may not contain spaces or controls');
    this.logTag = tag;
  }

  /** The pacer's current window and rate (for progress lines and tests). */
  pacing(): PacerSnapshot {
    return this.pacer.snapshot();
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /**
   * Observes every write (POST/PUT/PATCH/DELETE) from now on: `intent` before it is first sent, `outcome`
   * after (the apply's write-ahead journal). `undefined` stops observing.
   */
  observeWrites(observer: WriteObserver | undefined): void {
    this.writeObserver = observer;
  }

  /** One platform call with pacing, deadlines and retries. Resolves the parsed JSON (undefined when empty). */
  async call<T = unknown>(method: string, path: string, opts: CallOptions = {}): Promise<T> {
    if (!this.base.hasApiPath) await this.checkBase();
    const write = WRITE_METHODS.has(method.toUpperCase());
    const observer = write ? this.writeObserver : undefined;
    const landed = opts.landed ?? (write ? this.defaultProbe(method, path, opts.body) : undefined);
    return callWithRetries<T>({
      method,
      maxAttempts: this.settings.maxAttempts,
      backoff: this.backoff,
      clock: this.clock,
      stats: this.stats,
      landed,
      statusIsFinal: opts.statusIsFinal,
      onNotSent: opts.onNotSent,
      journal: observer && attemptJournal(observer, method, path),
      attempt: () => this.attempt(method, path, opts, observer),
      reauthenticate: () => {
        if (!this.tokens) return false;
        this.tokens.invalidate();
        return true;
      },
      uncertain: (r, probeError) => this.uncertain(method, path, r.status, r.error, probeError),
    });
  }

  /**
   * A PUT is idempotent, so without a caller's probe it gets one: the resource re-read shows every field sent
   * (a read that cannot tell — a field the platform does not echo, another spelling — says "not landed", and
   * re-sending the same PUT is harmless). Other writes have no default here (typed helpers bring theirs).
   */
  private defaultProbe(method: string, path: string, body: unknown): (() => Promise<boolean>) | undefined {
    if (method.toUpperCase() !== 'PUT' || !body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    return async () => {
      let record: unknown;
      try {
        record = await this.call('GET', path);
      } catch (err) {
        if (err instanceof PlatformApiError && err.status === 404) return false;
        throw err;
      }
      return readsBack(record, body as Record<string, unknown>);
    };
  }

  private uncertain(
    method: string,
    path: string,
    status: number,
    error: PlatformApiError,
    probeError?: unknown,
  ): UncertainWriteError {
    const reRead =
      probeError === undefined
        ? ''
        : `; the re-read failed: ${oneLine(String((probeError as Error)?.message ?? probeError), 200)}`;
    return new UncertainWriteError(
      status,
      method,
      path,
      `${error.platformMessage}${reRead}`,
      this.base.host,
      error.requestId,
    );
  }

  private async attempt(method: string, path: string, opts: CallOptions, observer?: WriteObserver): Promise<Attempt> {
    // With an API key the request is built at once (no await: one request per user in a plan, issue 15).
    const req = this.options.apiKey
      ? this.wireRequest(method, path, opts, this.options.apiKey)
      : await this.bearerRequest(method, path, opts);
    this.stats.requests++;
    this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
    // The write-ahead line is on disk before the request goes on the wire (WriteObserver). A plain write
    // journals its intent and waits for the shared fsync BEFORE taking a pacer slot, so the slot (a request
    // in flight) is not held idle while the disk syncs; a write with `onSend` (the welcome e-mail: its ledger
    // line says the attempt is going out now) records after the pacer's wait, as close to the wire as can be.
    const early = observer !== undefined && opts.onSend === undefined;
    const seqEarly = early ? observer.intent(method, path) : undefined;
    if (early && observer.durable) await this.awaitDurable(observer.durable);
    const ticket = await this.pacer.acquire(opts.ahead);
    const seq = early ? seqEarly : observer?.intent(method, path);
    if (!early) opts.onSend?.();
    let outcome: Outcome = { kind: 'other' };
    try {
      if (!early && observer?.durable) await this.awaitDurable(observer.durable);
      const started = Date.now();
      const sentAt = performance.now();
      let res: WireResponse;
      try {
        res = await exchange(req, this.transport());
      } finally {
        this.stats.wireMs += performance.now() - sentAt;
      }
      const retryAfterMs = parseRetryAfter(header(res.headers['retry-after']));
      if (res.status === 429 || res.status === 503) {
        this.stats.throttled++;
        outcome = { kind: 'throttled', retryAfterMs };
      } else if (res.status < 500) outcome = { kind: 'ok', latencyMs: Date.now() - started };
      const r = this.interpret(req, res.status, res.text, header(res.headers['x-request-id']), retryAfterMs);
      return seq === undefined ? r : { ...r, seq };
    } catch (err) {
      const failure = err as WireFailure;
      if (!failure?.error) throw err;
      // The status line of a write arrived and said success; only its echo was lost. It landed.
      if (!isRead(method) && failure.status !== undefined && failure.status < 300)
        return { kind: 'done', value: undefined, seq };
      return { kind: 'failed', status: failure.status ?? 0, error: failure.error, wire: failure, seq };
    } finally {
      // PBXCTL_PACING=off: nothing is learned (each throttled call still waits its own Retry-After).
      this.pacer.release(ticket, this.settings.adaptivePacing ? outcome : { kind: 'other' });
    }
  }

  private async awaitDurable(durable: () => Promise<void>): Promise<void> {
    const from = performance.now();
    await durable();
    this.stats.durableMs += performance.now() - from;
  }

  private interpret(
    req: WireRequest,
    status: number,
    text: string,
    requestId: string | undefined,
    retryAfterMs: number | undefined,
  ): Attempt {
    if (status >= 400) {
      const message = oneLine(redact(platformMessage(text) ?? `HTTP ${status}`, req.secrets));
      return {
        kind: 'failed',
        status,
        retryAfterMs,
        error: httpError(req, status, message, {
          host: this.base.host,
          oauth: this.tokens !== undefined,
          apiKey: this.options.apiKey,
          requestId,
        }),
      };
    }
    if (text.trim() === '') return { kind: 'done', value: undefined };
    try {
      return { kind: 'done', value: JSON.parse(text) };
    } catch {
      // A write that was answered 2xx took effect even if its echo is unreadable.
      if (!isRead(req.method)) return { kind: 'done', value: undefined };
      const error = connectionError(req, this.base.host, 'bad-body', `the answer (HTTP ${status}) is not JSON`);
      return { kind: 'failed', status, error, wire: { error, maybeProcessed: true, status } as WireFailure };
    }
  }

  private async bearerRequest(method: string, path: string, opts: CallOptions): Promise<WireRequest> {
    checkPath(path);
    return this.wireRequest(method, path, opts, await (this.tokens as TokenSource).bearer());
  }

  private wireRequest(method: string, path: string, opts: CallOptions, bearer: string): WireRequest {
    checkPath(path);
    const url = new URL(this.base.url + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    // A request with no body and no secrets of its own under an API key (every read of a plan): the same
    // headers and secrets each time, built once per key and log tag (issue 15). Neither is ever changed.
    if (opts.body === undefined && opts.secrets === undefined && this.tokens === undefined) {
      const p = this.plain;
      if (p?.bearer === bearer && p.tag === this.logTag)
        return { method, url, path, headers: p.headers, secrets: p.secrets };
    }
    const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, accept: 'application/json' };
    if (this.logTag) headers['x-netsapiens-log'] = this.logTag;
    const secrets = collectSecrets(opts.body, new Set([bearer, ...(opts.secrets ?? [])]));
    for (const s of this.tokens?.secrets() ?? []) secrets.add(s);
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    if (body === undefined && opts.secrets === undefined && this.tokens === undefined)
      this.plain = { bearer, tag: this.logTag, headers, secrets };
    return { method, url, path, headers, body, secrets };
  }

  private transport(): TransportContext {
    const s = this.settings;
    return {
      dispatcher: this.dispatcher,
      deadlines: s.deadlines,
      maxResponseBytes: s.maxResponseBytes,
      runDeadlineAt: this.runDeadlineAt,
    };
  }

  /** A base URL without `/ns-api/v2` is probed once with `GET /version` (base-url.ts). */
  private checkBase(): Promise<void> {
    if (this.base.hasApiPath) return Promise.resolve();
    this.baseChecked ??= probeApiPath(this.base, async (url) => {
      this.stats.requests++;
      const secrets = new Set<string>(this.options.apiKey ? [this.options.apiKey] : []);
      const req = { method: 'GET', url: new URL(url), path: '/version', secrets };
      try {
        // GET /version needs no credentials (spec: security []), but some servers want them anyway.
        const headers: Record<string, string> = { accept: 'application/json' };
        if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
        const res = await exchange({ ...req, headers }, this.transport());
        return { status: res.status, text: res.text };
      } catch (err) {
        throw (err as WireFailure)?.error ?? err;
      }
    });
    return this.baseChecked;
  }
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
