// Idempotence ladder for call queues and auto attendants against the strict emulator over real HTTP:
// empty → create → change → export round-trip → delete, each re-plan empty, zero contract violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePlan } from '../../plan/compute-plan';
import type { AutoAttendantSpec } from '../auto-attendant';
import { autoAttendantKind } from '../auto-attendant';
import type { AnyKind, LiveObject } from '../kind';
import { DEFAULT_REGISTRY } from '../registry';
import { desiredState } from '../test-support/desired-state';
import { describeChanges, ladderStep, readKinds } from '../test-support/ladder';
import { startTestPlatform, type TestPlatform } from '../test-support/test-platform';
import { type CallQueueSpec, callQueueKind } from '.';

const DOMAIN = 'cc.example.com';

describe('call_queue and auto_attendant ladder (strict emulator, real HTTP)', () => {
  let platform: TestPlatform;
  const users = [
    { extension: '1000', first_name: 'Front', last_name: 'Desk' },
    { extension: '1001', first_name: 'Ada', last_name: 'Lovelace' },
    { extension: '1002', first_name: 'Alan', last_name: 'Turing' },
  ];
  const groups = [{ extension: '2000', name: 'Sales', members: ['1001'] }];
  const timeFrames = [{ name: 'Business Hours', type: 'days_of_week', days_of_week: { monday: '09:00-17:00' } }];
  const support: CallQueueSpec = {
    extension: '3100',
    name: 'Support',
    dispatch: 'ring_all',
    agents: ['1001', '1002'],
    agent_timeout: 20,
    overflow_after: 60,
    overflow: { voicemail: '1000' },
  };
  const menu: AutoAttendantSpec = {
    extension: '3000',
    name: 'Main Menu',
    time_frame: 'Business Hours',
    greeting: 'main-greeting',
    options: [
      { digit: '1', destination: { ring_group: '2000' } },
      { digit: '2', destination: { call_queue: '3100' } },
      { digit: '0', destination: { user: '1000' } },
    ],
    no_input: '0',
    invalid: '0',
  };
  const main = { number: '+1 212 555 0100', destination: { auto_attendant: '3000' } };
  const state = (queues: CallQueueSpec[], attendants: AutoAttendantSpec[], prune = false) =>
    desiredState({
      domain: DOMAIN,
      policy: { prune },
      objects: {
        user: users,
        ring_group: groups,
        time_frame: timeFrames,
        call_queue: queues,
        auto_attendant: attendants,
        phone_number: attendants.length > 0 ? [main] : [],
      },
    });
  const domain = () => platform.emulator.state().domains[DOMAIN]!;

  beforeAll(async () => {
    platform = await startTestPlatform({
      domains: {
        [DOMAIN]: { phonenumbers: [{ phonenumber: '12125550100', 'dial-rule-application': 'available-number' }] },
      },
    });
  });
  afterAll(async () => platform?.close());

  it('creates users, group and time frame first, then the queue, then the attendant; replan is empty', async () => {
    const step = await ladderStep(platform.client, state([support], [menu]));
    const ids = step.plan.changes.map((c) => c.id);
    expect(ids.indexOf('call_queue:3100')).toBeGreaterThan(ids.indexOf('user:1002'));
    expect(ids.indexOf('auto_attendant:3000')).toBeGreaterThan(ids.indexOf('call_queue:3100'));
    expect(ids.indexOf('auto_attendant:3000')).toBeGreaterThan(ids.indexOf('ring_group:2000'));
    expect(ids.indexOf('phone_number:12125550100')).toBeGreaterThan(ids.indexOf('auto_attendant:3000'));
    expect(describeChanges(step.replan)).toEqual([]);
    expect(domain().callqueues?.[0]).toMatchObject({
      callqueue: '3100',
      description: 'Support',
      'callqueue-dispatch-type': 'Ring All',
      'callqueue-agent-dispatch-timeout-seconds': 20,
    });
    expect(domain().users.find((u) => u.user === '3100')).toMatchObject({
      'service-code': 'system-queue',
      'ring-no-answer-timeout-seconds': 60,
    });
    expect(domain().answerrules.find((r) => r.user === '3100' && r['time-frame'] === '*')).toMatchObject({
      'forward-always': { enabled: 'yes', parameters: ['queue_3100'] },
      'forward-no-answer': { enabled: 'yes', parameters: ['vmail_1000'] },
    });
    const aa = domain().autoattendants?.[0];
    expect(aa).toMatchObject({ user: '3000', 'time-frame': 'Business Hours', 'attendant-name': 'Main Menu' });
    expect(aa?.['auto-attendant']).toMatchObject({
      'no-key-press': 'option-0',
      'option-2': { 'destination-application': 'to-callqueue', 'destination-user': '3100' },
    });
    // Neither system user is taken for a person or a ring group.
    expect(step.live.objects.get('user')?.map((u) => u.key)).toEqual(['1000', '1001', '1002']);
    expect(step.live.objects.get('ring_group')?.map((u) => u.key)).toEqual(['2000']);
    expect(platform.emulator.contractViolations).toEqual([]);
  });

  it('changes agents, dispatch and a menu key in place, with impact lines', async () => {
    const step = await ladderStep(
      platform.client,
      state(
        [{ ...support, dispatch: 'linear_hunt', agents: ['1002', '1000'] }],
        [{ ...menu, options: [{ digit: '1', destination: { user: '1001' } }, ...menu.options!.slice(1)] }],
      ),
    );
    expect(describeChanges(step.plan)).toEqual([
      'call_queue:3100 update [agents, dispatch]',
      'auto_attendant:3000 update [options]',
    ]);
    const impact = step.plan.changes.flatMap((c) => c.impact ?? []);
    expect(impact).toEqual(
      expect.arrayContaining([
        'calls in queue 3100 ring 1002, 1000 (was 1001, 1002); starts ringing 1000; stops ringing 1001',
        'press 1 at attendant 3000 reaches 1001 (was 2000)',
      ]),
    );
    expect(describeChanges(step.replan)).toEqual([]);
    expect((domain().agents ?? []).map((a) => a['callqueue-agent-id'])).toEqual([`1002@${DOMAIN}`, `1000@${DOMAIN}`]);
  });

  it('export of both plans to zero changes', async () => {
    const live = await readKinds(platform.client, state([], []), { full: true });
    const exp = (kind: AnyKind) => (live.objects.get(kind.name) ?? []).map((l) => kind.export(l as LiveObject));
    const queues = exp(callQueueKind) as CallQueueSpec[];
    const attendants = exp(autoAttendantKind) as AutoAttendantSpec[];
    expect(attendants[0]?.options?.[0]).toEqual({ digit: '1', destination: { user: '1001' } });
    expect(queues[0]?.overflow).toEqual({ voicemail: '1000' });
    const numbers = exp(DEFAULT_REGISTRY.get('phone_number')!) as Array<{ destination: unknown }>;
    expect(numbers[0]?.destination).toEqual({ auto_attendant: '3000' });
    const desired = state(queues, attendants);
    expect(describeChanges(computePlan({ desired, live: await readKinds(platform.client, desired) }))).toEqual([]);
  });

  it('moves the attendant to another time frame, then deletes both with prune', async () => {
    let step = await ladderStep(platform.client, state([support], [{ ...menu, time_frame: '*' }]));
    expect(describeChanges(step.replan)).toEqual([]);
    expect(domain().autoattendants?.map((a) => a['time-frame'])).toEqual(['*']);
    step = await ladderStep(platform.client, state([], [], true));
    expect(describeChanges(step.plan)).toEqual(
      expect.arrayContaining(['auto_attendant:3000 delete', 'call_queue:3100 delete']),
    );
    expect(describeChanges(step.replan)).toEqual([]);
    expect(domain().users.map((u) => u.user)).not.toContain('3100');
    expect(domain().users.map((u) => u.user)).not.toContain('3000');
    expect(domain().agents ?? []).toEqual([]);
    // The number routed to the deleted attendant went back to the inventory, not left dangling.
    expect(domain().phonenumbers[0]).toMatchObject({ 'dial-rule-application': 'available-number' });
    expect(platform.emulator.contractViolations).toEqual([]);
  });
});
