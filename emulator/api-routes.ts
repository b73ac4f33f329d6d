// The emulated subset of NetSapiens API v2: one handler per route, working on the StateStore.
// Wording of errors and status codes follows docs/netsapiens-api.md §2 and the v45.0 examples.
// Handlers are synchronous and never touch HTTP; start-emulator.ts does transport, auth, faults,
// contract checks and persistence around them.

import os from 'node:os';
import {
  ANSWERRULE_FEATURES,
  ANSWERRULE_READ_ONLY,
  DEVICE_READ_ONLY,
  USER_READ_ONLY,
  USER_SCOPES,
  USER_YES_NO_FIELDS,
  answerruleAliases,
  defaultAnswerrule,
  defaultContact,
  defaultDevice,
  defaultPhonenumber,
  defaultUser,
  mergeFeature,
  nowIso,
  userAliases,
} from './record-defaults';
import { clone, emptyDomainState, type StateStore } from './state-store';
import type { DomainState, JsonRecord } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiResponse {
  readonly status: number;
  readonly body?: unknown;
}

export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly store: StateStore;
  readonly apiVersion: string;
}

export interface Route {
  readonly method: string;
  /** Template under /ns-api/v2, with `{param}` segments (the OpenAPI spelling). */
  readonly template: string;
  readonly segments: readonly string[];
  readonly handler: (ctx: RouteContext) => ApiResponse;
}

const ACCEPTED: ApiResponse = { status: 202, body: { code: 202, message: 'Accepted' } };

function fail(status: number, message: string): never {
  throw new ApiError(status, message);
}

// ---- lookups -------------------------------------------------------------------------------------

/** `~` means "my domain"; keys are not bound to a domain here, so it works when there is exactly one. */
export function resolveDomainName(store: StateStore, name: string): string {
  if (name !== '~') return name;
  const names = Object.keys(store.state.domains);
  return names.length === 1 ? names[0] : name;
}

function readDomain(ctx: RouteContext): DomainState {
  const name = resolveDomainName(ctx.store, ctx.params.domain);
  return ctx.store.visibleDomain(name) ?? fail(404, `Domain ${name} does not exist`);
}

function writeDomain(ctx: RouteContext): DomainState {
  const name = resolveDomainName(ctx.store, ctx.params.domain);
  return ctx.store.domain(name) ?? fail(404, `Domain ${name} does not exist`);
}

function findUser(d: DomainState, user: string): JsonRecord {
  return d.users.find((u) => u.user === user) ?? fail(404, `User ${user} does not exist in domain ${d.domain.domain}`);
}

function findDevice(d: DomainState, user: string, device: string): JsonRecord {
  return (
    d.devices.find((x) => x.device === device && x.user === user) ??
    fail(404, `Device ${device} does not exist for user ${user} in domain ${d.domain.domain}`)
  );
}

function findRule(d: DomainState, user: string, timeframe: string): JsonRecord {
  return (
    d.answerrules.find((r) => r.user === user && r['time-frame'] === timeframe) ??
    fail(404, 'Not Found. Timeframe input was not found.')
  );
}

function bodyObject(ctx: RouteContext): JsonRecord {
  const b = ctx.body;
  if (b === undefined || b === null) return {};
  if (typeof b !== 'object' || Array.isArray(b)) fail(400, 'Request body must be a JSON object');
  return b as JsonRecord;
}

function isSynchronous(body: JsonRecord): boolean {
  return body.synchronous === 'yes';
}

/** `start` (0-based offset, default 0) and `limit` (default 100, 1–1000) as the spec's Start/Limit. */
function page<T>(ctx: RouteContext, items: T[]): T[] {
  const startRaw = ctx.query.get('start');
  const limitRaw = ctx.query.get('limit');
  const start = startRaw === null || startRaw === '' ? 0 : Number(startRaw);
  const limit = limitRaw === null || limitRaw === '' ? 100 : Number(limitRaw);
  if (!Number.isInteger(start) || start < 0) fail(400, `Invalid start ${startRaw}: must be an integer >= 0`);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    fail(400, `Invalid limit ${limitRaw}: must be an integer between 1 and 1000`);
  }
  return items.slice(start, start + limit);
}

const naturalOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function checkYesNo(record: JsonRecord, fields: readonly string[]): void {
  for (const f of fields) {
    const v = record[f];
    if (v !== undefined && v !== 'yes' && v !== 'no') fail(400, `Invalid value for ${f}: expected "yes" or "no"`);
  }
}

