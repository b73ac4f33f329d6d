/**
 * Time frames between the YAML spec, the comparable content and the platform's RecurringTimeframe record
 * (OAS45 `TimeframeDOW`, `TimeframeSpecificDate`, `TimeframeHoliday`: dates `YYYYMMDD`, times `hhmm`).
 * PURE. All normalisation of this kind happens here.
 */
import type { PlatformRecord } from '../../platform/client';
import type { Comparable, ComparableValue } from '../kind';
import { str } from '../normalize';
import { TIME_FRAME_TYPES, type TimeFrameType, WEEKDAYS, type Weekday } from './fields';

export interface DateRangeSpec {
  start_date: string;
  end_date?: string;
  start_time?: string;
  end_time?: string;
  yearly?: boolean;
}
export interface HolidaySpec {
  name: string;
  date: string;
  country?: string;
  yearly?: boolean;
}
export interface TimeFrameSpec {
  name: string;
  type: TimeFrameType;
  days_of_week?: Partial<Record<Weekday, string>>;
  dates?: DateRangeSpec[];
  holidays?: HolidaySpec[];
}

type Row = Record<string, ComparableValue>;

const YEARLY_DATES = 'yearly-on-selected-dates';

/** `09:00-12:00 , 13:00-17:00` → `09:00-12:00,13:00-17:00`. */
export function normalizeHours(hours: string): string {
  return hours.replace(/\s+/g, '');
}

const hhmm = (t: string) => t.replace(':', '');
const hhColonMm = (t: unknown) => {
  const s = str(t).padStart(4, '0');
  return `${s.slice(0, 2)}:${s.slice(2, 4)}`;
};
const yyyymmdd = (d: string) => d.replace(/-/g, '');
const isoDate = (d: unknown) => {
  const s = str(d);
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : s;
};

function dateRow(d: DateRangeSpec): Row {
  return {
    start_date: d.start_date,
    end_date: d.end_date ?? d.start_date,
    start_time: d.start_time ?? '00:00',
    end_time: d.end_time ?? '23:59',
    yearly: d.yearly ?? false,
  };
}

function holidayRow(h: HolidaySpec): Row {
  return { name: h.name.trim(), date: h.date, country: (h.country ?? 'US').toUpperCase(), yearly: h.yearly ?? true };
}

const byFields =
  (...fields: string[]) =>
  (a: Row, b: Row): number => {
    for (const f of fields) {
      const c = str(a[f]).localeCompare(str(b[f]));
      if (c !== 0) return c;
    }
    return 0;
  };
const sortDates = (rows: Row[]) => rows.sort(byFields('start_date', 'start_time', 'end_date', 'end_time'));
const sortHolidays = (rows: Row[]) => rows.sort(byFields('date', 'name'));

export function timeFrameComparable(spec: TimeFrameSpec): Comparable {
  const out: Record<string, ComparableValue> = { name: spec.name.trim(), type: spec.type };
  if (spec.days_of_week !== undefined || spec.type === 'days_of_week') {
    const days: Record<string, string> = {};
    for (const day of WEEKDAYS) {
      const h = spec.days_of_week?.[day];
      if (h !== undefined && h.trim() !== '') days[day] = normalizeHours(h);
    }
    out.days_of_week = days;
  }
  if (spec.dates !== undefined || spec.type === 'specific_dates')
    out.dates = sortDates((spec.dates ?? []).map(dateRow));
  if (spec.holidays !== undefined || spec.type === 'holidays')
    out.holidays = sortHolidays((spec.holidays ?? []).map(holidayRow));
  return out;
}

function typeOf(record: PlatformRecord): string {
  const api = str(record['timeframe-type']);
  const found = (Object.entries(TIME_FRAME_TYPES) as [TimeFrameType, string][]).find(([, v]) => v === api);
  // A type pbxctl does not model (`custom`) is shown as the platform names it: a plan replaces it.
  return found ? found[0] : api;
}

const rows = (v: unknown): PlatformRecord[] => (Array.isArray(v) ? (v as PlatformRecord[]) : []);

function liveDays(record: PlatformRecord): Record<string, string> {
  const days: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    const ranges: string[] = [];
    for (const e of rows(record['timeframe-days-of-week-array'])) {
      for (const n of [1, 2]) {
        const begin = str(e[`timeframe-weekly-${day}-begin-time-${n}`]);
        const end = str(e[`timeframe-weekly-${day}-end-time-${n}`]);
        if (begin !== '' && end !== '') ranges.push(`${hhColonMm(begin)}-${hhColonMm(end)}`);
      }
    }
    if (ranges.length > 0) days[day] = ranges.join(',');
  }
  return days;
}

