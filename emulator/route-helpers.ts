// Shared pieces of the route handlers: the handler context, errors, lookups, paging and counts.
// Handlers are synchronous and never touch HTTP; start-emulator.ts does transport, auth, faults,
// contract checks, field filtering, version spellings and persistence around them.

import { recordById } from './record-index';
import type { StateStore } from './state-store';
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
  /** The request body with the fields the spec does not define for the record already dropped. */
  readonly body: unknown;
  /** `synchronous: "yes"` was sent (read before unknown fields are dropped). */
  readonly synchronous: boolean;
  readonly store: StateStore;
  readonly apiVersion: string;
  /** Strict mode: values are checked against the spec by the request schema, not by the handlers. */
  readonly strict: boolean;
}

export type Handler = (ctx: RouteContext) => ApiResponse;

export const ACCEPTED: ApiResponse = { status: 202, body: { code: 202, message: 'Accepted' } };
/** What the spec declares for contact POST/PUT and the e-mail POST: 200 with an empty object. */
export const OK_EMPTY: ApiResponse = { status: 200, body: {} };

export function fail(status: number, message: string): never {
  throw new ApiError(status, message);
}

/** `~` means "my domain"; keys are not bound to a domain here, so it works when there is exactly one. */
export function resolveDomainName(store: StateStore, name: string): string {
  if (name !== '~') return name;
  const names = Object.keys(store.state.domains);
  return names.length === 1 ? names[0] : name;
}

export function readDomain(ctx: RouteContext): DomainState {
  const name = resolveDomainName(ctx.store, ctx.params.domain);
  return ctx.store.visibleDomain(name) ?? fail(404, `Domain ${name} does not exist`);
}

export function writeDomain(ctx: RouteContext): DomainState {
  const name = resolveDomainName(ctx.store, ctx.params.domain);
  return ctx.store.domain(name) ?? fail(404, `Domain ${name} does not exist`);
}

export function findUser(d: DomainState, user: string): JsonRecord {
  return recordById(d.users, 'user', user) ?? fail(404, `User ${user} does not exist in domain ${d.domain.domain}`);
}

export function bodyObject(ctx: RouteContext): JsonRecord {
  const b = ctx.body;
  if (b === undefined || b === null) return {};
  if (typeof b !== 'object' || Array.isArray(b)) fail(400, 'Request body must be a JSON object');
  return b as JsonRecord;
}

function intParam(ctx: RouteContext, name: string, fallback: number, min: number, max: number): number {
  const raw = ctx.query.get(name);
  const value = raw === null || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(400, `Invalid ${name} ${raw}: must be an integer between ${min} and ${max}`);
  }
  return value;
}

/**
 * `start` (0-based offset, default 0) and `limit` (default 100, 1–1000) as the spec's Start/Limit.
 * Only for the lists whose operation declares them; every other list is returned whole.
 */
export function page<T>(ctx: RouteContext, items: T[]): T[] {
  const start = intParam(ctx, 'start', 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = intParam(ctx, 'limit', 100, 1, 1000);
  return items.slice(start, start + limit);
}

/** A list whose operation declares `limit` but no `start` (`/phones`). */
export function limitOnly<T>(ctx: RouteContext, items: T[]): T[] {
  return items.slice(0, intParam(ctx, 'limit', 100, 1, 1000));
}

export function count(n: number): ApiResponse {
  return { status: 200, body: { total: n } };
}

/** yes/no switches (also checked by the request schema in strict mode; this covers lax mode and seeds). */
export function checkYesNo(record: JsonRecord, fields: readonly string[]): void {
  for (const f of fields) {
    const v = record[f];
    if (v !== undefined && v !== 'yes' && v !== 'no') fail(400, `Invalid value for ${f}: expected "yes" or "no"`);
  }
}
