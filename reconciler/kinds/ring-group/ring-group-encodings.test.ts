/**
 * Issue 12 "encodings fixed": each record is read back the way a third party would — the raw emulator
 * record, not through pbxctl's codec — and then re-planned to zero changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLATFORM_PROFILE, type PlatformProfile } from '../../platform/profile';
import type { LiveObject } from '../kind';
import { desiredState } from '../test-support/desired-state';
import { describeChanges, ladderStep, planOf, readKinds } from '../test-support/ladder';
import { startTestPlatform, type TestPlatform } from '../test-support/test-platform';
import { type RingGroupPlatform, type RingGroupSpec, ringGroupKind } from '.';

const DOMAIN = 'enc.example.com';
const USERS = [
  { extension: '1001', first_name: 'Ada', last_name: 'Lovelace' },
  { extension: '1002', first_name: 'Alan', last_name: 'Turing' },
];

describe('ring-group and spam encodings, read raw from the emulator', () => {
  let platform: TestPlatform;
  const raw = () => platform.emulator.state().domains[DOMAIN]!;
  const rule = (user: string) => raw().answerrules.find((r) => r.user === user && r['time-frame'] === '*');
  const state = (groups: RingGroupSpec[], users: object[] = USERS, profile?: Partial<PlatformProfile>) => ({
    ...desiredState({ domain: DOMAIN, objects: { user: users, ring_group: groups } }),
    platform: { ...DEFAULT_PLATFORM_PROFILE, ...profile },
  });

  beforeAll(async () => {
    platform = await startTestPlatform({
      domains: {
        [DOMAIN]: {
          users: [
            { user: '3000', 'name-first-name': 'Main Menu', 'service-code': 'system-aa' },
            { user: '4000', 'name-first-name': 'Support', 'service-code': 'system-queue' },
            // A portal-made group: another system code, sim-ring rule, no fallback, mailbox on.
            {
              user: '2100',
              'name-first-name': 'Portal Group',
              'service-code': 'system-hunt',
              'voicemail-enabled': 'yes',
            },
          ],
          answerrules: [
            { user: '2100', 'time-frame': '*', 'simultaneous-ring': { enabled: 'yes', parameters: ['3000'] } },
          ],
        },
      },
    });
  });
  afterAll(async () => platform?.close());

  it('members carry ;delay=N, an attendant fallback is its bare extension, the last name is blank', async () => {
    const groups: RingGroupSpec[] = [
      {
        extension: '2000',
        name: 'Front Desk',
        members: [{ extension: '1001', delay_seconds: 10 }, '1002'],
        fallback: { auto_attendant: '3000' },
      },
    ];
    const step = await ladderStep(platform.client, state(groups));
    expect(describeChanges(step.replan)).toEqual([]);
    expect(raw().users.find((u) => u.user === '2000')).toMatchObject({ 'name-last-name': '' });
    expect(rule('2000')).toMatchObject({
      'simultaneous-ring': { enabled: 'yes', parameters: ['1001;delay=10', '1002'] },
      'forward-no-answer': { enabled: 'yes', parameters: ['3000'] },
    });
    // Every member option is one the spec documents.
    const sim = rule('2000')?.['simultaneous-ring'] as { parameters: string[] } | undefined;
    for (const p of sim?.parameters ?? []) expect(p).toMatch(/^\d+(;delay=\d+)?$/);
    // A bare queue extension decodes as the queue, not as a user.
    const q = await ladderStep(platform.client, state([{ ...groups[0]!, fallback: { call_queue: '4000' } }]));
    expect(describeChanges(q.replan)).toEqual([]);
  });

  it('adopts a portal-made group (another system code) and reads "no fallback, mailbox on" as group voicemail', async () => {
    const live = await readKinds(platform.client, state([]), { full: true });
    const adopted = live.objects.get('ring_group')?.find((g) => g.key === '2100');
    expect(adopted?.comparable).toMatchObject({
      members: [{ extension: '3000' }],
      fallback: { type: 'group_voicemail', extension: '2100' },
    });
    const exported = ringGroupKind.export(adopted as LiveObject<RingGroupPlatform>);
    const desired = state([exported]);
    expect(describeChanges(planOf(desired, await readKinds(platform.client, desired)))).toEqual([]);
  });

  it('spam drop is written with the profile value; an unknown live value is shown verbatim', async () => {
    const withDrop = [{ ...USERS[0]!, spam: 'drop' }, USERS[1]!];
    const step = await ladderStep(platform.client, state([], withDrop, { spamDrop: 'X-DROP' }));
    expect(describeChanges(step.replan)).toEqual([]);
    expect(rule('1001')?.['forward-on-spam-call']).toEqual({ enabled: 'yes', parameters: ['X-DROP'] });
    // Read without that profile entry: the value is not guessed, it is shown as the platform has it.
    const asRing = [{ ...USERS[0]!, spam: 'ring' }, USERS[1]!];
    const desired = state([], asRing);
    const plan = planOf(desired, await readKinds(platform.client, desired));
    const change = plan.changes.find((c) => c.key === '1001');
    expect(change?.fields.find((f) => f.path === 'spam')).toMatchObject({ before: 'X-DROP', after: 'ring' });
    // …and the plan says it replaces a value pbxctl does not recognise.
    expect(JSON.stringify(change)).toContain('replaces \\"X-DROP\\", a spam setting pbxctl does not recognise');
  });
});