// ---- response shaping ------------------------------------------------------------------------------

function deviceOut(d: DomainState, device: JsonRecord): JsonRecord {
  const owner = d.users.find((u) => u.user === device.user);
  const name = owner ? `${owner['name-first-name'] ?? ''} ${owner['name-last-name'] ?? ''}`.trim() : '';
  return {
    ...clone(device),
    'device-sip-registration-uri': `sip:${device.device}@${device.domain}`,
    'device-sip-registration-state': 'unregistered',
    'device-sip-registration-datetime': null,
    'device-sip-registration-expires-datetime': null,
    'login-username': owner?.['login-username'] ?? '',
    'name-full-name': name,
  };
}

function userRules(d: DomainState, user: string): JsonRecord[] {
  return d.answerrules.filter((r) => r.user === user).sort((a, b) => Number(a.order ?? 99) - Number(b.order ?? 99));
}

function answerruleOut(d: DomainState, rule: JsonRecord): JsonRecord {
  // Time-frames are not emulated, so the only rule that can be "active" is the enabled default one,
  // unless no enabled default exists, in which case the first enabled rule is taken.
  const rules = userRules(d, String(rule.user)).filter((r) => r.enabled !== 'no');
  const active = rules.find((r) => r['time-frame'] === '*') ?? rules[0];
  return { ...clone(rule), 'is-active': active === rule, time_range_data: [] };
}

function count(n: number): ApiResponse {
  return { status: 200, body: { total: n } };
}

// ---- handlers --------------------------------------------------------------------------------------

function getVersion(ctx: RouteContext): ApiResponse {
  return {
    status: 200,
    body: { apiversion: ctx.apiVersion, hostname: `${os.hostname()} (pbxctl emulator)`, 'current-time': nowIso() },
  };
}

function getDomain(ctx: RouteContext): ApiResponse {
  return { status: 200, body: clone(readDomain(ctx).domain) };
}

function putDomain(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  for (const [key, value] of Object.entries(body)) {
    if (key === 'domain' || key === 'synchronous') continue;
    d.domain[key] = value;
  }
  return ACCEPTED;
}

function postDomain(ctx: RouteContext): ApiResponse {
  // Reseller-level in the real API; offered so a demo can create its domain without a seed.
  const body = bodyObject(ctx);
  const name = String(body.domain ?? '');
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) fail(400, 'domain is required and must match ^[A-Za-z0-9._-]+$');
  if (ctx.store.domain(name)) fail(409, `Domain ${name} already exists`);
  const { synchronous: _s, ...fields } = body;
  ctx.store.state.domains[name] = emptyDomainState(name, fields);
  return isSynchronous(body) ? { status: 200, body: clone(ctx.store.state.domains[name].domain) } : ACCEPTED;
}

function listUsers(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  const site = ctx.query.get('site');
  let users = d.users.slice().sort((a, b) => naturalOrder(String(a.user), String(b.user)));
  if (site !== null) users = users.filter((u) => u.site === site);
  return { status: 200, body: clone(page(ctx, users)) };
}

function countUsers(ctx: RouteContext): ApiResponse {
  return count(readDomain(ctx).users.length);
}

function getUser(ctx: RouteContext): ApiResponse {
  return { status: 200, body: clone(findUser(readDomain(ctx), ctx.params.user)) };
}

function loginTaken(ctx: RouteContext, login: string, except?: JsonRecord): boolean {
  for (const d of Object.values(ctx.store.state.domains)) {
    if (d.users.some((u) => u !== except && String(u['login-username']).toLowerCase() === login.toLowerCase()))
      return true;
  }
  return false;
}

function validateUserFields(record: JsonRecord): void {
  checkYesNo(record, USER_YES_NO_FIELDS);
  const scope = record['user-scope'];
  if (scope !== undefined && !USER_SCOPES.includes(String(scope))) fail(400, `Invalid user-scope ${String(scope)}`);
}

function postUser(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  const user = body.user === undefined || body.user === null ? '' : String(body.user);
  if (!user) fail(400, 'Missing required field user');
  if (user.length > 16 || !/^[A-Za-z0-9._-]+$/.test(user)) fail(400, `Invalid user ${user}`);
  if (d.users.some((u) => u.user === user)) fail(409, 'UID already exists.');
  const record = defaultUser(d.domain, user, body, nowIso());
  validateUserFields(record);
  if (loginTaken(ctx, String(record['login-username']))) fail(409, 'Login username already exists.');
  d.users.push(record);
  return isSynchronous(body) ? { status: 200, body: clone(record) } : ACCEPTED;
}

