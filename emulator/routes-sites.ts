// Sites: /domains/{domain}/sites (OAS45 "Sites"): list, count, create, read and update — the document has
// no DELETE, and neither has the emulator. A user created (or moved) at a site the domain lacks creates it
// with the domain's defaults (docs/reference/netsapiens-api.md §4: "a missing site is auto-created on user
// create"; the move is an assumption, listed in README). A site's `emergency-address-id` must name an
// address of the domain, as a user's must ("an exact match to an address-id").

import { nowIso } from './record-defaults';
import { READ_ONLY, defaultSite, siteList as list } from './site-records';
import {
  ACCEPTED,
  type ApiResponse,
  type RouteContext,
  bodyObject,
  count,
  fail,
  readDomain,
  writeDomain,
} from './route-helpers';
import type { DomainState, JsonRecord } from './types';

/** An `emergency-address-id` in a user or site write names an address of the domain (or is empty). */
export function checkAddressId(d: DomainState, value: unknown): void {
  if (value === undefined || value === null || String(value) === '') return;
  if (!(d.addresses ?? []).some((a) => String(a['emergency-address-id']) === String(value)))
    fail(400, `emergency-address-id ${String(value)} does not match an address of domain ${String(d.domain.domain)}`);
}

function find(d: DomainState, name: string): JsonRecord {
  return (
    list(d).find((s) => s.site === name) ??
    fail(404, `Site ${name} does not exist in domain ${String(d.domain.domain)}`)
  );
}

export function listSites(ctx: RouteContext): ApiResponse {
  return { status: 200, body: list(readDomain(ctx)) };
}

export function countSites(ctx: RouteContext): ApiResponse {
  return count(list(readDomain(ctx)).length);
}

export function getSite(ctx: RouteContext): ApiResponse {
  return { status: 200, body: find(readDomain(ctx), ctx.params.site) };
}

export function postSite(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  const name = String(body.site ?? '').trim();
  if (name === '') fail(400, 'Missing required field site');
  if (list(d).some((s) => s.site === name)) fail(409, `Site ${name} already exists`);
  checkAddressId(d, body['emergency-address-id']);
  list(d).push(defaultSite(d, name, { ...body, site: name }));
  // The document declares 202 only for this POST, `synchronous` or not.
  return ACCEPTED;
}

export function putSite(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = find(d, ctx.params.site);
  const body = bodyObject(ctx);
  checkAddressId(d, body['emergency-address-id']);
  for (const [key, value] of Object.entries(body)) {
    if (READ_ONLY.includes(key) || key === 'site' || key === 'domain') continue;
    record[key] = value;
  }
  record['last-modified-datetime'] = nowIso();
  return ACCEPTED;
}
