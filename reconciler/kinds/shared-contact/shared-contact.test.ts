import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../desired/load-desired-state';
import { computePlan, diffFields } from '../../plan/compute-plan';
import { decodeContactTags, encodeContactTags } from '../../platform/codec';
import type { LiveObject } from '../kind';
import { desiredState } from '../test-support/desired-state';
import { describeChanges, ladderStep, readKinds } from '../test-support/ladder';
import { startTestPlatform, type TestPlatform } from '../test-support/test-platform';
import { contactKey, liveComparable, type SharedContactPlatform, type SharedContactSpec, sharedContactKind } from '.';

const DOMAIN = 'acme.example.com';
const noSecrets = () => undefined;
const comparable = (spec: SharedContactSpec) => sharedContactKind.toComparable(spec, noSecrets);

function live(record: Record<string, unknown>): LiveObject<SharedContactPlatform> {
  const contact: Record<string, unknown> = { 'unique-id': 'abc123', ...record };
  return {
    kind: 'shared_contact',
    domain: DOMAIN,
    key: contactKey(contact['name-first-name'], contact['name-last-name'], contact.company),
    comparable: liveComparable(contact),
    platform: { contact, id: 'abc123' },
  };
}

describe('shared_contact key', () => {
  it('is "first last @ company", case- and spacing-insensitive', () => {
    expect(sharedContactKind.key({ first_name: 'Acme', last_name: 'Plumbing', company: 'Acme' })).toBe(
      'acme plumbing @ acme',
    );
    expect(contactKey(' ACME ', 'plumbing', 'Acme  ')).toBe('acme plumbing @ acme');
    expect(contactKey('Pizza', '', '')).toBe('pizza');
    expect(contactKey('', '', 'Acme Corp')).toBe('@ acme corp');
  });

  it('labels in the case people wrote', () => {
    expect(
      sharedContactKind.label(
        'acme plumbing @ acme',
        comparable({ first_name: 'Acme', last_name: 'Plumbing', company: 'Acme' }),
      ),
    ).toBe('Acme Plumbing @ Acme');
    expect(sharedContactKind.label('acme @ acme #2', comparable({ first_name: 'Acme', company: 'Acme' }))).toBe(
      'Acme @ Acme #2',
    );
  });
});

describe('codec: contact tags', () => {
  it('joins with commas and splits on commas or semicolons', () => {
    expect(encodeContactTags(['vendor', 'plumbing'])).toBe('vendor,plumbing');
    expect(decodeContactTags(' vendor, plumbing;;x ')).toEqual(['vendor', 'plumbing', 'x']);
    expect(decodeContactTags('')).toEqual([]);
    expect(decodeContactTags(undefined)).toEqual([]);
  });
});

describe('shared_contact toComparable and live mapping', () => {
  it('normalises numbers, e-mail and tags; identity fields are always present', () => {
    expect(
      comparable({
        first_name: ' Acme ',
        email: 'Help@Acme.EXAMPLE.com',
        phones: { work: '+1 (212) 555-0111', cell: '212 555 0112' },
        tags: ['vendor', ' vendor', 'plumbing'],
      }),
    ).toEqual({
      first_name: 'Acme',
      last_name: '',
      company: '',
      email: 'help@acme.example.com',
      phones: { work: '12125550111', cell: '12125550112' },
      tags: ['plumbing', 'vendor'],
    });
  });

  it('reads every field, with empty strings for what is unset, and never the unique-id', () => {
    const l = live({
      'name-first-name': 'Acme',
      'name-last-name': 'Plumbing',
      company: 'Acme',
      'phonenumber-work': '2125550111',
      tags: 'vendor',
    });
    expect(l.comparable).toEqual({
      first_name: 'Acme',
      last_name: 'Plumbing',
      company: 'Acme',
      email: '',
      phones: { work: '12125550111', cell: '', fax: '', home: '' },
      tags: ['vendor'],
    });
    expect(JSON.stringify(l.comparable)).not.toContain('abc123');
  });

  it('leaves phone types the entry does not name unmanaged', () => {
    const l = live({ 'name-first-name': 'Acme', 'phonenumber-work': '12125550111', 'phonenumber-cell': '12125550112' });
    expect(
      diffFields(
        'shared_contact',
        comparable({ first_name: 'Acme', phones: { work: '+1 212 555 0111' } }),
        l.comparable,
      ),
    ).toEqual([]);
  });
});

describe('shared_contact export round-trip', () => {
  it.each([
    [
      'full',
      live({
        'name-first-name': 'Acme',
        'name-last-name': 'Plumbing',
        company: 'Acme',
        email: 'Help@acme.example.com',
        'phonenumber-work': '12125550111',
        'phonenumber-fax': '+1 212 555 0119',
        tags: 'vendor,plumbing',
      }),
    ],
    ['name only', live({ 'name-first-name': 'Pizza' })],
    ['company only', live({ 'name-first-name': '', company: 'Acme Corp' })],
  ])('%s: export → toComparable plans to zero changes', (_name, l) => {
    const spec = sharedContactKind.export(l);
    expect(JSON.stringify(spec)).not.toContain('abc123');
    const d = comparable(spec);
    expect(sharedContactKind.key(spec)).toBe(l.key);
    expect(diffFields('shared_contact', d, l.comparable)).toEqual([]);
    for (const [k, v] of Object.entries(d)) {
      if (k === 'phones')
        for (const [slot, n] of Object.entries(v as object))
          expect(n).toBe((l.comparable.phones as Record<string, string>)[slot]);
      else expect(v).toEqual(l.comparable[k]);
    }
  });
});

