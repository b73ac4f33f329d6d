/**
 * List reads (issue 12, issue 13 #5). NetSapiens lists are bare JSON arrays with no total and no next link.
 * - Page with `start`/`limit` ONLY where the OpenAPI v45.0 document declares both (`SPEC_PAGING`); a list that
 *   declares `limit` alone is read with the largest limit and fails when full; any other list is one GET.
 * - Stop on a repeated page (a server that ignores `start` must not loop) and on overlapping pages (1-based
 *   paging); either leaves the read in doubt: a failed read unless its `/count` vouches for it.
 * - `countPath` cross-checks the length against the platform's `/count`: a list shorter than its count, or an
 *   empty page where the count says otherwise, is a failed read (`IncompleteListError`: unknown, never absent).
 *   The check is repeated once before failing, so a delete racing the read does not fail it.
 */
import { IncompleteListError, PlatformApiError } from '../errors';

export type PlatformRecord = Record<string, unknown>;

/** `offset` = start/limit; `limit` = one GET with the largest limit; `none` = one GET with neither. */
export type Paging = 'offset' | 'limit' | 'none';

export interface ListOptions {
  readonly query?: Record<string, string | number | undefined>;
  /** Default: what the spec declares for this path (`specPaging`). */
  readonly paging?: Paging;
  /** Page size for `offset` paging, 1–1000 (default 1000, the spec's maximum). */
  readonly pageSize?: number;
  /**
   * Size of the first page only (default `pageSize`; never above it): later pages are `pageSize` from there.
   * For lists whose items feed per-item reads (`onPage`): those begin once a small page is in, not a full
   * one (issue 15: 1,000 users are 1.7 MB). The end of the list is still a page shorter than asked for.
   */
  readonly firstPageSize?: number;
  /** A `/count` endpoint that must agree with the list (see `SPEC_COUNTS`). */
  readonly countPath?: string;
  /**
   * Ask `countPath` only when the list comes back empty (`200 []`, the short answer a faulty server gives
   * most easily; a cut body fails as JSON): for per-object lists read once per object (answer rules, one
   * per user), where checking every list would double the requests of a plan (issue 15).
   */
  readonly countOnlyIfEmpty?: boolean;
  /**
   * Sees each page as it arrives, before the list is known to be whole (issue 15: a plan starts the users'
   * per-user reads on the first page). A page may be seen again when the read is repeated after a `/count`
   * disagreed; what the read finally returns (or its failure) is still the answer.
   */
  readonly onPage?: (records: readonly PlatformRecord[]) => void;
  /** Its requests go before waiting per-object reads (`CallOptions.ahead`): a list those reads wait for. */
  readonly ahead?: boolean;
}

/** GET list endpoints of OpenAPI v45.0 that declare paging parameters (checked against the spec by a test). */
export const SPEC_PAGING: Readonly<Record<string, Exclude<Paging, 'none'>>> = {
  '/domains': 'offset',
  '/phonenumbers': 'offset',
  '/domains/{domain}/users': 'offset',
  '/cdrs': 'offset',
  '/domains/{domain}/cdrs': 'offset',
  '/domains/{domain}/users/{user}/cdrs': 'offset',
  '/config-definitions/{config-name}': 'offset',
  '/phones': 'limit',
  '/domains/{domain}/phones': 'limit',
  '/domains/{domain}/phones/{mac}': 'limit',
  '/domains/{domain}/users/{user}/addresses': 'limit',
  '/domains/{domain}/addresses/endpoints': 'limit',
  '/domains/{domain}/messagesessions': 'limit',
  '/domains/{domain}/users/{user}/messagesessions': 'limit',
  '/domains/{domain}/users/{user}/messagesessions/{messagesession}/messages': 'limit',
  '/domains/{domain}/presence/list': 'limit',
  '/domains/{domain}/departments/{department}/presence/list': 'limit',
};

/**
 * The spec's `/count` endpoints beside the lists pbxctl reads (`{total}` answers). Shared contacts
 * (`/domains/{domain}/contacts`), number filters and per-domain answer rules have none.
 */
export const SPEC_COUNTS: Readonly<Record<string, string>> = {
  '/domains/{domain}/users': '/domains/{domain}/users/count',
  '/domains/{domain}/devices': '/domains/{domain}/devices/count',
  '/domains/{domain}/users/{user}/devices': '/domains/{domain}/users/{user}/devices/count',
  '/domains/{domain}/users/{user}/answerrules': '/domains/{domain}/users/{user}/answerrules/count',
  '/domains/{domain}/phonenumbers': '/domains/{domain}/phonenumbers/count',
  '/domains/{domain}/users/{user}/contacts': '/domains/{domain}/users/{user}/contacts/count',
  '/domains/{domain}/users/{user}/voicemails/{folder}': '/domains/{domain}/users/{user}/voicemails/{folder}/count',
  '/domains/{domain}/users/{user}/greetings': '/domains/{domain}/users/{user}/greetings/count',
  '/domains/{domain}/sites': '/domains/{domain}/sites/count',
  '/domains/{domain}/addresses': '/domains/{domain}/addresses/count',
  '/domains/{domain}/conferences': '/domains/{domain}/conferences/count',
  '/domains/{domain}/callqueues/{callqueue}/agents': '/domains/{domain}/callqueues/{callqueue}/agents/count',
  '/domains': '/domains/count',
  '/phones': '/phones/count',
};

