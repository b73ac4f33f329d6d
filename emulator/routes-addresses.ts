// Emergency addresses: /domains/{domain}/addresses (OAS45 "Addresses"), the portal's validate → create →
// assign flow. Validate answers the carrier's view of the address: an `emergency-address-id` ("a hash for
// the identifier of the address for both carrier and NS side": here a hash of the address, `a-` + 13 hex
// as in the document's examples) and the PIDF-LO object (the examples' keys, `ValidationStatus: "VALID"`).
// Create needs that id (a create whose id validation did not issue for this address is refused) and the
// PIDF-LO; a second create with the same id is 409 "Conflicting address_id". Domain-level addresses carry
// `user: "*"` (the create example). Assumptions (README): an empty required field is 400; an address
// no carrier could dispatch to (no house number, a postal code not of its country, a country other than
// US/CA) validates with `ValidationStatus: "INVALID"`.

import crypto from 'node:crypto';
import { type ApiResponse, type RouteContext, bodyObject, count, fail, readDomain, writeDomain } from './route-helpers';
import type { DomainState, JsonRecord } from './types';

const FIELDS = [
  'address-name',
  'caller-name',
  'address-line-1',
  'address-line-2',
  'address-city',
  'address-state-province-abbreviation',
  'address-postal-code',
  'address-country-abbreviation',
  'address-location-description',
] as const;
const REQUIRED = FIELDS.filter((f) => f !== 'address-line-2' && f !== 'address-location-description');
const CARRIER = 'emulated';
const POSTAL: Readonly<Record<string, RegExp>> = {
  US: /^[0-9]{5}(-[0-9]{4})?$/,
  CA: /^[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]$/,
};

function list(d: DomainState): JsonRecord[] {
  d.addresses ??= [];
  return d.addresses;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v)).replace(/\s+/g, ' ').trim();

/** The id validation issues for an address: the same address (and name) always gets the same id. */
function addressId(domain: string, body: JsonRecord): string {
  const basis = [domain, ...FIELDS.map((f) => text(body[f]).toUpperCase())].join('\u0000');
  return `a-${crypto.createHash('sha256').update(basis).digest('hex').slice(0, 13)}`;
}

/** Why a carrier could not dispatch to this address, or undefined. */
function undeliverable(body: JsonRecord): string | undefined {
  const country = text(body['address-country-abbreviation']).toUpperCase();
  const postal = POSTAL[country];
  if (!postal) return `country ${country} is not served (US, CA)`;
  if (!/^[A-Za-z]{2}$/.test(text(body['address-state-province-abbreviation']))) return 'state is not an abbreviation';
  if (!postal.test(text(body['address-postal-code']).toUpperCase())) return `postal code is not a ${country} code`;
  if (!/^[0-9]+[A-Za-z]?\s+\S/.test(text(body['address-line-1']))) return 'address line 1 has no house number';
  return undefined;
}

function pidflo(body: JsonRecord, id: string, problem: string | undefined): JsonRecord {
  const line1 = text(body['address-line-1']).toUpperCase();
  const m = /^([0-9]+[A-Z]?)\s+(.*)$/.exec(line1);
  return {
    HouseNumber: m?.[1] ?? '',
    StreetName: m?.[2] ?? line1,
    City: text(body['address-city']).toUpperCase(),
    StateCode: text(body['address-state-province-abbreviation']).toUpperCase(),
    Zip: text(body['address-postal-code']).toUpperCase(),
    Country: text(body['address-country-abbreviation']).toUpperCase(),
    AddressType: 'E911',
    LocationId: id,
    ValidationStatus: problem ? 'INVALID' : 'VALID',
    ...(problem ? { ValidationMessage: problem } : {}),
  };
}

function checkRequired(body: JsonRecord): void {
  const missing = REQUIRED.filter((f) => text(body[f]) === '');
  if (missing.length > 0) fail(400, `Address could not be validated: ${missing.join(', ')} required`);
}

