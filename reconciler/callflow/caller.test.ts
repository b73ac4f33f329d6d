/** The resolver for a given caller: the domain block list, the default rule's allow/block lists and spam handling. PURE. */
import { describe, expect, it } from 'vitest';
import type { Comparable } from '../kinds/kind';
import { callFlowFromObjects, traceCall } from '.';

const TZ = 'America/New_York';
const MONDAY_10 = new Date('2026-12-07T15:00:00Z');
const BUSINESS: Comparable = { type: 'days_of_week', days_of_week: { monday: '09:00-17:00' } };

type Keyed = { key: string; comparable: Comparable };

function model(users: Record<string, Comparable>, blockList?: string[]) {
  const objects = new Map<string, Keyed[]>([
    ['user', Object.entries(users).map(([key, comparable]) => ({ key, comparable }))],
    ['time_frame', [{ key: 'Business hours', comparable: BUSINESS }]],
    ['phone_number', [{ key: '12125550100', comparable: { destination: { extension: '1001' }, enabled: true } }]],
  ]);
  if (blockList) objects.set('block_list', [{ key: 'acme.example.com', comparable: { numbers: blockList } }]);
  return callFlowFromObjects(objects, TZ);
}

const ADA: Comparable = {
  voicemail: { enabled: true },
  spam: 'voicemail',
  block: ['13125550199', 'anonymous'],
  allow: ['13125550123'],
};

describe('a trace for a given caller', () => {
  it('without --from nothing is screened: the call rings 1001, then voicemail', () => {
    const t = traceCall(model({ '1001': ADA }), '1001', MONDAY_10);
    expect(t.outcome).toEqual({ type: 'voicemail', extension: '1001' });
    expect(t.steps.join('\n')).not.toMatch(/block|allow|spam/);
  });

  it('a caller on the block list is rejected; an anonymous caller too (numbers compared normalised)', () => {
    const blocked = traceCall(model({ '1001': ADA }), '1001', MONDAY_10, undefined, { from: '+1 (312) 555-0199' });
    expect(blocked.outcome).toEqual({ type: 'hangup' });
    expect(blocked.steps).toContain('1001: the caller is on the block list: rejected');
    const anon = traceCall(model({ '1001': ADA }), '1001', MONDAY_10, undefined, { from: 'Anonymous' });
    expect(anon.outcome).toEqual({ type: 'hangup' });
  });

  it('spam follows the rule: voicemail here; an allowed caller rings through even when flagged', () => {
    const spam = traceCall(model({ '1001': ADA }), '1001', MONDAY_10, undefined, { from: '13125550000', spam: true });
    expect(spam.steps).toContain('1001: spam calls go to voicemail');
    expect(spam.outcome).toEqual({ type: 'voicemail', extension: '1001' });
    expect(spam.steps.join('\n')).not.toMatch(/rings for/);
    const allowed = traceCall(model({ '1001': ADA }), '1001', MONDAY_10, undefined, {
      from: '13125550123',
      spam: true,
    });
    expect(allowed.steps).toContain('1001: the caller is on the allow list');
    expect(allowed.steps).toContain('1001 rings for 25 s');
    const dropped = traceCall(model({ '1001': { ...ADA, spam: 'drop' } }), '1001', MONDAY_10, undefined, {
      from: '13125550000',
      spam: true,
    });
    expect(dropped.outcome).toEqual({ type: 'hangup' });
  });

  it('the domain block list stops a caller at the number, before any extension', () => {
    const t = traceCall(model({ '1001': ADA }, ['13125550777']), '+1 212 555 0100', MONDAY_10, undefined, {
      from: '312-555-0777',
    });
    expect(t.steps).toEqual(['the caller is on the domain block list: rejected']);
    expect(t.outcome).toEqual({ type: 'hangup' });
  });

  it("the default rule's lists do not apply while a time-frame rule is in effect", () => {
    const withRule: Comparable = {
      ...ADA,
      answering_rules: [
        {
          time_frame: 'Business hours',
          enabled: true,
          forward_always: '1002',
          forward_busy: null,
          forward_no_answer: null,
          forward_unregistered: null,
          simultaneous_ring: [],
          dnd: false,
          screen: false,
        },
      ],
    };
    const t = traceCall(
      model({ '1001': withRule, '1002': { voicemail: { enabled: true } } }),
      '1001',
      MONDAY_10,
      undefined,
      {
        from: '13125550199',
      },
    );
    expect(t.outcome).toEqual({ type: 'voicemail', extension: '1002' });
    expect(t.steps.join('\n')).not.toMatch(/block list/);
  });
});
