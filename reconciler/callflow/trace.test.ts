import { describe, expect, it } from 'vitest';
import type { Comparable } from '../kinds/kind';
import { type CallFlowState, callFlowFromObjects, type ExtensionNode, localTime, timeFrameActive, traceCall } from '.';

const TZ = 'America/New_York';
// 2026-12-07 is a Monday; 15:00 UTC = 10:00 in New York (EST, UTC-5).
const MONDAY_10 = new Date('2026-12-07T15:00:00Z');
const SUNDAY_10 = new Date('2026-12-06T15:00:00Z');
const CHRISTMAS_10 = new Date('2026-12-25T15:00:00Z');

const BUSINESS: Comparable = { name: 'Business hours', type: 'days_of_week', days_of_week: { monday: '09:00-17:00' } };
const HOLIDAYS: Comparable = {
  name: 'Holidays',
  type: 'holidays',
  holidays: [{ name: 'Christmas Day', date: '2025-12-25', country: 'US', yearly: true }],
};

function state(extensions: ExtensionNode[], numbers: CallFlowState['numbers'] = new Map()): CallFlowState {
  return {
    timeZone: TZ,
    numbers,
    extensions: new Map(extensions.map((e) => [e.extension, e])),
    timeFrames: new Map([
      ['Business hours', BUSINESS],
      ['Holidays', HOLIDAYS],
    ]),
  };
}

describe('time frames in the domain time zone', () => {
  it('reads the wall clock in the zone, across the date line of UTC', () => {
    expect(localTime(new Date('2026-12-08T03:30:00Z'), TZ)).toEqual({
      weekday: 'monday',
      date: '2026-12-07',
      time: '22:30',
    });
  });

  it('days of week, yearly holidays and date ranges', () => {
    expect(timeFrameActive(BUSINESS, localTime(MONDAY_10, TZ))).toBe(true);
    expect(timeFrameActive(BUSINESS, localTime(SUNDAY_10, TZ))).toBe(false);
    expect(timeFrameActive(BUSINESS, localTime(new Date('2026-12-07T22:30:00Z'), TZ))).toBe(false); // 17:30
    expect(timeFrameActive(HOLIDAYS, localTime(CHRISTMAS_10, TZ))).toBe(true);
    expect(timeFrameActive(HOLIDAYS, localTime(MONDAY_10, TZ))).toBe(false);
    const move: Comparable = {
      type: 'specific_dates',
      dates: [
        { start_date: '2026-12-06', end_date: '2026-12-07', start_time: '12:00', end_time: '23:59', yearly: false },
      ],
    };
    expect(timeFrameActive(move, localTime(SUNDAY_10, TZ))).toBe(false); // before 12:00 on the first day
    expect(timeFrameActive(move, localTime(MONDAY_10, TZ))).toBe(true);
  });
});

describe('traceCall', () => {
  const ada: ExtensionNode = { kind: 'user', extension: '1001', voicemail: true, ringTimeout: 20 };
  const alan: ExtensionNode = { kind: 'user', extension: '1002', voicemail: false };
  const grace: ExtensionNode = { kind: 'user', extension: '1000', voicemail: true };
  const desk: ExtensionNode = {
    kind: 'ring_group',
    extension: '2000',
    voicemail: false,
    ringTimeout: 30,
    members: [{ extension: '1001' }, { extension: '1002', delaySeconds: 10 }, { extension: '1003' }],
    fallback: { type: 'voicemail', extension: '1000' },
  };
  const main = new Map([
    [
      '12125550100',
      { number: '12125550100', enabled: true, target: { type: 'extension', extension: '2000' } as const },
    ],
  ]);

  it('number → ring group → members with delays → after 30 s fallback → voicemail', () => {
    const t = traceCall(state([ada, alan, grace, desk], main), '+1 212 555 0100', MONDAY_10);
    expect(t.steps).toEqual([
      'number 12125550100',
      'ring group 2000 rings 2 of 3 members for 30 s',
      '  1001 rings from 0 s to 30 s',
      '  1002 rings from 10 s to 30 s',
      '  member 1003 does not exist',
      'no answer after 30 s → fallback',
      'voicemail 1000',
    ]);
    expect(t.outcome).toEqual({ type: 'voicemail', extension: '1000' });
  });

  it('evaluates rules by time frame: business hours ring the group, otherwise voicemail; holidays first', () => {
    const front: ExtensionNode = {
      kind: 'user',
      extension: '1000',
      voicemail: true,
      rules: [
        { timeFrame: 'Holidays', forwardAlways: { type: 'voicemail', extension: '1000' } },
        { timeFrame: 'Business hours', forwardAlways: { type: 'extension', extension: '2000' } },
      ],
    };
    const s = state([ada, alan, front, { ...desk, fallback: undefined }]);
    expect(traceCall(s, '1000', MONDAY_10).outcome).toEqual({ type: 'answered', extensions: ['1001', '1002'] });
    expect(traceCall(s, '1000', SUNDAY_10).outcome).toEqual({ type: 'voicemail', extension: '1000' });
    const xmas = traceCall(s, '1000', CHRISTMAS_10);
    expect(xmas.steps[0]).toBe('1000: time frame "Holidays" in effect, forward always');
    expect(xmas.outcome).toEqual({ type: 'voicemail', extension: '1000' });
  });

  it('reports loops with the path and dead ends with the reason', () => {
    const a: ExtensionNode = {
      kind: 'user',
      extension: '1001',
      voicemail: true,
      rules: [{ timeFrame: '*', forwardAlways: { type: 'extension', extension: '1002' } }],
    };
    const b: ExtensionNode = {
      kind: 'user',
      extension: '1002',
      voicemail: true,
      rules: [{ timeFrame: '*', forwardAlways: { type: 'extension', extension: '1001' } }],
    };
    expect(traceCall(state([a, b]), '1001', MONDAY_10).outcome).toEqual({
      type: 'loop',
      path: ['1001', '1002', '1001'],
    });
    const gone = new Map([
      [
        '12125550100',
        { number: '12125550100', enabled: true, target: { type: 'extension', extension: '2999' } as const },
      ],
    ]);
    expect(traceCall(state([], gone), '12125550100', MONDAY_10).outcome).toEqual({
      type: 'dead_end',
      reason: 'extension 2999 does not exist',
    });
    const empty: ExtensionNode = { kind: 'ring_group', extension: '2000', voicemail: false, members: [] };
    expect(traceCall(state([empty]), '2000', MONDAY_10).outcome.type).toBe('dead_end');
    expect(traceCall(state([]), '555', MONDAY_10).outcome.type).toBe('dead_end');
  });

  it('builds the model from kind content (desired or live alike)', () => {
    const s = callFlowFromObjects(
      new Map([
        ['user', [{ key: '1000', comparable: { voicemail: { enabled: true } } }]],
        [
          'ring_group',
          [
            {
              key: '2000',
              comparable: {
                ring_timeout: 20,
                members: [{ extension: '1000', ring_seconds: 15 }],
                fallback: { type: 'group_voicemail', extension: '2000' },
              },
            },
          ],
        ],
        ['phone_number', [{ key: '12125550100', comparable: { destination: { extension: '2000' } } }]],
        ['time_frame', [{ key: 'Business hours', comparable: BUSINESS }]],
      ]),
      TZ,
    );
    const t = traceCall(s, '12125550100', MONDAY_10);
    expect(t.steps).toContain('  1000 rings from 0 s to 15 s');
    expect(t.outcome).toEqual({ type: 'voicemail', extension: '2000' });
    expect(s.timeFrames.get('Business hours')).toBe(BUSINESS);
  });
});
