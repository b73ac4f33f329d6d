import type { FieldSpec } from '../kind';

/** The phone slots a platform contact has (`phonenumber-<slot>`, OAS45 Contact). */
export const CONTACT_PHONE_SLOTS = ['work', 'cell', 'fax', 'home'] as const;
export type ContactPhoneSlot = (typeof CONTACT_PHONE_SLOTS)[number];

/**
 * The fields of a `shared_contacts:` entry — the domain-wide directory. Identity is first name + last name +
 * company (case-insensitive): changing one of them is a different contact, not a rename.
 */
export const SHARED_CONTACT_FIELDS: readonly FieldSpec[] = [
  {
    name: 'first_name',
    type: 'string',
    required: true,
    pii: true,
    class: 'cosmetic',
    description: 'First name (part of the identity).',
  },
  { name: 'last_name', type: 'string', pii: true, class: 'cosmetic', description: 'Last name (part of the identity).' },
  { name: 'company', type: 'string', class: 'cosmetic', description: 'Company (part of the identity).' },
  { name: 'email', type: 'string', format: 'email', pii: true, class: 'cosmetic', description: 'E-mail address.' },
  {
    name: 'phones',
    type: 'object',
    class: 'cosmetic',
    description: 'Phone numbers by type; omitted types are left as they are.',
    fields: CONTACT_PHONE_SLOTS.map(
      (slot): FieldSpec => ({
        name: slot,
        type: 'string',
        format: 'phone',
        pii: true,
        class: 'cosmetic',
        description: `${slot[0]?.toUpperCase()}${slot.slice(1)} number.`,
      }),
    ),
  },
  {
    name: 'tags',
    type: 'list',
    items: 'string',
    set: true,
    class: 'cosmetic',
    description: 'Tags (compared as a set).',
  },
];
