import type { FieldSpec } from '../kind';
import { destinationField } from '../call-queue/destination';

/** Menu keys in the order the platform lists them (AutoAttendantTier `option-1` … `option-0`, `option-*`). */
export const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*'] as const;
/** What a caller who presses nothing (or a key with no option) gets: AutoAttendantFailOptions. */
const FAIL_PATTERN = '^(repeat|hangup|[0-9*])$';
const FAIL_WORDS =
  '"repeat" (play the menu again, the platform default), "hangup", or a menu digit (that option\'s destination)';

/** The fields of an `auto_attendants:` entry — the portal's Auto Attendant (one menu, one time frame). */
export const AUTO_ATTENDANT_FIELDS: readonly FieldSpec[] = [
  {
    name: 'extension',
    type: 'string',
    format: 'extension',
    required: true,
    forceNew: true,
    class: 'routing',
    description: 'Extension of the attendant (its system user). Changing it replaces the attendant.',
  },
  {
    name: 'name',
    type: 'string',
    required: true,
    class: 'cosmetic',
    description: 'Name of the attendant (`attendant-name`).',
  },
  {
    name: 'time_frame',
    type: 'string',
    class: 'routing',
    description:
      'Name of the time frame this menu serves ("*" = always, the default on create). Changing it re-creates the menu.',
  },
  {
    name: 'greeting',
    type: 'string',
    class: 'cosmetic',
    description:
      'Name of a greeting already on the platform, played before the menu. pbxctl references greetings by name only: recording or uploading audio is out of scope.',
  },
  {
    name: 'options',
    type: 'object-list',
    class: 'routing',
    description: 'The menu: which key sends the caller where. Keys the list does not name do nothing.',
    fields: [
      {
        name: 'digit',
        type: 'string',
        enum: [...DIGITS],
        required: true,
        class: 'routing',
        description: 'The key the caller presses: 0–9 or *.',
      },
      destinationField('destination', 'Where the key sends the caller', true),
    ],
  },
  {
    name: 'no_input',
    type: 'string',
    pattern: FAIL_PATTERN,
    class: 'routing',
    description: `When the caller presses nothing: ${FAIL_WORDS}.`,
  },
  {
    name: 'invalid',
    type: 'string',
    pattern: FAIL_PATTERN,
    class: 'routing',
    description: `When the caller presses a key with no option: ${FAIL_WORDS}.`,
  },
];
