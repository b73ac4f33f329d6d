import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerSchemaDocument } from '../../../provider/framework/schema-document';
import { testProviderOptions } from '../../../provider/test-fixtures/file-store';
import { ensureProviderBuilt, FIXTURE_ENTRY } from '../../../provider/test-support/ensure-built';

/*
 * Real Terraform against the file-backed test provider, installed from a
 * filesystem mirror under the production address registry.terraform.io/pbxctl/netsapiens
 * with `direct { exclude }`, so Terraform never contacts a registry.
 */

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => {
    try {
      return readFileSync(join(d, cmd)).length > 0;
    } catch {
      return false;
    }
  });
}

const HAVE_TERRAFORM = onPath('terraform');
if (!HAVE_TERRAFORM) {
  console.warn(
    '\n*** terraform E2E tests were SKIPPED: `terraform` is not on PATH. ***\n' +
      '*** Install Terraform >= 1.11 to run test/e2e/provider/harness-terraform.test.ts. ***\n',
  );
}

const ADDRESS = 'registry.terraform.io/pbxctl/netsapiens';
const TYPE = 'netsapiens_test_extension';

interface Run {
  readonly status: number | null;
  readonly out: string;
}

describe.skipIf(!HAVE_TERRAFORM)('terraform E2E (real terraform, filesystem mirror)', () => {
  let root: string;
  let work: string;
  let store: string;
  let env: NodeJS.ProcessEnv;

  const tf = (...args: string[]): Run => {
    const r = spawnSync('terraform', [...args, '-no-color'], { cwd: work, env, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
  };
  const ok = (...args: string[]): string => {
    const r = tf(...args);
    expect(r.status, r.out).toBe(0);
    return r.out;
  };
  const writeConfig = (resource: Record<string, string>, extra = ''): void => {
    const attrs = Object.entries(resource)
      .map(([k, v]) => `  ${k} = ${v}`)
      .join('\n');
    writeFileSync(
      join(work, 'main.tf'),
      `terraform {
  required_providers {
    netsapiens = { source = "pbxctl/netsapiens", version = "0.0.1" }
  }
}
provider "netsapiens" {
  api_url = "${pathToFileURL(store).href}"
}
resource "${TYPE}" "desk" {
${attrs}
  forward { to = "1002" }
}
${extra}
`,
    );
  };
  const storeIds = (): string[] => Object.keys(JSON.parse(readFileSync(store, 'utf8')).extensions);
  const base = {
    name: '"Front desk"',
    number: '"1001"',
    tags: '["a", "b"]',
    pin: '"4321"',
    settings: '{ ring_seconds = 25 }',
  };

  beforeAll(() => {
    ensureProviderBuilt();
    root = mkdtempSync(join(tmpdir(), 'pbxctl-tfe2e-'));
    work = join(root, 'work');
    store = join(root, 'store.json');
    mkdirSync(work);
    const pluginDir = join(root, 'mirror', 'registry.terraform.io', 'pbxctl', 'netsapiens', '0.0.1', 'linux_amd64');
    mkdirSync(pluginDir, { recursive: true });
    const launcher = join(pluginDir, 'terraform-provider-netsapiens');
    writeFileSync(launcher, `#!/bin/sh\nexec "${process.execPath}" "${FIXTURE_ENTRY}" "$@"\n`);
    chmodSync(launcher, 0o755);
    writeFileSync(
      join(root, 'cli.tfrc'),
      `provider_installation {
  filesystem_mirror {
    path    = "${join(root, 'mirror')}"
    include = ["registry.terraform.io/pbxctl/*"]
  }
  direct {
    exclude = ["registry.terraform.io/pbxctl/*"]
  }
}
`,
    );
    env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: join(root, 'cli.tfrc'),
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      NO_COLOR: '1',
    };
    delete env.TF_LOG;
    delete env.NS_API_URL;
    delete env.NS_API_KEY;
  });

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('init from the mirror, offline', () => {
    writeConfig(base);
    expect(ok('init', '-input=false')).toContain('Installing pbxctl/netsapiens v0.0.1');
  });

  it('providers schema -json equals the document emitted from TypeScript', () => {
    const r = spawnSync('terraform', ['providers', 'schema', '-json'], { cwd: work, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(providerSchemaDocument(testProviderOptions, ADDRESS));
  });

  it('a bad value gives the provider diagnostic on the attribute', () => {
    writeConfig({ ...base, number: '"1x"' });
    const r = tf('plan', '-input=false');
    expect(r.status).toBe(1);
    expect(r.out).toContain('Invalid extension number');
    expect(r.out).toContain('"1x" must be 2-6 digits');
    expect(r.out).toMatch(/number\s+=\s+"1x"/);
  });

  it('plan, apply, then plan -detailed-exitcode = 0', () => {
    writeConfig(base);
    const plan = tf('plan', '-input=false', '-detailed-exitcode');
    expect(plan.status, plan.out).toBe(2);
    expect(plan.out).toContain('id        = (known after apply)');
    expect(plan.out).toContain('voicemail = false');
    expect(plan.out).toContain('pin       = (sensitive value)');
    ok('apply', '-auto-approve', '-input=false');
    expect(storeIds()).toHaveLength(1);
    const again = tf('plan', '-input=false', '-detailed-exitcode');
    expect(again.status, again.out).toBe(0);
    expect(again.out).toContain('No changes.');
  });

  it('update in place', () => {
    const before = storeIds();
    writeConfig({ ...base, name: '"Lobby"', voicemail: 'true' });
    const plan = ok('plan', '-input=false');
    expect(plan).toContain('update in-place');
    ok('apply', '-auto-approve', '-input=false');
    expect(storeIds()).toEqual(before);
    expect(tf('plan', '-input=false', '-detailed-exitcode').status).toBe(0);
  });

  it('forceNew change replaces the object', () => {
    const before = storeIds();
    writeConfig({ ...base, name: '"Lobby"', number: '"1009"' });
    const plan = ok('plan', '-input=false');
    expect(plan).toContain('# forces replacement');
    expect(plan).toContain('must be replaced');
    const apply = ok('apply', '-auto-approve', '-input=false');
    expect(apply).toContain('1 added, 0 changed, 1 destroyed');
    const after = storeIds();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]).toMatch(/^ext-1009-/);
  });

  it('out-of-band delete is detected and re-created', () => {
    writeFileSync(store, JSON.stringify({ extensions: {} }));
    const plan = tf('plan', '-input=false', '-detailed-exitcode');
    expect(plan.status, plan.out).toBe(2);
    // ReadResource answered null: Terraform drops the object and plans a create.
    // (It prints "has been deleted" only when the drift affects other objects.)
    expect(plan.out).toContain(`# ${TYPE}.desk will be created`);
    expect(plan.out).toContain('1 to add, 0 to change, 0 to destroy');
    ok('apply', '-auto-approve', '-input=false');
    expect(storeIds()).toHaveLength(1);
  });

  it('import {} block adopts an existing object', () => {
    const [id] = storeIds();
    ok('state', 'rm', `${TYPE}.desk`);
    writeConfig({ ...base, name: '"Lobby"', number: '"1009"' }, `import {\n  to = ${TYPE}.desk\n  id = "${id}"\n}\n`);
    const apply = ok('apply', '-auto-approve', '-input=false');
    expect(apply).toContain('1 imported');
    writeConfig({ ...base, name: '"Lobby"', number: '"1009"' });
    expect(tf('plan', '-input=false', '-detailed-exitcode').status).toBe(0);
    expect(storeIds()).toEqual([id]);
  });

  it('destroy removes it', () => {
    expect(ok('destroy', '-auto-approve', '-input=false')).toContain('1 destroyed');
    expect(storeIds()).toEqual([]);
  });
});
