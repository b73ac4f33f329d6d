/**
 * The instants a plan compares call flows at, as wall-clock times (no clock, no time zone maths): one
 * ordinary week (with no holiday or special date in it), at midnight and at every boundary of every
 * time frame, plus each holiday and special date of either state. Between two boundaries no time frame
 * starts or ends, so these instants see every path a call can take. PURE.
 */
import type { Comparable, ComparableValue } from '../kinds/kind';
import { type LocalTime, timeFrameActive } from './time-frames';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
type Obj = Readonly<Record<string, ComparableValue>>;
const rows = (v: ComparableValue | undefined) => (Array.isArray(v) ? (v as Obj[]) : []);
const text = (v: ComparableValue | undefined) => (typeof v === 'string' ? v : '');

function plusMinute(hhmm: string): string | undefined {
  const [h, m] = hhmm.split(':').map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) return undefined;
  const t = h * 60 + m + 1;
  if (t >= 24 * 60) return undefined;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/** Every time of day at which some time frame starts or stops being in effect. */
function boundaries(frames: readonly Comparable[]): string[] {
  const out = new Set<string>(['00:00']);
  for (const f of frames) {
    for (const ranges of Object.values((f.days_of_week ?? {}) as Obj)) {
      for (const range of text(ranges).split(',')) {
        const [begin, end] = range.trim().split('-');
        if (begin) out.add(begin.trim());
        const after = end ? plusMinute(end.trim()) : undefined;
        if (after) out.add(after);
      }
    }
    for (const d of rows(f.dates)) {
      if (text(d.start_time)) out.add(text(d.start_time));
      const after = text(d.end_time) ? plusMinute(text(d.end_time)) : undefined;
      if (after) out.add(after);
    }
  }
  return [...out].filter((t) => /^\d\d:\d\d$/.test(t)).sort();
}

function dayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()] as string;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Dates named by holidays and special dates (either state). */
function specialDates(frames: readonly Comparable[]): string[] {
  const out = new Set<string>();
  for (const f of frames) {
    for (const h of rows(f.holidays)) if (/^\d{4}-\d\d-\d\d$/.test(text(h.date))) out.add(text(h.date));
    for (const d of rows(f.dates)) if (/^\d{4}-\d\d-\d\d$/.test(text(d.start_date))) out.add(text(d.start_date));
  }
  return [...out].sort();
}

/** A week (Monday first) on which no holiday or special date falls, at noon or otherwise. */
function ordinaryWeek(frames: readonly Comparable[]): string[] {
  const dated = frames.filter((f) => f.type === 'holidays' || f.type === 'specific_dates');
  let monday = '2029-01-08';
  for (let i = 0; i < 104; i++, monday = addDays(monday, 7)) {
    const days = [0, 1, 2, 3, 4, 5, 6].map((n) => addDays(monday, n));
    const clash = days.some((date) =>
      dated.some((f) =>
        ['00:00', '12:00', '23:59'].some((time) => timeFrameActive(f, { date, time, weekday: dayOf(date) })),
      ),
    );
    if (!clash) return days;
  }
  return [0, 1, 2, 3, 4, 5, 6].map((n) => addDays('2029-01-08', n));
}

export interface Sample {
  readonly at: LocalTime;
  /** How the instant is shown: `monday 17:30`, or `2026-12-25 (friday) 10:00` on a special date. */
  readonly label: string;
}

export function sampleInstants(frames: readonly Comparable[]): Sample[] {
  const times = boundaries(frames);
  const out: Sample[] = [];
  for (const date of ordinaryWeek(frames)) {
    const weekday = dayOf(date);
    for (const time of times) out.push({ at: { date, time, weekday }, label: `${weekday} ${time}` });
  }
  for (const date of specialDates(frames)) {
    const weekday = dayOf(date);
    for (const time of times) out.push({ at: { date, time, weekday }, label: `${date} (${weekday}) ${time}` });
  }
  return out;
}
