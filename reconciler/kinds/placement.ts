/**
 * Where something is: its `site` and its `emergency_address`, both by name in the files. Shared by the
 * kinds that carry them (users, sites). The platform stores the address as its `emergency-address-id`:
 * reads map the id to the address's name (an id no domain address has reads as `id:<id>`, which export
 * leaves out), writes map the name back to the id.
 */
import { PlatformApiError } from '../errors';
import type { PlatformRecord } from '../platform/client';
import { listAddresses } from '../platform/locations';
import type { ApplyContext, Comparable, ReadContext, Reference } from './kind';
import { normalizeText, str } from './normalize';
import { domainAddresses } from './domain-reads';

/** Prefix of an address id that names no domain address. */
export const UNKNOWN_ADDRESS = 'id:';

/** Keys of address records as the address kind gives them (`HQ`, a second `HQ` → `HQ #2`). */
export function addressKeys(records: readonly PlatformRecord[]): { record: PlatformRecord; key: string }[] {
  const seen = new Map<string, number>();
  return records.map((record) => {
    const name = normalizeText(record['address-name']);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return { record, key: n === 1 ? name : `${name} #${n}` };
  });
}

/** id → address name, for reads. */
export function addressNames(
  ctx: Pick<ReadContext, 'client' | 'domain' | 'cache'>,
): Promise<ReadonlyMap<string, string>> {
  // Built once per read (the read's `LiveCache`), not once per object read: the provider reads users one by
  // one, and each rebuilt it from the whole addresses list (issue 15).
  return ctx.cache.once('addresses:names', async () => {
    const out = new Map<string, string>();
    for (const { record, key } of addressKeys(await domainAddresses(ctx))) {
      const id = str(record['emergency-address-id']);
      if (id !== '' && !out.has(id)) out.set(id, key);
    }
    return out;
  });
}

/** The comparable value of a stored `emergency-address-id`. */
export function addressNameOf(names: ReadonlyMap<string, string>, id: unknown): string {
  const raw = str(id).trim();
  if (raw === '') return '';
  return names.get(raw) ?? `${UNKNOWN_ADDRESS}${raw}`;
}

/** Is this a live value export may write (a known address name)? */
export function isAddressName(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !value.startsWith(UNKNOWN_ADDRESS);
}

/**
 * `body` with the address NAME under `emergency-address-id` replaced by the address's id, read now (the
 * address was created earlier in this apply). An empty name clears the assignment.
 */
export async function withAddressId(ctx: ApplyContext, body: PlatformRecord): Promise<PlatformRecord> {
  const name = body['emergency-address-id'];
  if (name === undefined || str(name) === '') return body;
  const wanted = normalizeText(name);
  const hit = addressKeys(await listAddresses(ctx.client, ctx.domain)).find((a) => a.key === wanted);
  if (!hit)
    throw new PlatformApiError(
      404,
      'GET',
      `/domains/${ctx.domain}/addresses`,
      `no emergency address named "${wanted}" in ${ctx.domain}: add it to emergency_addresses`,
      false,
    );
  return { ...body, 'emergency-address-id': str(hit.record['emergency-address-id']) };
}

/**
 * The `site` and `emergency_address` references of an object (`from`: "user 1001", "site HQ"); `inFile`:
 * the content is a desired entry's, so each reference says which field names it.
 */
export function placementReferences(
  source: { kind: string; key: string },
  content: Comparable,
  inFile = false,
): Reference[] {
  const from = `${source.kind} ${source.key}`;
  const out: Reference[] = [];
  if (typeof content.site === 'string' && content.site !== '')
    out.push({
      from,
      source,
      relation: 'located_at',
      kind: 'site',
      key: content.site,
      ...(inFile ? { field: 'site' } : {}),
    });
  if (isAddressName(content.emergency_address))
    out.push({
      from,
      source,
      relation: 'emergency_address',
      kind: 'emergency_address',
      key: content.emergency_address,
      ...(inFile ? { field: 'emergency_address' } : {}),
    });
  return out;
}

/** Impact of a new address assignment: "emergency calls from 1001 will report "HQ" (was "Branch")". */
export function addressImpactLine(who: string, before: Comparable, after: Comparable): string | undefined {
  const was = str(before.emergency_address);
  const now = str(after.emergency_address);
  if (was === now) return undefined;
  const name = (v: string) => (v === '' ? 'no emergency address' : `emergency address "${v}"`);
  return `emergency calls from ${who} will report ${name(now)} (was ${name(was)})`;
}
