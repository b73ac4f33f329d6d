// Version, domain, users and the templated e-mail: the user record is the extension itself.

import { recordById } from './record-index';
import os from 'node:os';
import {
  USER_READ_ONLY,
  USER_SCOPES,
  USER_YES_NO_FIELDS,
  defaultAnswerrule,
  defaultUser,
  nowIso,
} from './record-defaults';
import {
  ACCEPTED,
  type ApiResponse,
  OK_EMPTY,
  type RouteContext,
  bodyObject,
  checkYesNo,
  count,
  fail,
  findUser,
  page,
  readDomain,
  writeDomain,
} from './route-helpers';
import { checkAddressId } from './routes-sites';
import { ensureSite } from './site-records';
import { emptyDomainState } from './state-store';
import { sortedBy } from './natural-order';
import type { JsonRecord } from './types';

export function getVersion(ctx: RouteContext): ApiResponse {
  return {
    status: 200,
    body: { apiversion: ctx.apiVersion, hostname: `${os.hostname()} (pbxctl emulator)`, 'current-time': nowIso() },
  };
}

export function getDomain(ctx: RouteContext): ApiResponse {
  return { status: 200, body: readDomain(ctx).domain };
}

export function putDomain(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  for (const [key, value] of Object.entries(bodyObject(ctx))) {
    if (key === 'domain' || key === 'synchronous') continue;
    d.domain[key] = value;
  }
  return ACCEPTED;
}

export function postDomain(ctx: RouteContext): ApiResponse {
  // Reseller-level in the real API; offered so a demo can create its domain without a seed.
  const { synchronous: _s, ...fields } = bodyObject(ctx);
  const name = String(fields.domain ?? '');
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) fail(400, 'domain is required and must match ^[A-Za-z0-9._-]+$');
  if (ctx.store.domain(name)) fail(409, `Domain ${name} already exists`);
  ctx.store.state.domains[name] = emptyDomainState(name, fields);
  return ctx.synchronous ? { status: 200, body: ctx.store.state.domains[name].domain } : ACCEPTED;
}

export function listUsers(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  const site = ctx.query.get('site');
  let users = sortedBy(d.users, (u) => String(u.user));
  if (site !== null) users = users.filter((u) => u.site === site);
  return { status: 200, body: page(ctx, users) };
}

export function countUsers(ctx: RouteContext): ApiResponse {
  return count(readDomain(ctx).users.length);
}

export function getUser(ctx: RouteContext): ApiResponse {
  return { status: 200, body: findUser(readDomain(ctx), ctx.params.user) };
}

function loginTaken(ctx: RouteContext, login: string, except?: JsonRecord): boolean {
  const wanted = login.toLowerCase();
  for (const d of Object.values(ctx.store.state.domains)) {
    if (d.users.some((u) => u !== except && String(u['login-username']).toLowerCase() === wanted)) return true;
  }
  return false;
}

function validateUserFields(record: JsonRecord): void {
  checkYesNo(record, USER_YES_NO_FIELDS);
  const scope = record['user-scope'];
  if (scope !== undefined && !USER_SCOPES.includes(String(scope))) fail(400, `Invalid user-scope ${String(scope)}`);
}

export function postUser(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  const user = body.user === undefined || body.user === null ? '' : String(body.user);
  if (!user) fail(400, 'Missing required field user');
  if (user.length > 16 || !/^[A-Za-z0-9._-]+$/.test(user)) fail(400, `Invalid user ${user}`);
  if (recordById(d.users, 'user', user)) fail(409, 'UID already exists.');
  const record = defaultUser(d.domain, user, body, nowIso());
  validateUserFields(record);
  if (loginTaken(ctx, String(record['login-username']))) fail(409, 'Login username already exists.');
  checkAddressId(d, record['emergency-address-id']);
  d.users.push(record);
  ensureSite(d, record.site);
  // v2 user create writes a default answer rule, as the portal does (docs/reference/platform-evidence.md §1: OMP says v1
  // create "skips the default answer rule"; PORTAL_USERS_CREATE_DEFAULT_FEATURE). Its content is an
  // assumption: every feature off, so the user simply rings.
  const rule = defaultAnswerrule(String(d.domain.domain), user, { 'time-frame': '*', enabled: 'yes' });
  rule.order = 99;
  d.answerrules.push(rule);
  return ctx.synchronous ? { status: 200, body: record } : ACCEPTED;
}

export function putUser(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findUser(d, ctx.params.user);
  const next = { ...record };
  for (const [key, value] of Object.entries(bodyObject(ctx))) {
    if (USER_READ_ONLY.includes(key)) continue;
    next[key] = value;
  }
  validateUserFields(next);
  if (next['login-username'] !== record['login-username'] && loginTaken(ctx, String(next['login-username']), record)) {
    fail(409, 'Login username already exists.');
  }
  if (next['emergency-address-id'] !== record['emergency-address-id']) checkAddressId(d, next['emergency-address-id']);
  Object.assign(record, next, { 'last-modified-datetime': nowIso() });
  ensureSite(d, record.site);
  return ACCEPTED;
}

export function deleteUser(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = ctx.params.user;
  findUser(d, user);
  // Cascade as the server's controller does — but phone numbers routed to the user stay, dangling.
  d.users = d.users.filter((u) => u.user !== user);
  d.devices = d.devices.filter((x) => x.user !== user);
  d.answerrules = d.answerrules.filter((r) => r.user !== user);
  delete d.user_contacts[user];
  if (d.user_timeframes) delete d.user_timeframes[user]; // delete cascades to timeframes [CTRL]
  delete d.voicemails[user];
  delete d.greetings[user];
  return ACCEPTED;
}

export function sendEmail(ctx: RouteContext): ApiResponse {
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
  return OK_EMPTY;
}
