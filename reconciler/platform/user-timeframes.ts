/**
 * Typed calls for a user's own time frames (`/domains/{d}/users/{u}/timeframes`, OAS45 "Timeframes/User"):
 * the same RecurringTimeframe records and PUT/DELETE variants as the domain (shared) ones. Kept beside
 * `client.ts` so the client class stays small; every call goes through the client's request loop and every
 * name is validated before it becomes a URL segment.
 */
import type { NetSapiensClient, PlatformRecord } from './client';
import { safeSegment } from './safety';

const base = (domain: string, user: string) =>
  `/domains/${safeSegment('domain', domain)}/users/${safeSegment('user', user)}/timeframes`;
const one = (domain: string, user: string, id: string) => `${base(domain, user)}/${safeSegment('time-frame', id)}`;

/** The spec gives this list neither paging nor a `/count`. */
export function listUserTimeframes(client: NetSapiensClient, domain: string, user: string): Promise<PlatformRecord[]> {
  return client.list(base(domain, user));
}

/** `synchronous` is required on this POST (OAS45). Probe: a time frame of that name reads back. */
export function createUserTimeframe(client: NetSapiensClient, domain: string, user: string, body: PlatformRecord) {
  const name = String(body['timeframe-name'] ?? '');
  const landed = async () => (await listUserTimeframes(client, domain, user)).some((t) => t['timeframe-name'] === name);
  return client.request('POST', base(domain, user), { body: { ...body, synchronous: 'yes' }, landed });
}

export function updateUserTimeframe(
  client: NetSapiensClient,
  domain: string,
  user: string,
  id: string,
  body: PlatformRecord,
) {
  return client.request('PUT', one(domain, user, id), { body });
}

/** Probe: the time frame reads as absent. */
export function deleteUserTimeframe(client: NetSapiensClient, domain: string, user: string, id: string) {
  const path = one(domain, user, id);
  const landed = async () => (await client.getOptional(path)) === undefined;
  return client.request('DELETE', path, { landed });
}
