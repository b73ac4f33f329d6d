// Shared (domain-wide) and personal contacts, and the domain block list (/number-filters).

import { defaultContact, nowIso } from './record-defaults';
import {
  ACCEPTED,
  type ApiResponse,
  OK_EMPTY,
  type RouteContext,
  bodyObject,
  count,
  fail,
  findUser,
  readDomain,
  writeDomain,
} from './route-helpers';
import type { DomainState, JsonRecord } from './types';

function contactList(d: DomainState, user?: string): JsonRecord[] {
  if (user === undefined) return d.contacts;
  findUser(d, user);
  return d.user_contacts[user] ?? [];
}

function findContact(list: JsonRecord[], id: string): JsonRecord {
  return list.find((c) => c['unique-id'] === id) ?? fail(404, `Contact ${id} does not exist`);
}

export function listContacts(ctx: RouteContext): ApiResponse {
  // No start/limit declared for these lists: they are returned whole.
  return { status: 200, body: contactList(readDomain(ctx), ctx.params.user) };
}

export function countContacts(ctx: RouteContext): ApiResponse {
  return count(contactList(readDomain(ctx), ctx.params.user).length);
}

export function getSharedContact(ctx: RouteContext): ApiResponse {
  // The spec declares an array for the single shared contact (and an object for a personal one).
  return { status: 200, body: [findContact(contactList(readDomain(ctx)), ctx.params.contact_id)] };
}

export function getUserContact(ctx: RouteContext): ApiResponse {
  const list = contactList(readDomain(ctx), ctx.params.user);
  return { status: 200, body: findContact(list, ctx.params.contact_id) };
}

export function postContact(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = ctx.params.user;
  if (user !== undefined) findUser(d, user);
  const { 'unique-id': _id, ...fields } = bodyObject(ctx);
  const record = defaultContact(fields, nowIso());
  if (user === undefined) d.contacts.push(record);
  else {
    d.user_contacts[user] ??= [];
    d.user_contacts[user].push(record);
  }
  // The spec declares 200 `{}` for both contact POSTs.
  return OK_EMPTY;
}

export function putContact(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findContact(contactList(d, ctx.params.user), ctx.params.contact_id);
  for (const [key, value] of Object.entries(bodyObject(ctx))) {
    if (key === 'unique-id' || key === 'created-datetime' || key === 'synchronous') continue;
    record[key] = value;
  }
  // The spec: 200 `{}` for a shared contact, 202 for a personal one.
  return ctx.params.user === undefined ? OK_EMPTY : ACCEPTED;
}

export function deleteContact(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = ctx.params.user;
  const list = contactList(d, user);
  const record = findContact(list, ctx.params.contact_id);
  if (user === undefined) d.contacts = list.filter((c) => c !== record);
  else d.user_contacts[user] = list.filter((c) => c !== record);
  return ACCEPTED;
}

function filterNumbers(ctx: RouteContext): string[] {
  const block = bodyObject(ctx)['phone-numbers-to-reject'] as JsonRecord | undefined;
  if (!block || typeof block !== 'object' || !Array.isArray(block.parameters)) {
    fail(400, 'Missing phone-numbers-to-reject.parameters');
  }
  return (block.parameters as unknown[]).map(String);
}

export function getNumberFilters(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  // Assumption: one entry, shaped like the default answer rule, even when the list is empty.
  const entry = {
    domain: d.domain.domain,
    'time-frame': '*',
    enabled: 'yes',
    'is-active': true,
    'phone-numbers-to-reject': { enabled: d.number_filters.length > 0 ? 'yes' : 'no', parameters: d.number_filters },
  };
  return { status: 200, body: [entry] };
}

export function postNumberFilters(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  for (const n of filterNumbers(ctx)) if (!d.number_filters.includes(n)) d.number_filters.push(n);
  return ACCEPTED;
}

export function deleteNumberFilters(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const drop = new Set(filterNumbers(ctx));
  d.number_filters = d.number_filters.filter((n) => !drop.has(n));
  return ACCEPTED;
}
