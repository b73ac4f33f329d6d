import type { FieldSpec } from '../kind';
import { SUFFIX_PATTERN } from './devices';
import { RECYCLE_MODES } from './recycle-modes';
import { answeringRulesFields } from './answering-rules';
import { USER_TIME_FRAMES_FIELD } from './user-time-frames';

/** `user-scope` values of the platform (docs/reference/netsapiens-api.md §1.4, OpenAPI `Scopes`). */
export const USER_SCOPES = [
  'Basic User',
  'Simple User',
  'Advanced User',
  'Call Center Agent',
  'Site Manager',
  'Call Center Supervisor',
  'Office Manager',
  'Reseller',
  'Super User',
  'NDP',
  'No Portal',
] as const;

export const SPAM_ACTIONS = ['ring', 'voicemail', 'drop', 'screen'] as const;
export const EMAIL_NOTIFICATIONS = ['none', 'notify', 'attach'] as const;

/**
 * spam / allow / block: the default answer rule's Allow/Block settings, which users and ring groups
 * (a ring group is a user record too) share.
 */
export function answeringFields(allowDescription: string, blockPrefix: string): FieldSpec[] {
  return [
    {
      name: 'spam',
      type: 'string',
      enum: [...SPAM_ACTIONS],
      class: 'routing',
      description: 'What to do with calls flagged as spam: ring as normal, send to voicemail, drop, or screen.',
    },
    {
      name: 'allow',
      type: 'list',
      items: 'phone',
      set: true,
      pii: true,
      class: 'routing',
      description: allowDescription,
    },
    {
      name: 'block',
      type: 'list',
      items: 'phone',
      set: true,
      pii: true,
      class: 'routing',
      description: `${blockPrefix}; \`anonymous\` and \`unknown\` are allowed.`,
    },
  ];
}

