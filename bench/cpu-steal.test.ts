import { describe, expect, it } from 'vitest';
import { busyBetween, parseProcStat, stealBetween } from './cpu-steal';

describe('CPU steal from /proc/stat', () => {
  it('reads the aggregate line and sums the first eight fields', () => {
    const text = 'cpu  100 5 50 800 10 0 5 30 7 0\ncpu0 50 2 25 400 5 0 2 15 0 0\nintr 1\n';
    expect(parseProcStat(text)).toEqual({ steal: 30, idle: 810, total: 1000 });
  });

  it('gives the stolen share between two readings, or ? without one', () => {
    expect(stealBetween({ steal: 30, idle: 0, total: 1000 }, { steal: 80, idle: 0, total: 1200 })).toBe('25 %');
    expect(stealBetween(undefined, { steal: 1, idle: 0, total: 2 })).toBe('?');
    expect(stealBetween({ steal: 1, idle: 0, total: 2 }, { steal: 1, idle: 0, total: 2 })).toBe('?');
  });

  it('gives the busy share between two readings: neither idle nor stolen', () => {
    // 200 ticks: 30 idle or waiting, 20 stolen, 150 running something.
    expect(busyBetween({ steal: 30, idle: 800, total: 1000 }, { steal: 50, idle: 830, total: 1200 })).toBe('75 %');
    expect(busyBetween({ steal: 0, idle: 0, total: 5 }, undefined)).toBe('?');
    expect(busyBetween({ steal: 0, idle: 0, total: 5 }, { steal: 0, idle: 0, total: 5 })).toBe('?');
  });

  it('has no reading for text that is not /proc/stat', () => {
    expect(parseProcStat('')).toBeUndefined();
    expect(parseProcStat('cpu  a b c d e f g h')).toBeUndefined();
    expect(parseProcStat('cpu  1 2 3')).toBeUndefined();
  });
});