export function validateAddress(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  const body = bodyObject(ctx);
  checkRequired(body);
  const domain = String(d.domain.domain);
  const id = addressId(domain, body);
  const echo = Object.fromEntries(
    FIELDS.filter((f) => f !== 'address-location-description').map((f) => [f, text(body[f])]),
  );
  return {
    status: 200,
    body: {
      domain,
      object: 'address',
      singular: 1,
      action: 'validate',
      http_method: 'POST',
      controller: 'addresses',
      format: 'json',
      apiVer: 'v2',
      ...echo,
      'emergency-address-id': id,
      'address-formatted-pidflo': pidflo(body, id, undeliverable(body)),
      carrier: CARRIER,
    },
  };
}

/** What GET shows: the stored record plus the read-only counts. */
function view(d: DomainState, a: JsonRecord): JsonRecord {
  const id = a['emergency-address-id'];
  const users = d.users.filter((u) => u['emergency-address-id'] === id).length;
  const lines = [a['address-line-1'], a['address-line-2']].map(text).filter(Boolean).join(' ');
  return {
    ...a,
    'count-users-configured': users,
    'address-formatted-pretty': `${lines}\r\n${text(a['address-city'])}, ${text(a['address-state-province-abbreviation'])} ${text(a['address-postal-code'])}, ${text(a['address-country-abbreviation'])}`,
    'address-is-default-for-site': (d.sites ?? []).some((s) => s['emergency-address-id'] === id),
  };
}

export function listAddresses(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  return { status: 200, body: list(d).map((a) => view(d, a)) };
}

export function countAddresses(ctx: RouteContext): ApiResponse {
  return count(list(readDomain(ctx)).length);
}

function stored(domain: string, id: string, body: JsonRecord): JsonRecord {
  const record: JsonRecord = { 'emergency-address-id': id, domain, user: '*' };
  for (const f of FIELDS) record[f] = text(body[f]);
  record['ip-address-public'] = body['ip-address-public'] ?? null;
  record['address-formatted-pidflo'] = body['address-formatted-pidflo'];
  record.carrier = body.carrier ?? CARRIER;
  return record;
}

function checkPidflo(body: JsonRecord): void {
  const p = body['address-formatted-pidflo'];
  if (p === undefined || p === null || p === '') fail(400, 'Missing required field address-formatted-pidflo');
}

export function postAddress(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  checkRequired(body);
  checkPidflo(body);
  const domain = String(d.domain.domain);
  const id = text(body['emergency-address-id']);
  if (id !== addressId(domain, body))
    fail(400, `emergency-address-id ${id || '(none)'} was not issued for this address: validate it first`);
  if (list(d).some((a) => a['emergency-address-id'] === id)) fail(409, 'Conflicting address_id');
  const record = stored(domain, id, body);
  list(d).push(record);
  return {
    status: 200,
    body: {
      'address-formatted-pidflo':
        typeof body['address-formatted-pidflo'] === 'object' ? body['address-formatted-pidflo'] : {},
      object: 'address',
      domain,
      user: '*',
      singular: 0,
      address_id: id,
      address_name: record['address-name'],
      callid_nmbr: record['caller-name'],
      address_line_1: record['address-line-1'],
      address_line_2: record['address-line-2'],
      city: record['address-city'],
      state_code: record['address-state-province-abbreviation'],
      zip: record['address-postal-code'],
      country_code: record['address-country-abbreviation'],
      location: record['address-location-description'],
      carrier: String(record.carrier ?? ''),
      public_ip: String(record['ip-address-public'] ?? ''),
      action: 'create',
      controller: 'addresses',
      format: 'json',
      apiVer: 'v2',
    },
  };
}

function find(d: DomainState, id: string): JsonRecord {
  return list(d).find((a) => a['emergency-address-id'] === id) ?? fail(404, `Address ${id} not found`);
}

export function putAddress(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = find(d, ctx.params['emergency-address-id']);
  const body = bodyObject(ctx);
  checkRequired(body);
  checkPidflo(body);
  Object.assign(record, stored(String(d.domain.domain), String(record['emergency-address-id']), body));
  return { status: 202, body: { code: 202, message: 'Accepted' } };
}

export function deleteAddress(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = find(d, ctx.params['emergency-address-id']);
  d.addresses = list(d).filter((a) => a !== record);
  return { status: 202, body: { code: 202, message: 'Accepted' } };
}
