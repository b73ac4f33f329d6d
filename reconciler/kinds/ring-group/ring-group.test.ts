import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../desired/load-desired-state';
import type { DesiredStateError, DesiredStateIssue } from '../../errors';
import { computePlan, diffFields } from '../../plan/compute-plan';
import { decodeFallback, decodeMember, encodeFallback, encodeMember, type Fallback } from '../../platform/codec';
import { DEFAULT_PLATFORM_PROFILE } from '../../platform/profile';
import { ANY_EXTENSION, type Comparable, type LiveObject } from '../kind';
import { desiredState } from '../test-support/desired-state';
import { type RingGroupPlatform, type RingGroupSpec, liveComparable, ringGroupKind } from '.';

const DOMAIN = 'acme.example.com';
const noSecrets = () => undefined;
const comparable = (spec: RingGroupSpec) => ringGroupKind.toComparable(spec, noSecrets);

function liveGroup(
  user: Record<string, unknown>,
  rule?: Record<string, unknown>,
  phoneNumbers: string[] = [],
): LiveObject<RingGroupPlatform> {
  const platform: RingGroupPlatform = {
    user: {
      user: '2000',
      'service-code': DEFAULT_PLATFORM_PROFILE.ringGroupServiceCode,
      'name-last-name': 'Ring Group',
      ...user,
    },
    answerRule: rule,
    phoneNumbers,
  };
  return { kind: 'ring_group', domain: DOMAIN, key: '2000', comparable: liveComparable('2000', platform), platform };
}

describe('codec: ring-group members and fallbacks', () => {
  it('encodes a member as the extension, with the documented ;delay=N for a late start', () => {
    expect(encodeMember({ extension: '1001' })).toBe('1001');
    expect(encodeMember({ extension: '1001', delaySeconds: 20 })).toBe('1001;delay=20');
    expect(decodeMember('1001;delay=20')).toEqual({ extension: '1001', delaySeconds: 20 });
    // An option pbxctl does not know is kept aside (doctor reports it), never read as part of the extension.
    expect(decodeMember('1001;timeout=5')).toEqual({ extension: '1001', unknownOptions: ['timeout=5'] });
  });

  it.each<[Fallback, string]>([
    [{ type: 'user', extension: '1001' }, 'user_1001'],
    [{ type: 'voicemail', extension: '1001' }, 'vmail_1001'],
    [{ type: 'group_voicemail', extension: '2000' }, 'vmail_2000'],
    [{ type: 'auto_attendant', extension: '3000' }, '3000'],
    [{ type: 'call_queue', extension: '4000' }, 'queue_4000'],
  ])('round-trips %o as %s', (fallback, encoded) => {
    const typeOf = (ext: string) => (ext === '3000' ? 'auto_attendant' : ext === '4000' ? 'call_queue' : 'user');
    expect(encodeFallback(fallback)).toBe(encoded);
    expect(decodeFallback(encoded, '2000', typeOf)).toEqual(fallback);
  });

  it('decodes a bare extension by what the extension is, and refuses an attendant name', () => {
    const typeOf = (ext: string) => (ext === '3000' ? 'auto_attendant' : ext === '4000' ? 'call_queue' : 'user');
    expect(decodeFallback('1001', '2000', typeOf)).toEqual({ type: 'user', extension: '1001' });
    expect(decodeFallback('3000', '2000', typeOf)).toEqual({ type: 'auto_attendant', extension: '3000' });
    expect(decodeFallback('4000', '2000', typeOf)).toEqual({ type: 'call_queue', extension: '4000' });
    // The spec's `aa_` carries an attendant *name*: not an extension pbxctl can point at.
    expect(decodeFallback('aa_Main', '2000', typeOf)).toBeUndefined();
    expect(decodeFallback('Prompt_5', '2000', typeOf)).toBeUndefined();
  });
});

describe('ring_group toComparable', () => {
  it('normalises shorthand members (strings and numbers) and keeps their order', () => {
    const c = comparable({
      extension: '2000',
      name: ' Front Desk ',
      members: ['1002', 1003, { extension: '1001', delay_seconds: 20 }],
      ring_timeout: 30,
    });
    expect(c).toEqual({
      name: 'Front Desk',
      members: [{ extension: '1002' }, { extension: '1003' }, { extension: '1001', delay_seconds: 20 }],
      ring_timeout: 30,
    });
  });

  it.each<[RingGroupSpec['fallback'], unknown]>([
    [{ user: '1001' }, { type: 'user', extension: '1001' }],
    [{ voicemail: 1001 as unknown as string }, { type: 'voicemail', extension: '1001' }],
    [{ group_voicemail: true }, { type: 'group_voicemail', extension: '2000' }],
    // The platform cannot tell the group's own box named as `voicemail` from group_voicemail.
    [{ voicemail: '2000' }, { type: 'group_voicemail', extension: '2000' }],
    [{ auto_attendant: '3000' }, { type: 'auto_attendant', extension: '3000' }],
    [{ call_queue: '4000' }, { type: 'call_queue', extension: '4000' }],
    [{}, null],
    [{ group_voicemail: false }, null],
  ])('fallback %o → %o', (fallback, expected) => {
    expect(comparable({ extension: '2000', name: 'G', fallback }).fallback).toEqual(expected);
  });

  it('manages only what the entry sets', () => {
    expect(Object.keys(comparable({ extension: '2000', name: 'G' }))).toEqual(['name']);
  });

  it('normalises allow/block like users', () => {
    const c = comparable({ extension: '2000', name: 'G', block: ['anonymous', '+1 800 555 0199', '8005550199'] });
    expect(c.block).toEqual(['18005550199', 'anonymous']);
  });
});

