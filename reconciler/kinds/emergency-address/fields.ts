import type { FieldSpec } from '../kind';

/** YAML field → the `Address` record's field (OAS45), in the order the portal's form shows them. */
export const ADDRESS_WIRE = {
  caller_name: 'caller-name',
  line1: 'address-line-1',
  line2: 'address-line-2',
  city: 'address-city',
  state: 'address-state-province-abbreviation',
  postal_code: 'address-postal-code',
  country: 'address-country-abbreviation',
  location: 'address-location-description',
} as const;
export type AddressField = keyof typeof ADDRESS_WIRE;

/** Country when the entry names none (the platform's carriers are North American). */
export const DEFAULT_COUNTRY = 'US';

/**
 * The fields of an `emergency_addresses:` entry: a domain emergency (E911) address, referenced by name
 * from users and sites. Street lines and the location are PII under `--redact-pii` (a remote worker's
 * address is a home); the city, state and postal code are not.
 */
export const EMERGENCY_ADDRESS_FIELDS: readonly FieldSpec[] = [
  {
    name: 'name',
    type: 'string',
    required: true,
    forceNew: true,
    maxLength: 64,
    pattern: '^[^/\\\\%?#]*[^/\\\\%?#\\s][^/\\\\%?#]*$',
    class: 'routing',
    description:
      'Name of the address (the platform\'s "address name"); users and sites refer to it by this name. Another name is another address.',
  },
  {
    name: 'caller_name',
    type: 'string',
    required: true,
    maxLength: 64,
    class: 'routing',
    description: 'Name the emergency operator sees for calls from this address, e.g. the company name.',
  },
  {
    name: 'line1',
    type: 'string',
    required: true,
    pii: true,
    class: 'routing',
    description: 'Street address, e.g. "12 Main St".',
  },
  {
    name: 'line2',
    type: 'string',
    pii: true,
    class: 'routing',
    description: 'Second address line, e.g. "Suite 4".',
  },
  { name: 'city', type: 'string', required: true, class: 'routing', description: 'City.' },
  {
    name: 'state',
    type: 'string',
    required: true,
    pattern: '^[A-Za-z]{2}$',
    class: 'routing',
    description: 'State or (Canadian) province abbreviation, e.g. NY.',
  },
  {
    name: 'postal_code',
    type: 'string',
    required: true,
    pattern: '^([0-9]{5}(-[0-9]{4})?|[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9])$',
    class: 'routing',
    description: 'Postal code: a US ZIP (12345 or 12345-6789) or a Canadian code (A1A 1A1).',
  },
  {
    name: 'country',
    type: 'string',
    pattern: '^[A-Za-z]{2}$',
    default: DEFAULT_COUNTRY,
    class: 'routing',
    description: 'Country abbreviation: US (default) or CA.',
  },
  {
    name: 'location',
    type: 'string',
    pii: true,
    maxLength: 64,
    class: 'routing',
    description: 'Where in the building, for the responders, e.g. "2nd floor, east wing".',
  },
];
