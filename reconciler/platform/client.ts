/**
 * The NetSapiens API v2 client: the ONLY module of pbxctl that speaks HTTP (docs/design.md §3, §5).
 *
 * Platform behaviour it accounts for (docs/reference/netsapiens-api.md §2):
 * - lists are bare JSON arrays with no total; only some declare `start`/`limit` (paging.ts);
 * - writes answer 202 `{code,message}` unless a POST carries `synchronous: "yes"` (then 200 + the object);
 * - errors are `{code, message}`; they surface as typed errors (reconciler/errors.ts), one line each, redacted
 *   of every secret the request carried;
 * - no rate limits are documented, so pacing adapts to what the platform says (pacing.ts), reads are retried
 *   and writes are re-sent only when a re-read shows they did not land (retry.ts), and every wait has a
 *   deadline (settings.ts: PBXCTL_TIMEOUT_*).
 * Every name is validated before it becomes a URL segment (safety.ts). Credentials never leave this module.
 *
 * Module map: http.ts (request loop) → transport.ts (one exchange) · pacing.ts · retry.ts · paging.ts ·
 * base-url.ts · token.ts · safety.ts · settings.ts.
 */
import { PlatformApiError } from '../errors';
import { type CallOptions, type HttpOptions, PlatformHttp } from './http';
import { type ListOptions, type ListTransport, type PlatformRecord, readList, SPEC_COUNTS } from './paging';
import { encodeSegment, type SegmentKind, safeSegment } from './safety';

export type { PlatformRecord } from './paging';
export type { ListOptions, Paging } from './paging';
export { SPEC_COUNTS, SPEC_PAGING, specPaging } from './paging';
export type { CallOptions, ClientStats } from './http';
export type { OAuthCredentials } from './token';
export { parseRetryAfter } from './retry';
export { DEFAULT_DEADLINES } from './settings';
export { segmentProblem } from './safety';

export interface ClientOptions extends HttpOptions {
  /** Page size for paged list reads (1–1000, default 1000). */
  readonly pageSize?: number;
}

/** Kept for callers of the old shape. */
export type RequestOptions = Pick<CallOptions, 'query' | 'body'>;

/** Options of a typed write. */
export interface WriteOptions {
  /** Re-reads whether the write took effect; see `CallOptions.landed`. Typed creates/deletes bring a default. */
  readonly landed?: () => Promise<boolean>;
}

/** Options of a typed list read. */
export interface TypedListOptions {
  /**
   * Cross-check against the spec's `/count` (default: on for domain-wide lists, off for per-user ones);
   * `'empty'`: only when the list is empty (`ListOptions.countOnlyIfEmpty`).
   */
  readonly checked?: boolean | 'empty';
  /** Sees each page as it arrives (`ListOptions.onPage`). */
  readonly onPage?: ListOptions['onPage'];
  /** A smaller first page, for lists whose items feed per-item reads (`ListOptions.firstPageSize`). */
  readonly firstPageSize?: number;
}

/** Path segment: percent-encoded, `*` included (the default time-frame). No validation: see `safeSegment`. */
export const seg = encodeSegment;

/** `/domains/<domain>`, validated once per name (every per-user path starts with it; issue 15). */
const domainPaths = new Map<string, string>();
const d = (domain: string) => {
  let path = domainPaths.get(domain);
  if (path === undefined) {
    path = `/domains/${safeSegment('domain', domain)}`;
    if (domainPaths.size < 1000) domainPaths.set(domain, path);
  }
  return path;
};
const u = (domain: string, user: string) => `${d(domain)}/users/${safeSegment('user', user)}`;
const s = (kind: SegmentKind, value: string) => safeSegment(kind, value);

export class NetSapiensClient extends PlatformHttp {
  constructor(private readonly clientOptions: ClientOptions) {
    super(clientOptions);
  }

  /** One platform call with pacing, deadlines and retries (see `PlatformHttp.call`). */
  request<T = unknown>(method: string, path: string, opts: CallOptions = {}): Promise<T> {
    return this.call<T>(method, path, opts);
  }

  /**
   * Reads a bare-array list: paged only where the spec pages it, stopping on a repeated page; with
   * `countPath`, checked against the platform's count (a shorter list is an `IncompleteListError`).
   */
  list(
    path: string,
    query: ListOptions['query'] = {},
    opts: Omit<ListOptions, 'query'> = {},
  ): Promise<PlatformRecord[]> {
    return readList(this.listTransport(), path, { pageSize: this.clientOptions.pageSize, ...opts, query });
  }

