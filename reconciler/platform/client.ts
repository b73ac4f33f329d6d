/**
 * The NetSapiens API v2 client: the ONLY module of pbxctl that speaks HTTP (design.md §3, §5).
 *
 * Platform behaviour it accounts for (netsapiens-api.md §2):
 * - lists are bare JSON arrays paged with `start`/`limit` (max 1000) and no total: read until a short page;
 * - writes answer 202 `{code,message}` unless a POST carries `synchronous: "yes"` (then 200 + the object);
 * - errors are `{code, message}`; we surface them as `PlatformApiError` with method, path and retryability;
 * - no rate limits are documented, so we pace ourselves (token bucket), bound concurrency, and honour
 *   `Retry-After` when a server (or a proxy in front of it) sends 429/503 anyway.
 * Credentials never leave this module: they are not part of any error message or log.
 */
import { Agent, type Dispatcher, request as undiciRequest } from 'undici';
import { PlatformApiError } from '../errors';

export type PlatformRecord = Record<string, unknown>;

export interface ClientOptions {
  /** Base URL ending in `/ns-api/v2`. */
  readonly baseUrl: string;
  /** Bearer credential (`nsd_…` API key or an access token). Either this or `oauth`. */
  readonly apiKey?: string;
  /** OAuth2 password grant (POST /tokens), refreshed before expiry and once on a 401. */
  readonly oauth?: OAuthCredentials;
  /** Requests in flight at once (default 8). */
  readonly concurrency?: number;
  /** Sustained requests per second (default 100); bursts up to the same number. */
  readonly requestsPerSecond?: number;
  /** Attempts for retryable failures (default 4). */
  readonly maxAttempts?: number;
  /** Upper bound for one back-off wait, in ms (default 30 000). */
  readonly maxBackoffMs?: number;
  /** Per-request timeout in ms (default 30 000). */
  readonly timeoutMs?: number;
  /** Sent as `X-NetSapiens-Log` so platform logs line up with a plan (design.md §4 Audit). */
  readonly logTag?: string;
  /** Page size for list reads (1–1000, default 1000). */
  readonly pageSize?: number;
  /** Injected sleep, so tests of back-off need not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly dispatcher?: Dispatcher;
}

export interface OAuthCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
}

interface AccessToken {
  readonly access: string;
  readonly refresh?: string;
  readonly expiresAt: number;
}

export interface RequestOptions {
  readonly query?: Record<string, string | number | undefined>;
  readonly body?: unknown;
}

export interface ClientStats {
  requests: number;
  retries: number;
  byMethod: Record<string, number>;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export class NetSapiensClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, byMethod: {} };
  private readonly baseUrl: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly limiter: Limiter;
  private logTag: string | undefined;
  private token: AccessToken | undefined;
  private tokenRequest: Promise<AccessToken> | undefined;

  constructor(private readonly options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ?? new Agent({ connections: options.concurrency ?? 8, keepAliveTimeout: 10_000 });
    this.limiter = new Limiter(options.concurrency ?? 8, options.requestsPerSecond ?? 100);
    this.logTag = options.logTag;
    if (!options.apiKey && !options.oauth) throw new Error('NetSapiensClient needs apiKey or oauth credentials');
  }

  /** Tag subsequent requests with `X-NetSapiens-Log` (apply sets it to `pbxctl-<checksum prefix>`). */
  setLogTag(tag: string | undefined): void {
    this.logTag = tag;
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** One HTTP exchange with retries. Returns the parsed JSON body (or undefined for an empty body). */
  async request<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const maxAttempts = this.options.maxAttempts ?? 4;
    const sleep = this.options.sleep ?? defaultSleep;
    let attempt = 0;
    let reauthenticated = false;
    for (;;) {
      attempt++;
      try {
        return (await this.limiter.run(() => this.once<T>(method, path, opts))) as T;
      } catch (err) {
        // An access token can expire or be revoked early: get a new one once, then give up.
        if (err instanceof PlatformApiError && err.status === 401 && this.options.oauth && !reauthenticated) {
          reauthenticated = true;
          this.token = undefined;
          continue;
        }
        if (!(err instanceof PlatformApiError) || !err.retryable || attempt >= maxAttempts) throw err;
        this.stats.retries++;
        const wait = (err as RetryableError).retryAfterMs ?? backoffMs(attempt, this.options.maxBackoffMs ?? 30_000);
        await sleep(wait);
      }
    }
  }

