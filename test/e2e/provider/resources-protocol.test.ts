import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CtyObject, isUnknown, UNKNOWN } from '../../../provider/cty';
import { FakeTerraform } from '../../../provider/test-support/fake-terraform';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../../emulator';
import {
  config,
  DOMAIN,
  ensureBuilt,
  MAIN_ENTRY,
  propose,
  SEED,
  schemaOf,
} from '../../../provider/test-support/resources';

/*
 * The netsapiens resources over the real protocol (fake Terraform: spawn + handshake + mTLS + tfplugin6),
 * against the emulator in this process. No terraform binary needed.
 */

describe('netsapiens resources over tfplugin6 (fake terraform, emulator)', () => {
  let emu: RunningEmulator;
  let ft: FakeTerraform;

  /** plan + apply, as Terraform does it; returns the new state. */
  async function planApply(type: string, prior: CtyObject | null, cfg: CtyObject | null) {
    const proposed = cfg === null ? null : propose(schemaOf(type), prior, cfg);
    const plan = await ft.planResourceChange(type, { prior, proposed, config: cfg });
    // Warnings (what a destroy would lose: safety-terraform.test.ts) are allowed; errors are not.
    expect(plan.diagnostics.filter((d) => String(d.severity) !== 'WARNING')).toEqual([]);
    const applied = await ft.applyResourceChange(type, { prior, planned: plan.planned, config: cfg });
    expect(applied.diagnostics).toEqual([]);
    return { plan, state: applied.newState };
  }

  /** The plan Terraform would make after a refresh: no change means planned == refreshed state. */
  async function replan(type: string, state: CtyObject, cfg: CtyObject) {
    const read = await ft.readResource(type, state);
    expect(read.diagnostics).toEqual([]);
    const refreshed = read.newState!;
    const plan = await ft.planResourceChange(type, {
      prior: refreshed,
      proposed: propose(schemaOf(type), refreshed, cfg),
      config: cfg,
    });
    expect(plan.diagnostics).toEqual([]);
    return { refreshed, plan };
  }

  beforeAll(async () => {
    ensureBuilt();
    emu = await startEmulator({ seed: SEED });
    ft = await FakeTerraform.start({ entry: MAIN_ENTRY, env: { NS_API_URL: '', NS_API_KEY: '' } });
  }, 120_000);

  afterAll(async () => {
    ft?.kill();
    await emu?.close();
  });

  it('GetProviderSchema lists a resource per kind and the user data source', async () => {
    const res = await ft.getProviderSchema();
    expect(Object.keys(res.resource_schemas).sort()).toEqual([
      'netsapiens_auto_attendant',
      'netsapiens_call_queue',
      'netsapiens_domain_block_list',
      'netsapiens_emergency_address',
      'netsapiens_phone_number',
      'netsapiens_ring_group',
      'netsapiens_shared_contact',
      'netsapiens_site',
      'netsapiens_time_frame',
      'netsapiens_user',
    ]);
    expect(Object.keys(res.data_source_schemas).sort()).toEqual([
      'netsapiens_emergency_address',
      'netsapiens_site',
      'netsapiens_user',
    ]);
    const user = res.resource_schemas.netsapiens_user.block.attributes as {
      name: string;
      sensitive: boolean;
      computed: boolean;
      required: boolean;
      nested_type: unknown;
    }[];
    const names = user.map((a) => a.name);
    for (const n of ['extension', 'phone', 'voicemail', 'spam', 'allow', 'block', 'welcome_email', 'id', 'domain'])
      expect(names).toContain(n);
    const vm = user.find((a) => a.name === 'voicemail') as unknown as {
      nested_type: { attributes: { name: string; sensitive: boolean }[] };
    };
    expect(vm.nested_type.attributes.find((a) => a.name === 'pin')?.sensitive).toBe(true);
    expect(user.find((a) => a.name === 'email')?.sensitive).toBe(false); // pii is not sensitive
    expect(user.find((a) => a.name === 'department')?.computed).toBe(true);
    expect(user.find((a) => a.name === 'extension')?.required).toBe(true);
  });

  it('ConfigureProvider: missing URL is a diagnostic; api_url/api_key configure the client', async () => {
    // NS_API_URL is blank in the provider's environment.
    const bad = await ft.configure({ api_url: null, api_key: null });
    expect(bad[0]?.summary).toBe('Missing API URL');
    expect(await ft.configure({ api_url: emu.url, api_key: DEFAULT_API_KEY })).toEqual([]);
  });

  it('ValidateResourceConfig: the loader value rules, as diagnostics on the attribute path', async () => {
    const reserved = await ft.validateResourceConfig(
      'netsapiens_user',
      config('netsapiens_user', { domain: DOMAIN, extension: '911', first_name: 'A', last_name: 'B' }),
    );
    expect(reserved).toHaveLength(1);
    expect(reserved[0]?.path).toEqual([{ attribute: 'extension' }]);
    expect(reserved[0]?.detail).toContain('reserved');
    // A domain's own range is YAML's business: 5-digit extensions are fine here, reserved ones are not.
    const wide = await ft.validateResourceConfig(
      'netsapiens_user',
      config('netsapiens_user', { domain: DOMAIN, extension: '12345', first_name: 'A', last_name: 'B' }),
    );
    expect(wide).toEqual([]);
    const park = await ft.validateResourceConfig(
      'netsapiens_user',
      config('netsapiens_user', { domain: DOMAIN, extension: '70123', first_name: 'A', last_name: 'B' }),
    );
    expect(park[0]?.detail).toContain('reserved');
    const many = await ft.validateResourceConfig(
      'netsapiens_user',
      config('netsapiens_user', {
        domain: DOMAIN,
        extension: '10x1',
        first_name: 'A',
        last_name: 'B',
        email: 'not-an-email',
        spam: 'maybe',
        block: ['+1 800 555 0199', 'call me'],
        voicemail: { enabled: true, pin: null, email_notification: 'sms', transcription: null },
      }),
    );
    const paths = many.map((d) => JSON.stringify(d.path)).sort();
    expect(paths).toEqual(
      [
        [{ attribute: 'block' }],
        [{ attribute: 'email' }],
        [{ attribute: 'extension' }],
        [{ attribute: 'spam' }],
        [{ attribute: 'voicemail' }, { attribute: 'email_notification' }],
      ]
        .map((p) => JSON.stringify(p))
        .sort(),
    );
    const fb = await ft.validateResourceConfig(
      'netsapiens_ring_group',
      config('netsapiens_ring_group', {
        domain: DOMAIN,
        extension: '2000',
        name: 'Desk',
        fallback: { user: '1001', voicemail: '1001', group_voicemail: null, auto_attendant: null, call_queue: null },
      }),
    );
    expect(fb.map((d) => d.path)).toEqual([[{ attribute: 'fallback' }]]);
    // The kind's entry rules, as in YAML: one device (phone) or a list (phones), not both.
    const both = await ft.validateResourceConfig(
      'netsapiens_user',
      config('netsapiens_user', {
        domain: DOMAIN,
        extension: '1009',
        first_name: 'A',
        last_name: 'B',
        phone: { enabled: null, mac: null, model: null, emergency_address: null },
        phones: [{ suffix: null, mac: '00:04:f2:aa:bb:09', model: null, line: null }],
      }),
    );
    expect(both.map((d) => [d.path, d.detail])).toEqual([
      [
        [{ attribute: 'phones' }],
        'phone: and phones: are both set: use phone: for one device or phones: for a list of devices, not both',
      ],
    ]);
  });

  const userCfg = (over: Record<string, unknown> = {}) =>
    config('netsapiens_user', {
      domain: DOMAIN,
      extension: '1001',
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'Ada@Acme.example.com',
      emergency_caller_id: '+1 212 555 0100',
      voicemail: { enabled: true, pin: '4321', email_notification: 'notify', transcription: null },
      phone: { enabled: null, mac: '00:04:f2:aa:bb:cc', model: 'yealink-t54w', emergency_address: null },
      spam: 'voicemail',
      allow: ['+1 212 555 0142'],
      block: ['+1 800 555 0199', 'anonymous'],
      ...over,
    });

  let user: CtyObject;

  it('Plan + Apply create a user; the configured spelling stays in state; a re-plan is empty', async () => {
    const { plan, state } = await planApply('netsapiens_user', null, userCfg());
    expect(isUnknown(plan.planned!.id)).toBe(true);
    expect(isUnknown(plan.planned!.department)).toBe(true);
    user = state!;
    expect(user.id).toBe(`${DOMAIN}/1001`);
    expect(user.emergency_caller_id).toBe('+1 212 555 0100');
    expect(user.email).toBe('Ada@Acme.example.com');
    expect(user.scope).toBe('Basic User'); // not configured: the live value
    // Write-only: the PIN reaches the platform, never the state.
    expect((user.voicemail as CtyObject).pin).toBeNull();
    const live = emu.state().domains[DOMAIN]!;
    const rec = live.users.find((u) => u.user === '1001')!;
    expect(rec['caller-id-number-emergency']).toBe('12125550100');
    expect(rec['voicemail-login-pin']).toBe('4321');
    expect(live.devices.some((d) => d.user === '1001')).toBe(true);
    const again = await replan('netsapiens_user', user, userCfg());
    expect(again.refreshed).toEqual(user);
    expect(again.plan.planned).toEqual(user);
  });

  it('Update in place sends only what changed; drift made out of band shows up on read', async () => {
    const cfg = userCfg({ department: 'Sales', block: ['+1 800 555 0199'] });
    const { state } = await planApply('netsapiens_user', user, cfg);
    user = state!;
    expect(user.department).toBe('Sales');
    expect(user.block).toEqual(['+1 800 555 0199']);
    emu.mutate((s) => {
      const u = s.domains[DOMAIN]!.users.find((x) => x.user === '1001')!;
      u['caller-id-number-emergency'] = '12125550999';
    });
    const { refreshed, plan } = await replan('netsapiens_user', user, cfg);
    expect(refreshed.emergency_caller_id).toBe('12125550999');
    expect(plan.planned!.emergency_caller_id).toBe('+1 212 555 0100');
    user = (await planApply('netsapiens_user', refreshed, cfg)).state!;
    expect(user.emergency_caller_id).toBe('+1 212 555 0100');
    expect((await replan('netsapiens_user', user, cfg)).plan.planned).toEqual(user);
  });

  it('phone = { enabled = false } removes the desk phone (YAML phone: false), and a re-plan is empty', async () => {
    const cfg = userCfg({
      department: 'Sales',
      block: ['+1 800 555 0199'],
      phone: { enabled: false, mac: null, model: null, emergency_address: null },
    });
    const { state } = await planApply('netsapiens_user', user, cfg);
    expect(emu.state().domains[DOMAIN]!.devices.some((d) => d.user === '1001')).toBe(false);
    expect(state!.phone).toEqual({ enabled: false, mac: null, model: null, emergency_address: null });
    const again = await replan('netsapiens_user', state!, cfg);
    expect(again.plan.planned).toEqual(state);
    // Back to a phone, for the tests that follow.
    user = (await planApply('netsapiens_user', state!, userCfg({ department: 'Sales', block: ['+1 800 555 0199'] })))
      .state!;
    expect(emu.state().domains[DOMAIN]!.devices.some((d) => d.user === '1001')).toBe(true);
  });

  it('a changed extension requires replacement', async () => {
    const cfg = userCfg({ extension: '1009', department: 'Sales', block: ['+1 800 555 0199'] });
    const plan = await ft.planResourceChange('netsapiens_user', {
      prior: user,
      proposed: propose(schemaOf('netsapiens_user'), user, cfg),
      config: cfg,
    });
    expect(plan.requiresReplace).toContainEqual([{ attribute: 'extension' }]);
  });

  it('ImportResourceState + ReadResource adopt an existing user (domain/extension)', async () => {
    const imported = await ft.importResourceState('netsapiens_user', `${DOMAIN}/1001`);
    expect(imported.diagnostics).toEqual([]);
    const read = await ft.readResource('netsapiens_user', imported.imported[0]!.state!);
    expect(read.newState!.first_name).toBe('Ada');
    expect(read.newState!.spam).toBe('voicemail');
    expect(read.newState!.allow).toEqual(['12125550142']);
    // The configuration, planned over the imported state: only the PIN (never read back) is set.
    const cfg = userCfg({ department: 'Sales', block: ['+1 800 555 0199'] });
    const plan = await ft.planResourceChange('netsapiens_user', {
      prior: read.newState,
      proposed: propose(schemaOf('netsapiens_user'), read.newState, cfg),
      config: cfg,
    });
    expect(plan.requiresReplace).toEqual([]);
    const missing = await ft.importResourceState('netsapiens_user', `${DOMAIN}/1555`);
    expect(missing.diagnostics[0]?.summary).toBe('Cannot import non-existent remote object');
  });

  it('the netsapiens_user data source reads every field', async () => {
    // The desk phone the test before put back (a failure there leaves none: look there first).
    expect(emu.state().domains[DOMAIN]!.devices.some((d) => d.device === '1001')).toBe(true);
    const ds = await ft.readDataSource('netsapiens_user', { domain: DOMAIN, extension: '1001' });
    expect(ds.diagnostics).toEqual([]);
    expect(ds.state).toMatchObject({
      id: `${DOMAIN}/1001`,
      first_name: 'Ada',
      email: 'ada@acme.example.com',
      spam: 'voicemail',
      department: 'Sales',
    });
    expect((ds.state!.phone as CtyObject).mac).toBe('0004f2aabbcc');
  });

  let group: CtyObject;
  it('ring group: members, delay_seconds, one fallback; switching the fallback plans the others null', async () => {
    const members = [
      { extension: '1001', delay_seconds: 20 },
      { extension: '1009', delay_seconds: null },
    ];
    const fb = (x: Record<string, unknown>) => ({
      user: null,
      voicemail: null,
      group_voicemail: null,
      auto_attendant: null,
      call_queue: null,
      ...x,
    });
    const cfg = config('netsapiens_ring_group', {
      domain: DOMAIN,
      extension: '2000',
      name: 'Front Desk',
      members,
      ring_timeout: 30,
      fallback: fb({ voicemail: '1001' }),
    });
    group = (await planApply('netsapiens_ring_group', null, cfg)).state!;
    expect(group.members).toEqual(members);
    expect(group.fallback).toEqual(fb({ voicemail: '1001' }));
    expect((await replan('netsapiens_ring_group', group, cfg)).plan.planned).toEqual(group);
    const cfg2 = config('netsapiens_ring_group', {
      domain: DOMAIN,
      extension: '2000',
      name: 'Front Desk',
      members,
      ring_timeout: 30,
      fallback: fb({ user: '1001' }),
    });
    const { plan, state } = await planApply('netsapiens_ring_group', group, cfg2);
    expect(plan.planned!.fallback).toEqual(fb({ user: '1001' }));
    group = state!;
    expect((await replan('netsapiens_ring_group', group, cfg2)).plan.planned).toEqual(group);
  });

  it('shared contact: key id, import by unique-id, destroy', async () => {
    const cfg = config('netsapiens_shared_contact', {
      domain: DOMAIN,
      first_name: 'Acme',
      last_name: 'Plumbing',
      company: 'Acme Plumbing LLC',
      phones: { work: '+1 212 555 0111', cell: null, fax: null, home: null },
      tags: ['vendor', 'facilities'],
    });
    const { state } = await planApply('netsapiens_shared_contact', null, cfg);
    expect(state!.id).toBe(`${DOMAIN}/acme plumbing @ acme plumbing llc`);
    expect((state!.phones as CtyObject).work).toBe('+1 212 555 0111');
    expect((await replan('netsapiens_shared_contact', state!, cfg)).plan.planned).toEqual(state);
    const uid = String(emu.state().domains[DOMAIN]!.contacts[0]!['unique-id']);
    const imported = await ft.importResourceState('netsapiens_shared_contact', `${DOMAIN}/${uid}`);
    expect(imported.imported[0]?.state?.id).toBe(state!.id);
    // A new name is a rename in place (same unique-id); the id (the key) follows.
    const renamed = { ...cfg, last_name: 'Plumbers' };
    const { plan, state: after } = await planApply('netsapiens_shared_contact', state, renamed);
    expect(plan.requiresReplace).toEqual([]);
    expect(isUnknown(plan.planned!.id)).toBe(true);
    expect(after!.id).toBe(`${DOMAIN}/acme plumbers @ acme plumbing llc`);
    expect(emu.state().domains[DOMAIN]!.contacts.map((c) => c['unique-id'])).toEqual([uid]);
    await planApply('netsapiens_shared_contact', after, null);
    expect(emu.state().domains[DOMAIN]!.contacts).toEqual([]);
  });

  it('domain block list: create adopts the filter, destroy empties it', async () => {
    const cfg = config('netsapiens_domain_block_list', {
      domain: DOMAIN,
      numbers: ['+1 900 555 0000', '+1 888 555 0123'],
    });
    const { state } = await planApply('netsapiens_domain_block_list', null, cfg);
    expect(state!.id).toBe(DOMAIN);
    expect(state!.numbers).toEqual(['+1 900 555 0000', '+1 888 555 0123']);
    expect([...emu.state().domains[DOMAIN]!.number_filters].sort()).toEqual(['18885550123', '19005550000']);
    expect((await replan('netsapiens_domain_block_list', state!, cfg)).plan.planned).toEqual(state);
    await planApply('netsapiens_domain_block_list', state, null);
    expect(emu.state().domains[DOMAIN]!.number_filters).toEqual([]);
  });

  it('out-of-band delete: ReadResource answers null; destroy of the rest', async () => {
    emu.mutate((s) => {
      const d = s.domains[DOMAIN]!;
      d.users = d.users.filter((u) => u.user !== '2000');
    });
    expect((await ft.readResource('netsapiens_ring_group', group)).newState).toBeNull();
    await planApply('netsapiens_user', user, null);
    expect(emu.state().domains[DOMAIN]!.users.map((u) => u.user)).toEqual([]);
    void UNKNOWN;
  });

  it('Shutdown exits cleanly', async () => {
    expect(await ft.shutdown()).toBe(0);
  });
});
