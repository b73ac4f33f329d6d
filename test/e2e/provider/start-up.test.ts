/**
 * The provider's start stays light (issue 15): Terraform starts it three times per `terraform plan` (schema,
 * validation, the plan itself), and the first two starts never send a request, read YAML or validate a
 * file. A real start (dist/provider/main.js, as bin/ runs it, with Terraform's environment) must reach its
 * handshake line without loading undici, yaml, ajv or @grpc/proto-loader (each loads on first use, if ever),
 * and it never loads @grpc/grpc-js: the provider serves gRPC with its own node:http2 server (plugin/grpc-server.ts).
 * A start that loads the resources (any call but the schema) loads the reconciler through its provider entry
 * (reconciler/provider-api.ts): the kinds and the platform client, not plan, apply, operations, the CLI, the
 * pipeline, call flows or the desired-state loader — and still answers every call.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CtyObject, encodeDynamicValue } from '../../../provider/cty';
import { SERVER_CAPABILITIES } from '../../../provider/framework/provider-service';
import { schemaResponseFromDocument } from '../../../provider/framework/schema-from-document';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../../provider/plugin/serve';
import schemaDocument from '../../../provider/schema/netsapiens.schema.json';
import { FakeTerraform, impliedTypeFromProto } from '../../../provider/test-support/fake-terraform';
import { config, ensureBuilt, MAIN_ENTRY } from '../../../provider/test-support/resources';

const HEAVY = ['undici', 'yaml', 'ajv', 'ajv-formats', '@grpc/proto-loader', '@grpc/grpc-js'];

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pbxctl-start-up-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Starts the provider with a preload that lists, when asked by SIGUSR2, the packages loaded so far (and, in
 * `modules`, the files of dist/reconciler/ loaded so far, relative to it).
 */
function writePreload(): { preload: string; out: string; modules: string; providerModules: string } {
  const preload = join(dir, 'list-packages.js');
  const out = join(dir, 'packages.json');
  const modules = join(dir, 'reconciler-modules.json');
  const providerModules = join(dir, 'provider-modules.json');
  writeFileSync(
    preload,
    `process.on('SIGUSR2', () => {
      const names = new Set();
      const reconciler = [];
      const provider = [];
      for (const f of Object.keys(require.cache)) {
        const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(f);
        if (m) names.add(m[1]);
        const r = /\\/dist\\/reconciler\\/(.*)$/.exec(f);
        if (r) reconciler.push(r[1]);
        const p = /\\/dist\\/provider\\/(.*)$/.exec(f);
        if (p) provider.push(p[1]);
      }
      require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify([...names].sort()));
      require('node:fs').writeFileSync(${JSON.stringify(modules)}, JSON.stringify(reconciler.sort()));
      require('node:fs').writeFileSync(${JSON.stringify(providerModules)}, JSON.stringify(provider.sort()));
      process.exit(0);
    });\n`,
  );
  return { preload, out, modules, providerModules };
}

/** The reconciler modules a provider start must not load: what the CLI, not the provider, uses. */
const NOT_FOR_THE_PROVIDER = [
  /^index\.js$/,
  /^pipeline\.js$/,
  /^plan\/compute-plan\.js$/,
  /^plan\/render/,
  /^plan\/check-safety\.js$/,
  /^apply\//,
  /^operations\//,
  /^cli\//,
  /^callflow\//,
  /^export\//,
  /^desired\/load-desired-state\.js$/,
];

