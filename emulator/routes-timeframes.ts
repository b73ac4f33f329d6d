// Domain (shared) time frames: /domains/{domain}/timeframes (OAS45 "Timeframes/Domain (Shared)").
// Records are RecurringTimeframe objects; the entries of the three arrays keep their own `timeframe-id`
// (the `child_id` of the per-entry deletes). One PUT route serves the document's PUT variants on
// `{id}`: a body with `type` converts the time frame (its entries are dropped), otherwise every array
// the body carries replaces that array ("Replace All …"). `update-only` entry edits are not emulated.

import crypto from 'node:crypto';
import {
  ACCEPTED,
  type ApiResponse,
  type RouteContext,
  bodyObject,
  fail,
  readDomain,
  writeDomain,
} from './route-helpers';
import type { DomainState, JsonRecord } from './types';

/** `RecurringTimeframeType` (a string in the document; these are the values its description lists). */
export const TIMEFRAME_TYPES = ['always', 'days-of-week', 'specific-dates', 'holiday', 'custom'] as const;
const ARRAYS = ['timeframe-days-of-week-array', 'timeframe-specific-dates-array', 'timeframe-holiday-array'] as const;

/** Where a route's time frames live: the domain's (shared) list, or one user's (routes-user-timeframes.ts). */
export type TimeframeStore = (d: DomainState, ctx: RouteContext) => JsonRecord[];

const domainStore: TimeframeStore = (d) => {
  d.timeframes ??= [];
  return d.timeframes;
};

function newId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

function find(records: JsonRecord[], id: string): JsonRecord {
  // The `{id}` is the timeframe-id; the name is accepted as well (answer rules address time frames by name).
  return (
    records.find((t) => t['timeframe-id'] === id || t['timeframe-name'] === id) ??
    fail(404, 'Not Found. Timeframe input was not found.')
  );
}

function checkType(value: unknown): string {
  const type = String(value ?? '');
  if (!(TIMEFRAME_TYPES as readonly string[]).includes(type)) {
    fail(400, `Invalid timeframe-type ${type}: one of ${TIMEFRAME_TYPES.join(', ')}`);
  }
  return type;
}

/** Entries as stored: each with its own id and its parent's, in the order given. */
function entries(value: unknown, field: string, parent: string, domain: string): JsonRecord[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(400, `${field} must be an array`);
  return value.map((e, i) => {
    if (!e || typeof e !== 'object' || Array.isArray(e)) fail(400, `${field}[${i}] must be an object`);
    return {
      ...(e as JsonRecord),
      'timeframe-id': newId(),
      'timeframe-parent-id': parent,
      'ordinal-order': i + 1,
      domain,
    };
  });
}

/** The five handlers over one store: list, get, post, put, delete. */
export function timeframeHandlers(list: TimeframeStore) {
  return {
    list(ctx: RouteContext): ApiResponse {
      return { status: 200, body: list(readDomain(ctx), ctx) };
    },
    get(ctx: RouteContext): ApiResponse {
      return { status: 200, body: find(list(readDomain(ctx), ctx), ctx.params.id) };
    },
    post: (ctx: RouteContext) => postIn(list, ctx),
    put: (ctx: RouteContext) => putIn(list, ctx),
    delete: (ctx: RouteContext) => deleteIn(list, ctx),
  };
}

function postIn(list: TimeframeStore, ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const records = list(d, ctx);
  const body = bodyObject(ctx);
  const name = String(body['timeframe-name'] ?? '').trim();
  if (name === '') fail(400, 'Missing timeframe-name');
  if (records.some((t) => t['timeframe-name'] === name)) fail(409, `Timeframe ${name} already exists`);
  const type = checkType(body['timeframe-type']);
  const id = newId();
  const domain = String(d.domain.domain);
  const record: JsonRecord = { 'timeframe-id': id, 'timeframe-name': name, domain, 'timeframe-type': type };
  if (ctx.params.user !== undefined) record.user = ctx.params.user;
  for (const field of ARRAYS) record[field] = entries(body[field], field, id, domain);
  records.push(record);
  return ctx.synchronous ? { status: 200, body: record } : ACCEPTED;
}

function putIn(list: TimeframeStore, ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = find(list(d, ctx), ctx.params.id);
  const body = bodyObject(ctx);
  const id = String(record['timeframe-id']);
  const domain = String(d.domain.domain);
  if (body.type !== undefined) {
    record['timeframe-type'] = checkType(body.type);
    for (const field of ARRAYS) record[field] = [];
  }
  for (const field of ARRAYS) {
    if (body[field] !== undefined) record[field] = entries(body[field], field, id, domain);
  }
  return { status: 200, body: {} };
}

function deleteIn(list: TimeframeStore, ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const records = list(d, ctx);
  const record = find(records, ctx.params.id);
  const child = bodyObject(ctx).child_id;
  if (child !== undefined && child !== '') {
    // One entry within the time frame.
    let found = false;
    for (const field of ARRAYS) {
      const before = (record[field] as JsonRecord[] | undefined) ?? [];
      const after = before.filter((e) => e['timeframe-id'] !== child);
      found ||= after.length !== before.length;
      record[field] = after;
    }
    if (!found) fail(404, 'Not Found. Timeframe input was not found.');
    return ACCEPTED;
  }
  records.splice(records.indexOf(record), 1);
  return ACCEPTED;
}

const domainHandlers = timeframeHandlers(domainStore);
export const listTimeframes = domainHandlers.list;
export const getTimeframe = domainHandlers.get;
export const postTimeframe = domainHandlers.post;
export const putTimeframe = domainHandlers.put;
export const deleteTimeframe = domainHandlers.delete;
