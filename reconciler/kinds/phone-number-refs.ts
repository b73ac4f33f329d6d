/**
 * Phone numbers routed to a user record (a person or a ring group), as references: a delete releases
 * them and a recycle reroutes them. Phone numbers are not a kind yet, so the referrer kind is
 * `phone_number` by name. Also the numbers-by-destination index both user-record kinds read.
 */
import type { PlatformRecord } from '../platform/client';
import { domainPhoneNumbers } from './domain-reads';
import type { Comparable, ReadContext, Reference } from './kind';
import { str } from './normalize';

export function routedNumberReferences(key: string, content: Comparable): Reference[] {
  if (!Array.isArray(content.phone_numbers)) return [];
  return (content.phone_numbers as string[]).map((n) => ({
    from: `phone number ${n}`,
    source: { kind: 'phone_number', key: n },
    relation: 'routes_to',
    kind: 'extension',
    key,
  }));
}

/** Destination user → the numbers routed to it (unassigned inventory numbers left out). */
export function numbersByDestination(numbers: readonly PlatformRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of numbers) {
    if (str(n['dial-rule-application']) === 'available-number') continue;
    const dest = str(n['dial-rule-translation-destination-user']);
    if (!dest) continue;
    const list = out.get(dest);
    if (list) list.push(str(n.phonenumber));
    else out.set(dest, [str(n.phonenumber)]);
  }
  return out;
}

/**
 * `numbersByDestination` of the domain's phone numbers, built once per read (the read's `LiveCache`): the
 * provider reads users one by one, and rebuilding the index for each was O(numbers) per user — O(n²) over a
 * plan (issue 15). The lists in it are shared: callers only read them.
 */
export function domainNumbersByDestination(
  ctx: Pick<ReadContext, 'client' | 'domain' | 'cache'>,
): Promise<ReadonlyMap<string, readonly string[]>> {
  return ctx.cache.once('phonenumbers:by-destination', async () => numbersByDestination(await domainPhoneNumbers(ctx)));
}
