/**
 * Is a time frame in effect at an instant? Evaluated in the domain's time zone with `Intl` (a time
 * frame record has no zone of its own). PURE. Reads time-frame content as the `time_frame` kind's
 * comparable holds it: `type`, `days_of_week` (`"09:00-12:00,13:00-17:00"` per day), `dates`
 * (`start_date`…`end_time`, `yearly`), `holidays` (`date`, `yearly`; whole days).
 */
import type { Comparable, ComparableValue } from '../kinds/kind';

export interface LocalTime {
  /** `monday` … `sunday`. */
  readonly weekday: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:MM`, 24 h. */
  readonly time: string;
}

/** The wall-clock date, time and weekday at `at` in `timeZone` (throws RangeError on an unknown zone). */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: get('weekday').toLowerCase(),
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

const text = (v: ComparableValue | undefined) => (typeof v === 'string' ? v : '');
const rows = (v: ComparableValue | undefined) =>
  Array.isArray(v) ? (v as readonly Readonly<Record<string, ComparableValue>>[]) : [];

/** `HH:MM` within `begin-end` (the end minute included, as `23:59` means "to the end of the day"). */
function inRange(time: string, range: string): boolean {
  const [begin, end] = range.split('-');
  return begin !== undefined && end !== undefined && time >= begin && time <= end;
}

function inDateRange(t: LocalTime, r: Readonly<Record<string, ComparableValue>>): boolean {
  const yearly = r.yearly === true;
  const cut = (d: string) => (yearly ? d.slice(5) : d);
  const start = `${cut(text(r.start_date))} ${text(r.start_time) || '00:00'}`;
  const end = `${cut(text(r.end_date) || text(r.start_date))} ${text(r.end_time) || '23:59'}`;
  const now = `${cut(t.date)} ${t.time}`;
  return start <= end ? now >= start && now <= end : now >= start || now <= end;
}

export function timeFrameActive(content: Comparable, at: LocalTime): boolean {
  switch (content.type) {
    case 'always':
      return true;
    case 'days_of_week': {
      const days = (content.days_of_week ?? {}) as Readonly<Record<string, ComparableValue>>;
      return text(days[at.weekday])
        .split(',')
        .some((range) => range !== '' && inRange(at.time, range));
    }
    case 'specific_dates':
      return rows(content.dates).some((r) => inDateRange(at, r));
    case 'holidays':
      return rows(content.holidays).some((h) =>
        h.yearly === false
          ? text(h.date) === at.date
          : text(h.date).slice(5) === at.date.slice(5) && text(h.date) <= at.date,
      );
    default:
      return false;
  }
}
