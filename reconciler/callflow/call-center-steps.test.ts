import { describe, expect, it } from 'vitest';
import type { Comparable } from '../kinds/kind';
import { type CallFlowState, type ExtensionNode, traceCall } from '.';
import { attendantNode, queueNode, queueStep } from './call-center-steps';
import { othersFrom } from './steps';

const TZ = 'America/New_York';
// 2026-12-07 is a Monday; 15:00 UTC = 10:00 in New York.
const MONDAY_10 = new Date('2026-12-07T15:00:00Z');
const SUNDAY_10 = new Date('2026-12-06T15:00:00Z');
const BUSINESS: Comparable = { name: 'Business hours', type: 'days_of_week', days_of_week: { monday: '09:00-17:00' } };

const users: ExtensionNode[] = [
  { kind: 'user', extension: '1000', voicemail: true, ringTimeout: 20 },
  { kind: 'user', extension: '1001', voicemail: true },
  { kind: 'user', extension: '1002', voicemail: false },
];
const group: ExtensionNode = {
  kind: 'ring_group',
  extension: '2001',
  voicemail: false,
  ringTimeout: 30,
  members: [{ extension: '1001' }, { extension: '1002' }],
};

const support: Comparable = {
  name: 'Support',
  dispatch: 'ring_all',
  agents: ['1001', '1002'],
  agent_timeout: 20,
  overflow_after: 120,
  overflow: { voicemail: '1000' },
};
const menu: Comparable = {
  name: 'Main Menu',
  time_frame: 'Business hours',
  options: [
    { digit: '1', destination: { extension: '2001' } },
    { digit: '2', destination: { call_queue: '3100' } },
    { digit: '0', destination: { extension: '1000' } },
  ],
  no_input: '0',
  invalid: '0',
};

function state(queues: Record<string, Comparable>, attendants: Record<string, Comparable>, withCallCenter = true) {
  const base: CallFlowState = {
    timeZone: TZ,
    numbers: new Map([
      ['12125550100', { number: '12125550100', enabled: true, target: { type: 'extension', extension: '3000' } }],
    ]),
    extensions: new Map([...users, group].map((e) => [e.extension, e])),
    timeFrames: new Map([['Business hours', BUSINESS]]),
  };
  const objects = new Map([
    ['call_queue', Object.entries(queues).map(([key, comparable]) => ({ key, comparable }))],
    ['auto_attendant', Object.entries(attendants).map(([key, comparable]) => ({ key, comparable }))],
  ]);
  return withCallCenter ? { ...base, others: othersFrom(objects) } : base;
}

describe('call queues and auto attendants in a trace', () => {
  it('weekday: the main number reaches the menu; a caller who presses nothing goes to key 0 → 1000 → voicemail', () => {
    const trace = traceCall(state({ '3100': support }, { '3000': menu }), '+1 212 555 0100', MONDAY_10);
    expect(trace.steps).toEqual([
      'number 12125550100',
      'auto attendant 3000 answers with its menu (time frame "Business hours")',
      '  press 1 → 2001',
      '  press 2 → call queue 3100',
      '  press 0 → 1000',
      'no input → key 0 → 1000',
      '1000 rings for 20 s',
      'no answer after 20 s → voicemail 1000',
    ]);
    expect(trace.outcome).toEqual({ type: 'voicemail', extension: '1000' });
  });

  it('Sunday: the menu serves business hours only, so the call dead-ends there', () => {
    const trace = traceCall(state({}, { '3000': menu }), '12125550100', SUNDAY_10);
    expect(trace.outcome).toEqual({
      type: 'dead_end',
      reason: 'auto attendant 3000 serves time frame "Business hours", not in effect',
    });
  });

  it('a queue rings its agents per dispatch type, then overflows after the wait', () => {
    const trace = traceCall(state({ '3100': support }, {}), '3100', MONDAY_10);
    expect(trace.steps).toEqual([
      'call queue 3100 rings 1001, 1002 at once, 20 s a round, for up to 120 s',
      'no answer after 120 s → overflow voicemail 1000',
      'voicemail 1000',
    ]);
    expect(trace.outcome).toEqual({ type: 'voicemail', extension: '1000' });
  });

  it('a queue with no agent and no overflow is a dead end; missing agents are named', () => {
    const step = queueStep(queueNode('3100', { dispatch: 'linear_hunt', agents: ['1009'] }), () => false);
    expect(step.steps).toEqual([
      'call queue 3100 has no agent to ring; the call waits 25 s',
      '  agent 1009 does not exist',
      'dead end: call queue 3100 has no agents and no overflow',
    ]);
    expect(step.outcome).toEqual({ type: 'dead_end', reason: 'call queue 3100 has no agents and no overflow' });
  });

  it('an overflow back to the menu that sends no-input callers to the queue is a loop', () => {
    const trace = traceCall(
      state({ '3100': { ...support, overflow: { extension: '3000' } } }, { '3000': { ...menu, no_input: '2' } }),
      '3000',
      MONDAY_10,
    );
    expect(trace.outcome).toEqual({ type: 'loop', path: ['3000', '3100', '3000'] });
  });

  it('no_input "repeat" stops at the attendant; an always-on menu needs no time frame', () => {
    const node = attendantNode('3000', { ...menu, time_frame: '*', no_input: 'repeat' });
    expect(node.timeFrame).toBe('*');
    const trace = traceCall(state({}, { '3000': { ...menu, time_frame: '*', no_input: 'repeat' } }), '3000', SUNDAY_10);
    expect(trace.outcome).toEqual({ type: 'auto_attendant', extension: '3000' });
    expect(trace.steps.at(-1)).toBe('no input: the menu repeats');
  });

  it('without the call-center model the trace stops at a queue, as before', () => {
    const trace = traceCall(state({ '3100': support }, {}, false), '12125550100', MONDAY_10);
    expect(trace.outcome).toEqual({ type: 'dead_end', reason: 'extension 3000 does not exist' });
  });
});
