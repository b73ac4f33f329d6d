import type { FieldSpec } from '../kind';

/**
 * The fields of a `sites:` entry: a site of the domain (`/domains/{d}/sites`), keyed by name. A site holds
 * the defaults users created at it inherit (docs/reference/netsapiens-api.md §10); these are the ones pbxctl
 * manages. The API has no site delete.
 */
export const SITE_FIELDS: readonly FieldSpec[] = [
  {
    name: 'name',
    type: 'string',
    required: true,
    forceNew: true,
    maxLength: 64,
    pattern: '^[^/\\\\%?#]*[^/\\\\%?#\\s][^/\\\\%?#]*$',
    class: 'routing',
    description: 'Name of the site; users refer to it by this name. Another name is another site.',
  },
  {
    name: 'time_zone',
    type: 'string',
    class: 'routing',
    description: 'Time zone of the site, e.g. America/New_York (users created here inherit it).',
  },
  {
    name: 'area_code',
    type: 'integer',
    minimum: 100,
    maximum: 999,
    class: 'routing',
    description: 'Area code for 7-digit dialling from the site.',
  },
  { name: 'caller_id_name', type: 'string', class: 'routing', description: 'Outbound caller ID name of the site.' },
  {
    name: 'caller_id_number',
    type: 'string',
    format: 'phone',
    pii: true,
    class: 'routing',
    description: 'Outbound caller ID number of the site.',
  },
  {
    name: 'emergency_caller_id',
    type: 'string',
    format: 'phone',
    pii: true,
    class: 'routing',
    description: 'Emergency (E911) caller ID number of the site.',
  },
  {
    name: 'emergency_address',
    type: 'string',
    class: 'routing',
    description: "Name of the site's emergency address (an `emergency_addresses` entry, or one on the platform).",
  },
];