function packagesAtHandshake(): Promise<{ handshake: string; packages: string[]; stderr: string }> {
  const { preload, out } = writePreload();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, MAIN_ENTRY], {
      env: { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no handshake in 60 s; stderr: ${stderr}`));
    }, 60_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      if (stdout.includes('\n')) child.kill('SIGUSR2');
    });
    child.on('exit', () => {
      clearTimeout(timer);
      try {
        resolve({ handshake: stdout.trim(), packages: JSON.parse(readFileSync(out, 'utf8')) as string[], stderr });
      } catch {
        reject(new Error(`the provider exited before listing its packages; stderr: ${stderr}`));
      }
    });
  });
}

describe('provider start-up', () => {
  it('reaches the handshake with protobufjs loaded, and none of the heavy packages (nor grpc-js)', async () => {
    const { handshake, packages, stderr } = await packagesAtHandshake();
    expect(handshake).toMatch(/^1\|6\|unix\|/);
    // Nothing on stderr, which Terraform logs: no warning, no "unrecognized flag" from the V8 tuning.
    expect(stderr).toBe('');
    // The listing works: what the start does need is there.
    expect(packages).toContain('protobufjs');
    expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    // The cty codec's generic path (@msgpack/msgpack) loads on first use, if ever: not in a plan.
    expect(packages).not.toContain('@msgpack/msgpack');
  }, 90_000);

  it('a start whose first call is not the schema loads the kinds, not the rest of the reconciler, and answers every call', async () => {
    const { preload, out, modules } = writePreload();
    const ft = await FakeTerraform.start({
      entry: MAIN_ENTRY,
      env: { NODE_OPTIONS: `--require ${preload}`, NS_API_URL: '', NS_API_KEY: '' },
    });
    try {
      // Terraform's later starts skip GetProviderSchema (get_provider_schema_optional): ValidateProviderConfig
      // comes first, encoded with the schema of the committed document.
      const schema = schemaResponseFromDocument(schemaDocument, SERVER_CAPABILITIES) as {
        provider: { block: Parameters<typeof impliedTypeFromProto>[0] };
      };
      const providerType = impliedTypeFromProto(schema.provider.block);
      const providerConfig = { api_url: 'not a url', api_key: null, protect: null, platform: null } as CtyObject;
      const res = await ft.call('ValidateProviderConfig', {
        config: encodeDynamicValue(providerConfig, providerType),
      });
      expect(res.diagnostics).toMatchObject([
        { severity: 'ERROR', attribute: { steps: [{ attribute_name: 'api_url' }] } },
      ]);
      // Then every other kind of call still works in this start.
      expect(Object.keys((await ft.getProviderSchema()).resource_schemas)).toContain('netsapiens_user');
      expect(
        await ft.validateResourceConfig('netsapiens_user', config('netsapiens_user', { extension: '1x' })),
      ).toEqual([expect.objectContaining({ severity: 'ERROR' })]);
      expect(await ft.healthCheck()).toBe('SERVING');
      const exited = new Promise((resolve) => ft.child.once('exit', resolve));
      ft.child.kill('SIGUSR2');
      await exited;
      const loaded = JSON.parse(readFileSync(modules, 'utf8')) as string[];
      // The listing works: the resources did load the kinds, through the provider's entry.
      expect(loaded).toEqual(expect.arrayContaining(['provider-api.js', 'kinds/registry.js', 'kinds/user/index.js']));
      expect(loaded.filter((m) => NOT_FOR_THE_PROVIDER.some((re) => re.test(m)))).toEqual([]);
      const packages = JSON.parse(readFileSync(out, 'utf8')) as string[];
      expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
      expect(packages).not.toContain('@msgpack/msgpack');
    } finally {
      ft.kill();
    }
  }, 90_000);

  it('never loads @grpc/grpc-js, also after serving calls (schema, validation, health)', async () => {
    const { preload, out, providerModules } = writePreload();
    const ft = await FakeTerraform.start({
      entry: MAIN_ENTRY,
      env: { NODE_OPTIONS: `--require ${preload}`, NS_API_URL: '', NS_API_KEY: '' },
    });
    try {
      expect(Object.keys((await ft.getProviderSchema()).resource_schemas)).toContain('netsapiens_user');
      expect(await ft.healthCheck()).toBe('SERVING');
      const exited = new Promise((resolve) => ft.child.once('exit', resolve));
      ft.child.kill('SIGUSR2');
      await exited;
      const packages = JSON.parse(readFileSync(out, 'utf8')) as string[];
      expect(packages).toContain('protobufjs');
      expect(packages.filter((p) => p.startsWith('@grpc/'))).toEqual([]);
      // The schema-only start (Terraform's first of a plan) answers from build-time bytes: no service, no
      // codec, no resources, not even the schema document (framework/serve-lazy.ts).
      const loaded = JSON.parse(readFileSync(providerModules, 'utf8')) as string[];
      expect(loaded).toEqual(expect.arrayContaining(['main.js', 'framework/serve-lazy.js', 'plugin/serve.js']));
      expect(
        loaded.filter((m) =>
          /^(framework\/(provider-service|serve-provider)|cty\/|resources\/|schema\/netsapiens)/.test(m),
        ),
      ).toEqual([]);
    } finally {
      ft.kill();
    }
  }, 90_000);
});