  private async once<T>(method: string, path: string, opts: RequestOptions): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.bearer()}`,
      accept: 'application/json',
    };
    if (this.logTag) headers['x-netsapiens-log'] = this.logTag;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    this.stats.requests++;
    this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
    let res: Dispatcher.ResponseData;
    try {
      res = await undiciRequest(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        dispatcher: this.dispatcher,
        headersTimeout: this.options.timeoutMs ?? 30_000,
        bodyTimeout: this.options.timeoutMs ?? 30_000,
      });
    } catch (err) {
      // A connection that failed before anything was sent is safe to retry for any method; one that broke
      // after sending leaves a write's outcome unknown, so only reads are retried then.
      const code = (err as { code?: string }).code ?? '';
      const notSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
      throw new PlatformApiError(0, method, path, describeNetworkError(err), notSent || method === 'GET');
    }
    const text = await res.body.text();
    const requestId = headerValue(res.headers['x-request-id']);
    if (res.statusCode >= 400) {
      const message = platformMessage(text) ?? `HTTP ${res.statusCode}`;
      // Writes are retried only when the server says it did not process them (429/503 with Retry-After).
      const retryAfter = parseRetryAfter(headerValue(res.headers['retry-after']));
      const retryable =
        RETRYABLE_STATUS.has(res.statusCode) &&
        (method === 'GET' || res.statusCode === 429 || (res.statusCode === 503 && retryAfter !== undefined));
      const err = new PlatformApiError(res.statusCode, method, path, message, retryable, requestId) as RetryableError;
      if (retryAfter !== undefined) err.retryAfterMs = Math.min(retryAfter, this.options.maxBackoffMs ?? 30_000);
      throw err;
    }
    if (text.trim() === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new PlatformApiError(res.statusCode, method, path, 'response is not JSON', method === 'GET', requestId);
    }
  }

  private async bearer(): Promise<string> {
    if (this.options.apiKey) return this.options.apiKey;
    if (this.token && this.token.expiresAt - Date.now() > 60_000) return this.token.access;
    if (!this.tokenRequest) {
      const refresh = this.token?.refresh;
      this.tokenRequest = this.fetchToken(refresh)
        .catch((err) => (refresh ? this.fetchToken(undefined) : Promise.reject(err)))
        .finally(() => {
          this.tokenRequest = undefined;
        });
    }
    this.token = await this.tokenRequest;
    return this.token.access;
  }

  /** POST /tokens: password grant, or refresh_token grant when a refresh token is at hand. */
  private async fetchToken(refreshToken: string | undefined): Promise<AccessToken> {
    const o = this.options.oauth as OAuthCredentials;
    const body = refreshToken
      ? {
          grant_type: 'refresh_token',
          client_id: o.clientId,
          client_secret: o.clientSecret,
          refresh_token: refreshToken,
        }
      : {
          grant_type: 'password',
          client_id: o.clientId,
          client_secret: o.clientSecret,
          username: o.username,
          password: o.password,
        };
    this.stats.requests++;
    let res: Dispatcher.ResponseData;
    try {
      res = await undiciRequest(`${this.baseUrl}/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        dispatcher: this.dispatcher,
        headersTimeout: this.options.timeoutMs ?? 30_000,
        bodyTimeout: this.options.timeoutMs ?? 30_000,
      });
    } catch (err) {
      throw new PlatformApiError(0, 'POST', '/tokens', describeNetworkError(err), true);
    }
    const text = await res.body.text();
    if (res.statusCode >= 400) {
      // The platform's message only; the request body (with the password) is never part of an error.
      throw new PlatformApiError(
        res.statusCode,
        'POST',
        '/tokens',
        platformMessage(text) ?? `HTTP ${res.statusCode}`,
        false,
      );
    }
    let parsed: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new PlatformApiError(res.statusCode, 'POST', '/tokens', 'token response is not JSON', false);
    }
    if (typeof parsed.access_token !== 'string')
      throw new PlatformApiError(res.statusCode, 'POST', '/tokens', 'token response has no access_token', false);
    const seconds = Number(parsed.expires_in);
    return {
      access: parsed.access_token,
      refresh: typeof parsed.refresh_token === 'string' ? parsed.refresh_token : undefined,
      expiresAt: Date.now() + (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000,
    };
  }

  /** Reads a bare-array list page by page until a short page (the API gives no total or next link). */
  async list(path: string, query: Record<string, string | number | undefined> = {}): Promise<PlatformRecord[]> {
    const limit = this.options.pageSize ?? 1000;
    const out: PlatformRecord[] = [];
    for (let start = 0; ; start += limit) {
      const page = await this.request<unknown>('GET', path, { query: { ...query, start, limit } });
      if (!Array.isArray(page)) {
        throw new PlatformApiError(200, 'GET', path, 'expected a JSON array (list response)', false);
      }
      out.push(...(page as PlatformRecord[]));
      if (page.length < limit) return out;
    }
  }

  /** GET that maps 404 to `undefined` (absent) — any other failure stays an error (unknown, never absent). */
  async getOptional<T = PlatformRecord>(path: string): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', path);
    } catch (err) {
      if (err instanceof PlatformApiError && err.status === 404) return undefined;
      throw err;
    }
  }

  async count(path: string): Promise<number> {
    const res = await this.request<{ total?: unknown }>('GET', path);
    const n = Number(res?.total);
    if (!Number.isFinite(n)) throw new PlatformApiError(200, 'GET', path, 'count response has no total', false);
    return n;
  }

  // ---- typed endpoints (paths per netsapiens-api.md) -------------------------------------------------

  version(): Promise<PlatformRecord> {
    return this.request('GET', '/version');
  }
  getDomain(domain: string): Promise<PlatformRecord> {
    return this.request('GET', `/domains/${seg(domain)}`);
  }
  listUsers(domain: string): Promise<PlatformRecord[]> {
    return this.list(`/domains/${seg(domain)}/users`);
  }
  getUser(domain: string, user: string): Promise<PlatformRecord | undefined> {
    return this.getOptional(`/domains/${seg(domain)}/users/${seg(user)}`);
  }
  createUser(domain: string, body: PlatformRecord): Promise<PlatformRecord | undefined> {
    return this.request('POST', `/domains/${seg(domain)}/users`, { body: { ...body, synchronous: 'yes' } });
  }
  updateUser(domain: string, user: string, body: PlatformRecord): Promise<unknown> {
    return this.request('PUT', `/domains/${seg(domain)}/users/${seg(user)}`, { body });
  }
  deleteUser(domain: string, user: string): Promise<unknown> {
    return this.request('DELETE', `/domains/${seg(domain)}/users/${seg(user)}`);
  }
  sendEmail(domain: string, user: string, body: PlatformRecord): Promise<unknown> {
    return this.request('POST', `/domains/${seg(domain)}/users/${seg(user)}/email`, { body });
  }

  listDomainDevices(domain: string): Promise<PlatformRecord[]> {
    return this.list(`/domains/${seg(domain)}/devices`);
  }
  listUserDevices(domain: string, user: string): Promise<PlatformRecord[]> {
    return this.list(`/domains/${seg(domain)}/users/${seg(user)}/devices`);
  }
  createDevice(domain: string, user: string, body: PlatformRecord): Promise<PlatformRecord | undefined> {
    return this.request('POST', `/domains/${seg(domain)}/users/${seg(user)}/devices`, {
      body: { ...body, synchronous: 'yes' },
    });
  }
  updateDevice(domain: string, user: string, device: string, body: PlatformRecord): Promise<unknown> {
    return this.request('PUT', `/domains/${seg(domain)}/users/${seg(user)}/devices/${seg(device)}`, { body });
  }
  deleteDevice(domain: string, user: string, device: string): Promise<unknown> {
    return this.request('DELETE', `/domains/${seg(domain)}/users/${seg(user)}/devices/${seg(device)}`);
  }

  listAnswerRules(domain: string, user: string): Promise<PlatformRecord[]> {
    return this.list(`/domains/${seg(domain)}/users/${seg(user)}/answerrules`);
  }
  createAnswerRule(domain: string, user: string, body: PlatformRecord): Promise<unknown> {
    return this.request('POST', `/domains/${seg(domain)}/users/${seg(user)}/answerrules`, {
      body: { ...body, synchronous: 'yes' },
    });
  }
  updateAnswerRule(domain: string, user: string, timeFrame: string, body: PlatformRecord): Promise<unknown> {
    return this.request('PUT', `/domains/${seg(domain)}/users/${seg(user)}/answerrules/${seg(timeFrame)}`, { body });
  }
  deleteAnswerRule(domain: string, user: string, timeFrame: string): Promise<unknown> {
    return this.request('DELETE', `/domains/${seg(domain)}/users/${seg(user)}/answerrules/${seg(timeFrame)}`);
  }

  listContacts(domain: string): Promise<PlatformRecord[]> {
    return this.list(`/domains/${seg(domain)}/contacts`);
  }
  createContact(domain: string, body: PlatformRecord): Promise<unknown> {
    return this.request('POST', `/domains/${seg(domain)}/contacts`, { body: { ...body, synchronous: 'yes' } });
  }
  updateContact(domain: string, id: string, body: PlatformRecord): Promise<unknown> {
    return this.request('PUT', `/domains/${seg(domain)}/contacts/${seg(id)}`, { body });
  }
  deleteContact(domain: string, id: string): Promise<unknown> {
    return this.request('DELETE', `/domains/${seg(domain)}/contacts/${seg(id)}`);
  }
  countUserContacts(domain: string, user: string): Promise<number> {
    return this.count(`/domains/${seg(domain)}/users/${seg(user)}/contacts/count`);
  }

  getNumberFilters(domain: string): Promise<PlatformRecord[]> {
    return this.list(`/domains/${seg(domain)}/number-filters`);
  }
  addNumberFilters(domain: string, numbers: readonly string[]): Promise<unknown> {
    return this.request('POST', `/domains/${seg(domain)}/number-filters`, {
      body: { 'phone-numbers-to-reject': { parameters: numbers } },
    });
  }
  removeNumberFilters(domain: string, numbers: readonly string[]): Promise<unknown> {
    return this.request('DELETE', `/domains/${seg(domain)}/number-filters`, {
      body: { 'phone-numbers-to-reject': { parameters: numbers } },
    });
  }

  listPhoneNumbers(domain: string): Promise<PlatformRecord[]> {
    return this.list(`/domains/${seg(domain)}/phonenumbers`);
  }
  updatePhoneNumber(domain: string, number: string, body: PlatformRecord): Promise<unknown> {
    return this.request('PUT', `/domains/${seg(domain)}/phonenumbers/${seg(number)}`, { body });
  }

  countVoicemails(domain: string, user: string, folder = 'inbox'): Promise<number> {
    return this.count(`/domains/${seg(domain)}/users/${seg(user)}/voicemails/${seg(folder)}/count`);
  }
  countGreetings(domain: string, user: string): Promise<number> {
    return this.count(`/domains/${seg(domain)}/users/${seg(user)}/greetings/count`);
  }
}

type RetryableError = PlatformApiError & { retryAfterMs?: number };

/** Path segment: `*` (default time-frame) and everything else URL-encoded. */
export function seg(value: string): string {
  return encodeURIComponent(value).replace(/\*/g, '%2A');
}

function platformMessage(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    return typeof parsed?.message === 'string' ? parsed.message : undefined;
  } catch {
    return text.trim().slice(0, 200) || undefined;
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** `Retry-After` in seconds or as an HTTP date, in ms. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

function backoffMs(attempt: number, cap: number): number {
  return Math.min(cap, 200 * 2 ** (attempt - 1));
}

function describeNetworkError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e.code ? `network error ${e.code}` : `network error: ${e.message ?? String(err)}`;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Bounded concurrency plus a token bucket. */
class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly concurrency: number,
    private readonly rate: number,
  ) {
    this.tokens = rate;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      await this.takeToken();
      return await fn();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  private async takeToken(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(this.rate, this.tokens + ((now - this.last) / 1000) * this.rate);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const wait = Math.ceil(((1 - this.tokens) / this.rate) * 1000);
      // Pacing always waits in real time (an injected no-op sleep would turn this into a busy loop).
      await defaultSleep(wait);
    }
  }
}
