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

function list(d: DomainState): JsonRecord[] {
  d.timeframes ??= [];
  return d.timeframes;
}

function newId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

function find(d: DomainState, id: string): JsonRecord {
  // The `{id}` is the timeframe-id; the name is accepted as well (answer rules address time frames by name).
  return (
    list(d).find((t) => t['timeframe-id'] === id || t['timeframe-name'] === id) ??
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

export function listTimeframes(ctx: RouteContext): ApiResponse {
  return { status: 200, body: list(readDomain(ctx)) };
}

export function getTimeframe(ctx: RouteContext): ApiResponse {
  return { status: 200, body: find(readDomain(ctx), ctx.params.id) };
}

export function postTimeframe(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  const name = String(body['timeframe-name'] ?? '').trim();
  if (name === '') fail(400, 'Missing timeframe-name');
  if (list(d).some((t) => t['timeframe-name'] === name)) fail(409, `Timeframe ${name} already exists`);
  const type = checkType(body['timeframe-type']);
  const id = newId();
  const domain = String(d.domain.domain);
  const record: JsonRecord = { 'timeframe-id': id, 'timeframe-name': name, domain, 'timeframe-type': type };
  for (const field of ARRAYS) record[field] = entries(body[field], field, id, domain);
  list(d).push(record);
  return ctx.synchronous ? { status: 200, body: record } : ACCEPTED;
}

export function putTimeframe(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = find(d, ctx.params.id);
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

export function deleteTimeframe(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = find(d, ctx.params.id);
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
  d.timeframes = list(d).filter((t) => t !== record);
  return ACCEPTED;
}
