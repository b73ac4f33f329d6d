import { describe, expect, it } from 'vitest';
import { timeframeActive } from './timeframe-active';

const TZ = 'America/New_York';
// 2026-12-07 is a Monday; 15:00 UTC = 10:00 in New York.
const MONDAY_10 = new Date('2026-12-07T15:00:00Z');
const SUNDAY_10 = new Date('2026-12-06T15:00:00Z');

describe('emulated time frames in effect (answer rule is-active)', () => {
  it('weekly ranges, in the domain time zone', () => {
    const business = {
      'timeframe-type': 'days-of-week',
      'timeframe-days-of-week-array': [
        { 'timeframe-weekly-monday-begin-time-1': '0900', 'timeframe-weekly-monday-end-time-1': '1700' },
      ],
    };
    expect(timeframeActive(business, MONDAY_10, TZ)).toBe(true);
    expect(timeframeActive(business, MONDAY_10, 'Asia/Tokyo')).toBe(false); // Tuesday 00:00 there
    expect(timeframeActive(business, SUNDAY_10, TZ)).toBe(false);
  });

  it('holidays (yearly) and specific dates', () => {
    const xmas = {
      'timeframe-type': 'holiday',
      'timeframe-holiday-array': [
        { 'timeframe-holiday-begin-date': '20251225', 'timeframe-recurrence-type': 'yearlyOnHoliday' },
      ],
    };
    expect(timeframeActive(xmas, new Date('2026-12-25T15:00:00Z'), TZ)).toBe(true);
    expect(timeframeActive(xmas, MONDAY_10, TZ)).toBe(false);
    const move = {
      'timeframe-type': 'specific-dates',
      'timeframe-specific-dates-array': [
        {
          'timeframe-specific-dates-begin-date': '20261206',
          'timeframe-specific-dates-begin-time': '1200',
          'timeframe-specific-dates-end-date': '20261207',
          'timeframe-specific-dates-end-time': '2359',
          'timeframe-recurrence-type': 'doesNotRecur',
        },
      ],
    };
    expect(timeframeActive(move, SUNDAY_10, TZ)).toBe(false);
    expect(timeframeActive(move, MONDAY_10, TZ)).toBe(true);
    expect(timeframeActive({ 'timeframe-type': 'always' }, SUNDAY_10, TZ)).toBe(true);
  });
});
