// Is a stored time frame (RecurringTimeframe record) in effect at an instant, in the domain's time zone?
// Used for the answer rules' read-only `is-active` (OAS45: "true if this timeframe is active for this user
// when taking into account current settings, date/time and all timeframes"). Weekly ranges are HHMM
// begin/end per day (end minute included), specific dates YYYYMMDD with HHMM times, holidays whole days.

import type { JsonRecord } from './types';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const rows = (v: unknown): JsonRecord[] => (Array.isArray(v) ? (v as JsonRecord[]) : []);
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

interface Wall {
  readonly weekday: string;
  /** YYYYMMDD */
  readonly date: string;
  /** HHMM */
  readonly time: string;
}

function wallClock(at: Date, timeZone: string): Wall {
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    zone = 'UTC';
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'long',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return {
    weekday: get('weekday').toLowerCase(),
    date: `${get('year')}${get('month')}${get('day')}`,
    time: `${get('hour')}${get('minute')}`,
  };
}

function weekly(record: JsonRecord, w: Wall): boolean {
  if (!DAYS.includes(w.weekday)) return false;
  return rows(record['timeframe-days-of-week-array']).some((e) =>
    [1, 2].some((n) => {
      const begin = text(e[`timeframe-weekly-${w.weekday}-begin-time-${n}`]);
      const end = text(e[`timeframe-weekly-${w.weekday}-end-time-${n}`]);
      return begin !== '' && end !== '' && w.time >= begin && w.time <= end;
    }),
  );
}

function dated(record: JsonRecord, w: Wall): boolean {
  return rows(record['timeframe-specific-dates-array']).some((e) => {
    const yearly =
      text(e['timeframe-recurrence-type']).startsWith('annual') ||
      text(e['timeframe-recurrence-type']).startsWith('yearly');
    const cut = (d: string) => (yearly ? d.slice(4) : d);
    const startDate = text(e['timeframe-specific-dates-begin-date']);
    const start = `${cut(startDate)}${text(e['timeframe-specific-dates-begin-time']) || '0000'}`;
    const end = `${cut(text(e['timeframe-specific-dates-end-date']) || startDate)}${text(e['timeframe-specific-dates-end-time']) || '2359'}`;
    const now = `${cut(w.date)}${w.time}`;
    return start <= end ? now >= start && now <= end : now >= start || now <= end;
  });
}

function holiday(record: JsonRecord, w: Wall): boolean {
  return rows(record['timeframe-holiday-array']).some((e) => {
    const d = text(e['timeframe-holiday-begin-date']);
    return text(e['timeframe-recurrence-type']) === 'yearlyOnHoliday'
      ? d.slice(4) === w.date.slice(4) && d <= w.date
      : d === w.date;
  });
}

export function timeframeActive(record: JsonRecord, at: Date, timeZone: string): boolean {
  const w = wallClock(at, timeZone);
  if (text(record['timeframe-type']) === 'always') return true;
  return weekly(record, w) || dated(record, w) || holiday(record, w);
}
