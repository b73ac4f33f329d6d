/**
 * An emergency address's content: the YAML entry and the platform's `Address` record, normalised to the
 * same comparable content, and the bodies of the validate and create/update calls.
 */
import type { PlatformRecord } from '../../platform/client';
import type { PlatformProfile } from '../../platform/profile';
import type { Comparable } from '../kind';
import { normalizeCode, normalizeText, str } from '../normalize';
import { ADDRESS_WIRE, type AddressField, DEFAULT_COUNTRY } from './fields';

export interface EmergencyAddressSpec {
  name: string;
  caller_name: string;
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postal_code: string;
  country?: string;
  location?: string;
}

/** Codes compare case-insensitively; the rest as written, white space collapsed. */
const CODES: ReadonlySet<AddressField> = new Set(['state', 'country', 'postal_code']);

function norm(field: AddressField, value: unknown): string {
  return CODES.has(field) ? normalizeCode(value) : normalizeText(value);
}

/** Only the fields the entry sets, except the country (it defaults to US: every create sends one). */
export function addressComparable(spec: EmergencyAddressSpec): Comparable {
  const out: Record<string, string> = { name: normalizeText(spec.name) };
  for (const field of Object.keys(ADDRESS_WIRE) as AddressField[]) {
    const v = spec[field];
    if (v !== undefined) out[field] = norm(field, v);
  }
  out.country ??= DEFAULT_COUNTRY;
  return out;
}

/** Every field, `''` for an empty one. */
export function liveAddressComparable(record: PlatformRecord): Comparable {
  const out: Record<string, string> = { name: normalizeText(record['address-name']) };
  for (const [field, wire] of Object.entries(ADDRESS_WIRE) as [AddressField, string][]) {
    out[field] = norm(field, record[wire]);
  }
  return out;
}

/** The address fields of a validate/create/update body (the validate operation requires the location). */
export function addressBody(c: Comparable): PlatformRecord {
  const body: PlatformRecord = { 'address-name': str(c.name) };
  for (const [field, wire] of Object.entries(ADDRESS_WIRE) as [AddressField, string][]) body[wire] = str(c[field]);
  body['address-country-abbreviation'] = str(c.country) || DEFAULT_COUNTRY;
  return body;
}

/**
 * The create/update body from what validation returned: its id and PIDF-LO (the create declares the
 * PIDF-LO a string, the validate answer an object: `platform.address_pidflo`), and its carrier (the
 * spec's examples also spell it `address-provisioned-carrier-name`).
 */
export function validatedFields(validated: PlatformRecord, profile: Pick<PlatformProfile, 'addressPidflo'>) {
  const pidflo = validated['address-formatted-pidflo'];
  const carrier = validated.carrier ?? validated['address-provisioned-carrier-name'];
  const out: PlatformRecord = {
    'address-formatted-pidflo':
      profile.addressPidflo === 'object' || typeof pidflo === 'string' ? pidflo : JSON.stringify(pidflo ?? {}),
  };
  if (carrier !== undefined && carrier !== null && str(carrier) !== '') out.carrier = str(carrier);
  return { id: str(validated['emergency-address-id']), fields: out };
}

/** "Springfield, IL 62701" — the part of an address an impact line may show under `--redact-pii`. */
export function townOf(c: Comparable): string {
  const place = [str(c.city), [str(c.state), str(c.postal_code)].filter(Boolean).join(' ')].filter(Boolean);
  return place.join(', ');
}
