// Answer rules: one per user per time-frame, `*` = the default rule that user create writes.

import { recordsBy } from './record-index';
import { ANSWERRULE_FEATURES, ANSWERRULE_READ_ONLY, defaultAnswerrule, mergeFeature } from './record-defaults';
import {
  ACCEPTED,
  type ApiResponse,
  type RouteContext,
  bodyObject,
  checkYesNo,
  count,
  fail,
  findUser,
  readDomain,
  writeDomain,
} from './route-helpers';
import { timeframeActive } from './timeframe-active';
import type { DomainState, JsonRecord } from './types';

function findRule(d: DomainState, user: string, timeframe: string): JsonRecord {
  return (
    recordsBy(d.answerrules, 'user')
      .get(user)
      ?.find((r) => r['time-frame'] === timeframe) ?? fail(404, 'Not Found. Timeframe input was not found.')
  );
}

function userRules(d: DomainState, user: string): JsonRecord[] {
  return [...(recordsBy(d.answerrules, 'user').get(user) ?? [])].sort(
    (a, b) => Number(a.order ?? 99) - Number(b.order ?? 99),
  );
}

/**
 * `is-active` (read-only): the user's first enabled rule, by priority, whose time frame is in effect now in
 * the domain's time zone (`*` always is; a name that is no domain time frame never is); failing all, the
 * first enabled rule. `rules` is the user's rules by priority (`userRules`).
 */
function activeRule(d: DomainState, user: string, rules: readonly JsonRecord[]): JsonRecord | undefined {
  const enabled = rules.filter((r) => r.enabled !== 'no');
  const zone = String(d.domain['time-zone'] ?? 'UTC');
  const now = new Date();
  const inEffect = (r: JsonRecord) => {
    if (r['time-frame'] === '*') return true;
    // The user's own time frame of that name first, then the domain's.
    const named = (t: JsonRecord) => t['timeframe-name'] === r['time-frame'];
    const tf = (d.user_timeframes?.[user] ?? []).find(named) ?? (d.timeframes ?? []).find(named);
    return tf !== undefined && timeframeActive(tf, now, zone);
  };
  return enabled.find(inEffect) ?? enabled[0];
}

function answerruleOut(rule: JsonRecord, active: JsonRecord | undefined): JsonRecord {
  return { ...rule, 'is-active': active === rule, time_range_data: [] };
}

export function listRules(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  // No start/limit declared for this list: it is returned whole.
  const rules = userRules(d, ctx.params.user);
  const active = activeRule(d, ctx.params.user, rules);
  return { status: 200, body: rules.map((r) => answerruleOut(r, active)) };
}

export function countRules(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return count(userRules(d, ctx.params.user).length);
}

export function getRule(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  const rule = findRule(d, ctx.params.user, ctx.params.timeframe);
  return { status: 200, body: answerruleOut(rule, activeRule(d, ctx.params.user, userRules(d, ctx.params.user))) };
}

function renumber(rules: JsonRecord[]): void {
  rules.forEach((r, i) => {
    r.order = i;
  });
}

export function postRule(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = ctx.params.user;
  findUser(d, user);
  const body = bodyObject(ctx);
  const timeframe = body['time-frame'] === undefined ? '' : String(body['time-frame']);
  if (!timeframe) fail(400, 'Missing required field time-frame');
  const existing = userRules(d, user);
  // User create already wrote `*`: a second POST of it is a conflict (the client must PUT it).
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
  // The spec declares only 202 for this POST, `synchronous` or not.
  return ACCEPTED;
}

export function putRule(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findUser(d, ctx.params.user);
  const record = findRule(d, ctx.params.user, ctx.params.timeframe);
  const next = { ...record };
  for (const [key, value] of Object.entries(bodyObject(ctx))) {
    if (ANSWERRULE_READ_ONLY.includes(key) || key === 'time-frame') continue;
    next[key] = ANSWERRULE_FEATURES.includes(key) ? mergeFeature(key, record[key] as JsonRecord, value) : value;
  }
  checkYesNo(next, ['enabled']);
  Object.assign(record, next);
  return ACCEPTED;
}

export function deleteRule(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findUser(d, ctx.params.user);
  const record = findRule(d, ctx.params.user, ctx.params.timeframe);
  d.answerrules = d.answerrules.filter((r) => r !== record);
  return ACCEPTED;
}

export function reorderRules(ctx: RouteContext): ApiResponse {
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
  renumber(wanted.map((name) => byName.get(name) as JsonRecord));
  return ACCEPTED;
}
