import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CtyObject, Unknown } from '../../../provider/cty';
import { ensureProviderBuilt, FIXTURE_ENTRY, isStale } from '../../../provider/test-support/ensure-built';
import { FakeTerraform, proposeNewState } from '../../../provider/test-support/fake-terraform';

const TYPE = 'netsapiens_test_extension';
const COMPUTED = ['id', 'voicemail'];

function cfg(over: Record<string, unknown> = {}): CtyObject {
  return {
    id: null,
    name: 'Front desk',
    number: '1001',
    voicemail: null,
    tags: ['a', 'b'],
    pin: '4321',
    settings: { ring_seconds: 25, label: null },
    forward: [{ to: '1002', after_seconds: null }],
    ...over,
  } as CtyObject;
}

/** GetProviderSchema, provider config validation and Configure (api_url → the JSON store). */
async function schemaAndConfigure(tf: FakeTerraform, store: string): Promise<void> {
  // GetProviderSchema
  const schema = await tf.getProviderSchema();
  expect(Object.keys(schema.resource_schemas)).toEqual([TYPE]);
  expect(schema.server_capabilities.plan_destroy).toBe(true);
  const apiKey = schema.provider.block.attributes.find((a: { name: string }) => a.name === 'api_key');
  expect(apiKey).toMatchObject({ sensitive: true, optional: true });

  // Configure (api_url → the JSON store)
  expect(await tf.validateProviderConfig({ api_url: 'not a url', api_key: null })).toMatchObject([
    { severity: 'ERROR', path: [{ attribute: 'api_url' }] },
  ]);
  expect(await tf.configure({ api_url: pathToFileURL(store).href, api_key: 'nsd_secret' })).toEqual([]);

  // Validate: a bad value gives a diagnostic on the attribute path
  expect(await tf.validateResourceConfig(TYPE, cfg())).toEqual([]);
  expect(await tf.validateResourceConfig(TYPE, cfg({ number: '1x' }))).toEqual([
    {
      severity: 'ERROR',
      summary: 'Invalid extension number',
      detail: '"1x" must be 2-6 digits',
      path: [{ attribute: 'number' }],
    },
  ]);
}

/** Plan and apply a create, then read, import and the data source; returns the created state. */
async function createReadImport(tf: FakeTerraform, store: string): Promise<CtyObject> {
  // Plan create: id unknown, defaults filled
  const config = cfg();
  const plan = await tf.planResourceChange(TYPE, {
    prior: null,
    proposed: proposeNewState(tf.typeOf(TYPE), null, config, COMPUTED),
    config,
  });
  expect(plan.diagnostics).toEqual([]);
  expect(plan.planned?.id).toBeInstanceOf(Unknown);
  expect(plan.planned?.voicemail).toBe(false);
  expect(plan.planned?.forward).toEqual([{ to: '1002', after_seconds: 20 }]);

  // Apply create
  const created = await tf.applyResourceChange(TYPE, { prior: null, planned: plan.planned, config });
  expect(created.diagnostics).toEqual([]);
  const state = created.newState!;
  expect(state.id).toMatch(/^ext-1001-/);
  expect(state).toMatchObject({ name: 'Front desk', voicemail: false, pin: '4321' });
  expect(Object.keys(JSON.parse(readFileSync(store, 'utf8')).extensions)).toEqual([state.id]);

  // Read
  const read = await tf.readResource(TYPE, state);
  expect(read.newState).toEqual(state);

  // Import by id (Terraform then reads)
  const imported = await tf.importResourceState(TYPE, String(state.id));
  expect(imported.imported).toHaveLength(1);
  expect(imported.imported[0].state).toMatchObject({ id: state.id, name: null, forward: [] });
  expect((await tf.readResource(TYPE, imported.imported[0].state!)).newState).toEqual(state);

  // Data source
  const ds = await tf.readDataSource(TYPE, { number: '1001', id: null, name: null });
  expect(ds.state).toEqual({ number: '1001', id: state.id, name: 'Front desk' });
  return state;
}

/** An in-place update, then a platform failure that keeps the prior state; returns the updated state. */
async function updateThenFail(tf: FakeTerraform, state: CtyObject): Promise<CtyObject> {
  // Plan in-place update: no replacement, id carried
  const cfg2 = cfg({ name: 'Lobby' });
  const upd = await tf.planResourceChange(TYPE, {
    prior: state,
    proposed: proposeNewState(tf.typeOf(TYPE), state, cfg2, COMPUTED),
    config: cfg2,
  });
  expect(upd.requiresReplace).toEqual([]);
  expect(upd.planned?.id).toBe(state.id);
  const updated = await tf.applyResourceChange(TYPE, { prior: state, planned: upd.planned, config: cfg2 });
  expect(updated.newState?.name).toBe('Lobby');

  // A platform failure is a diagnostic; the process survives and keeps the prior state
  const cfgBoom = cfg({ name: 'explode' });
  const boomPlan = await tf.planResourceChange(TYPE, {
    prior: updated.newState,
    proposed: proposeNewState(tf.typeOf(TYPE), updated.newState, cfgBoom, COMPUTED),
    config: cfgBoom,
  });
  const boom = await tf.applyResourceChange(TYPE, {
    prior: updated.newState,
    planned: boomPlan.planned,
    config: cfgBoom,
  });
  expect(boom.diagnostics).toMatchObject([
    { severity: 'ERROR', summary: `Updating ${TYPE} failed`, detail: 'simulated platform failure' },
  ]);
  expect(boom.newState).toEqual(updated.newState);
  return updated.newState as CtyObject;
}

