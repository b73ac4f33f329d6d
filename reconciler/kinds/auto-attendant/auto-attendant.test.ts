import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../desired/load-desired-state';
import { DesiredStateError, type DesiredStateIssue } from '../../errors';
import { assertReferencesExist } from '../../plan/references';
import { desiredState } from '../test-support/desired-state';
import { type AutoAttendantSpec, autoAttendantKind } from '.';
import { liveComparable, tierBody } from './spec';

const DOMAIN = 'aa.example.com';
const comparable = (spec: AutoAttendantSpec) => autoAttendantKind.toComparable(spec, () => undefined);

describe('auto_attendant content', () => {
  it('user, ring group and attendant are one destination; options are in keypad order', () => {
    expect(
      comparable({
        extension: '3000',
        name: ' Main ',
        options: [
          { digit: '0', destination: { user: '1000' } },
          { digit: '*', destination: { voicemail: '1000' } },
          { digit: '1', destination: { ring_group: '2000' } },
          { digit: '2', destination: { call_queue: '3100' } },
        ],
        no_input: '0',
      }),
    ).toEqual({
      name: 'Main',
      options: [
        { digit: '1', destination: { extension: '2000' } },
        { digit: '2', destination: { call_queue: '3100' } },
        { digit: '0', destination: { extension: '1000' } },
        { digit: '*', destination: { voicemail: '1000' } },
      ],
      no_input: '0',
    });
  });

  it('maps the platform menu; a sub-menu is left out (unmanaged) and an empty fail option is "repeat"', () => {
    const record = {
      'attendant-name': 'Main',
      user: '3000',
      'time-frame': 'Business Hours',
      'auto-attendant': {
        'intro-greetings': 'main-menu',
        'no-key-press': 'option-0',
        'unassigned-key-press': '',
        'option-1': { 'destination-application': 'to-user', 'destination-user': '2000' },
        'option-5': { 'auto-attendant': { 'option-1': { 'destination-application': 'to-user' } } },
        'option-0': { 'destination-application': 'to-voicemail', 'destination-user': '1000' },
      },
    };
    expect(liveComparable(record, 'intro-greetings')).toEqual({
      name: 'Main',
      time_frame: 'Business Hours',
      greeting: 'main-menu',
      options: [
        { digit: '1', destination: { extension: '2000' } },
        { digit: '0', destination: { voicemail: '1000' } },
      ],
      no_input: '0',
      invalid: 'repeat',
    });
    // A write removes the managed key the file dropped (the spec's `remove: yes`) and keeps the sub-menu.
    const tier = tierBody(
      { options: [{ digit: '0', destination: { call_queue: '3100' } }], no_input: 'hangup' },
      record['auto-attendant'],
      'intro-greetings',
    );
    expect(tier['option-1']).toEqual({ remove: 'yes' });
    expect(tier['option-5']).toEqual(record['auto-attendant']['option-5']);
    expect(tier['option-0']).toMatchObject({ 'destination-application': 'to-callqueue', 'destination-user': '3100' });
    expect(tier['no-key-press']).toBe('hangup');
  });

  it('impact names keys and extensions, for the menu and for callers who press nothing', () => {
    const before = comparable({
      extension: '3000',
      name: 'M',
      options: [{ digit: '1', destination: { user: '1001' } }],
      no_input: 'repeat',
    });
    const after = comparable({
      extension: '3000',
      name: 'M',
      options: [
        { digit: '1', destination: { ring_group: '2000' } },
        { digit: '0', destination: { user: '1000' } },
      ],
      no_input: '0',
    });
    expect(autoAttendantKind.impact?.('3000', before, after, ['options', 'no_input'])).toEqual([
      'press 1 at attendant 3000 reaches 2000 (was 1001)',
      'press 0 at attendant 3000 reaches 1000 (was nothing)',
      'at attendant 3000, a caller who presses nothing reaches 1000 (was: hears the menu again)',
    ]);
  });

  it('references every destination and the time frame; a missing one is an error', () => {
    const spec: AutoAttendantSpec = {
      extension: '3000',
      name: 'M',
      time_frame: 'Business Hours',
      options: [{ digit: '1', destination: { ring_group: '2000' } }],
    };
    expect(
      autoAttendantKind.references('3000', comparable(spec)).map((r) => `${r.relation} ${r.kind} ${r.key}`),
    ).toEqual(['fallback extension 2000', 'fallback time_frame Business Hours']);
    const desired = desiredState({ domain: DOMAIN, objects: { auto_attendant: [spec] } });
    const live = { domain: DOMAIN, objects: new Map(), extensions: new Set<string>() };
    let issues: readonly DesiredStateIssue[] = [];
    try {
      assertReferencesExist(desired, live);
    } catch (err) {
      issues = (err as DesiredStateError).issues;
    }
    expect(issues.map((i) => i.message)).toEqual([
      `fallback 2000 is not an extension in the files or on ${DOMAIN}`,
      `fallback Business Hours is not a time_frame in the files or on ${DOMAIN}`,
    ]);
  });
});

describe('auto_attendants in the desired-state file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pbxctl-aa-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const load = (body: string): readonly DesiredStateIssue[] => {
    const file = join(dir, 'aa.yaml');
    writeFileSync(file, `version: 1\ndomain: ${DOMAIN}\nauto_attendants:\n${body}`);
    try {
      loadDesiredState(file, { cwd: dir });
      return [];
    } catch (err) {
      if (err instanceof DesiredStateError) return err.issues;
      throw err;
    }
  };

  it('no_input naming a key the menu lacks, and a key used twice, are errors at their line', () => {
    const issues = load(
      [
        '  - extension: "3000"',
        '    name: Main',
        '    options:',
        '      - { digit: "1", destination: { user: "1000" } }',
        '      - { digit: "1", destination: { user: "1001" } }',
        '    no_input: "9"',
        '',
      ].join('\n'),
    );
    expect(issues.map((i) => `${i.position?.line} ${i.path}: ${i.message}`)).toEqual([
      '8 auto_attendants[0].options[1].digit: key 1 is on the menu twice',
      '9 auto_attendants[0].no_input: no_input: "9" is not a key of this menu',
    ]);
    expect(issues[1]?.hint).toContain('repeat or hangup');
  });

  it('an option with two destinations, or an unknown fail option, is refused by the schema', () => {
    const issues = load(
      [
        '  - extension: "3000"',
        '    name: Main',
        '    options: [{ digit: "1", destination: { user: "1000", call_queue: "3100" } }]',
        '    invalid: operator',
        '',
      ].join('\n'),
    );
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['auto_attendants[0].options[0].destination', 'auto_attendants[0].invalid']),
    );
  });

  it('a key with an empty destination, and an agent listed twice in a queue, are errors at their line', () => {
    const issues = load(
      [
        '  - extension: "3000"',
        '    name: Main',
        '    options: [{ digit: "1", destination: {} }]',
        'call_queues:',
        '  - extension: "3100"',
        '    name: Support',
        '    agents: ["1001", "1002", "1001"]',
        '',
      ].join('\n'),
    );
    expect(issues.map((i) => `${i.position?.line} ${i.path}: ${i.message}`)).toEqual([
      '6 auto_attendants[0].options[0].destination: key 1 has no destination',
      '10 call_queues[0].agents[2]: agent 1001 is listed twice',
    ]);
  });
});