  /**
   * A list read that must agree with the spec's `/count` beside it (`SPEC_COUNTS`): for callers that would
   * otherwise take a missing record for an absent one. Throws `IncompleteListError` on disagreement.
   */
  checkedList(path: string, countPath: string, opts: Omit<ListOptions, 'countPath'> = {}): Promise<PlatformRecord[]> {
    return readList(this.listTransport(), path, { pageSize: this.clientOptions.pageSize, ...opts, countPath });
  }

  /** One per client, not one per list read (a plan reads one list per user, issue 15). */
  private lists: ListTransport | undefined;
  private listTransport(): ListTransport {
    this.lists ??= {
      host: this.base.host,
      get: (path: string, query: Record<string, string | number | undefined>, ahead?: boolean) =>
        this.call('GET', path, { query, ahead }),
      count: (path: string, ahead?: boolean) => this.count(path, ahead),
    };
    return this.lists;
  }

  /** GET that maps 404 to `undefined` (absent) — any other failure stays an error (unknown, never absent). */
  async getOptional<T = PlatformRecord>(path: string): Promise<T | undefined> {
    try {
      return await this.call<T>('GET', path);
    } catch (err) {
      if (err instanceof PlatformApiError && err.status === 404) return undefined;
      throw err;
    }
  }

  async count(path: string, ahead?: boolean): Promise<number> {
    const res = await this.call<{ total?: unknown }>('GET', path, { ahead });
    const n = Number(res?.total);
    if (res?.total === undefined || res.total === null || !Number.isFinite(n) || n < 0) {
      throw new PlatformApiError(200, 'GET', path, 'count response has no total', false);
    }
    return n;
  }

  private typedList(
    path: string,
    countTemplate: string | undefined,
    checked: boolean | 'empty',
    o: Pick<TypedListOptions, 'onPage' | 'firstPageSize'> & Pick<ListOptions, 'ahead'> = {},
  ): Promise<PlatformRecord[]> {
    const { onPage, firstPageSize, ahead } = o;
    if (!checked || !countTemplate) return this.list(path, {}, { onPage, firstPageSize, ahead });
    const countOnlyIfEmpty = checked === 'empty';
    return this.checkedList(path, `${path}/count`, { countOnlyIfEmpty, onPage, firstPageSize, ahead });
  }

  // ---- typed endpoints (paths per docs/reference/netsapiens-api.md); async, so a bad name rejects rather than throws ----

  async version(): Promise<PlatformRecord> {
    return this.call('GET', '/version');
  }
  async getDomain(domain: string): Promise<PlatformRecord> {
    return this.call('GET', d(domain));
  }
  async listUsers(domain: string, o: TypedListOptions = {}): Promise<PlatformRecord[]> {
    // Ahead of waiting per-user reads: they wait for its pages (issue 15).
    const ahead = { ...o, ahead: true };
    return this.typedList(`${d(domain)}/users`, SPEC_COUNTS['/domains/{domain}/users'], o.checked ?? true, ahead);
  }
  async getUser(domain: string, user: string): Promise<PlatformRecord | undefined> {
    return this.getOptional(u(domain, user));
  }
  /** Default probe: the user now reads back with the first name sent. */
  async createUser(domain: string, body: PlatformRecord, o: WriteOptions = {}): Promise<PlatformRecord | undefined> {
    const user = typeof body.user === 'string' ? body.user : undefined;
    const landed =
      o.landed ??
      (user === undefined
        ? undefined
        : async () => (await this.getUser(domain, user))?.['name-first-name'] === body['name-first-name']);
    return this.call('POST', `${d(domain)}/users`, { body: { ...body, synchronous: 'yes' }, landed });
  }
  async updateUser(domain: string, user: string, body: PlatformRecord, o: WriteOptions = {}): Promise<unknown> {
    return this.call('PUT', u(domain, user), { body, landed: o.landed });
  }
  /** Default probe: the user reads as absent. */
  async deleteUser(domain: string, user: string, o: WriteOptions = {}): Promise<unknown> {
    const landed = o.landed ?? (async () => (await this.getUser(domain, user)) === undefined);
    return this.call('DELETE', u(domain, user), { landed });
  }
  /**
   * Never re-sent after the platform may have acted (a 502/504, a connection lost after sending): an e-mail
   * goes out at most once. A status answer means it was not sent, so it is retried (`statusIsFinal`; the
   * assumption is stated in apply/send-welcomes.ts). `o` sees each attempt (the welcome ledger).
   */
  async sendEmail(
    domain: string,
    user: string,
    body: PlatformRecord,
    o: Pick<CallOptions, 'onSend' | 'onNotSent'> = {},
  ): Promise<unknown> {
    return this.call('POST', `${u(domain, user)}/email`, { body, statusIsFinal: true, ...o });
  }