/** requires_replace, an out-of-band delete, destroy, and upgrading stored state. */
async function replaceDestroyUpgrade(tf: FakeTerraform, store: string, state: CtyObject, current: CtyObject) {
  // Plan with a forceNew change: requires_replace
  const cfg3 = cfg({ name: 'Lobby', number: '1009' });
  const rep = await tf.planResourceChange(TYPE, {
    prior: current,
    proposed: proposeNewState(tf.typeOf(TYPE), current, cfg3, COMPUTED),
    config: cfg3,
  });
  expect(rep.requiresReplace).toEqual([[{ attribute: 'number' }]]);
  expect(rep.planned?.id).toBeInstanceOf(Unknown);

  // Out-of-band delete: read returns null
  writeFileSync(store, JSON.stringify({ extensions: {} }));
  expect((await tf.readResource(TYPE, current)).newState).toBeNull();
  writeFileSync(store, JSON.stringify({ extensions: { [String(state.id)]: { ...current, id: undefined } } }));

  // Destroy: plan null, apply null
  const del = await tf.planResourceChange(TYPE, { prior: current, proposed: null, config: null });
  expect(del.planned).toBeNull();
  const gone = await tf.applyResourceChange(TYPE, { prior: current, planned: null, config: null });
  expect(gone.diagnostics).toEqual([]);
  expect(gone.newState).toBeNull();
  expect(JSON.parse(readFileSync(store, 'utf8')).extensions).toEqual({});

  // Stored state from JSON (UpgradeResourceState): missing attributes filled, extra dropped
  const up = await tf.upgradeResourceState(TYPE, 0, { id: 'ext-1', name: 'n', number: '12', legacy: true });
  expect(up.state).toMatchObject({ id: 'ext-1', name: 'n', voicemail: null, forward: [] });
}

describe('the compiled provider other test files start', () => {
  it('is not stale once built: no test file rebuilds dist/ while another runs the provider from it', () => {
    // A staleness check that watched never-compiled test-support/ sources rebuilt dist/ in every test file;
    // Terraform runs starting the provider mid-rebuild failed with "Failed to read any lines from plugin's stdout".
    ensureProviderBuilt();
    expect(isStale()).toBe(false);
  });
});

describe('protocol: fake Terraform drives the test provider over mTLS', () => {
  let dir: string;
  let store: string;
  let tf: FakeTerraform;

  beforeAll(async () => {
    ensureProviderBuilt();
    dir = mkdtempSync(join(tmpdir(), 'pbxctl-proto-'));
    store = join(dir, 'store.json');
    tf = await FakeTerraform.start({ entry: FIXTURE_ENTRY });
  });

  afterAll(() => {
    tf?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('handshake: core 1, protocol 6, unix socket, a certificate; health says SERVING', async () => {
    expect(tf.handshake).toMatchObject({ coreVersion: 1, appVersion: 6, network: 'unix', protocol: 'grpc' });
    expect(tf.handshake.serverCertPem).toMatch(/BEGIN CERTIFICATE/);
    expect(await tf.healthCheck('plugin')).toBe('SERVING');
  });

  it('runs the resource lifecycle', async () => {
    await schemaAndConfigure(tf, store);
    const state = await createReadImport(tf, store);
    const updated = await updateThenFail(tf, state);
    await replaceDestroyUpgrade(tf, store, state, updated);
  });

  it('unknown resource types and secrets: diagnostics, and the api key never reaches stderr', async () => {
    const d = await tf.validateResourceConfig(TYPE, cfg());
    expect(d).toEqual([]);
    const res = await tf.call('ValidateResourceConfig', { type_name: 'netsapiens_nope', config: null });
    expect(res.diagnostics[0]).toMatchObject({ severity: 'ERROR', summary: 'Unknown resource type' });
    expect(tf.stderr).not.toContain('nsd_secret');
    expect(tf.stderr).not.toContain('4321');
  });

  it('GRPCController.Shutdown answers and the process exits 0', async () => {
    expect(await tf.shutdown()).toBe(0);
  });
});

describe('protocol: transport variants', () => {
  beforeAll(() => ensureProviderBuilt());

  it('TF_DISABLE_PLUGIN_TLS: plaintext, empty certificate field', async () => {
    const tf = await FakeTerraform.start({ entry: FIXTURE_ENTRY, tls: false });
    try {
      expect(tf.handshake.serverCertPem).toBeNull();
      const schema = await tf.getProviderSchema();
      expect(schema.resource_schemas).toHaveProperty('netsapiens_test_extension');
      expect(await tf.shutdown()).toBe(0);
    } finally {
      tf.kill();
    }
  });

  it('refuses a client without the magic cookie (one line on stderr, exit 1, nothing on stdout)', async () => {
    const { spawnSync } = await import('node:child_process');
    const env = { ...process.env };
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    const r = spawnSync(process.execPath, [FIXTURE_ENTRY], { env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
