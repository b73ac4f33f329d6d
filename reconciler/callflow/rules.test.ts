/** The resolver over answering rules: DND, forwards, sim-ring delays, the `*` rule, and the step hook. PURE. */
import { describe, expect, it } from 'vitest';
import type { Comparable } from '../kinds/kind';
import { type CallFlowState, type CallFlowStep, callFlowFromObjects, traceCall } from '.';
import { sampleInstants } from './samples';

const TZ = 'America/New_York';
const MONDAY_10 = new Date('2026-12-07T15:00:00Z');
const SUNDAY_10 = new Date('2026-12-06T15:00:00Z');
const BUSINESS: Comparable = { type: 'days_of_week', days_of_week: { monday: '09:00-17:00' } };

function model(users: Record<string, Comparable>, extra: [string, { key: string; comparable: Comparable }[]][] = []) {
  return callFlowFromObjects(
    new Map([
      ['user', Object.entries(users).map(([key, comparable]) => ({ key, comparable }))],
      ['time_frame', [{ key: 'Business hours', comparable: BUSINESS }]],
      ...extra,
    ]),
    TZ,
  );
}

const rule = (r: Record<string, unknown>) => ({
  enabled: true,
  forward_always: null,
  forward_busy: null,
  forward_no_answer: null,
  forward_unregistered: null,
  simultaneous_ring: [],
  dnd: false,
  screen: false,
  ...r,
});

describe('answering rules in the resolver', () => {
  const alan = { voicemail: { enabled: false } };
  const ada = {
    ring_timeout: 20,
    voicemail: { enabled: true },
    answering_rules: [
      rule({
        time_frame: 'Business hours',
        forward_no_answer: '1002',
        forward_busy: '+19175550112',
        simultaneous_ring: [
          { to: '+19175550112', delay_seconds: 10 },
          { to: '1002', delay_seconds: 30 },
        ],
        screen: true,
      }),
      rule({ time_frame: '*', dnd: true }),
    ],
  };

  it('business hours: sim-ring with delays, busy noted, no answer after the ring timeout forwards', () => {
    const t = traceCall(model({ '1001': ada, '1002': alan }), '1001', MONDAY_10);
    expect(t.steps).toEqual([
      '1001: time frame "Business hours" in effect',
      '1001: callers are asked their name first (call screening)',
      '1001 rings for 20 s',
      '  also an outside number from 10 s to 20 s',
      '  1002 never rings (delay 30 s ≥ 20 s)',
      '  if busy → an outside number',
      'no answer after 20 s → forward to 1002',
      '1002 rings for 25 s',
      'no answer after 25 s: nothing else (voicemail off)',
    ]);
    expect(t.outcome).toEqual({ type: 'answered', extensions: ['1002'] });
    expect(t.visited).toEqual(['1001', '1002']);
    expect(t.steps.join('\n')).not.toContain('9175550112');
  });

  it('outside the time frame the default rule applies: do not disturb sends calls to voicemail', () => {
    const t = traceCall(model({ '1001': ada }), '1001', SUNDAY_10);
    expect(t.steps[0]).toBe('1001: default rule, do not disturb');
    expect(t.outcome).toEqual({ type: 'voicemail', extension: '1001' });
    const noBox = traceCall(model({ '1001': { ...ada, voicemail: { enabled: false } } }), '1001', SUNDAY_10);
    expect(noBox.outcome.type).toBe('dead_end');
  });

  it('a switched-off rule is skipped; forward always to an outside number ends there', () => {
    const off = {
      answering_rules: [
        rule({ time_frame: 'Business hours', enabled: false, dnd: true }),
        rule({ time_frame: '*', forward_always: '+12125550199' }),
      ],
    };
    expect(traceCall(model({ '1001': off }), '1001', MONDAY_10).outcome).toEqual({ type: 'outside' });
  });

  it('the step hook expands another kind (an attendant) reached by a number or a forward', () => {
    const attendant: CallFlowStep = {
      kind: 'auto_attendant',
      expand(node, api) {
        api.say(`auto attendant ${api.extension}: ${api.active('Business hours') ? 'day' : 'night'} menu`);
        return api.reach({ type: 'extension', extension: String(node.operator) });
      },
    };
    const s: CallFlowState = model(
      {
        '1001': { voicemail: { enabled: true }, answering_rules: [rule({ time_frame: '*', forward_always: '3000' })] },
      },
      [['auto_attendant', [{ key: '3000', comparable: { operator: '1001' } }]]],
    );
    const withHook = callFlowFromObjects(
      new Map([['auto_attendant', [{ key: '3000', comparable: { operator: '1001' } }]]]),
      TZ,
    );
    // CALL_FLOW_STEPS has an auto_attendant entry (call-center-steps.ts): the attendant is modelled.
    expect(withHook.others?.get('auto_attendant')?.has('3000')).toBe(true);
    const hooked = {
      ...s,
      others: new Map([['auto_attendant', new Map([['3000', { operator: '1001' } as Comparable]])]]),
    };
    const t = traceCall(hooked, '1001', MONDAY_10, { auto_attendant: attendant });
    expect(t.steps).toContain('auto attendant 3000: day menu');
    expect(t.outcome).toEqual({ type: 'loop', path: ['1001', '3000', '1001'] });
    // Without a step for its kind, the trace stops at the attendant and says so.
    const unstepped = traceCall(s, '1001', MONDAY_10, {});
    expect(unstepped.outcome).toEqual({ type: 'auto_attendant', extension: '3000' });
    expect(unstepped.steps.at(-1)).toBe('auto attendant 3000 (not traced further yet)');
  });
});

describe('sample instants', () => {
  it('an ordinary week at every boundary, plus each holiday', () => {
    const holidays: Comparable = { type: 'holidays', holidays: [{ date: '2026-12-25', yearly: true }] };
    const samples = sampleInstants([BUSINESS, holidays]);
    const monday = samples.filter((s) => s.at.weekday === 'monday' && !s.label.startsWith('2026'));
    expect(monday.map((s) => s.at.time)).toEqual(['00:00', '09:00', '17:01']);
    expect(samples.some((s) => s.label === '2026-12-25 (friday) 09:00')).toBe(true);
    // The ordinary week holds no holiday.
    expect(samples.filter((s) => !s.label.startsWith('2026')).some((s) => s.at.date.slice(5) === '12-25')).toBe(false);
  });
});
