import type { FieldSpec } from '../kind';

/** Destinations a number can be routed to (the portal's Inventory "Treatment" choices pbxctl manages). */
export const DESTINATIONS = ['user', 'ring_group', 'auto_attendant', 'voicemail', 'call_queue', 'hangup'] as const;
export type Destination = (typeof DESTINATIONS)[number];

const ext = (name: string, description: string): FieldSpec => ({
  name,
  type: 'string',
  format: 'extension',
  class: 'routing',
  description,
});

/** The fields of a `phone_numbers:` entry — the routing of a number already in the domain's inventory. */
export const PHONE_NUMBER_FIELDS: readonly FieldSpec[] = [
  {
    name: 'number',
    type: 'string',
    format: 'phone',
    required: true,
    forceNew: true,
    pii: true,
    class: 'routing',
    description: 'The number (E.164), already in the domain inventory: pbxctl never buys or releases numbers.',
  },
  {
    name: 'destination',
    type: 'object',
    required: true,
    maxProperties: 1,
    class: 'routing',
    description:
      'Where calls to the number go — exactly one of: user, ring_group, auto_attendant, voicemail, call_queue, hangup: true.',
    fields: [
      ext('user', 'Ring this user.'),
      ext('ring_group', 'Ring this ring group.'),
      ext('auto_attendant', 'Answer with this auto attendant.'),
      ext('voicemail', "Straight to this user's voicemail box."),
      ext('call_queue', 'This call queue.'),
      { name: 'hangup', type: 'boolean', class: 'routing', description: 'Hang up (the number rings nowhere).' },
    ],
  },
  {
    name: 'caller_name_prefix',
    type: 'string',
    maxLength: 32,
    class: 'cosmetic',
    description: 'Prefix added to the caller name, e.g. "Sales: " (empty: none).',
  },
  { name: 'enabled', type: 'boolean', class: 'routing', description: 'Whether the number takes calls (default yes).' },
];