function putUser(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findUser(d, ctx.params.user);
  const changes = userAliases(bodyObject(ctx));
  const next = { ...record };
  for (const [key, value] of Object.entries(changes)) {
    if (USER_READ_ONLY.includes(key)) continue;
    next[key] = value;
  }
  validateUserFields(next);
  if (next['login-username'] !== record['login-username'] && loginTaken(ctx, String(next['login-username']), record)) {
    fail(409, 'Login username already exists.');
  }
  Object.assign(record, next, { 'last-modified-datetime': nowIso() });
  return ACCEPTED;
}

function deleteUser(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = ctx.params.user;
  findUser(d, user);
  // Cascade as the server's controller does — but phone numbers routed to the user stay, dangling.
  d.users = d.users.filter((u) => u.user !== user);
  d.devices = d.devices.filter((x) => x.user !== user);
  d.answerrules = d.answerrules.filter((r) => r.user !== user);
  delete d.user_contacts[user];
  delete d.voicemails[user];
  delete d.greetings[user];
  return ACCEPTED;
}

function sendEmail(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = findUser(d, ctx.params.user);
  const body = bodyObject(ctx);
  d.emails_sent.push({
    user: String(user.user),
    to: String(user['email-address'] ?? ''),
    template: String(body.template ?? ''),
    subject: String(body.subject ?? ''),
    time: nowIso(),
  });
  return ACCEPTED;
}

// devices

function listUserDevices(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  const devices = d.devices
    .filter((x) => x.user === ctx.params.user)
    .sort((a, b) => naturalOrder(String(a.device), String(b.device)));
  return { status: 200, body: page(ctx, devices).map((x) => deviceOut(d, x)) };
}

function countUserDevices(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return count(d.devices.filter((x) => x.user === ctx.params.user).length);
}

function listDomainDevices(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  const devices = d.devices.slice().sort((a, b) => naturalOrder(String(a.device), String(b.device)));
  return { status: 200, body: page(ctx, devices).map((x) => deviceOut(d, x)) };
}

function countDomainDevices(ctx: RouteContext): ApiResponse {
  return count(readDomain(ctx).devices.length);
}

function getDevice(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return { status: 200, body: deviceOut(d, findDevice(d, ctx.params.user, ctx.params.device)) };
}

const DEVICE_YES_NO = [
  'device-force-notify-new-voicemails-enabled',
  'device-level-call-recording-enabled',
  'device-push-enabled',
  'device-sip-registration-ignore-for-presence-calculation',
  'device-sip-registration-ignore-report-enabled',
  'device-sip-no-to-tag-in-cancel',
  'auto-answer-enabled',
];

function postDevice(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = ctx.params.user;
  findUser(d, user);
  const body = bodyObject(ctx);
  const device = body.device === undefined || body.device === null ? '' : String(body.device);
  if (!device) fail(400, 'Missing required field device');
  // A device is a SIP AOR (sip:device@domain), so its name is unique in the domain, not per user.
  if (d.devices.some((x) => x.device === device)) fail(409, `Device ${device} already exists`);
  const record = defaultDevice(String(d.domain.domain), user, device, body);
  checkYesNo(record, DEVICE_YES_NO);
  d.devices.push(record);
  return isSynchronous(body) ? { status: 200, body: deviceOut(d, record) } : ACCEPTED;
}

function putDevice(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findUser(d, ctx.params.user);
  const record = findDevice(d, ctx.params.user, ctx.params.device);
  const next = { ...record };
  for (const [key, value] of Object.entries(bodyObject(ctx))) {
    if (DEVICE_READ_ONLY.includes(key)) continue;
    next[key] = value;
  }
  checkYesNo(next, DEVICE_YES_NO);
  Object.assign(record, next);
  return ACCEPTED;
}

function deleteDevice(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findUser(d, ctx.params.user);
  const record = findDevice(d, ctx.params.user, ctx.params.device);
  d.devices = d.devices.filter((x) => x !== record);
  return ACCEPTED;
}

// answer rules

function listRules(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return { status: 200, body: page(ctx, userRules(d, ctx.params.user)).map((r) => answerruleOut(d, r)) };
}

function countRules(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return count(userRules(d, ctx.params.user).length);
}

function getRule(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return { status: 200, body: answerruleOut(d, findRule(d, ctx.params.user, ctx.params.timeframe)) };
}

