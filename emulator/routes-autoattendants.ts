// Auto attendants: GET/POST /domains/{domain}/autoattendants and GET/PUT/DELETE
// /domains/{domain}/users/{user}/autoattendants/{prompt} (OAS45 "Auto Attendant"). An attendant is a menu
// (`auto-attendant`, an AutoAttendantTier) served by a user in one time frame, addressed by its
// `starting-prompt`. Creating one also creates its user (`service-code: system-aa`) when the extension is
// free (docs/reference/netsapiens-api.md §13: "Creating an AA creates its user … rules and prompt tree in
// one call"). Deleting the menu leaves the user: what the platform does there is not documented.

import {
  ACCEPTED,
  type ApiResponse,
  bodyObject,
  fail,
  type RouteContext,
  readDomain,
  writeDomain,
} from './route-helpers';
import { defaultAnswerrule, defaultUser, nowIso } from './record-defaults';
import type { DomainState, JsonRecord } from './types';

/** The menu keys a tier may hold (AutoAttendantTier) and the fail options (AutoAttendantFailOptions). */
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*'];
const FAIL_OPTIONS = ['repeat', 'hangup', ...KEYS.map((k) => `option-${k}`), 'option-#'];

function attendants(d: DomainState): JsonRecord[] {
  d.autoattendants ??= [];
  return d.autoattendants;
}

function find(d: DomainState, user: string, prompt: string): JsonRecord {
  return (
    attendants(d).find((a) => a.user === user && a['starting-prompt'] === prompt) ??
    fail(404, `Auto attendant ${user}/${prompt} not found`)
  );
}

/** A tier as the platform would keep it: fail options checked, options carry a destination or a sub-menu. */
function checkTier(tier: unknown, where: string): void {
  if (tier === undefined) return;
  if (!tier || typeof tier !== 'object' || Array.isArray(tier)) fail(400, `${where} must be an object`);
  const t = tier as JsonRecord;
  for (const f of ['no-key-press', 'unassigned-key-press']) {
    const v = t[f];
    if (v !== undefined && v !== '' && !FAIL_OPTIONS.includes(String(v)))
      fail(400, `Invalid ${where}.${f} ${String(v)}`);
  }
  for (const key of KEYS) {
    const option = t[`option-${key}`] as JsonRecord | undefined;
    if (option === undefined) continue;
    if (!option || typeof option !== 'object') fail(400, `${where}.option-${key} must be an object`);
    if (option.remove === 'yes') continue;
    if (option['auto-attendant'] !== undefined) checkTier(option['auto-attendant'], `${where}.option-${key}`);
    else if (!option['destination-application'] || option['destination-user'] === undefined)
      fail(400, `${where}.option-${key} needs destination-application and destination-user`);
  }
}

function summary(d: DomainState, a: JsonRecord): JsonRecord {
  const { 'auto-attendant': _tier, ...rest } = a;
  return {
    ...rest,
    'read-path': `/ns-api/v2/domains/${String(d.domain.domain)}/users/${a.user}/autoattendants/${a['starting-prompt']}`,
  };
}

export function listAttendants(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  return { status: 200, body: attendants(d).map((a) => summary(d, a)) };
}

export function getAttendant(ctx: RouteContext): ApiResponse {
  return { status: 200, body: find(readDomain(ctx), ctx.params.user, ctx.params.prompt) };
}

/** The attendant's user: created when the extension is free; an ordinary user there is a conflict. */
function attendantUser(d: DomainState, user: string, name: string): void {
  const existing = d.users.find((u) => u.user === user);
  if (existing) {
    if (existing['service-code'] !== 'system-aa') fail(409, `User ${user} already exists and is not an auto attendant`);
    return;
  }
  const domain = String(d.domain.domain);
  d.users.push(
    defaultUser(
      d.domain,
      user,
      { 'name-first-name': name, 'service-code': 'system-aa', 'user-scope': 'No Portal' },
      nowIso(),
    ),
  );
  Object.assign(d.users[d.users.length - 1] as JsonRecord, { 'service-code': 'system-aa', 'user-scope': 'No Portal' });
  const rule = defaultAnswerrule(domain, user, { 'time-frame': '*', enabled: 'yes' });
  rule.order = 99;
  d.answerrules.push(rule);
}

export function postAttendant(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  const name = String(body['attendant-name'] ?? '').trim();
  const user = String(body.user ?? '').trim();
  if (name === '') fail(400, 'Missing required field attendant-name');
  if (!/^[0-9A-Za-z._-]{1,16}$/.test(user)) fail(400, `Invalid user ${user}`);
  const timeFrame = String(body['time-frame'] ?? '*') || '*';
  if (timeFrame !== '*' && !(d.timeframes ?? []).some((t) => t['timeframe-name'] === timeFrame))
    fail(404, `Timeframe ${timeFrame} not found`);
  const mine = attendants(d).filter((a) => a.user === user);
  if (mine.some((a) => a['time-frame'] === timeFrame))
    fail(409, `User ${user} already has an auto attendant for time frame ${timeFrame}`);
  checkTier(body['auto-attendant'], 'auto-attendant');
  attendantUser(d, user, name);
  let n = 100 + mine.length;
  while (mine.some((a) => a['starting-prompt'] === `Prompt_${n}`)) n++;
  const record: JsonRecord = {
    'attendant-name': name,
    user,
    'starting-prompt': `Prompt_${n}`,
    'time-frame': timeFrame,
    'auto-attendant': body['auto-attendant'] ?? {},
  };
  attendants(d).push(record);
  return { status: 200, body: record };
}

/**
 * A PUT's menu over the stored one, key by key; an option sent as `{ remove: "yes" }` leaves the menu
 * (AutoAttendantTierOption `remove`: "If set to yes it will remove the option from the menu").
 */
function mergeTier(stored: JsonRecord | undefined, sent: JsonRecord): JsonRecord {
  const out: JsonRecord = { ...(stored ?? {}) };
  for (const [key, value] of Object.entries(sent)) {
    if (key.startsWith('option-') && (value as JsonRecord | null)?.remove === 'yes') delete out[key];
    else out[key] = value;
  }
  return out;
}

export function putAttendant(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = find(d, ctx.params.user, ctx.params.prompt);
  const body = bodyObject(ctx);
  const name = String(body['attendant-name'] ?? '').trim();
  if (name === '') fail(400, 'Missing required field attendant-name');
  checkTier(body['auto-attendant'], 'auto-attendant');
  record['attendant-name'] = name;
  if (body['auto-attendant'] !== undefined)
    record['auto-attendant'] = mergeTier(record['auto-attendant'] as JsonRecord, body['auto-attendant'] as JsonRecord);
  return ACCEPTED;
}

export function deleteAttendant(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = find(d, ctx.params.user, ctx.params.prompt);
  d.autoattendants = attendants(d).filter((a) => a !== record);
  return ACCEPTED;
}
