/**
 * `pbxctl doctor` as a library (issue 12): one READ-ONLY pass over a server and one domain that says whether
 * pbxctl understands this platform. It only ever sends GETs. It reports the server's `apiversion` and the
 * e-mail spelling pbxctl will write, the key's scope and read-only flag, whether paging is 0- or 1-based,
 * everything in the domain pbxctl cannot decode (inspect.ts), and a record of what it saw with secrets and
 * personal data removed (record.ts).
 */
import { PlatformApiError } from '../errors';
import type { NetSapiensClient, PlatformRecord } from '../platform/client';
import { emailFieldFor } from '../platform/codec';
import type { PlatformProfile } from '../platform/profile';
import { mapBounded } from '../util/map-bounded';
import { type DoctorFinding, type DomainRecords, inspectDomain } from './inspect';
import { type DoctorRecord, recordOf } from './record';
import { type DomainRead, seedRecordOf } from './seed-record';

export interface ApiKeyInfo {
  /** False when the server does not let this key read `/apikeys/~` (403/404). */
  readonly visible: boolean;
  readonly scope?: string;
  readonly readOnly?: boolean;
}

export type PagingBase = '0-based' | '1-based' | 'not paged' | 'unknown';

export interface DoctorReport {
  readonly domain: string;
  readonly apiVersion?: string;
  readonly emailField: 'email' | 'email-address';
  readonly apiKey: ApiKeyInfo;
  readonly paging: PagingBase;
  readonly counts: Readonly<Record<string, number>>;
  readonly findings: readonly DoctorFinding[];
  readonly record: DoctorRecord;
  /** With `record: true`: what was read, as an emulator seed with stable fakes (`--record DIR`). */
  readonly seed?: ReturnType<typeof seedRecordOf>;
}

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function hidden(err: unknown): boolean {
  return err instanceof PlatformApiError && (err.status === 403 || err.status === 404);
}

async function apiKeyInfo(client: NetSapiensClient): Promise<ApiKeyInfo> {
  try {
    const k = await client.request<PlatformRecord>('GET', '/apikeys/~');
    const ro = k.readonly ?? k['read-only'] ?? k['key-readonly'];
    return {
      visible: true,
      ...(k.scope !== undefined ? { scope: s(k.scope) } : {}),
      ...(ro !== undefined ? { readOnly: ro === true || ro === 'yes' || ro === 1 || ro === '1' } : {}),
    };
  } catch (err) {
    if (hidden(err)) return { visible: false };
    throw err;
  }
}

/**
 * Reads the first two users with `start=0&limit=1` and `start=1&limit=1`: 0-based when the second read
 * is the second user, 1-based when it repeats the first, "not paged" when the list ignores `limit`.
 */
export async function probePaging(client: NetSapiensClient, domain: string): Promise<PagingBase> {
  const path = `/domains/${encodeURIComponent(domain)}/users`;
  const page = (start: number) =>
    client
      .request<PlatformRecord[]>('GET', path, { query: { start, limit: 1 } })
      .then((r) => (Array.isArray(r) ? r : []));
  const [a, b] = await Promise.all([page(0), page(1)]);
  if (a.length > 1 || b.length > 1) return 'not paged';
  if (a.length === 0 || b.length === 0) return 'unknown';
  return s(a[0]?.user) === s(b[0]?.user) ? '1-based' : '0-based';
}

async function readRecords(client: NetSapiensClient, domain: string, concurrency: number) {
  const [users, devices, contacts] = await Promise.all([
    client.listUsers(domain),
    client.listDomainDevices(domain),
    client.listContacts(domain),
  ]);
  const answerRules = new Map<string, readonly PlatformRecord[]>();
  const defaultRules = new Map<string, PlatformRecord>();
  await mapBounded(users, concurrency, async (u) => {
    const rules = await client.listAnswerRules(domain, s(u.user));
    answerRules.set(s(u.user), rules);
    const star = rules.find((r) => s(r['time-frame']) === '*');
    if (star) defaultRules.set(s(u.user), star);
  });
  const records: DomainRecords = { users, defaultRules, devices, contacts };
  return { records, answerRules };
}

/**
 * A collection this key may not read (403/404): left out of the record and named in `unread` — never
 * recorded as empty. Any other failure fails the doctor (unknown, never absent).
 */
async function refusable<T>(name: string, read: () => Promise<T>, unread: string[]): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (!hidden(err)) throw err;
    unread.push(`${name} (HTTP ${(err as PlatformApiError).status})`);
    return undefined;
  }
}

/** The rest of a domain, for `--record`: a failed read fails (unknown), never an empty list. */
async function readForRecord(
  client: NetSapiensClient,
  domain: string,
  domainRecord: PlatformRecord,
  records: DomainRecords,
  answerRules: ReadonlyMap<string, readonly PlatformRecord[]>,
): Promise<DomainRead> {
  const d = encodeURIComponent(domain);
  const unread: string[] = [];
  const [phones, filters, phoneNumbers, timeframes] = await Promise.all([
    refusable('phones', () => client.list(`/domains/${d}/phones`), unread),
    refusable('number_filters', () => client.getNumberFilters(domain), unread),
    refusable('phonenumbers', () => client.listPhoneNumbers(domain), unread),
    refusable('timeframes', () => client.listTimeframes(domain), unread),
  ]);
  const numberFilters = filters?.flatMap((f) => {
    const block = f['phone-numbers-to-reject'] as { parameters?: unknown } | undefined;
    return Array.isArray(block?.parameters) ? block.parameters.map(String) : [];
  });
  // Natural order of the rules as read (the emulator re-derives `order` only when a seed leaves it out).
  const byUser = new Map([...answerRules].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
  return {
    domain: domainRecord,
    users: records.users,
    answerRules: byUser,
    devices: records.devices,
    phones,
    contacts: records.contacts,
    numberFilters,
    phoneNumbers,
    timeframes,
    unread: unread.sort(),
  };
}

/** The doctor's whole read-only pass over one domain. */
export async function runDoctor(
  client: NetSapiensClient,
  domain: string,
  profile: PlatformProfile,
  options: { readonly concurrency?: number; readonly record?: boolean } = {},
): Promise<DoctorReport> {
  const version = await client.version();
  const apiVersion = typeof version.apiversion === 'string' ? version.apiversion : undefined;
  const domainRecord = await client.getDomain(domain);
  const [apiKey, paging, { records, answerRules }] = await Promise.all([
    apiKeyInfo(client),
    probePaging(client, domain),
    readRecords(client, domain, options.concurrency ?? 4),
  ]);
  const findings = inspectDomain(records, profile);
  const seed = options.record
    ? seedRecordOf(domain, await readForRecord(client, domain, domainRecord, records, answerRules), {
        ...(apiVersion !== undefined ? { apiVersion } : {}),
        findings,
      })
    : undefined;
  return {
    domain,
    ...(apiVersion !== undefined ? { apiVersion } : {}),
    emailField: emailFieldFor(apiVersion),
    apiKey,
    paging,
    counts: {
      users: records.users.length,
      answer_rules: records.defaultRules.size,
      devices: records.devices.length,
      contacts: records.contacts.length,
    },
    findings,
    record: recordOf(records, findings, apiVersion),
    ...(seed ? { seed } : {}),
  };
}

export type { DoctorFinding } from './inspect';
export type { DoctorRecord } from './record';
