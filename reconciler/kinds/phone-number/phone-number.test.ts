import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../desired/load-desired-state';
import { DesiredStateError } from '../../errors';
import { computePlan } from '../../plan/compute-plan';
import type { LiveObject } from '../kind';
import { desiredState } from '../test-support/desired-state';
import { describeChanges, ladderStep, readKinds } from '../test-support/ladder';
import { startTestPlatform, type TestPlatform } from '../test-support/test-platform';
import { type PhoneNumberPlatform, type PhoneNumberSpec, phoneNumberKind } from '.';
import { livePhoneNumberComparable } from './codec';

const DOMAIN = 'pn.example.com';
const comparable = (spec: PhoneNumberSpec) => phoneNumberKind.toComparable(spec, () => undefined);

describe('phone_number content', () => {
  it('user, ring group and auto attendant are one platform destination (to-user)', () => {
    expect(comparable({ number: '+1 (212) 555-0100', destination: { ring_group: '2000' } })).toEqual({
      number: '12125550100',
      destination: { extension: '2000' },
    });
    expect(comparable({ number: '2125550100', destination: { hangup: true }, enabled: false })).toEqual({
      number: '12125550100',
      destination: { hangup: true },
      enabled: false,
    });
  });

  it('maps platform records, including inventory numbers and caller-name prefixes', () => {
    expect(
      livePhoneNumberComparable({
        phonenumber: '12125550100',
        'dial-rule-application': 'to-callqueue',
        'dial-rule-translation-destination-user': '3000',
        'dial-rule-translation-source-name': 'Main: [*]',
        enabled: 'yes',
      }),
    ).toEqual({
      number: '12125550100',
      destination: { call_queue: '3000' },
      caller_name_prefix: 'Main: ',
      enabled: true,
    });
    expect(
      livePhoneNumberComparable({ phonenumber: '1', 'dial-rule-application': 'available-number' }).destination,
    ).toEqual({ platform: 'available-number' });
  });

  it('references the destination extension with routes_to; impact names extensions only', () => {
    const c = comparable({ number: '+12125550100', destination: { voicemail: '1000' } });
    expect(phoneNumberKind.references('12125550100', c)).toEqual([
      expect.objectContaining({ relation: 'routes_to', kind: 'extension', key: '1000' }),
    ]);
    const lines = phoneNumberKind.impact?.('12125550100', { destination: { extension: '2000' } }, c, [
      'destination.voicemail',
    ]);
    expect(lines).toEqual(['calls to this number go to voicemail 1000 (was: ring 2000)']);
    expect(lines?.join()).not.toContain('555');
  });
});

describe('phone_numbers in the desired-state file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pbxctl-pn-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports two destinations at once with file:line', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      `version: 1\ndomain: ${DOMAIN}\nphone_numbers:\n  - number: "+1 212 555 0100"\n    destination: { user: "1000", hangup: true }\n`,
    );
    let caught: unknown;
    try {
      loadDesiredState(file, { cwd: dir });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DesiredStateError);
    expect((caught as DesiredStateError).issues[0]).toMatchObject({
      path: 'phone_numbers[0].destination',
      position: { line: 5 },
    });
  });
});

describe('phone_number ladder (emulator, strict, real HTTP)', () => {
  let platform: TestPlatform;
  const users = [{ extension: '1000', first_name: 'Grace', last_name: 'Hopper' }];
  const groups = [{ extension: '2000', name: 'Front Desk', members: ['1000'] }];
  const state = (numbers: PhoneNumberSpec[], prune = false) =>
    desiredState({
      domain: DOMAIN,
      policy: { prune },
      objects: { user: users, ring_group: groups, phone_number: numbers },
    });
  const record = (n: string) =>
    platform.emulator.state().domains[DOMAIN]?.phonenumbers.find((p) => p.phonenumber === n);

  beforeAll(async () => {
    platform = await startTestPlatform({
      domains: {
        [DOMAIN]: {
          phonenumbers: [
            { phonenumber: '12125550100', 'dial-rule-application': 'available-number' },
            { phonenumber: '12125550101', 'dial-rule-application': 'available-number' },
          ],
        },
      },
    });
  });
  afterAll(async () => platform?.close());

  it('routes an inventory number to a ring group; a number outside the inventory is not created', async () => {
    const step = await ladderStep(
      platform.client,
      state([
        { number: '+1 212 555 0100', destination: { ring_group: '2000' }, caller_name_prefix: 'Main: ' },
        { number: '+1 212 555 0199', destination: { user: '1000' } },
      ]),
    );
    expect(describeChanges(step.plan)).toContain(
      'phone_number:12125550100 update [caller_name_prefix, destination.extension]',
    );
    expect(step.plan.notPlanned).toEqual([
      expect.objectContaining({ kind: 'phone_number', key: '12125550199', action: 'create' }),
    ]);
    expect(step.plan.notPlanned?.[0]?.reason).toContain('never buys');
    expect(step.replan.changes).toEqual([]);
    expect(record('12125550100')).toMatchObject({
      'dial-rule-application': 'to-user',
      'dial-rule-translation-destination-user': '2000',
      'dial-rule-translation-source-name': 'Main: [*]',
    });
  });

  it('export plans to zero changes (ring group named as such)', async () => {
    const desired0 = state([]);
    const live = await readKinds(platform.client, desired0, { full: true });
    const exported = (live.objects.get('phone_number') ?? []).map((l) =>
      phoneNumberKind.export(l as LiveObject<PhoneNumberPlatform>),
    );
    expect(exported.find((e) => e.number === '+12125550100')?.destination).toEqual({ ring_group: '2000' });
    const desired = state(exported.filter((e) => e.number === '+12125550100'));
    expect(describeChanges(computePlan({ desired, live: await readKinds(platform.client, desired) }))).toEqual([]);
  });

  it('re-routes to voicemail, then hangs up and disables; unmanaged numbers are never touched, even with prune', async () => {
    const before101 = structuredClone(record('12125550101'));
    let step = await ladderStep(
      platform.client,
      state([{ number: '+12125550100', destination: { voicemail: '1000' } }], true),
    );
    expect(step.plan.changes.map((c) => `${c.key} ${c.action}`)).toEqual(['12125550100 update']);
    expect(step.plan.unmanaged.map((u) => u.key)).toContain('12125550101');
    expect(step.replan.changes).toEqual([]);
    step = await ladderStep(
      platform.client,
      state([{ number: '+12125550100', destination: { hangup: true }, enabled: false }], true),
    );
    expect(step.replan.changes).toEqual([]);
    expect(record('12125550100')).toMatchObject({ 'dial-rule-application': 'hangup', enabled: 'no' });
    expect(record('12125550101')).toEqual(before101);
  });
});
