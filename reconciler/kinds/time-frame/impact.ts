/**
 * What a change to a time frame does to calls, in words. PURE; names days, hours and counts (a time
 * frame's dates and hours are not personal data).
 */
import type { Comparable, ComparableValue } from '../kind';
import { str } from '../normalize';
import { WEEKDAYS } from './fields';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const rowsOf = (v: ComparableValue | undefined) => (Array.isArray(v) ? v.length : 0);

export function timeFrameImpact(
  key: string,
  before: Comparable,
  after: Comparable,
  changed: readonly string[],
): string[] {
  const lines: string[] = [];
  const who = `answering rules on time frame "${key}"`;
  if (changed.includes('type')) lines.push(`${who} now apply ${describe(after)} (was ${describe(before)})`);
  else if (changed.some((f) => f.startsWith('days_of_week'))) {
    const b = (before.days_of_week ?? {}) as Record<string, ComparableValue>;
    const a = (after.days_of_week ?? {}) as Record<string, ComparableValue>;
    for (const day of WEEKDAYS) {
      if (str(a[day]) === str(b[day])) continue;
      lines.push(`${who} apply on ${day} ${str(a[day]) || 'never'} (was ${str(b[day]) || 'never'})`);
    }
  } else if (changed.some((f) => f.startsWith('dates') || f.startsWith('holidays'))) {
    lines.push(`${who} now apply ${describe(after)} (was ${describe(before)})`);
  }
  return lines;
}

function describe(c: Comparable): string {
  switch (c.type) {
    case 'always':
      return 'at all times';
    case 'days_of_week': {
      const days = Object.keys((c.days_of_week ?? {}) as object);
      return `on ${count(days.length, 'day')} a week`;
    }
    case 'specific_dates':
      return `on ${count(rowsOf(c.dates), 'date range')}`;
    case 'holidays':
      return `on ${count(rowsOf(c.holidays), 'holiday')}`;
    default:
      return `as a ${str(c.type)} time frame`;
  }
}
