import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePlan } from '../../plan/compute-plan';
import { RING_GROUP_LAST_NAME } from '../../platform/codec';
import { DEFAULT_PLATFORM_PROFILE } from '../../platform/profile';
import type { LiveObject } from '../kind';
import { desiredState } from '../test-support/desired-state';
import { describeChanges, ladderStep, readKinds } from '../test-support/ladder';
import { startTestPlatform, type TestPlatform } from '../test-support/test-platform';
import { type RingGroupPlatform, type RingGroupSpec, ringGroupKind } from '.';

const DOMAIN = 'acme.example.com';

describe('ring_group idempotence ladder (emulator, real HTTP)', () => {
  let platform: TestPlatform;
  const users = [
    { extension: '1001', first_name: 'Ada', last_name: 'Lovelace' },
    { extension: '1002', first_name: 'Alan', last_name: 'Turing' },
    { extension: '1003', first_name: 'Grace', last_name: 'Hopper' },
  ];
  const state = (groups: RingGroupSpec[], prune = false) =>
    desiredState({ domain: DOMAIN, policy: { prune }, objects: { user: users, ring_group: groups } });
  const groupRecord = () => platform.emulator.state().domains[DOMAIN]?.users.find((u) => u.user === '2000');
  const groupRule = () =>
    platform.emulator.state().domains[DOMAIN]?.answerrules.find((r) => r.user === '2000' && r['time-frame'] === '*');

  beforeAll(async () => {
    platform = await startTestPlatform({ domains: { [DOMAIN]: {} } });
  });
  afterAll(async () => platform?.close());

  it('empty: creates the member users, then plans nothing', async () => {
    const step = await ladderStep(platform.client, state([]));
    expect(step.plan.changes.map((c) => c.id)).toEqual(['user:1001', 'user:1002', 'user:1003']);
    expect(describeChanges(step.replan)).toEqual([]);
  });

  it('create', async () => {
    const step = await ladderStep(
      platform.client,
      state([
        {
          extension: '2000',
          name: 'Front Desk',
          department: 'Sales',
          members: ['1001', { extension: '1002', delay_seconds: 15 }],
          ring_timeout: 30,
          fallback: { voicemail: '1001' },
          spam: 'voicemail',
          block: ['+1 800 555 0199', 'anonymous'],
        },
      ]),
    );
    expect(describeChanges(step.plan)).toEqual([
      'ring_group:2000 create [block, department, fallback, members, name, ring_timeout, spam]',
    ]);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(groupRecord()).toMatchObject({
      'service-code': DEFAULT_PLATFORM_PROFILE.ringGroupServiceCode,
      'name-first-name': 'Front Desk',
      // Blank, as portal-made ring groups are (docs/reference/platform-evidence.md §1).
      'name-last-name': RING_GROUP_LAST_NAME,
      'ring-no-answer-timeout-seconds': 30,
      'voicemail-enabled': 'yes',
    });
    expect(groupRule()).toMatchObject({
      'simultaneous-ring': { enabled: 'yes', parameters: ['1001', '1002;delay=15'] },
      'forward-no-answer': { enabled: 'yes', parameters: ['vmail_1001'] },
    });
    // The user kind leaves the system user alone.
    expect(step.live.objects.get('user')?.map((u) => u.key)).toEqual(['1001', '1002', '1003']);
  });

  it('export of the live group plans to zero changes', async () => {
    const live = await readKinds(platform.client, state([]), { full: true });
    const exported = (live.objects.get('ring_group') ?? []).map((l) =>
      ringGroupKind.export(l as LiveObject<RingGroupPlatform>),
    );
    const desired = state(exported);
    const plan = computePlan({ desired, live: await readKinds(platform.client, desired) });
    expect(describeChanges(plan)).toEqual([]);
  });

  it('change: members, order, fallback, name, allow', async () => {
    const step = await ladderStep(
      platform.client,
      state([
        {
          extension: '2000',
          name: 'Reception',
          members: ['1003', '1001'],
          ring_timeout: 20,
          fallback: { group_voicemail: true },
          allow: ['+1 212 555 0142'],
        },
      ]),
    );
    expect(step.plan.changes.map((c) => c.action)).toEqual(['update']);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(groupRule()).toMatchObject({
      'simultaneous-ring': { enabled: 'yes', parameters: ['1003', '1001'] },
      'forward-no-answer': { enabled: 'yes', parameters: ['vmail_2000'] },
      // Untouched: still managed by the previous file's values.
      'phone-numbers-to-reject': { enabled: 'yes', parameters: ['18005550199', 'anonymous'] },
    });
  });

  it('change: no fallback, no members, spam back to ring (mailbox switched off)', async () => {
    const step = await ladderStep(
      platform.client,
      state([{ extension: '2000', name: 'Reception', members: [], fallback: {}, spam: 'ring' }]),
    );
    expect(step.plan.changes.map((c) => c.action)).toEqual(['update']);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(groupRecord()?.['voicemail-enabled']).toBe('no');
  });

  it('delete (prune), with the blast radius clear of users', async () => {
    const step = await ladderStep(platform.client, state([], true));
    expect(describeChanges(step.plan)).toEqual(['ring_group:2000 delete']);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(groupRecord()).toBeUndefined();
    expect(step.live.objects.get('user')?.length).toBe(3);
  });
});