describe('ring_group live mapping', () => {
  it('reads the group record and its default answer rule', () => {
    const live = liveGroup(
      {
        'name-first-name': 'Front Desk',
        department: 'Sales',
        site: 'HQ',
        'ring-no-answer-timeout-seconds': '30',
        'voicemail-enabled': 'yes',
      },
      {
        'time-frame': '*',
        'simultaneous-ring': { enabled: 'yes', parameters: ['1001;delay=20', '1002'] },
        'forward-no-answer': { enabled: 'yes', parameters: ['vmail_2000'] },
        'forward-on-spam-call': { enabled: 'yes', parameters: ['<Reject>'] },
        'phone-numbers-to-reject': { enabled: 'yes', parameters: ['anonymous'] },
      },
      ['12125550100'],
    );
    expect(live.comparable).toEqual({
      name: 'Front Desk',
      department: 'Sales',
      site: 'HQ',
      ring_timeout: 30,
      members: [{ extension: '1001', delay_seconds: 20 }, { extension: '1002' }],
      fallback: { type: 'group_voicemail', extension: '2000' },
      // Drop's encoding is unknown by default: the live value is shown verbatim, never taken for an action.
      spam: '<Reject>',
      allow: [],
      block: ['anonymous'],
      phone_numbers: ['12125550100'],
    });
  });

  it('a group without a default rule rings nobody and has no fallback', () => {
    const c = liveGroup({ 'name-first-name': 'G' }).comparable;
    expect(c).toMatchObject({ members: [], fallback: null, spam: 'ring', allow: [], block: [] });
  });

  it('a disabled sim-ring or forward counts as empty', () => {
    const c = liveGroup(
      { 'name-first-name': 'G' },
      {
        'simultaneous-ring': { enabled: 'no', parameters: ['1001'] },
        'forward-no-answer': { enabled: 'no', parameters: ['user_1001'] },
      },
    ).comparable;
    expect(c).toMatchObject({ members: [], fallback: null });
  });

  it('forwarding to its own switched-off mailbox is no fallback', () => {
    const c = liveGroup(
      { 'name-first-name': 'G', 'voicemail-enabled': 'no' },
      { 'forward-no-answer': { enabled: 'yes', parameters: ['vmail_2000'] } },
    ).comparable;
    expect(c.fallback).toBeNull();
  });
});

describe('ring_group export round-trip', () => {
  const cases: Array<[string, LiveObject<RingGroupPlatform>]> = [
    [
      'full',
      liveGroup(
        { 'name-first-name': 'Front Desk', department: 'Sales', site: 'HQ', 'ring-no-answer-timeout-seconds': 30 },
        {
          'simultaneous-ring': { enabled: 'yes', parameters: ['1001;delay=20', '1002'] },
          'forward-no-answer': { enabled: 'yes', parameters: ['user_1003'] },
          'forward-on-spam-call': { enabled: 'yes', parameters: ['vmail_2000'] },
          'phone-numbers-to-allow': { enabled: 'yes', parameters: ['12125550142'] },
          'phone-numbers-to-reject': { enabled: 'yes', parameters: ['anonymous', '18005550199'] },
        },
      ),
    ],
    ['bare', liveGroup({ 'name-first-name': 'Empty', department: '', site: '', 'ring-no-answer-timeout-seconds': 25 })],
    [
      'group voicemail',
      liveGroup(
        { 'name-first-name': 'Support', 'voicemail-enabled': 'yes' },
        {
          'simultaneous-ring': { enabled: 'yes', parameters: ['1001'] },
          'forward-no-answer': { enabled: 'yes', parameters: ['vmail_2000'] },
        },
      ),
    ],
  ];
  it.each(cases)('%s: export → toComparable plans to zero changes', (_name, live) => {
    const spec = ringGroupKind.export(live);
    const desired = comparable(spec);
    expect(diffFields('ring_group', desired, live.comparable)).toEqual([]);
    for (const [k, v] of Object.entries(desired)) expect(v).toEqual(live.comparable[k]);
  });

  it('exports members without a ring time as the shorthand', () => {
    const spec = ringGroupKind.export(cases[0]![1]);
    expect(spec.members).toEqual([{ extension: '1001', delay_seconds: 20 }, '1002']);
    expect(spec.fallback).toEqual({ user: '1003' });
    expect(spec.spam).toBe('voicemail');
  });
});

