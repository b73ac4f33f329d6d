/**
 * Typed endpoints for where people are: sites (`/domains/{d}/sites`, docs/reference/netsapiens-api.md §10) and
 * emergency addresses (`/domains/{d}/addresses`, §11). Kept beside `client.ts` (which stays the only
 * module that speaks HTTP: these go through its `request`/`checkedList`/`getOptional`), so the kinds never
 * build a URL themselves.
 */
import { PlatformApiError } from '../errors';
import type { NetSapiensClient, PlatformRecord, WriteOptions } from './client';
import { safeSegment } from './safety';

const d = (domain: string) => `/domains/${safeSegment('domain', domain)}`;
const sitePath = (domain: string, site: string) => `${d(domain)}/sites/${safeSegment('site', site)}`;
const addressPath = (domain: string, id: string) => `${d(domain)}/addresses/${safeSegment('address', id)}`;

// ---- Sites: no DELETE in v45.0 (nor 2.3.1) --------------------------------------------------------------

/** Cross-checked with `/sites/count` (a short list would plan a create over a site that exists). */
export async function listSites(client: NetSapiensClient, domain: string): Promise<PlatformRecord[]> {
  return client.checkedList(`${d(domain)}/sites`, `${d(domain)}/sites/count`);
}

export async function getSite(client: NetSapiensClient, domain: string, site: string) {
  return client.getOptional<PlatformRecord>(sitePath(domain, site));
}

/** The spec answers 202 only. Default probe: the site reads back. */
export async function createSite(
  client: NetSapiensClient,
  domain: string,
  body: PlatformRecord,
  o: WriteOptions = {},
): Promise<unknown> {
  const name = String(body.site ?? '');
  const landed = o.landed ?? (async () => (await getSite(client, domain, name)) !== undefined);
  return client.request('POST', `${d(domain)}/sites`, { body: { ...body, synchronous: 'yes' }, landed });
}

export async function updateSite(
  client: NetSapiensClient,
  domain: string,
  site: string,
  body: PlatformRecord,
  o: WriteOptions = {},
): Promise<unknown> {
  return client.request('PUT', sitePath(domain, site), { body, landed: o.landed });
}

// ---- Emergency addresses: validate → create → assign (by `emergency-address-id`) ------------------------

/** Domain-level addresses, cross-checked with `/addresses/count`. */
export async function listAddresses(client: NetSapiensClient, domain: string): Promise<PlatformRecord[]> {
  return client.checkedList(`${d(domain)}/addresses`, `${d(domain)}/addresses/count`);
}

/**
 * The carrier's validation (`POST …/addresses/validate`). A read in effect (nothing is stored), so it may be
 * re-sent. The spec documents only a 200, whose PIDF-LO example says `ValidationStatus: "VALID"`: an answer
 * with another status, or without an `emergency-address-id`, is a refusal too (the carrier's words kept).
 */
export async function validateAddress(
  client: NetSapiensClient,
  domain: string,
  body: PlatformRecord,
): Promise<PlatformRecord> {
  const path = `${d(domain)}/addresses/validate`;
  const res = await client.request<PlatformRecord>('POST', path, { body, landed: async () => false });
  const id = res?.['emergency-address-id'];
  if (id === undefined || id === null || String(id) === '') {
    throw new PlatformApiError(200, 'POST', path, 'the address was not validated (no emergency-address-id)', false);
  }
  const pidflo = res['address-formatted-pidflo'];
  const status = pidflo && typeof pidflo === 'object' ? (pidflo as PlatformRecord).ValidationStatus : undefined;
  if (status !== undefined && String(status).toUpperCase() !== 'VALID') {
    const why = (pidflo as PlatformRecord).ValidationMessage;
    const detail = why === undefined ? '' : `: ${String(why)}`;
    throw new PlatformApiError(
      200,
      'POST',
      path,
      `the carrier did not validate the address (${String(status)}${detail})`,
      false,
    );
  }
  return res;
}

/** Default probe: an address with that id reads back. */
export async function createAddress(
  client: NetSapiensClient,
  domain: string,
  body: PlatformRecord,
  o: WriteOptions = {},
): Promise<unknown> {
  const id = String(body['emergency-address-id'] ?? '');
  const landed =
    o.landed ??
    (async () => (await listAddresses(client, domain)).some((a) => String(a['emergency-address-id']) === id));
  return client.request('POST', `${d(domain)}/addresses`, { body, landed });
}

export async function updateAddress(
  client: NetSapiensClient,
  domain: string,
  id: string,
  body: PlatformRecord,
  o: WriteOptions = {},
): Promise<unknown> {
  return client.request('PUT', addressPath(domain, id), { body, landed: o.landed });
}

/** Default probe: no address with that id reads back. */
export async function deleteAddress(
  client: NetSapiensClient,
  domain: string,
  id: string,
  o: WriteOptions = {},
): Promise<unknown> {
  const landed =
    o.landed ??
    (async () => !(await listAddresses(client, domain)).some((a) => String(a['emergency-address-id']) === id));
  return client.request('DELETE', addressPath(domain, id), { landed });
}
