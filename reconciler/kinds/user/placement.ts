/**
 * A user's place: its `site` and `emergency_address`, both by name (kinds/placement.ts). The user record
 * stores the address as its `emergency-address-id`; this maps it to the name on read and back on write.
 * Kept apart from the rest of the user kind (its devices and answering rules change elsewhere).
 */
import type { PlatformRecord } from '../../platform/client';
import type { ApplyContext, Comparable, Reference } from '../kind';
import { addressImpactLine, addressNameOf, withAddressId } from '../placement';
import { placementReferences } from '../placement';

export { isAddressName } from '../placement';

/** The user's `site` and `emergency_address` references. */
export function userPlacementReferences(key: string, content: Comparable): Reference[] {
  return placementReferences({ kind: 'user', key }, content);
}

/** Live content with the stored address id read as the address's name. */
export function withAddressName(content: Comparable, names: ReadonlyMap<string, string>): Comparable {
  if (content.emergency_address === undefined) return content;
  return { ...content, emergency_address: addressNameOf(names, content.emergency_address) };
}

/** A user-record body with the address name replaced by its id (the address exists by now: order 3). */
export function userBodyWithAddressId(ctx: ApplyContext, body: PlatformRecord): Promise<PlatformRecord> {
  return withAddressId(ctx, body);
}

/** "emergency calls from 1001 will report emergency address "HQ" (was none)". */
export function userPlacementImpact(key: string, before: Comparable, after: Comparable, changed: readonly string[]) {
  if (!changed.includes('emergency_address')) return [];
  const line = addressImpactLine(key, before, after);
  return line ? [line] : [];
}