function renumber(rules: JsonRecord[]): void {
  rules.forEach((r, i) => {
    r.order = i;
  });
}

function postRule(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = ctx.params.user;
  findUser(d, user);
  const body = answerruleAliases(bodyObject(ctx));
  const timeframe = body['time-frame'] === undefined ? '' : String(body['time-frame']);
  if (!timeframe) fail(400, 'Missing required field time-frame');
  const existing = userRules(d, user);
  if (existing.some((r) => r['time-frame'] === timeframe))
    fail(409, `Answer rule for time-frame ${timeframe} already exists`);
  const record = defaultAnswerrule(String(d.domain.domain), user, body);
  checkYesNo(record, ['enabled']);
  if (body['new-position'] === 'top') {
    renumber([record, ...existing]);
  } else if (record.order === undefined) {
    // Spec: "*" gets 99; others go just after the lowest-priority rule that is not the default.
    const others = existing.filter((r) => Number(r.order) < 99).map((r) => Number(r.order));
    record.order = timeframe === '*' ? 99 : Math.min(98, (others.length ? Math.max(...others) : 0) + 1);
  }
  d.answerrules.push(record);
  return isSynchronous(body) ? { status: 200, body: answerruleOut(d, record) } : ACCEPTED;
}

function putRule(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findUser(d, ctx.params.user);
  const record = findRule(d, ctx.params.user, ctx.params.timeframe);
  const body = answerruleAliases(bodyObject(ctx));
  const next = { ...record };
  for (const [key, value] of Object.entries(body)) {
    if (ANSWERRULE_READ_ONLY.includes(key) || key === 'time-frame') continue;
    next[key] = ANSWERRULE_FEATURES.includes(key) ? mergeFeature(key, record[key] as JsonRecord, value) : value;
  }
  checkYesNo(next, ['enabled']);
  Object.assign(record, next);
  return ACCEPTED;
}

function deleteRule(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findUser(d, ctx.params.user);
  const record = findRule(d, ctx.params.user, ctx.params.timeframe);
  d.answerrules = d.answerrules.filter((r) => r !== record);
  return ACCEPTED;
}

function reorderRules(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findUser(d, ctx.params.user);
  if (!Array.isArray(ctx.body)) fail(400, 'Please provide all timeframes in the new order.');
  const wanted = (ctx.body as unknown[]).map((x) =>
    x && typeof x === 'object' ? String((x as JsonRecord)['time-frame'] ?? '') : String(x),
  );
  const rules = userRules(d, ctx.params.user);
  const byName = new Map(rules.map((r) => [String(r['time-frame']), r]));
  for (const name of wanted) if (!byName.has(name)) fail(404, 'Not Found. Timeframe input was not found.');
  if (new Set(wanted).size !== wanted.length || wanted.length !== rules.length) {
    fail(400, 'Please provide all timeframes in the new order.');
  }
  renumber(wanted.map((name) => byName.get(name)!));
  return ACCEPTED;
}

// contacts

function contactList(d: DomainState, user?: string): JsonRecord[] {
  if (user === undefined) return d.contacts;
  findUser(d, user);
  return d.user_contacts[user] ?? [];
}

function findContact(list: JsonRecord[], id: string): JsonRecord {
  return list.find((c) => c['unique-id'] === id) ?? fail(404, `Contact ${id} does not exist`);
}

function listContacts(ctx: RouteContext): ApiResponse {
  return { status: 200, body: clone(page(ctx, contactList(readDomain(ctx), ctx.params.user))) };
}

function countContacts(ctx: RouteContext): ApiResponse {
  return count(contactList(readDomain(ctx), ctx.params.user).length);
}

function getSharedContact(ctx: RouteContext): ApiResponse {
  // The spec declares an array for the single shared contact (and an object for a personal one).
  return { status: 200, body: [clone(findContact(contactList(readDomain(ctx)), ctx.params.contact_id))] };
}

function getUserContact(ctx: RouteContext): ApiResponse {
  const list = contactList(readDomain(ctx), ctx.params.user);
  return { status: 200, body: clone(findContact(list, ctx.params.contact_id)) };
}

function postContact(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = ctx.params.user;
  if (user !== undefined) findUser(d, user);
  const body = bodyObject(ctx);
  const { 'unique-id': _id, ...fields } = body;
  const record = defaultContact(fields, nowIso());
  if (user === undefined) d.contacts.push(record);
  else {
    d.user_contacts[user] ??= [];
    d.user_contacts[user].push(record);
  }
  return isSynchronous(body) ? { status: 200, body: clone(record) } : ACCEPTED;
}

