/**
 * A target that exists nowhere is reported at the field that names it (issue 16: "file:line, field"), not
 * at the entry's first line: ring-group members and fallbacks, call-queue agents and overflow, attendant
 * menu destinations and time frames. Through the loader (both of its YAML readers) and the plan's check.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../desired/load-desired-state';
import { DesiredStateError } from '../errors';
import { assertReferencesExist } from '../plan/references';
import { type PhoneNumberSpec, phoneNumberKind } from './phone-number';

const DOMAIN = 'reffields.example.com';
const dir = mkdtempSync(join(tmpdir(), 'pbxctl-reffields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = `version: 1
domain: ${DOMAIN}
users:
  - { extension: "1001", first_name: Ada, last_name: Lovelace }
  - { extension: "1002", first_name: Alan, last_name: Turing }
`;
const missing = `is not an extension in the files or on ${DOMAIN}`;

function load(body: string) {
  const file = join(dir, 'refs.yaml');
  writeFileSync(file, `${HEAD}${body}`);
  return loadDesiredState(file, { cwd: dir }).domains[0]!;
}

/** [path, line, message] of each missing target, against a platform that has nothing. */
function missingTargets(body: string): Array<[string, number | undefined, string]> {
  const live = { domain: DOMAIN, objects: new Map(), extensions: new Set<string>() };
  try {
    assertReferencesExist(load(body), live);
  } catch (err) {
    if (err instanceof DesiredStateError) return err.issues.map((i) => [i.path, i.position?.line, i.message]);
    throw err;
  }
  return [];
}

/**
 * The same, read by the fast reader and by the `yaml` library (a document-end marker sends the file to the
 * library): the two record positions separately, so both must agree.
 */
function bothReaders(body: string) {
  const fast = missingTargets(body);
  expect(missingTargets(`${body}...\n`)).toEqual(fast);
  return fast;
}

describe('a missing target is reported at the field that names it', () => {
  it('ring groups: members[i] and fallback.<word>', () => {
    const body = `ring_groups:
  - extension: "2000"
    name: Front desk
    members:
      - "1001"
      - { extension: "1002", delay_seconds: 5 }
      - "1009"
    fallback:
      user: "1008"
`;
    expect(bothReaders(body)).toEqual([
      ['ring_groups[0].members[2]', 12, `member 1009 ${missing}`],
      ['ring_groups[0].fallback.user', 14, `fallback 1008 ${missing}`],
    ]);
    // A target the file has is no error; a flow-style list is reported on its one line.
    expect(bothReaders('ring_groups:\n  - { extension: "2000", name: G, members: ["1001", "1007"] }\n')).toEqual([
      ['ring_groups[0].members[1]', 7, `member 1007 ${missing}`],
    ]);
  });

  it('call queues: agents[i] and overflow.<word>', () => {
    const body = `call_queues:
  - extension: "3100"
    name: Sales
    agents:
      - "1001"
      - "1007"
    overflow_after: 60
    overflow:
      ring_group: "2009"
`;
    expect(bothReaders(body)).toEqual([
      ['call_queues[0].agents[1]', 11, `member 1007 ${missing}`],
      ['call_queues[0].overflow.ring_group', 14, `fallback 2009 ${missing}`],
    ]);
  });

  it('auto attendants: options[i].destination.<word> in the file order (not keypad order), and time_frame', () => {
    const body = `auto_attendants:
  - extension: "3000"
    name: Main
    time_frame: Weekdays
    options:
      - digit: "0"
        destination: { user: "1001" }
      - digit: "1"
        destination:
          call_queue: "3109"
      - { digit: "2", destination: { voicemail: "1006" } }
    no_input: "1"
`;
    expect(bothReaders(body)).toEqual([
      // Keypad order puts key 1 first in the content; the file has it second.
      ['auto_attendants[0].options[1].destination.call_queue', 15, `fallback 3109 ${missing}`],
      ['auto_attendants[0].options[2].destination.voicemail', 16, `fallback 1006 ${missing}`],
      ['auto_attendants[0].time_frame', 9, `fallback Weekdays is not a time_frame in the files or on ${DOMAIN}`],
    ]);
  });

  it('phone numbers: the destination names its field, and the loader records that line', () => {
    // `routes_to` need not exist (RELATIONS): a number that reaches nobody is the plan's call-flow check,
    // so there is no error here; the reference still says where the file routes the number.
    const body = `phone_numbers:
  - number: "+1 312 555 0100"
    caller_name_prefix: "Main: "
    destination:
      ring_group: "2009"
`;
    expect(bothReaders(body)).toEqual([]);
    const d = load(body).objects.get('phone_number')![0]!;
    expect(phoneNumberKind.references(d.key, d.comparable, d.spec as unknown as PhoneNumberSpec)).toMatchObject([
      { relation: 'routes_to', key: '2009', field: 'destination.ring_group' },
    ]);
    expect(d.positions?.['destination.ring_group']).toMatchObject({ line: 10, column: 19 });
  });
});
