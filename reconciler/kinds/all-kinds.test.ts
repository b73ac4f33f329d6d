/**
 * Every kind together, over real HTTP against the emulator in strict-contract mode (each request body the
 * client sends is validated against the OpenAPI request schema; violations fail the request with 400).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { applyDomainPlan } from '../apply/apply-plan';
import { loadDesiredState } from '../desired/load-desired-state';
import { DesiredStateError } from '../errors';
import { exportDomain } from '../export/export-domain';
import { NetSapiensClient } from '../platform/client';
import { planDomain } from '../pipeline';
import { KINDS } from './registry';
import { envSecretResolver } from './secret';

const ROOT = resolve(__dirname, '../..');
const RESOURCES = new Set([
  'domains',
  'users',
  'devices',
  'answerrules',
  'contacts',
  'number-filters',
  'phonenumbers',
  'email',
  'timeframes',
]);
const KEY = 'nsd_all_kinds_test_00000000000000000000000000000000000000000000';
const SECRETS = envSecretResolver({ VM_PIN_1000: '4821', VM_PIN_1001: '2468' });
let emu: RunningEmulator | undefined;
let client: NetSapiensClient | undefined;

async function platform(seed: string | object) {
  emu = await startEmulator({ seed: seed as string, apiKeys: [KEY], strictRequests: true });
  client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
  return { emu, client };
}

afterEach(async () => {
  await client?.close();
  await emu?.close();
  client = undefined;
  emu = undefined;
});

async function planPath(c: NetSapiensClient, path: string, flags = {}) {
  const state = loadDesiredState(path, { secrets: SECRETS });
  return planDomain(c, state.domains[0]!, flags);
}

describe('all kinds, small office', () => {
  it('the example uses every kind', () => {
    const state = loadDesiredState(join(ROOT, 'examples/small-office'), { secrets: SECRETS });
    expect([...state.domains[0]!.objects.keys()].sort()).toEqual(KINDS.map((k) => k.name).sort());
  });

  it('plan → apply → plan converges with no contract violation, for every endpoint the kinds write', async () => {
    const { emu, client } = await platform(join(ROOT, 'examples/demo/seed.yaml'));
    const example = join(ROOT, 'examples/small-office');
    const run = await planPath(client, example);
    expect(new Set(run.plan.changes.map((c) => c.kind))).toEqual(new Set(KINDS.map((k) => k.name)));
    const results = await applyDomainPlan({ plan: run.plan, desired: run.desired, live: run.live, client });
    expect(results.filter((r) => r.result !== 'applied')).toEqual([]);
    expect(emu.contractViolations).toEqual([]);
    const methods = new Set(
      emu.requests
        .list()
        .filter((r) => r.method !== 'GET')
        .map(
          (r) =>
            `${r.method} ${r.path
              .split('/')
              .map((seg, i) => (i === 2 || (i > 2 && !RESOURCES.has(seg)) ? '{}' : seg))
              .join('/')}`,
        ),
    );
    // Users, devices, answer rules, contacts, number filters and e-mail were all written.
    for (const expected of [
      'PUT /domains/{}/users/{}',
      'POST /domains/{}/users',
      'POST /domains/{}/users/{}/devices',
      'POST /domains/{}/users/{}/answerrules',
      'PUT /domains/{}/users/{}/answerrules/{}',
      'POST /domains/{}/contacts',
      'PUT /domains/{}/contacts/{}',
      'POST /domains/{}/number-filters',
      'POST /domains/{}/users/{}/email',
      'POST /domains/{}/timeframes',
    ]) {
      expect([...methods]).toContain(expected);
    }
    const again = await planPath(client, example);
    expect(again.plan.changes).toEqual([]);
  });

  it('export of a domain holding every kind plans to zero changes', async () => {
    const { client } = await platform(join(ROOT, 'examples/demo/seed.yaml'));
    const example = join(ROOT, 'examples/small-office');
    const run = await planPath(client, example);
    await applyDomainPlan({ plan: run.plan, desired: run.desired, live: run.live, client });
    const exported = await exportDomain(client, 'acme.example.com');
    for (const kind of KINDS) expect(exported.counts[kind.name]).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-export-'));
    writeFileSync(join(dir, 'acme.yaml'), exported.yaml);
    const state = loadDesiredState(dir, { secrets: envSecretResolver({}) });
    const replan = await planDomain(client, state.domains[0]!);
    expect(replan.plan.changes.map((c) => `${c.action} ${c.id} ${c.fields.map((f) => f.path)}`)).toEqual([]);
    expect(replan.plan.unmanaged).toEqual([]);
    expect(exported.yaml).not.toMatch(/4821|2468/);
  });

  it('the SIP password the platform generates never reaches a plan or an export', async () => {
    const { emu, client } = await platform(join(ROOT, 'examples/demo/seed.yaml'));
    const example = join(ROOT, 'examples/small-office');
    const run = await planPath(client, example);
    await applyDomainPlan({ plan: run.plan, desired: run.desired, live: run.live, client });
    const passwords = emu
      .state()
      .domains['acme.example.com']!.devices.map((d) => String(d['device-sip-registration-password'] ?? ''));
    expect(passwords.filter((p) => p.length >= 8).length).toBeGreaterThanOrEqual(2);
    const { buildPlanDocument } = await import('../plan/plan-document');
    const { renderJson, renderText, renderMarkdown } = await import('../plan/render');
    emu.mutate((s) => {
      s.domains['acme.example.com']!.users.find((u) => u.user === '1002')!.department = 'Changed';
    });
    const after = await planPath(client, example);
    const doc = buildPlanDocument([after.plan], { 'acme.example.com': after.inputs });
    const outputs = [
      renderJson(doc),
      renderText(doc),
      renderMarkdown(doc),
      (await exportDomain(client, 'acme.example.com')).yaml,
    ];
    for (const out of outputs) for (const p of passwords) expect(out).not.toContain(p);
  });

  it('deleting a ring group and a user lists their voicemail and the group members it affects', async () => {
    const { client } = await platform({
      domains: {
        'rg.example.com': {
          users: [
            {
              user: '1001',
              'name-first-name': 'A',
              'name-last-name': 'B',
              'email-address': '',
              'user-scope': 'Basic User',
              'active-calls-total-current': 2,
            },
            {
              user: '2000',
              'name-first-name': 'Desk',
              'name-last-name': 'Ring Group',
              'service-code': 'system-ringgroup',
              'user-scope': 'No Portal',
              'email-address': '',
            },
          ],
          answerrules: [
            {
              user: '2000',
              'time-frame': '*',
              enabled: 'yes',
              'simultaneous-ring': { enabled: 'yes', parameters: ['1001'] },
              'forward-no-answer': { enabled: 'yes', parameters: ['vmail_2000'] },
            },
          ],
          voicemails: {
            '2000': { inbox: [{ filename: 'x.wav' }] },
            '1001': { inbox: [{ filename: 'y.wav' }, { filename: 'z.wav' }] },
          },
        },
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-rg-'));
    writeFileSync(join(dir, 'rg.yaml'), 'version: 1\ndomain: rg.example.com\npolicy: { prune: true }\nusers: []\n');
    const run = await planPath(client, dir);
    const group = run.plan.changes.find((c) => c.id === 'ring_group:2000')!;
    const user = run.plan.changes.find((c) => c.id === 'user:1001')!;
    expect(group.losses).toContainEqual({ what: 'voicemail messages', count: 1, detail: ['1 unheard'] });
    expect(user.losses).toContainEqual({ what: 'voicemail messages', count: 2, detail: ['2 unheard'] });
    expect(user.warnings).toEqual(['1001 is on 2 calls right now: the delete cuts them off']);
    expect(group.warnings).toBeUndefined();
    expect(user.references).toContainEqual({ from: 'ring_group 2000', relation: 'member', extension: '1001' });
    expect(user.dependsOn).toContain('ring_group:2000');
    expect(run.plan.changes.map((c) => c.id)).toEqual(['ring_group:2000', 'user:1001']);
  });

  it('a ring-group member that exists nowhere is an error with file:line', async () => {
    const { client } = await platform({ domains: { 'ref.example.com': {} } });
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-ref-'));
    writeFileSync(
      join(dir, 'ref.yaml'),
      'version: 1\ndomain: ref.example.com\nring_groups:\n  - extension: "2000"\n    name: G\n    members: ["1005"]\n',
    );
    const err = await planPath(client, dir).catch((e) => e);
    expect(err).toBeInstanceOf(DesiredStateError);
    expect(err.issues[0]).toMatchObject({
      // At the member that names it (line 6), not the entry's first line.
      position: { file: expect.stringMatching(/ref\.yaml$/), line: 6 },
      path: 'ring_groups[0].members[0]',
    });
    expect(err.issues[0].message).toBe('member 1005 is not an extension in the files or on ref.example.com');
  });

  it('an extension taken on the platform by another kind or a system user is an error, not a 409 mid-apply', async () => {
    const { client } = await platform({
      domains: {
        'taken.example.com': {
          users: [
            {
              user: '1001',
              'name-first-name': 'A',
              'name-last-name': 'B',
              'email-address': '',
              'user-scope': 'Basic User',
            },
            {
              user: '3000',
              'name-first-name': 'Main',
              'name-last-name': 'Menu',
              'service-code': 'system-aa',
              'user-scope': 'No Portal',
              'email-address': '',
            },
          ],
        },
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-taken-'));
    writeFileSync(
      join(dir, 't.yaml'),
      'version: 1\ndomain: taken.example.com\nusers:\n  - { extension: "3000", first_name: C, last_name: D }\nring_groups:\n  - { extension: "1001", name: G, members: ["3000"] }\n',
    );
    const err = await planPath(client, dir).catch((e) => e);
    expect(err).toBeInstanceOf(DesiredStateError);
    const messages = err.issues.map(
      (i: { message: string; position?: { line: number } }) => `${i.position?.line}: ${i.message}`,
    );
    expect(messages).toEqual([
      '4: extension 3000 is already a system user (auto attendant, call queue, conference …) on taken.example.com',
      '6: extension 1001 is already a user on taken.example.com',
    ]);
  });

  it('reads 44.x field spellings (email instead of email-address)', async () => {
    const { emu, client } = await platform({
      domains: {
        'old.example.com': {
          users: [{ user: '1001', 'name-first-name': 'A', 'name-last-name': 'B', 'user-scope': 'Basic User' }],
        },
      },
    });
    emu.mutate((s) => {
      const u = s.domains['old.example.com']!.users[0]!;
      delete u['email-address'];
      u.email = 'Old@Example.com';
    });
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-old-'));
    writeFileSync(
      join(dir, 'old.yaml'),
      'version: 1\ndomain: old.example.com\nusers:\n  - { extension: "1001", first_name: A, last_name: B, email: old@example.com }\n',
    );
    const run = await planPath(client, dir);
    expect(run.plan.changes).toEqual([]);
  });
});
