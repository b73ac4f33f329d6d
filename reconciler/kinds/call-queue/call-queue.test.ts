import { describe, expect, it } from 'vitest';
import { computePlan } from '../../plan/compute-plan';
import { diffFields } from '../../plan/diff-fields';
import type { LiveObject } from '../kind';
import { desiredState } from '../test-support/desired-state';
import { type CallQueuePlatform, type CallQueueSpec, callQueueKind } from '.';
import { decodeForward, encodeForward } from './destination';
import { liveComparable } from './spec';

const DOMAIN = 'cq.example.com';
const comparable = (spec: CallQueueSpec) => callQueueKind.toComparable(spec, () => undefined);

function live(p: Partial<CallQueuePlatform>): LiveObject<CallQueuePlatform> {
  const platform: CallQueuePlatform = {
    queue: { callqueue: '3100', description: 'Support', 'callqueue-dispatch-type': 'Ring All' },
    agents: [],
    phoneNumbers: [],
    kinds: {},
    ...p,
  };
  return { kind: 'call_queue', domain: DOMAIN, key: '3100', comparable: liveComparable(platform), platform };
}

describe('call_queue content', () => {
  it('keeps agents in dispatch order and collapses user/ring group/attendant overflow to an extension', () => {
    expect(
      comparable({
        extension: '3100',
        name: 'Support',
        dispatch: 'linear_hunt',
        agents: ['1002', 1001],
        overflow: { ring_group: '2000' },
      }),
    ).toEqual({
      name: 'Support',
      dispatch: 'linear_hunt',
      agents: ['1002', '1001'],
      overflow: { extension: '2000' },
    });
  });

  it('reads agents by ordinal (either spelling), device agents verbatim, and the overflow from the user rule', () => {
    const c = live({
      user: { user: '3100', 'ring-no-answer-timeout-seconds': 45 },
      agents: [
        { 'callqueue-agent-id': `1002@${DOMAIN}`, 'ordinal-order': 2 },
        { 'callqueue-agent-id': 'sip:desk9@x', 'callqueue-agent-dispatch-order-ordinal': 3 },
        { 'callqueue-agent-id': `1001@${DOMAIN}`, 'callqueue-agent-dispatch-order-ordinal': 1 },
      ],
      answerRule: { 'forward-no-answer': { enabled: 'yes', parameters: ['queue_3200'] } },
    }).comparable;
    expect(c).toMatchObject({
      name: 'Support',
      dispatch: 'ring_all',
      agents: ['1001', '1002', 'sip:desk9@x'],
      overflow_after: 45,
      overflow: { call_queue: '3200' },
    });
    expect(live({ queue: { callqueue: '3100', 'callqueue-dispatch-type': 'Call Park' } }).comparable).toMatchObject({
      dispatch: 'Call Park',
      overflow: null,
    });
  });

  it('forward parameters round-trip; a bare number is what the extension is', () => {
    const cases: Record<string, string>[] = [{ extension: '2000' }, { voicemail: '1000' }, { call_queue: '3200' }];
    for (const c of cases) expect(decodeForward(encodeForward(c), () => false)).toEqual(c);
    expect(decodeForward('3200', (e) => e === '3200')).toEqual({ call_queue: '3200' });
    expect(decodeForward('aa_Main', () => false)).toEqual({ platform: 'aa_Main' });
  });

  it('export plans to zero changes and names a ring-group overflow as such', () => {
    const l = live({
      user: { user: '3100', 'ring-no-answer-timeout-seconds': 60 },
      queue: {
        callqueue: '3100',
        description: 'Support',
        'callqueue-dispatch-type': 'Round-robin',
        'callqueue-agent-dispatch-timeout-seconds': 20,
      },
      agents: [{ 'callqueue-agent-id': `1001@${DOMAIN}`, 'callqueue-agent-dispatch-order-ordinal': 1 }],
      answerRule: { 'forward-no-answer': { enabled: 'yes', parameters: ['user_2000'] } },
      kinds: { '2000': 'ring_group' },
    });
    const spec = callQueueKind.export(l);
    expect(spec).toEqual({
      extension: '3100',
      name: 'Support',
      dispatch: 'round_robin',
      agents: ['1001'],
      agent_timeout: 20,
      overflow_after: 60,
      overflow: { ring_group: '2000' },
    });
    expect(diffFields('call_queue', comparable(spec), l.comparable)).toEqual([]);
  });

  it('impact lines name the agents, dispatch and overflow', () => {
    const before = comparable({ extension: '3100', name: 'S', agents: ['1001'], dispatch: 'ring_all' });
    const after = comparable({
      extension: '3100',
      name: 'S',
      agents: ['1001', '1002'],
      dispatch: 'linear_hunt',
      overflow: { voicemail: '1000' },
    });
    expect(
      callQueueKind.impact?.('3100', { ...before, overflow: null }, after, ['agents', 'dispatch', 'overflow']),
    ).toEqual([
      'calls in queue 3100 ring 1001, 1002 (was 1001); starts ringing 1002',
      'queue 3100 rings its agents one by one, in order (was all at once)',
      'unanswered calls in queue 3100 go to the voicemail of 1000 (was nowhere)',
    ]);
  });

  it('agents are members: a queue is created after them and listed in the blast radius of their delete', () => {
    const desired = desiredState({
      domain: DOMAIN,
      objects: {
        user: [{ extension: '1001', first_name: 'A', last_name: 'B' }],
        call_queue: [{ extension: '3100', name: 'S', agents: ['1001'], overflow: { user: '1001' } }],
      },
    });
    const plan = computePlan({ desired, live: { domain: DOMAIN, objects: new Map(), extensions: new Set<string>() } });
    expect(plan.changes.map((c) => c.id)).toEqual(['user:1001', 'call_queue:3100']);
    expect(plan.changes[1]?.dependsOn).toEqual(['user:1001']);
  });
});
