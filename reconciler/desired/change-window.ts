/**
 * Change windows (policy.change_window): when an apply may change routing or destroy data — e.g. only
 * after business hours, so a ring-group change never lands while the front desk is answering calls.
 * PURE: the caller passes the time. Cosmetic-only applies are allowed at any time.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ChangeWindow {
  /** Days on which a window opens (a window that crosses midnight ends the next day). */
  readonly days: readonly Weekday[];
  /** "HH:MM", local time in `timeZone`. */
  readonly start: string;
  /** "HH:MM"; earlier than `start` means the window crosses midnight. */
  readonly end: string;
  /** IANA time zone, e.g. America/New_York. */
  readonly timeZone: string;
}

function minutes(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Weekday and minute of the day of `at` in `timeZone`. */
function localTime(at: Date, timeZone: string): { day: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const day = WEEKDAYS.indexOf(get('weekday').toLowerCase().slice(0, 3) as Weekday);
  return { day, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

export function isInsideWindow(window: ChangeWindow, at: Date): boolean {
  const { day, minute } = localTime(at, window.timeZone);
  const start = minutes(window.start);
  const end = minutes(window.end);
  const opensOn = (d: number) => window.days.includes(WEEKDAYS[(d + 7) % 7] as Weekday);
  if (start < end) return opensOn(day) && minute >= start && minute < end;
  // Crosses midnight: either the evening part of a window opening today, or the morning part of
  // a window that opened yesterday.
  return (opensOn(day) && minute >= start) || (opensOn(day - 1) && minute < end);
}

/** The next moment (to the minute) the window opens after `at`, or undefined if it never does. */
export function nextOpening(window: ChangeWindow, at: Date): Date | undefined {
  const step = 60_000;
  const startMs = Math.ceil(at.getTime() / step) * step;
  for (let t = startMs; t < startMs + 8 * 24 * 60 * step; t += step) {
    const d = new Date(t);
    if (isInsideWindow(window, d) && !isInsideWindow(window, new Date(t - step))) return d;
  }
  return undefined;
}

export function describeWindow(window: ChangeWindow): string {
  const days = window.days.map((d) => d[0]?.toUpperCase() + d.slice(1)).join(', ');
  return `${days} ${window.start}–${window.end} ${window.timeZone}`;
}

/** Is this time zone one the runtime knows? (validated when the file is loaded) */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
