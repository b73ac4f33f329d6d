import type { FieldSpec } from '../kind';
import { answeringRulesFields } from '../user/answering-rules';
import { answeringFields } from '../user/fields';

const EXTENSION_PATTERN = '^[0-9]{2,16}$';

/** A member written as a bare extension (`"1002"`; quoted, as YAML reads 0110 as 110): rings for the group's whole ring timeout. */
const MEMBER_SHORTHAND = { anyOf: [{ type: 'string', pattern: EXTENSION_PATTERN }] };

/** The same list, with shorthand and long-form entries mixed (`[{ extension: "1001", delay_seconds: 10 }, "1002"]`). */
const MIXED_MEMBERS = {
  type: 'array',
  items: {
    anyOf: [
      ...MEMBER_SHORTHAND.anyOf,
      {
        type: 'object',
        properties: {
          extension: MEMBER_SHORTHAND,
          delay_seconds: { type: 'integer', minimum: 1, maximum: 3600 },
        },
        required: ['extension'],
        additionalProperties: false,
      },
    ],
  },
};

/** Fallback targets: the portal's "If no answer" choices on the Add Ring Group form. */
export const FALLBACK_TARGETS = ['user', 'voicemail', 'group_voicemail', 'auto_attendant', 'call_queue'] as const;

/** The fields of a `ring_groups:` entry — the portal's Add Ring Group form. */
export const RING_GROUP_FIELDS: readonly FieldSpec[] = [
  {
    name: 'extension',
    type: 'string',
    format: 'extension',
    required: true,
    forceNew: true,
    class: 'routing',
    description: 'Extension of the ring group (a user id on the platform). Changing it replaces the group.',
  },
  {
    name: 'name',
    type: 'string',
    required: true,
    class: 'cosmetic',
    description: 'Name shown in the portal and directory.',
  },
  { name: 'department', type: 'string', class: 'cosmetic', description: 'Department (created on first use).' },
  { name: 'site', type: 'string', class: 'routing', description: 'Site the group belongs to.' },
  {
    name: 'members',
    type: 'object-list',
    class: 'routing',
    description:
      'Extensions rung at the same time, in order. Each is an extension, or { extension, delay_seconds } to start ringing that member later (the portal\'s "Ring Delay (sec)", stored as `;delay=N`).',
    yamlAlternatives: [MIXED_MEMBERS],
    fields: [
      {
        name: 'extension',
        type: 'string',
        format: 'extension',
        required: true,
        class: 'routing',
        description: 'Member extension.',
      },
      {
        name: 'delay_seconds',
        type: 'integer',
        minimum: 1,
        maximum: 3600,
        class: 'routing',
        description: 'Seconds after the group starts ringing before this member rings (default: at once).',
      },
    ],
  },
  {
    name: 'ring_timeout',
    type: 'integer',
    minimum: 1,
    maximum: 3600,
    class: 'routing',
    description: 'Seconds the group rings before the fallback takes the call.',
  },
  {
    name: 'fallback',
    type: 'object',
    maxProperties: 1,
    class: 'routing',
    description:
      'Where unanswered calls go — exactly one of: user, voicemail (a user mailbox), group_voicemail: true (the group mailbox), auto_attendant, call_queue.',
    fields: [
      { name: 'user', type: 'string', format: 'extension', class: 'routing', description: 'Ring this user.' },
      {
        name: 'voicemail',
        type: 'string',
        format: 'extension',
        class: 'routing',
        description: "This user's voicemail box.",
      },
      { name: 'group_voicemail', type: 'boolean', class: 'routing', description: "The group's own voicemail box." },
      {
        name: 'auto_attendant',
        type: 'string',
        format: 'extension',
        class: 'routing',
        description: 'This auto attendant.',
      },
      { name: 'call_queue', type: 'string', format: 'extension', class: 'routing', description: 'This call queue.' },
    ],
  },
  ...answeringFields('Numbers always let through (bypass screening).', 'Numbers rejected before the group rings'),
  ...answeringRulesFields(true),
];