const templates = Object.keys(SPEC_PAGING).map((t) => ({
  paging: SPEC_PAGING[t],
  pattern: new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** Any of the templates: most lists read (one per user) match none, and are told so by one test (issue 15). */
const anyTemplate = new RegExp(`^(?:${templates.map((t) => t.pattern.source.slice(1, -1)).join('|')})$`);

/** The paging the spec declares for a concrete path (`/domains/acme/users` → `offset`). */
export function specPaging(path: string): Paging {
  if (!anyTemplate.test(path)) return 'none';
  return templates.find((t) => t.pattern.test(path))?.paging ?? 'none';
}

export interface ListTransport {
  readonly host: string;
  get(path: string, query: Record<string, string | number | undefined>, ahead?: boolean): Promise<unknown>;
  count(path: string, ahead?: boolean): Promise<number>;
}

interface ListRead {
  readonly records: PlatformRecord[];
  /** Why the read may be incomplete (only a `/count` can clear it). */
  readonly doubt?: string;
}

const MAX_LIMIT = 1000;
const MAX_PAGES = 10_000;

export async function readList(t: ListTransport, path: string, opts: ListOptions = {}): Promise<PlatformRecord[]> {
  if (opts.countPath) return readChecked(t, path, opts.countPath, opts);
  const read = await fetchList(t, path, opts);
  if (read.doubt) throw new IncompleteListError(path, t.host, read.doubt, read.records.length);
  return read.records;
}

async function readChecked(
  t: ListTransport,
  path: string,
  countPath: string,
  opts: ListOptions,
): Promise<PlatformRecord[]> {
  let first = opts.countOnlyIfEmpty ? await fetchList(t, path, opts) : undefined;
  if (first && first.records.length > 0 && !first.doubt) return first.records;
  for (let round = 1; ; round++) {
    const [read, total] = await Promise.all([first ?? fetchList(t, path, opts), t.count(countPath, opts.ahead)]);
    first = undefined;
    if (read.records.length >= total) return read.records;
    if (round >= 2) {
      const got = read.records.length;
      const detail = `${got === 0 ? 'an empty list' : `${got} records`}, but ${countPath} says ${total}${read.doubt ? ` (${read.doubt})` : ''}`;
      throw new IncompleteListError(path, t.host, detail, got, total);
    }
  }
}

function asArray(page: unknown, path: string): PlatformRecord[] {
  if (!Array.isArray(page))
    throw new PlatformApiError(200, 'GET', path, 'expected a JSON array (list response)', false);
  return page as PlatformRecord[];
}

async function fetchList(t: ListTransport, path: string, opts: ListOptions): Promise<ListRead> {
  const paging = opts.paging ?? specPaging(path);
  const query = opts.query ?? {};
  if (paging === 'none') return { records: seen(asArray(await t.get(path, query, opts.ahead), path), opts) };
  if (paging === 'limit') {
    const records = seen(asArray(await t.get(path, { ...query, limit: MAX_LIMIT }, opts.ahead), path), opts);
    const full = records.length >= MAX_LIMIT;
    return {
      records,
      doubt: full ? `${records.length} records fill the largest page and this list cannot page` : undefined,
    };
  }
  const limit = opts.pageSize ?? MAX_LIMIT;
  return pageThrough(t, path, query, limit, Math.min(opts.firstPageSize ?? limit, limit), opts);
}

function seen(records: PlatformRecord[], opts: ListOptions): PlatformRecord[] {
  opts.onPage?.(records);
  return records;
}

async function pageThrough(
  t: ListTransport,
  path: string,
  query: Record<string, string | number | undefined>,
  pageSize: number,
  firstPageSize: number,
  { onPage, ahead }: Pick<ListOptions, 'onPage' | 'ahead'>,
): Promise<ListRead> {
  for (const size of [pageSize, firstPageSize]) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_LIMIT)
      throw new RangeError(`page size ${size} is not 1–1000`);
  }
  const out: PlatformRecord[] = [];
  let previous: PlatformRecord[] | undefined;
  for (let start = 0, pages = 0, limit = firstPageSize; ; start += limit, limit = pageSize, pages++) {
    if (pages >= MAX_PAGES) return { records: out, doubt: `stopped after ${MAX_PAGES} pages` };
    const page = asArray(await t.get(path, { ...query, start, limit }, ahead), path);
    // A server that ignores `limit` sent everything at once.
    if (page.length > limit && start === 0) {
      onPage?.(page);
      return { records: page };
    }
    if (previous && page.length > 0) {
      const doubt = overlap(previous, page, start);
      if (doubt) return { records: out, doubt };
    }
    if (page.length > 0) onPage?.(page);
    out.push(...page);
    if (page.length < limit) return { records: out };
    previous = page;
  }
}

/** A page that repeats or overlaps the previous one: the server ignores `start`, or counts from 1. */
function overlap(previous: PlatformRecord[], page: PlatformRecord[], start: number): string | undefined {
  const first = JSON.stringify(page[0]);
  if (first === JSON.stringify(previous[0])) {
    return `the page at start=${start} repeats the previous one: the server ignores start from there on, so records past it cannot be read`;
  }
  if (first === JSON.stringify(previous[previous.length - 1])) {
    return `the page at start=${start} begins with the previous page's last record: the server's paging is not 0-based`;
  }
  return undefined;
}