  async listDomainDevices(domain: string, o: TypedListOptions = {}): Promise<PlatformRecord[]> {
    const path = `${d(domain)}/devices`;
    return this.typedList(path, SPEC_COUNTS['/domains/{domain}/devices'], o.checked ?? true, { ahead: true });
  }
  async listUserDevices(domain: string, user: string, o: TypedListOptions = {}): Promise<PlatformRecord[]> {
    const template = SPEC_COUNTS['/domains/{domain}/users/{user}/devices'];
    return this.typedList(`${u(domain, user)}/devices`, template, o.checked ?? false);
  }
  async getDevice(domain: string, user: string, device: string): Promise<PlatformRecord | undefined> {
    return this.getOptional(`${u(domain, user)}/devices/${s('device', device)}`);
  }
  /** Default probe: the device now reads back. */
  async createDevice(
    domain: string,
    user: string,
    body: PlatformRecord,
    o: WriteOptions = {},
  ): Promise<PlatformRecord | undefined> {
    const device = typeof body.device === 'string' ? body.device : undefined;
    const landed =
      o.landed ?? (device === undefined ? undefined : async () => !!(await this.getDevice(domain, user, device)));
    return this.call('POST', `${u(domain, user)}/devices`, { body: { ...body, synchronous: 'yes' }, landed });
  }
  async updateDevice(domain: string, user: string, device: string, body: PlatformRecord, o: WriteOptions = {}) {
    return this.call('PUT', `${u(domain, user)}/devices/${s('device', device)}`, { body, landed: o.landed });
  }
  /** Default probe: the device reads as absent. */
  async deleteDevice(domain: string, user: string, device: string, o: WriteOptions = {}): Promise<unknown> {
    const landed = o.landed ?? (async () => (await this.getDevice(domain, user, device)) === undefined);
    return this.call('DELETE', `${u(domain, user)}/devices/${s('device', device)}`, { landed });
  }

  // ---- MAC records (NdpPhone, `/domains/{d}/phones`): the binding of a handset's MAC to device lines ----

  /** The spec declares `limit` (no `start`) and no `/count` for this list: one GET, refused when full. */
  async listMacRecords(domain: string): Promise<PlatformRecord[]> {
    return this.list(`${d(domain)}/phones`);
  }
  async getMacRecord(domain: string, mac: string): Promise<PlatformRecord | undefined> {
    return this.getOptional(`${d(domain)}/phones/${s('mac', mac)}`);
  }
  /** Default probe: the MAC record now reads back. The MAC travels in the body. */
  async createMacRecord(domain: string, body: PlatformRecord, o: WriteOptions = {}): Promise<unknown> {
    const mac = String(body['device-provisioning-mac-address'] ?? '');
    const landed = o.landed ?? (async () => !!(await this.getMacRecord(domain, mac)));
    return this.call('POST', `${d(domain)}/phones`, { body, landed });
  }
  /** PUT on the collection: the record is named by `device-provisioning-mac-address` in the body. */
  async updateMacRecord(domain: string, body: PlatformRecord, o: WriteOptions = {}): Promise<unknown> {
    s('mac', String(body['device-provisioning-mac-address'] ?? ''));
    return this.call('PUT', `${d(domain)}/phones`, { body, landed: o.landed });
  }
  /** DELETE on the collection with the MAC in the body (OAS45). Default probe: the record reads as absent. */
  async deleteMacRecord(domain: string, mac: string, o: WriteOptions = {}): Promise<unknown> {
    s('mac', mac);
    const landed = o.landed ?? (async () => (await this.getMacRecord(domain, mac)) === undefined);
    return this.call('DELETE', `${d(domain)}/phones`, { body: { 'device-provisioning-mac-address': mac }, landed });
  }

  async listAnswerRules(domain: string, user: string, o: TypedListOptions = {}): Promise<PlatformRecord[]> {
    const template = SPEC_COUNTS['/domains/{domain}/users/{user}/answerrules'];
    return this.typedList(`${u(domain, user)}/answerrules`, template, o.checked ?? false);
  }
  /** No default probe: user create already writes a `*` rule, so "it exists" would not mean "ours landed". */
  async createAnswerRule(domain: string, user: string, body: PlatformRecord, o: WriteOptions = {}): Promise<unknown> {
    return this.call('POST', `${u(domain, user)}/answerrules`, {
      body: { ...body, synchronous: 'yes' },
      landed: o.landed,
    });
  }
  async updateAnswerRule(domain: string, user: string, timeFrame: string, body: PlatformRecord, o: WriteOptions = {}) {
    return this.call('PUT', `${u(domain, user)}/answerrules/${s('time-frame', timeFrame)}`, { body, landed: o.landed });
  }
  /** `PUT …/answerrules/reorder`: every time frame of the user, highest priority first (OAS45). */
  async reorderAnswerRules(domain: string, user: string, timeFrames: readonly string[]): Promise<unknown> {
    return this.call('PUT', `${u(domain, user)}/answerrules/reorder`, {
      body: timeFrames.map((f) => ({ 'time-frame': f })),
    });
  }
  async deleteAnswerRule(domain: string, user: string, timeFrame: string, o: WriteOptions = {}): Promise<unknown> {
    return this.call('DELETE', `${u(domain, user)}/answerrules/${s('time-frame', timeFrame)}`, { landed: o.landed });
  }

