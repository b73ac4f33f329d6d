/**
 * A user's place: its `site` and `emergency_address`, both by name (kinds/placement.ts). The user record
 * stores the address as its `emergency-address-id`; this maps it to the name on read and back on write.
 * Kept apart from the rest of the user kind (its devices and answering rules change elsewhere).
 */
import type { PlatformRecord } from '../../platform/client';
import { phoneDeviceName } from '../../platform/codec';
import type { ApplyContext, Comparable, Reference } from '../kind';
import { addressImpactLine, addressNameOf, withAddressId } from '../placement';
import { isAddressName, placementReferences } from '../placement';
import { type DeviceContent, deviceNameOf, type PhoneEntry } from './devices';
import type { UserSpec } from './spec';

export { isAddressName } from '../placement';

/** The `phone:` shorthand's content when it is an object. */
function phoneOf(content: Comparable): Comparable | undefined {
  const p = content.phone;
  return p && typeof p === 'object' && !Array.isArray(p) && !('secret' in p) ? (p as Comparable) : undefined;
}

function devicesOf(content: Comparable): DeviceContent[] {
  return Array.isArray(content.phones) ? (content.phones as unknown as DeviceContent[]) : [];
}

/** Where `phones` names a device in the file: the entry whose device name it is (names follow the order). */
function deviceField(key: string, device: string, phones: readonly PhoneEntry[] | undefined): string | undefined {
  const i = (phones ?? []).findIndex((p, n) => deviceNameOf(key, p, n) === device);
  return i < 0 ? undefined : `phones[${i}].emergency_address`;
}

/**
 * The user's `site` and `emergency_address` references, its devices' addresses included; with the entry's
 * `spec`, each says which field names it (`phone.emergency_address`, `phones[1].emergency_address`).
 */
export function userPlacementReferences(key: string, content: Comparable, spec?: UserSpec): Reference[] {
  const source = { kind: 'user', key };
  const out = placementReferences(source, content, spec !== undefined);
  const phone = phoneOf(content);
  if (phone && isAddressName(phone.emergency_address))
    out.push({
      // Named like its entry in `phones` (live content has both): one line per device in a plan's reason.
      from: `user ${key} (device ${phoneDeviceName(key)})`,
      source,
      relation: 'emergency_address',
      kind: 'emergency_address',
      key: phone.emergency_address,
      ...(spec ? { field: 'phone.emergency_address' } : {}),
    });
  for (const d of devicesOf(content)) {
    if (!isAddressName(d.emergency_address)) continue;
    const field = spec ? deviceField(key, d.device, spec.phones) : undefined;
    out.push({
      from: `user ${key} (device ${d.device})`,
      source,
      relation: 'emergency_address',
      kind: 'emergency_address',
      key: d.emergency_address,
      ...(field ? { field } : {}),
    });
  }
  return out;
}

/** Live content with the stored address ids (the user's, its devices') read as the addresses' names. */
export function withAddressName(content: Comparable, names: ReadonlyMap<string, string>): Comparable {
  const out = { ...content };
  if (content.emergency_address !== undefined) out.emergency_address = addressNameOf(names, content.emergency_address);
  const phone = phoneOf(content);
  if (phone && phone.emergency_address !== undefined)
    out.phone = { ...phone, emergency_address: addressNameOf(names, phone.emergency_address) };
  if (Array.isArray(content.phones))
    out.phones = devicesOf(content).map((d) =>
      d.emergency_address ? { ...d, emergency_address: addressNameOf(names, d.emergency_address) } : d,
    ) as unknown as Comparable[string];
  return out;
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
