// Requests in flight at the proxy over a run (bench/net-measure.ts): the figure beside every network figure.
import { describe, expect, it } from 'vitest';
import { inFlightBetween, inFlightOverRun } from './net-measure';

const arrival = (at: number, done?: number) => ({ at, done, method: 'GET', path: '/x', rejected: false });

describe('requests in flight', () => {
  it('averages the open time of every request over the run, from the first arrival to the last answer', () => {
    // Open 0–10 and 5–15: 20 ms of requests over 15 ms.
    expect(inFlightOverRun([arrival(5, 15), arrival(0, 10)])).toBeCloseTo(20 / 15, 10);
    // A request never answered counts as open for no time, and ends the run where it arrived.
    expect(inFlightOverRun([arrival(0, 10), arrival(20)])).toBeCloseTo(10 / 20, 10);
    expect(inFlightBetween([arrival(0, 10), arrival(5, 15)], 5, 10)).toBe(2);
  });

  it('has no figure for a run without requests', () => {
    expect(inFlightOverRun([])).toBeUndefined();
  });
});