  /** Shared contacts: the spec gives this list neither paging nor a `/count`. */
  async listContacts(domain: string): Promise<PlatformRecord[]> {
    return this.list(`${d(domain)}/contacts`);
  }
  /** No default probe: a contact has no key of its own (the caller re-reads by content). */
  async createContact(domain: string, body: PlatformRecord, o: WriteOptions = {}): Promise<unknown> {
    return this.call('POST', `${d(domain)}/contacts`, { body: { ...body, synchronous: 'yes' }, landed: o.landed });
  }
  async updateContact(domain: string, id: string, body: PlatformRecord, o: WriteOptions = {}): Promise<unknown> {
    return this.call('PUT', `${d(domain)}/contacts/${s('contact', id)}`, { body, landed: o.landed });
  }
  /** Default probe: the contact reads as absent. */
  async deleteContact(domain: string, id: string, o: WriteOptions = {}): Promise<unknown> {
    const path = `${d(domain)}/contacts/${s('contact', id)}`;
    const landed = o.landed ?? (async () => (await this.getOptional(path)) === undefined);
    return this.call('DELETE', path, { landed });
  }
  async countUserContacts(domain: string, user: string): Promise<number> {
    return this.count(`${u(domain, user)}/contacts/count`);
  }

  async getNumberFilters(domain: string): Promise<PlatformRecord[]> {
    return this.list(`${d(domain)}/number-filters`);
  }
  async addNumberFilters(domain: string, numbers: readonly string[], o: WriteOptions = {}): Promise<unknown> {
    return this.call('POST', `${d(domain)}/number-filters`, {
      body: { 'phone-numbers-to-reject': { parameters: numbers } },
      landed: o.landed,
    });
  }
  async removeNumberFilters(domain: string, numbers: readonly string[], o: WriteOptions = {}): Promise<unknown> {
    return this.call('DELETE', `${d(domain)}/number-filters`, {
      body: { 'phone-numbers-to-reject': { parameters: numbers } },
      landed: o.landed,
    });
  }

  async listPhoneNumbers(domain: string, o: TypedListOptions = {}): Promise<PlatformRecord[]> {
    const template = SPEC_COUNTS['/domains/{domain}/phonenumbers'];
    return this.typedList(`${d(domain)}/phonenumbers`, template, o.checked ?? true);
  }
  async updatePhoneNumber(
    domain: string,
    number: string,
    body: PlatformRecord,
    o: WriteOptions = {},
  ): Promise<unknown> {
    return this.call('PUT', `${d(domain)}/phonenumbers/${s('phone-number', number)}`, { body, landed: o.landed });
  }

  /** Domain (shared) time frames: the spec gives this list neither paging nor a `/count`. */
  async listTimeframes(domain: string): Promise<PlatformRecord[]> {
    return this.list(`${d(domain)}/timeframes`);
  }
  /** `synchronous` is required on this POST (OAS45). Default probe: a time frame of that name reads back. */
  async createTimeframe(domain: string, body: PlatformRecord, o: WriteOptions = {}): Promise<unknown> {
    const name = String(body['timeframe-name'] ?? '');
    const landed =
      o.landed ?? (async () => (await this.listTimeframes(domain)).some((t) => t['timeframe-name'] === name));
    return this.call('POST', `${d(domain)}/timeframes`, { body: { ...body, synchronous: 'yes' }, landed });
  }
  async updateTimeframe(domain: string, id: string, body: PlatformRecord, o: WriteOptions = {}): Promise<unknown> {
    return this.call('PUT', `${d(domain)}/timeframes/${s('time-frame', id)}`, { body, landed: o.landed });
  }
  /** Default probe: the time frame reads as absent. */
  async deleteTimeframe(domain: string, id: string, o: WriteOptions = {}): Promise<unknown> {
    const path = `${d(domain)}/timeframes/${s('time-frame', id)}`;
    const landed = o.landed ?? (async () => (await this.getOptional(path)) === undefined);
    return this.call('DELETE', path, { landed });
  }

  async countVoicemails(domain: string, user: string, folder = 'inbox'): Promise<number> {
    return this.count(`${u(domain, user)}/voicemails/${s('folder', folder)}/count`);
  }
  async countGreetings(domain: string, user: string): Promise<number> {
    return this.count(`${u(domain, user)}/greetings/count`);
  }
}
