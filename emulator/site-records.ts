// Site records (shared by the site routes, user writes and seeding): a new site takes the domain's defaults.
// Kept apart from routes-sites.ts so the state store can seed sites without importing the route helpers.

import { nowIso } from './record-defaults';
import type { DomainState, JsonRecord } from './types';

/** Fields a site write may not set. */
export const READ_ONLY = ['active-calls-total-current', 'created-datetime', 'last-modified-datetime', 'synchronous'];

export function siteList(d: DomainState): JsonRecord[] {
  d.sites ??= [];
  return d.sites;
}

/** A new site record: the domain's defaults (what users created there inherit), then the given fields. */
export function defaultSite(d: DomainState, name: string, input: JsonRecord = {}, now = nowIso()): JsonRecord {
  const domain = d.domain;
  return {
    site: name,
    domain: domain.domain,
    'time-zone': domain['time-zone'] ?? 'US/Eastern',
    'area-code': domain['area-code'] ?? 212,
    'dial-plan': domain['dial-plan'] ?? String(domain.domain),
    'dial-policy': domain['dial-policy'] ?? 'US and Canada',
    'language-token': 'en_US',
    'caller-id-name': '',
    'caller-id-number': '',
    'caller-id-number-emergency': '',
    'emergency-address-id': '',
    'voicemail-enabled': 'yes',
    'active-calls-total-current': 0,
    ...Object.fromEntries(Object.entries(input).filter(([k]) => !READ_ONLY.includes(k))),
    'created-datetime': now,
    'last-modified-datetime': now,
  };
}

/** The site a user is placed at exists afterwards (created with the domain's defaults when missing). */
export function ensureSite(d: DomainState, name: unknown): void {
  const site = String(name ?? '').trim();
  if (site === '' || siteList(d).some((s) => s.site === site)) return;
  siteList(d).push(defaultSite(d, site));
}
