import { describe, expect, it } from 'vitest';
import { parseProcStat, stealBetween } from './cpu-steal';

describe('CPU steal from /proc/stat', () => {
  it('reads the aggregate line and sums the first eight fields', () => {
    const text = 'cpu  100 5 50 800 10 0 5 30 7 0\ncpu0 50 2 25 400 5 0 2 15 0 0\nintr 1\n';
    expect(parseProcStat(text)).toEqual({ steal: 30, total: 1000 });
  });

  it('gives the stolen share between two readings, or ? without one', () => {
    expect(stealBetween({ steal: 30, total: 1000 }, { steal: 80, total: 1200 })).toBe('25 %');
    expect(stealBetween(undefined, { steal: 1, total: 2 })).toBe('?');
    expect(stealBetween({ steal: 1, total: 2 }, { steal: 1, total: 2 })).toBe('?');
  });

  it('has no reading for text that is not /proc/stat', () => {
    expect(parseProcStat('')).toBeUndefined();
    expect(parseProcStat('cpu  a b c d e f g h')).toBeUndefined();
    expect(parseProcStat('cpu  1 2 3')).toBeUndefined();
  });
});