describe('ring_group references: ordering and blast radius', () => {
  const user = (ext: string): LiveObject => ({
    kind: 'user',
    domain: DOMAIN,
    key: ext,
    comparable: { first_name: `U${ext}`, last_name: 'X', phone_numbers: [] } as Comparable,
    platform: {},
  });

  it('lists members and fallback, not the group mailbox', () => {
    const refs = ringGroupKind.references(
      '2000',
      comparable({ extension: '2000', name: 'G', members: ['1001', '1002'], fallback: { user: '1003' } }),
    );
    const group = { kind: 'ring_group', key: '2000' };
    expect(refs).toEqual([
      { from: 'ring_group 2000', source: group, relation: 'member', kind: ANY_EXTENSION, key: '1001' },
      { from: 'ring_group 2000', source: group, relation: 'member', kind: ANY_EXTENSION, key: '1002' },
      { from: 'ring_group 2000', source: group, relation: 'fallback', kind: ANY_EXTENSION, key: '1003' },
    ]);
    expect(
      ringGroupKind.references(
        '2000',
        comparable({ extension: '2000', name: 'G', fallback: { group_voicemail: true } }),
      ),
    ).toEqual([]);
  });

  it('deleting a user the group rings shows the group in the blast radius and goes after the group changes', () => {
    const group = liveGroup(
      { 'name-first-name': 'G' },
      {
        'simultaneous-ring': { enabled: 'yes', parameters: ['1001', '1002'] },
        'forward-no-answer': { enabled: 'yes', parameters: ['vmail_1001'] },
      },
    );
    const desired = desiredState({
      domain: DOMAIN,
      policy: { prune: true },
      objects: {
        user: [{ extension: '1002', first_name: 'U1002', last_name: 'X' }],
        ring_group: [{ extension: '2000', name: 'G', members: ['1002'], fallback: { group_voicemail: true } }],
      },
    });
    const live = {
      domain: DOMAIN,
      objects: new Map([
        ['user', [user('1001'), user('1002')]],
        ['ring_group', [group]],
      ]),
      extensions: new Set(['1001', '1002', '2000']),
    };
    const plan = computePlan({ desired, live });
    const del = plan.changes.find((c) => c.id === 'user:1001');
    expect(del?.action).toBe('delete');
    expect(del?.references).toEqual(
      expect.arrayContaining([
        { from: 'ring_group 2000', relation: 'member', extension: '1001' },
        { from: 'ring_group 2000', relation: 'fallback', extension: '1001' },
      ]),
    );
    expect(del?.dependsOn).toContain('ring_group:2000');
  });

  it('creating a group waits for the members it rings', () => {
    const desired = desiredState({
      domain: DOMAIN,
      objects: {
        user: [{ extension: '1001', first_name: 'A', last_name: 'B' }],
        ring_group: [{ extension: '2000', name: 'G', members: ['1001'] }],
      },
    });
    const plan = computePlan({ desired, live: { domain: DOMAIN, objects: new Map(), extensions: new Set<string>() } });
    expect(plan.changes.map((c) => c.id)).toEqual(['user:1001', 'ring_group:2000']);
    expect(plan.changes[1]?.dependsOn).toEqual(['user:1001']);
  });
});

describe('ring_group in the desired-state file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pbxctl-rg-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts mixed shorthand and long-form members and normalises them', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        `domain: ${DOMAIN}`,
        'ring_groups:',
        '  - extension: "2000"',
        '    name: Front Desk',
        '    members: [{ extension: "1001", delay_seconds: 20 }, "1002", "1003"]',
        '    ring_timeout: 30',
        '    fallback: { voicemail: "1001" }',
        '',
      ].join('\n'),
    );
    const [domain] = loadDesiredState(file).domains;
    const [group] = domain?.objects.get('ring_group') ?? [];
    expect(group?.key).toBe('2000');
    expect(group?.comparable).toEqual({
      name: 'Front Desk',
      members: [{ extension: '1001', delay_seconds: 20 }, { extension: '1002' }, { extension: '1003' }],
      ring_timeout: 30,
      fallback: { type: 'voicemail', extension: '1001' },
    });
  });

  it('rejects unknown member fields and fallback targets', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        `domain: ${DOMAIN}`,
        'ring_groups:',
        '  - extension: "2000"',
        '    name: G',
        '    members: [{ extension: "1001", ring_secs: 5 }]',
        '    fallback: { pager: "1001" }',
        '',
      ].join('\n'),
    );
    let issues: readonly DesiredStateIssue[] = [];
    try {
      loadDesiredState(file);
    } catch (err) {
      issues = (err as DesiredStateError).issues;
    }
    const messages = issues.map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'ring_groups[0].members[0].ring_secs: unknown field "ring_secs"',
        'ring_groups[0].fallback.pager: unknown field "pager"',
      ]),
    );
  });
});