export function liveTimeFrameComparable(record: PlatformRecord): Comparable {
  return {
    name: str(record['timeframe-name']),
    type: typeOf(record),
    days_of_week: liveDays(record),
    dates: sortDates(
      rows(record['timeframe-specific-dates-array']).map((e) => ({
        start_date: isoDate(e['timeframe-specific-dates-begin-date']),
        end_date: isoDate(e['timeframe-specific-dates-end-date']),
        start_time: hhColonMm(e['timeframe-specific-dates-begin-time']),
        end_time: hhColonMm(e['timeframe-specific-dates-end-time']),
        yearly:
          str(e['timeframe-recurrence-type']) === YEARLY_DATES ||
          str(e['timeframe-recurrence-type']) === 'annual-month-day',
      })),
    ),
    holidays: sortHolidays(
      rows(record['timeframe-holiday-array']).map((e) => ({
        name: str(e['timeframe-holiday-name']),
        date: isoDate(e['timeframe-holiday-begin-date']),
        country: str(e['country-abbreviation']).toUpperCase(),
        yearly: str(e['timeframe-recurrence-type']) === 'yearlyOnHoliday',
      })),
    ),
  };
}

/** The days-of-week entry: one TimeframeDOW with up to two ranges a day. */
function dowEntry(days: Readonly<Record<string, ComparableValue>>): PlatformRecord {
  // Every week, for ever: the custom-recurrence fields the spec requires are left empty.
  const e: PlatformRecord = {
    'timeframe-recurrence-type': 'weekly',
    'timeframe-recurrence-begin-date': '',
    'timeframe-recurrence-custom-interval': '',
    'timeframe-recurrence-custom-interval-count': '',
    'timeframe-recurrence-custom-interval-option': '',
    'timeframe-recurrence-end-option': 'never',
    'timeframe-recurrence-end-date': '',
  };
  for (const day of WEEKDAYS) {
    const ranges = str(days[day])
      .split(',')
      .filter((r) => r !== '');
    ranges.slice(0, 2).forEach((r, i) => {
      const [begin, end] = r.split('-');
      e[`timeframe-weekly-${day}-begin-time-${i + 1}`] = hhmm(str(begin));
      e[`timeframe-weekly-${day}-end-time-${i + 1}`] = hhmm(str(end));
    });
  }
  return e;
}

function dateEntry(r: Readonly<Record<string, ComparableValue>>): PlatformRecord {
  return {
    'timeframe-specific-dates-begin-date': yyyymmdd(str(r.start_date)),
    'timeframe-specific-dates-begin-time': hhmm(str(r.start_time)),
    'timeframe-specific-dates-end-date': yyyymmdd(str(r.end_date)),
    'timeframe-specific-dates-end-time': hhmm(str(r.end_time)),
    'timeframe-recurrence-type': r.yearly === true ? YEARLY_DATES : 'doesNotRecur',
    'timeframe-recurrence-custom-interval': '',
    'timeframe-recurrence-custom-interval-count': '',
    'timeframe-recurrence-custom-interval-option': '',
    'timeframe-recurrence-end-option': r.yearly === true ? 'never' : '',
    'timeframe-recurrence-end-date': '',
  };
}

/** Every field the spec marks required; the Holiday API's uuid and location hint are not known to a file. */
function holidayEntry(r: Readonly<Record<string, ComparableValue>>): PlatformRecord {
  const e: PlatformRecord = {
    'timeframe-holiday-uuid': '',
    'timeframe-holiday-name': str(r.name),
    'timeframe-holiday-begin-date': yyyymmdd(str(r.date)),
    'country-abbreviation': str(r.country),
    'state-province-abbreviation': '',
    'holiday-api-location-hint': '',
    'timeframe-holiday-begin-time-1': '0000',
    'timeframe-holiday-end-time-1': '2359',
    'timeframe-holiday-begin-time-2': '',
    'timeframe-holiday-end-time-2': '',
    'timeframe-workweek-list': 'M,T,W,Th,F',
    'timeframe-recurrence-type': r.yearly === true ? 'yearlyOnHoliday' : 'never',
    'timeframe-recurrence-end-option': r.yearly === true ? 'never' : '',
    'timeframe-recurrence-end-date': '',
  };
  for (const day of WEEKDAYS) e[`timeframe-weekly-${day}-observance-option`] = 'observe-on-holiday-only';
  return e;
}

const asRows = (v: ComparableValue | undefined) => (Array.isArray(v) ? (v as Record<string, ComparableValue>[]) : []);

/** The entry array a time frame of this type carries, from comparable content (field name → entries). */
export function platformEntries(content: Comparable): PlatformRecord {
  switch (content.type) {
    case 'days_of_week':
      return {
        'timeframe-days-of-week-array': [dowEntry((content.days_of_week ?? {}) as Record<string, ComparableValue>)],
      };
    case 'specific_dates':
      return { 'timeframe-specific-dates-array': asRows(content.dates).map(dateEntry) };
    case 'holidays':
      return { 'timeframe-holiday-array': asRows(content.holidays).map(holidayEntry) };
    default:
      return {};
  }
}

export function apiType(type: ComparableValue | undefined): string {
  return TIME_FRAME_TYPES[str(type) as TimeFrameType] ?? str(type);
}
