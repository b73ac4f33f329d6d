import { describe, expect, it } from 'vitest';
import { maxInFlight } from './terraform-parallelism';

const a = (at: number, done?: number) => ({ at, done, rejected: false, method: 'GET', path: '/' });

describe('maxInFlight', () => {
  it('counts the requests open at the same time, not all of them', () => {
    expect(maxInFlight([a(0, 20), a(5, 25), a(30, 50)])).toBe(2);
    expect(maxInFlight([a(0, 20), a(1, 21), a(2, 22), a(21, 40)])).toBe(3);
  });
  it('a request sent the moment another ends is not two at once', () => {
    expect(maxInFlight([a(0, 20), a(20, 40), a(40, 60)])).toBe(1);
  });
  it('an answer never finished stays open', () => {
    expect(maxInFlight([a(0), a(100, 120), a(200, 220)])).toBe(2);
    expect(maxInFlight([])).toBe(0);
  });
});
