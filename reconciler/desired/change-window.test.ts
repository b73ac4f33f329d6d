import { describe, expect, it } from 'vitest';
import { type ChangeWindow, describeWindow, isInsideWindow, nextOpening } from './change-window';

const NIGHTS: ChangeWindow = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '19:00',
  end: '06:00',
  timeZone: 'America/New_York',
};

describe('change windows', () => {
  it('a window that crosses midnight, in its own time zone (EST = UTC-5 in January)', () => {
    expect(isInsideWindow(NIGHTS, new Date('2026-01-05T23:30:00Z'))).toBe(false); // Mon 18:30 local
    expect(isInsideWindow(NIGHTS, new Date('2026-01-06T00:30:00Z'))).toBe(true); // Mon 19:30 local
    expect(isInsideWindow(NIGHTS, new Date('2026-01-06T10:30:00Z'))).toBe(true); // Tue 05:30 local
    expect(isInsideWindow(NIGHTS, new Date('2026-01-06T11:30:00Z'))).toBe(false); // Tue 06:30 local
    expect(isInsideWindow(NIGHTS, new Date('2026-01-10T02:00:00Z'))).toBe(true); // Fri 21:00 local (opened Fri)
    expect(isInsideWindow(NIGHTS, new Date('2026-01-11T02:00:00Z'))).toBe(false); // Sat 21:00 local
    expect(isInsideWindow(NIGHTS, new Date('2026-01-12T10:00:00Z'))).toBe(false); // Mon 05:00 (Sun opened none)
  });

  it('a same-day window, and daylight saving time', () => {
    const w: ChangeWindow = { days: ['sat'], start: '08:00', end: '12:00', timeZone: 'America/New_York' };
    expect(isInsideWindow(w, new Date('2026-07-11T12:30:00Z'))).toBe(true); // Sat 08:30 EDT (UTC-4)
    expect(isInsideWindow(w, new Date('2026-07-11T11:30:00Z'))).toBe(false); // Sat 07:30 EDT
  });

  it('says when the window opens next', () => {
    const next = nextOpening(NIGHTS, new Date('2026-01-10T15:00:00Z')); // Sat 10:00 local
    expect(next?.toISOString()).toBe('2026-01-13T00:00:00.000Z'); // Mon 19:00 local
    expect(describeWindow(NIGHTS)).toBe('Mon, Tue, Wed, Thu, Fri 19:00–06:00 America/New_York');
  });
});