/** The fields of a `users:` entry — the portal's Add User form and Edit tabs, as far as the API exposes them. */
export const USER_FIELDS: readonly FieldSpec[] = [
  {
    name: 'extension',
    type: 'string',
    format: 'extension',
    required: true,
    forceNew: true,
    class: 'routing',
    description: 'Extension number (the platform user id). Changing it replaces the user.',
  },
  { name: 'first_name', type: 'string', required: true, pii: true, class: 'cosmetic', description: 'First name.' },
  { name: 'last_name', type: 'string', required: true, pii: true, class: 'cosmetic', description: 'Last name.' },
  {
    name: 'email',
    type: 'string',
    format: 'email',
    pii: true,
    class: 'cosmetic',
    description: 'E-mail address (welcome mail, voicemail notifications); several separated by `;`.',
  },
  { name: 'department', type: 'string', class: 'cosmetic', description: 'Department (created on first use).' },
  {
    name: 'site',
    type: 'string',
    class: 'routing',
    description: 'Name of the site (a `sites` entry, or one on the platform); new users inherit its defaults.',
  },
  {
    name: 'scope',
    type: 'string',
    class: 'routing',
    default: 'Basic User',
    description: `The platform's user scope (portal permissions): ${USER_SCOPES.join(', ')}, or a portal label mapped in platform.scope_labels.`,
  },
  {
    name: 'time_zone',
    type: 'string',
    class: 'routing',
    description: 'Time zone, e.g. America/New_York (affects time-of-day routing).',
  },
  { name: 'caller_id_name', type: 'string', class: 'routing', description: 'Outbound caller ID name.' },
  {
    name: 'caller_id_number',
    type: 'string',
    format: 'phone',
    pii: true,
    class: 'routing',
    description: 'Outbound caller ID number.',
  },
  {
    name: 'emergency_caller_id',
    type: 'string',
    format: 'phone',
    pii: true,
    class: 'routing',
    description: 'Emergency (E911) caller ID number.',
  },
  {
    name: 'emergency_address',
    type: 'string',
    class: 'routing',
    description:
      'Name of the emergency address (an `emergency_addresses` entry, or one on the platform) that emergency calls report.',
  },
  {
    name: 'ring_timeout',
    type: 'integer',
    minimum: 0,
    maximum: 3600,
    class: 'routing',
    description: 'Seconds an inbound call rings before no-answer handling (voicemail).',
  },
  {
    name: 'voicemail',
    type: 'object',
    class: 'routing',
    description: 'Voicemail box settings.',
    fields: [
      { name: 'enabled', type: 'boolean', class: 'routing', description: 'Enable voicemail.' },
      {
        name: 'pin',
        type: 'secret',
        class: 'cosmetic',
        description: 'Voicemail PIN, as a reference to an environment variable: { env: NAME }.',
      },
      {
        name: 'email_notification',
        type: 'string',
        enum: [...EMAIL_NOTIFICATIONS],
        class: 'cosmetic',
        description: 'E-mail on new voicemail: none, notify, or attach the message.',
      },
      { name: 'transcription', type: 'boolean', class: 'cosmetic', description: 'Transcribe voicemail messages.' },
    ],
  },
  {
    name: 'phone',
    type: 'object',
    class: 'routing',
    description: 'The desk phone ("Add Phone Extension"): true, false, or { mac, model } for MAC provisioning.',
    yamlAlternatives: [{ type: 'boolean' }],
    fields: [
      {
        name: 'enabled',
        type: 'boolean',
        defaultWhenOmitted: true,
        class: 'routing',
        description: 'false removes the desk phone (the same as phone: false; the spelling Terraform can express).',
      },
      { name: 'mac', type: 'string', format: 'mac', class: 'routing', description: 'MAC address to provision.' },
      { name: 'model', type: 'string', class: 'routing', description: 'Phone model, e.g. yealink-t54w.' },
      {
        name: 'emergency_address',
        type: 'string',
        class: 'routing',
        description:
          "Name of the emergency address (an `emergency_addresses` entry) this device's emergency calls report.",
      },
    ],
  },
  {
    name: 'phones',
    type: 'object-list',
    class: 'routing',
    description:
      'Every device of the user (desk phones by MAC and model, softphones), instead of phone:. The first is named after the extension, the next ones get the suffixes a, b, … (1001, 1001a, 1001b); devices not listed are removed.',
    fields: [
      {
        name: 'suffix',
        type: 'string',
        pattern: SUFFIX_PATTERN,
        class: 'routing',
        description: 'Device name after the extension ("" = the extension itself); default: by position ("", a, b …).',
      },
      { name: 'mac', type: 'string', format: 'mac', class: 'routing', description: 'MAC address of a desk phone.' },
      { name: 'model', type: 'string', class: 'routing', description: 'Phone model, e.g. yealink-t54w.' },
      {
        name: 'line',
        type: 'integer',
        minimum: 1,
        maximum: 8,
        class: 'routing',
        description: 'Line key of the desk phone this device takes (1–8, default 1); needs mac.',
      },
      {
        name: 'emergency_address',
        type: 'string',
        class: 'routing',
        description:
          "Name of the emergency address (an `emergency_addresses` entry) this device's emergency calls report.",
      },
    ],
  },
  ...answeringFields(
    'Numbers always let through (bypass do-not-disturb and screening).',
    'Numbers rejected before any forwarding',
  ),
  ...answeringRulesFields(false),
  USER_TIME_FRAMES_FIELD,
  {
    name: 'welcome_email',
    type: 'boolean',
    default: true,
    notCompared: true,
    class: 'cosmetic',
    description: 'Send the welcome e-mail after the user is created (default true).',
  },
  {
    name: 'recycle',
    type: 'string',
    enum: [...RECYCLE_MODES],
    default: 'reset',
    notCompared: true,
    class: 'cosmetic',
    description:
      'How a different person at this extension is set up (needs --allow-recycle): reset keeps the user record as the portal does; recreate deletes and creates it (time frames, addresses, SIP passwords go too).',
  },
];