describe('shared_contacts in the desired-state file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pbxctl-sc-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the design example', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        `domain: ${DOMAIN}`,
        'shared_contacts:',
        '  - { first_name: Acme, last_name: Plumbing, company: Acme, phones: { work: "+1 212 555 0111" }, tags: [vendor] }',
        '',
      ].join('\n'),
    );
    const [c] = loadDesiredState(file).domains[0]?.objects.get('shared_contact') ?? [];
    expect(c?.key).toBe('acme plumbing @ acme');
    expect(c?.comparable.phones).toEqual({ work: '12125550111' });
  });
});

describe('shared_contact idempotence ladder (emulator, real HTTP)', () => {
  let platform: TestPlatform;
  const state = (contacts: SharedContactSpec[], prune = false) =>
    desiredState({ domain: DOMAIN, policy: { prune }, objects: { shared_contact: contacts } });
  const contacts = () => platform.emulator.state().domains[DOMAIN]?.contacts ?? [];

  beforeAll(async () => {
    platform = await startTestPlatform({ domains: { [DOMAIN]: {} } });
  });
  afterAll(async () => platform?.close());

  it('empty', async () => {
    const step = await ladderStep(platform.client, state([]));
    expect(describeChanges(step.plan)).toEqual([]);
    expect(describeChanges(step.replan)).toEqual([]);
  });

  it('create', async () => {
    const step = await ladderStep(
      platform.client,
      state([
        {
          first_name: 'Acme',
          last_name: 'Plumbing',
          company: 'Acme',
          phones: { work: '+1 212 555 0111' },
          tags: ['vendor'],
        },
        { first_name: 'Pizza', email: 'orders@pizza.example.com' },
      ]),
    );
    expect(step.plan.changes.map((c) => `${c.key} ${c.action}`)).toEqual([
      'acme plumbing @ acme create',
      'pizza create',
    ]);
    expect(describeChanges(step.replan)).toEqual([]);
    // The spec wants every name and phone field on POST: unset ones went as empty strings.
    expect(contacts().find((c) => c['name-first-name'] === 'Pizza')).toMatchObject({
      'name-last-name': '',
      'phonenumber-work': '',
      email: 'orders@pizza.example.com',
      tags: '',
    });
  });

  it('export of the live contacts plans to zero changes', async () => {
    const live = await readKinds(platform.client, state([]), { full: true });
    const exported = (live.objects.get('shared_contact') ?? []).map((l) =>
      sharedContactKind.export(l as LiveObject<SharedContactPlatform>),
    );
    const desired = state(exported);
    expect(describeChanges(computePlan({ desired, live: await readKinds(platform.client, desired) }))).toEqual([]);
  });

  it('change: e-mail, a phone, tags and the case of a name; unmanaged fields survive', async () => {
    platform.emulator.mutate((s) => {
      const c = s.domains[DOMAIN]?.contacts.find((x) => x['name-first-name'] === 'Acme');
      if (c) c['phonenumber-cell'] = '12125550112';
    });
    const step = await ladderStep(
      platform.client,
      state([
        {
          first_name: 'ACME',
          last_name: 'Plumbing',
          company: 'Acme',
          email: 'help@acme.example.com',
          phones: { work: '+1 212 555 0199' },
          tags: ['vendor', 'plumbing'],
        },
        { first_name: 'Pizza', email: 'orders@pizza.example.com' },
      ]),
    );
    expect(describeChanges(step.plan)).toEqual([
      'shared_contact:acme plumbing @ acme update [email, first_name, phones.work, tags]',
    ]);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(contacts().find((c) => c['name-last-name'] === 'Plumbing')).toMatchObject({
      'name-first-name': 'ACME',
      'phonenumber-work': '12125550199',
      'phonenumber-cell': '12125550112',
      tags: 'plumbing,vendor',
    });
  });

  it('delete (prune)', async () => {
    const step = await ladderStep(platform.client, state([{ first_name: 'Pizza' }], true));
    expect(describeChanges(step.plan)).toEqual(['shared_contact:acme plumbing @ acme delete']);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(contacts().map((c) => c['name-first-name'])).toEqual(['Pizza']);
  });

  it('duplicates on the platform get #n keys: unmanaged without prune, removed with it', async () => {
    const twin = {
      'name-first-name': 'Pizza',
      email: 'orders@pizza.example.com',
      'created-datetime': '2099-01-01T00:00:00Z',
    };
    platform.emulator.mutate((s) => {
      s.domains[DOMAIN]?.contacts.push({ ...twin, 'unique-id': 'twin1' });
    });
    const keep = await ladderStep(platform.client, state([{ first_name: 'Pizza' }]));
    expect(describeChanges(keep.plan)).toEqual([]);
    expect(keep.replan.unmanaged.map((u) => `${u.key} | ${u.label}`)).toEqual(['pizza #2 | Pizza #2']);
    const prune = await ladderStep(platform.client, state([{ first_name: 'Pizza' }], true));
    expect(describeChanges(prune.plan)).toEqual(['shared_contact:pizza #2 delete']);
    expect(describeChanges(prune.replan)).toEqual([]);
    expect(contacts().map((c) => c['unique-id'])).not.toContain('twin1');
  });
});