function putContact(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findContact(contactList(d, ctx.params.user), ctx.params.contact_id);
  for (const [key, value] of Object.entries(bodyObject(ctx))) {
    if (key === 'unique-id' || key === 'created-datetime' || key === 'synchronous') continue;
    record[key] = value;
  }
  return ACCEPTED;
}

function deleteContact(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = ctx.params.user;
  const list = contactList(d, user);
  const record = findContact(list, ctx.params.contact_id);
  if (user === undefined) d.contacts = list.filter((c) => c !== record);
  else d.user_contacts[user] = list.filter((c) => c !== record);
  return ACCEPTED;
}

// domain number filters

function filterNumbers(ctx: RouteContext): string[] {
  const body = bodyObject(ctx);
  const block = body['phone-numbers-to-reject'] as JsonRecord | undefined;
  if (!block || typeof block !== 'object' || !Array.isArray(block.parameters)) {
    fail(400, 'Missing phone-numbers-to-reject.parameters');
  }
  return (block.parameters as unknown[]).map(String);
}

function getNumberFilters(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  // Assumption: one entry, shaped like the default answer rule, even when the list is empty.
  return {
    status: 200,
    body: [
      {
        domain: d.domain.domain,
        'time-frame': '*',
        enabled: 'yes',
        'is-active': true,
        'phone-numbers-to-reject': {
          enabled: d.number_filters.length > 0 ? 'yes' : 'no',
          parameters: [...d.number_filters],
        },
      },
    ],
  };
}

function postNumberFilters(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  for (const n of filterNumbers(ctx)) if (!d.number_filters.includes(n)) d.number_filters.push(n);
  return ACCEPTED;
}

function deleteNumberFilters(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const drop = new Set(filterNumbers(ctx));
  d.number_filters = d.number_filters.filter((n) => !drop.has(n));
  return ACCEPTED;
}

// phone numbers

function findNumber(d: DomainState, number: string): JsonRecord {
  return (
    d.phonenumbers.find((p) => p.phonenumber === number) ??
    fail(404, `Phone number ${number} does not exist in domain ${d.domain.domain}`)
  );
}

function listNumbers(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  const numbers = d.phonenumbers.slice().sort((a, b) => naturalOrder(String(a.phonenumber), String(b.phonenumber)));
  return { status: 200, body: clone(page(ctx, numbers)) };
}

function countNumbers(ctx: RouteContext): ApiResponse {
  return count(readDomain(ctx).phonenumbers.length);
}

function getNumber(ctx: RouteContext): ApiResponse {
  return { status: 200, body: clone(findNumber(readDomain(ctx), ctx.params.phonenumber)) };
}

function postNumber(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  const number = body.phonenumber === undefined ? '' : String(body.phonenumber);
  if (!/^\+?\d{3,15}$/.test(number)) fail(400, `Invalid phonenumber ${number}`);
  const stored = number.replace(/^\+/, '');
  for (const other of Object.values(ctx.store.state.domains)) {
    if (other.phonenumbers.some((p) => p.phonenumber === stored)) fail(409, 'Phone number already exists');
  }
  const record = defaultPhonenumber(String(d.domain.domain), { ...body, phonenumber: stored });
  checkYesNo(record, ['enabled']);
  d.phonenumbers.push(record);
  // No `synchronous` on phone numbers (controller notes): always 202.
  return ACCEPTED;
}

function putNumber(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findNumber(d, ctx.params.phonenumber);
  const next = { ...record };
  for (const [key, value] of Object.entries(bodyObject(ctx))) {
    if (key === 'phonenumber' || key === 'domain' || key === 'synchronous') continue;
    next[key] = value;
  }
  checkYesNo(next, ['enabled']);
  Object.assign(record, next);
  return ACCEPTED;
}

function deleteNumber(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findNumber(d, ctx.params.phonenumber);
  d.phonenumbers = d.phonenumbers.filter((p) => p !== record);
  return ACCEPTED;
}

// voicemail and greetings (read side)

function voicemailFolder(ctx: RouteContext): JsonRecord[] {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return d.voicemails[ctx.params.user]?.[ctx.params.folder] ?? [];
}

function greetingList(ctx: RouteContext): JsonRecord[] {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return d.greetings[ctx.params.user] ?? [];
}

// ---- route table ---------------------------------------------------------------------------------

const D = '/domains/{domain}';
const U = `${D}/users/{user}`;

