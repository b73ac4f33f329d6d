/**
 * The user kind over real HTTP against the emulator in strict-contract mode (every request body the client
 * sends is validated against the OpenAPI request schema): idempotence ladder and export round-trip.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../desired/load-desired-state';
import { exportDomain } from '../../export/export-domain';
import { planDomain } from '../../pipeline';
import { normalizeNumber } from '../normalize';
import { envSecretResolver } from '../secret';
import { useFilePlatform } from '../test-support/file-platform';

const DOMAIN = 'ladder.example.com';
const env: Record<string, string> = { VM_PIN_1001: '7391', VM_PIN_1002: '8402' };
const platform = useFilePlatform({
  domain: DOMAIN,
  // The site and the emergency address (id hq-main) the users below name already exist.
  seed: {
    domain: { description: 'ladder' },
    sites: [{ site: 'HQ' }],
    addresses: [
      {
        'emergency-address-id': 'hq-main',
        'address-name': 'hq-main',
        'caller-name': 'Ladder Inc',
        'address-line-1': '1 Main St',
        'address-city': 'New York',
        'address-state-province-abbreviation': 'NY',
        'address-postal-code': '10001',
        'address-country-abbreviation': 'US',
      },
    ],
  },
  env,
  applyFlags: { allowDeletes: true, allowRecycle: true },
});
const { plan, applyAndReplan } = platform;

const FULL = `
policy: { prune: true, user_owned: [] }
# Test values: a real server's are found with \`pbxctl doctor\` (docs/platform-profile.md).
platform: { spam_drop: DROP-TEST, spam_screen: SCREEN-TEST }
users:
  - extension: "1001"
    first_name: Ada
    last_name: Lovelace
    email: Ada@Ladder.example.com
    department: Sales
    site: HQ
    scope: Office Manager
    time_zone: America/New_York
    caller_id_name: Ladder Inc
    caller_id_number: "(212) 555-0100"
    emergency_caller_id: "+1 212 555 0100"
    emergency_address: hq-main
    ring_timeout: 25
    voicemail: { enabled: true, pin: { env: VM_PIN_1001 }, email_notification: attach, transcription: true }
    phone: { mac: "00:04:F2:AA:BB:01", model: yealink-t54w }
    spam: voicemail
    allow: ["+1 212 555 0142"]
    block: ["+1 800 555 0199", anonymous]
  - extension: "1002"
    first_name: Alan
    last_name: Turing
    email: alan@ladder.example.com
    voicemail: { enabled: true, pin: { env: VM_PIN_1002 }, email_notification: none }
    phone: true
    spam: drop
`;

describe('user kind: idempotence ladder over HTTP', () => {
  it('empty → create: every field lands, welcome mails are sent, re-plan is empty', async () => {
    const { run } = await applyAndReplan(FULL);
    expect(run.plan.changes.map((c) => `${c.action} ${c.id}`)).toEqual(['create user:1001', 'create user:1002']);
    const state = platform.emu.state().domains[DOMAIN]!;
    const ada = state.users.find((u) => u.user === '1001')!;
    expect(ada).toMatchObject({
      'name-first-name': 'Ada',
      'email-address': 'Ada@Ladder.example.com',
      'user-scope': 'Office Manager',
      'caller-id-number': '12125550100',
      'caller-id-number-emergency': '12125550100',
      'emergency-address-id': 'hq-main',
      'voicemail-login-pin': '7391',
      'email-send-alert-new-voicemail-enabled': 'yes',
    });
    expect(state.devices.find((d) => d.user === '1001')).toMatchObject({ device: '1001' });
    // The MAC is bound through its MAC record (/phones), which names the device's SIP URI.
    expect(state.phones.find((p) => p['device-provisioning-mac-address'] === '0004f2aabb01')).toMatchObject({
      'device-provisioning-sip-uri-1': `sip:1001@${DOMAIN}`,
      'device-models-brand-and-model': 'yealink-t54w',
    });
    const rule = state.answerrules.find((r) => r.user === '1001')!;
    expect(rule['phone-numbers-to-reject']).toMatchObject({ parameters: ['18005550199', 'anonymous'] });
    expect(rule['forward-on-spam-call']).toMatchObject({ enabled: 'yes', parameters: ['vmail_1001'] });
    expect(state.emails_sent.map((e) => e.user).sort()).toEqual(['1001', '1002']);
  });

  it('change: fields, phone model, spam, lists and the PIN; classes are right', async () => {
    const changed = FULL.replace('department: Sales', 'department: Support')
      .replace('model: yealink-t54w', 'model: poly-vvx450')
      .replace('spam: voicemail', 'spam: screen')
      .replace('block: ["+1 800 555 0199", anonymous]', 'block: [anonymous, "+1 900 555 0000", "+1 800 555 0199"]');
    const env2 = { ...env };
    env.VM_PIN_1001 = '1357';
    const { run } = await applyAndReplan(changed);
    const ada = run.plan.changes.find((c) => c.key === '1001')!;
    expect(ada.action).toBe('update');
    expect(ada.class).toBe('routing');
    expect(ada.fields.map((f) => f.path)).toEqual(['block', 'department', 'phone.model', 'spam', 'voicemail.pin']);
    expect(ada.fields.find((f) => f.path === 'voicemail.pin')?.sensitive).toBe(true);
    expect(platform.emu.state().domains[DOMAIN]!.users.find((u) => u.user === '1001')!['voicemail-login-pin']).toBe(
      '1357',
    );
    Object.assign(env, env2);
    env.VM_PIN_1001 = '1357';
  });

  it('cosmetic change only is classed cosmetic', async () => {
    const run = await plan(
      FULL.replace('department: Sales', 'department: Marketing')
        .replace('model: yealink-t54w', 'model: poly-vvx450')
        .replace('spam: voicemail', 'spam: screen')
        .replace('block: ["+1 800 555 0199", anonymous]', 'block: [anonymous, "+1 900 555 0000", "+1 800 555 0199"]'),
    );
    expect(run.plan.changes.map((c) => `${c.id} ${c.class} ${c.fields.map((f) => f.path)}`)).toEqual([
      'user:1001 cosmetic department',
    ]);
  });

  it('recycle: a different person at 1002 is data-destroying, blocked without --allow-recycle, then applied', async () => {
    const recycled = FULL.replace('first_name: Alan', 'first_name: Barbara')
      .replace('last_name: Turing', 'last_name: Liskov')
      .replace('alan@ladder', 'barbara@ladder');
    const blocked = await plan(recycled);
    const change = blocked.plan.changes.find((c) => c.key === '1002')!;
    expect(change.action).toBe('recycle');
    expect(change.class).toBe('data-destroying');
    expect(blocked.plan.violations.map((v) => v.rule)).toContain('recycle');

    // Applied, it is the portal's Reset in place: same record (creation time), new person, extra devices gone.
    const record = () => platform.emu.state().domains[DOMAIN]!.users.find((u) => u.user === '1002')!;
    const created = record()['created-datetime'];
    platform.emu.mutate((st) => {
      st.domains[DOMAIN]!.devices.push({ user: '1002', device: '1002b', domain: DOMAIN });
    });
    platform.emu.requests.reset();
    await applyAndReplan(recycled);
    expect(record()['created-datetime']).toBe(created);
    expect(record()).toMatchObject({ 'name-first-name': 'Barbara', 'name-last-name': 'Liskov' });
    const devices = platform.emu
      .state()
      .domains[DOMAIN]!.devices.filter((d) => d.user === '1002')
      .map((d) => d.device);
    expect(devices).toEqual(['1002']);
    expect(platform.emu.requests.list().filter((r) => r.method === 'DELETE' && /\/users\/1002$/.test(r.path))).toEqual(
      [],
    );
    await applyAndReplan(FULL);
  });

  it('delete with prune: lists voicemail, greetings and the DID that would be lost; apply releases the DID', async () => {
    platform.emu.mutate((s) => {
      const d = s.domains[DOMAIN]!;
      d.voicemails['1002'] = { new: [{ filename: 'a.wav' }, { filename: 'b.wav' }], save: [{ filename: 'c.wav' }] };
      d.greetings['1002'] = [{ index: 1 }];
      d.phonenumbers.push({
        phonenumber: '12125550102',
        domain: DOMAIN,
        'dial-rule-application': 'to-user',
        'dial-rule-translation-destination-user': '1002',
        'dial-rule-translation-destination-host': DOMAIN,
      });
    });
    const without = FULL.replace(/ {2}- extension: "1002"[\s\S]*$/, '');
    const run = await plan(without);
    const del = run.plan.changes.find((c) => c.key === '1002')!;
    expect(del.action).toBe('delete');
    expect(del.losses).toEqual(
      expect.arrayContaining([
        { what: 'voicemail messages', count: 3, detail: ['2 unheard'] },
        { what: 'voicemail greetings', count: 1 },
        { what: 'phone numbers routed here (returned to inventory)', count: 1, detail: ['12125550102'] },
      ]),
    );
    expect(run.plan.violations.map((v) => v.rule)).toEqual(['data_destroying']);
    await applyAndReplan(without);
    const did = platform.emu.state().domains[DOMAIN]!.phonenumbers.find((p) => p.phonenumber === '12125550102')!;
    expect(did['dial-rule-application']).toBe('available-number');
    expect(platform.emu.state().domains[DOMAIN]!.users.map((u) => u.user)).toEqual(['1001']);
  });
});

describe('user-owned settings (policy.user_owned)', () => {
  it('by default a PIN is set at creation, then left as its owner changes it, and the plan says so', async () => {
    const yaml = FULL.replace('policy: { prune: true, user_owned: [] }', 'policy: { prune: true }');
    platform.emu.mutate((s) => {
      s.domains[DOMAIN]!.users.find((u) => u.user === '1001')!['voicemail-login-pin'] = '4444';
    });
    const run = await plan(yaml);
    expect(run.plan.changes.filter((c) => c.key === '1001')).toEqual([]);
    expect(run.plan.userOwned).toEqual([{ kind: 'user', key: '1001', path: 'voicemail.pin' }]);
    const enforced = await plan(FULL);
    expect(enforced.plan.changes.find((c) => c.key === '1001')?.fields.map((f) => f.path)).toEqual(['voicemail.pin']);
  });

  it('spam and lists can be user-owned too', async () => {
    platform.emu.mutate((s) => {
      const rule = s.domains[DOMAIN]!.answerrules.find((r) => r.user === '1001')!;
      rule['forward-on-spam-call'] = { enabled: 'no', parameters: [] };
    });
    const owned = await plan(
      FULL.replace(
        'policy: { prune: true, user_owned: [] }',
        'policy: { prune: true, user_owned: [spam, voicemail.pin] }',
      ),
    );
    expect(owned.plan.changes.filter((c) => c.key === '1001')).toEqual([]);
    expect(owned.plan.userOwned?.map((o) => o.path).sort()).toEqual(['spam', 'voicemail.pin']);
    // Put things back for the tests that follow.
    await applyAndReplan(FULL);
  });
});

describe('removing a desk phone', () => {
  it('phone: { enabled: false } (the Terraform spelling) deletes the device like phone: false', async () => {
    const off = FULL.replace('phone: { mac: "00:04:F2:AA:BB:01", model: yealink-t54w }', 'phone: { enabled: false }');
    expect(off).not.toBe(FULL);
    const { run } = await applyAndReplan(off);
    expect(run.plan.changes.find((c) => c.key === '1001')?.impact).toContain(
      'the desk phone of 1001 is removed: calls no longer ring it',
    );
    expect(platform.emu.state().domains[DOMAIN]!.devices.some((d) => d.user === '1001')).toBe(false);
    await applyAndReplan(FULL);
    expect(platform.emu.state().domains[DOMAIN]!.devices.some((d) => d.user === '1001')).toBe(true);
  });
});

describe('user kind: export round-trip', () => {
  it('export → plan of the export = zero changes', async () => {
    platform.emu.mutate((s) => {
      s.domains[DOMAIN]!.users.push({
        user: '1003',
        'name-first-name': 'Out',
        'name-last-name': 'OfBand',
        'email-address': '',
        'user-scope': 'Basic User',
        'voicemail-enabled': 'no',
        'voicemail-login-pin': '9999',
      });
    });
    const exported = await exportDomain(platform.client, DOMAIN);
    expect(exported.yaml).not.toMatch(/1357|9999|7391/);
    expect(exported.yaml).toMatch(/extension: "1003"/);
    const file = join(platform.dir, 'export.yaml');
    writeFileSync(file, exported.yaml);
    const state = loadDesiredState(file, { secrets: envSecretResolver({}) });
    const run = await planDomain(platform.client, state.domains[0]!);
    expect(run.plan.changes).toEqual([]);
    expect(run.plan.unmanaged).toEqual([]);
  });
});

describe('normalisation', () => {
  it('numbers', () => {
    expect(normalizeNumber('+1 (212) 555-0100')).toBe('12125550100');
    expect(normalizeNumber('212-555-0100')).toBe('12125550100');
    expect(normalizeNumber('+44 20 7946 0000')).toBe('442079460000');
    expect(normalizeNumber('Anonymous')).toBe('anonymous');
    expect(normalizeNumber('1001')).toBe('1001');
  });
});
