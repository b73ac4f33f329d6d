import type { FieldSpec } from '../kind';

/** Days as the API names them (`timeframe-weekly-<day>-begin-time-1`), in display order. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** YAML values of `type`, and the API's `RecurringTimeframeType` for each. */
export const TIME_FRAME_TYPES = {
  always: 'always',
  days_of_week: 'days-of-week',
  specific_dates: 'specific-dates',
  holidays: 'holiday',
} as const;
export type TimeFrameType = keyof typeof TIME_FRAME_TYPES;

const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]';
const RANGE = `${TIME}-${TIME}`;
/** One or two ranges a day (the API has `…-begin-time-1/2`): `09:00-17:00` or `09:00-12:00, 13:00-17:00`. */
export const HOURS_PATTERN = `^${RANGE}( ?, ?${RANGE})?$`;
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
export const TIME_PATTERN = `^${TIME}$`;

/** The fields of a `time_frames:` entry — a domain (shared) time frame, used by answering rules by name. */
export const TIME_FRAME_FIELDS: readonly FieldSpec[] = [
  {
    name: 'name',
    type: 'string',
    required: true,
    forceNew: true,
    maxLength: 64,
    pattern: '^[^/*]*[^/*\\s][^/*]*$',
    class: 'routing',
    description:
      'Name of the time frame; answering rules refer to it by this name. Another name is another time frame.',
  },
  {
    name: 'type',
    type: 'string',
    required: true,
    enum: Object.keys(TIME_FRAME_TYPES),
    class: 'routing',
    description:
      'always; days_of_week (with days_of_week); specific_dates (with dates); holidays (with holidays). Changing it converts the time frame.',
  },
  {
    name: 'days_of_week',
    type: 'object',
    class: 'routing',
    description: 'Hours per day (type days_of_week), in the domain time zone; days left out are not in the time frame.',
    fields: WEEKDAYS.map(
      (day): FieldSpec => ({
        name: day,
        type: 'string',
        pattern: HOURS_PATTERN,
        class: 'routing',
        description: `Hours on ${day[0]?.toUpperCase()}${day.slice(1)}s: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".`,
      }),
    ),
  },
  {
    name: 'dates',
    type: 'object-list',
    class: 'routing',
    description: 'Date ranges (type specific_dates), in the domain time zone.',
    fields: [
      {
        name: 'start_date',
        type: 'string',
        required: true,
        pattern: DATE_PATTERN,
        class: 'routing',
        description: 'First day, YYYY-MM-DD.',
      },
      {
        name: 'end_date',
        type: 'string',
        pattern: DATE_PATTERN,
        class: 'routing',
        description: 'Last day, YYYY-MM-DD (default: start_date).',
      },
      {
        name: 'start_time',
        type: 'string',
        pattern: TIME_PATTERN,
        class: 'routing',
        description: 'Start time on the first day, HH:MM (default 00:00).',
      },
      {
        name: 'end_time',
        type: 'string',
        pattern: TIME_PATTERN,
        class: 'routing',
        description: 'End time on the last day, HH:MM (default 23:59).',
      },
      {
        name: 'yearly',
        type: 'boolean',
        class: 'routing',
        description: 'Repeat every year on the same dates (default: no).',
      },
    ],
  },
  {
    name: 'holidays',
    type: 'object-list',
    class: 'routing',
    description: 'Holidays (type holidays), whole days, observed on the day itself.',
    fields: [
      {
        name: 'name',
        type: 'string',
        required: true,
        class: 'cosmetic',
        description: 'Holiday name, e.g. "Christmas Day".',
      },
      {
        name: 'date',
        type: 'string',
        required: true,
        pattern: DATE_PATTERN,
        class: 'routing',
        description: 'First occurrence, YYYY-MM-DD.',
      },
      {
        name: 'country',
        type: 'string',
        pattern: '^[A-Za-z]{2}$',
        class: 'cosmetic',
        description: 'Country code (default US).',
      },
      {
        name: 'yearly',
        type: 'boolean',
        class: 'routing',
        description: 'Recur every year on the holiday (default: yes).',
      },
    ],
  },
];