const TABLE: ReadonlyArray<[string, string, (ctx: RouteContext) => ApiResponse]> = [
  ['GET', '/version', getVersion],
  ['POST', '/domains', postDomain],
  ['GET', D, getDomain],
  ['PUT', D, putDomain],
  ['GET', `${D}/users`, listUsers],
  ['POST', `${D}/users`, postUser],
  ['GET', `${D}/users/count`, countUsers],
  ['GET', U, getUser],
  ['PUT', U, putUser],
  ['DELETE', U, deleteUser],
  ['POST', `${U}/email`, sendEmail],
  ['GET', `${U}/devices`, listUserDevices],
  ['POST', `${U}/devices`, postDevice],
  ['GET', `${U}/devices/count`, countUserDevices],
  ['GET', `${U}/devices/{device}`, getDevice],
  ['PUT', `${U}/devices/{device}`, putDevice],
  ['DELETE', `${U}/devices/{device}`, deleteDevice],
  ['GET', `${D}/devices`, listDomainDevices],
  ['GET', `${D}/devices/count`, countDomainDevices],
  ['GET', `${U}/answerrules`, listRules],
  ['POST', `${U}/answerrules`, postRule],
  ['GET', `${U}/answerrules/count`, countRules],
  ['PUT', `${U}/answerrules/reorder`, reorderRules],
  ['GET', `${U}/answerrules/{timeframe}`, getRule],
  ['PUT', `${U}/answerrules/{timeframe}`, putRule],
  ['DELETE', `${U}/answerrules/{timeframe}`, deleteRule],
  ['GET', `${D}/contacts`, listContacts],
  ['POST', `${D}/contacts`, postContact],
  ['GET', `${D}/contacts/count`, countContacts],
  ['GET', `${D}/contacts/{contact_id}`, getSharedContact],
  ['PUT', `${D}/contacts/{contact_id}`, putContact],
  ['DELETE', `${D}/contacts/{contact_id}`, deleteContact],
  ['GET', `${U}/contacts`, listContacts],
  ['POST', `${U}/contacts`, postContact],
  ['GET', `${U}/contacts/count`, countContacts],
  ['GET', `${U}/contacts/{contact_id}`, getUserContact],
  ['PUT', `${U}/contacts/{contact_id}`, putContact],
  ['DELETE', `${U}/contacts/{contact_id}`, deleteContact],
  ['GET', `${D}/number-filters`, getNumberFilters],
  ['POST', `${D}/number-filters`, postNumberFilters],
  ['DELETE', `${D}/number-filters`, deleteNumberFilters],
  ['GET', `${D}/phonenumbers`, listNumbers],
  ['POST', `${D}/phonenumbers`, postNumber],
  ['GET', `${D}/phonenumbers/count`, countNumbers],
  ['GET', `${D}/phonenumbers/{phonenumber}`, getNumber],
  ['PUT', `${D}/phonenumbers/{phonenumber}`, putNumber],
  ['DELETE', `${D}/phonenumbers/{phonenumber}`, deleteNumber],
  ['GET', `${U}/voicemails/{folder}`, (ctx) => ({ status: 200, body: clone(page(ctx, voicemailFolder(ctx))) })],
  ['GET', `${U}/voicemails/{folder}/count`, (ctx) => count(voicemailFolder(ctx).length)],
  ['GET', `${U}/greetings`, (ctx) => ({ status: 200, body: clone(page(ctx, greetingList(ctx))) })],
  ['GET', `${U}/greetings/count`, (ctx) => count(greetingList(ctx).length)],
];

export const API_ROUTES: readonly Route[] = TABLE.map(([method, template, handler]) => ({
  method,
  template,
  segments: template.split('/').slice(1),
  handler,
}));

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/**
 * Find the route for a method and decoded path segments. Literal segments beat parameters, so
 * `/users/count` and `/answerrules/reorder` are never taken for an id.
 */
export function matchRoute(method: string, segments: readonly string[]): RouteMatch | undefined {
  let best: RouteMatch | undefined;
  let bestScore = -1;
  for (const route of API_ROUTES) {
    if (route.method !== method || route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    for (let i = 0; i < segments.length; i++) {
      const t = route.segments[i];
      if (t.startsWith('{')) params[t.slice(1, -1)] = segments[i];
      else if (t === segments[i]) score += 2 ** (segments.length - i);
      else {
        ok = false;
        break;
      }
    }
    if (ok && score > bestScore) {
      best = { route, params };
      bestScore = score;
    }
  }
  return best;
}
