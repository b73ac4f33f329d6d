import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CtyObject } from '../../../provider/cty';
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
 * A device naming its emergency address (issue 16), over the real protocol (fake Terraform: spawn +
 * handshake + mTLS + tfplugin6) against the strict emulator: the resource writes the address's id on the
 * device, state and the `netsapiens_user` data source read it back as the address's name — and the data
 * source keeps the desk phone whether or not its device has an address.
 */

const MAC = '00:04:f2:aa:bb:dd';
const phone = (emergency_address: string | null) => ({
  enabled: null,
  mac: MAC,
  model: 'yealink-t54w',
  emergency_address,
});
const userCfg = (p: Record<string, unknown>) =>
  config('netsapiens_user', { domain: DOMAIN, extension: '1001', first_name: 'Ada', last_name: 'Lovelace', phone: p });

describe('a desk phone names its emergency address (fake terraform, emulator)', () => {
  let emu: RunningEmulator;
  let ft: FakeTerraform;

  async function planApply(type: string, prior: CtyObject | null, cfg: CtyObject) {
    const plan = await ft.planResourceChange(type, {
      prior,
      proposed: propose(schemaOf(type), prior, cfg),
      config: cfg,
    });
    expect(plan.diagnostics.filter((d) => String(d.severity) !== 'WARNING')).toEqual([]);
    const applied = await ft.applyResourceChange(type, { prior, planned: plan.planned, config: cfg });
    expect(applied.diagnostics).toEqual([]);
    return applied.newState!;
  }

  async function replanned(type: string, state: CtyObject, cfg: CtyObject) {
    const read = await ft.readResource(type, state);
    expect(read.diagnostics).toEqual([]);
    const prior = read.newState!;
    const plan = await ft.planResourceChange(type, {
      prior,
      proposed: propose(schemaOf(type), prior, cfg),
      config: cfg,
    });
    expect(plan.diagnostics).toEqual([]);
    return plan.planned;
  }

  const readUser = async () => {
    const ds = await ft.readDataSource('netsapiens_user', { domain: DOMAIN, extension: '1001' });
    expect(ds.diagnostics).toEqual([]);
    return ds.state!;
  };
  const device = () => emu.state().domains[DOMAIN]!.devices.find((d) => d.device === '1001');
  const hqId = () =>
    emu.state().domains[DOMAIN]!.addresses?.find((a) => a['address-name'] === 'HQ')?.['emergency-address-id'];

  beforeAll(async () => {
    ensureBuilt();
    emu = await startEmulator({ seed: SEED, strictRequests: true });
    ft = await FakeTerraform.start({ entry: MAIN_ENTRY, env: { NS_API_URL: '', NS_API_KEY: '' } });
    await ft.getProviderSchema();
    expect(await ft.configure({ api_url: emu.url, api_key: DEFAULT_API_KEY })).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    ft?.kill();
    await emu?.close();
  });

  let user: CtyObject;

  it('a desk phone without an address: the data source reads the phone, its address null', async () => {
    user = await planApply('netsapiens_user', null, userCfg(phone(null)));
    expect(device()?.['emergency-address-id'] ?? '').toBe('');
    const ds = await readUser();
    expect(ds.phone).toEqual({ enabled: null, mac: '0004f2aabbdd', model: 'yealink-t54w', emergency_address: null });
  });

  it('naming HQ writes its id on the device; state, re-plan and the data source read the name', async () => {
    const address = config('netsapiens_emergency_address', {
      domain: DOMAIN,
      name: 'HQ',
      caller_name: 'Acme Corp',
      line1: '12 Main St',
      city: 'New York',
      state: 'NY',
      postal_code: '10001',
    });
    await planApply('netsapiens_emergency_address', null, address);
    expect(hqId()).toMatch(/./);
    const cfg = userCfg(phone('HQ'));
    user = await planApply('netsapiens_user', user, cfg);
    expect(device()?.['emergency-address-id']).toBe(hqId());
    expect((user.phone as CtyObject).emergency_address).toBe('HQ');
    expect(await replanned('netsapiens_user', user, cfg)).toEqual(user);
    const ds = await readUser();
    expect(ds.phone).toEqual({ enabled: null, mac: '0004f2aabbdd', model: 'yealink-t54w', emergency_address: 'HQ' });
    expect(JSON.stringify(ds)).not.toContain(String(hqId()));
    expect(emu.contractViolations).toEqual([]);
  });

  it('an address id no address has: the data source still reads the phone, without the address', async () => {
    emu.mutate((s) => {
      const d = s.domains[DOMAIN]!.devices.find((x) => x.device === '1001')!;
      d['emergency-address-id'] = 'a-gone';
    });
    const ds = await readUser();
    expect(ds.phone).toEqual({ enabled: null, mac: '0004f2aabbdd', model: 'yealink-t54w', emergency_address: null });
  });
});
