/**
 * TEST SUPPORT for the netsapiens resource tests (fake Terraform and real Terraform): building the
 * provider, Terraform's proposed new state, and a throw-away Terraform workspace that installs the real
 * launcher `bin/terraform-provider-netsapiens` from a filesystem mirror (never a registry).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { type CtyObject, type CtyValue, isObjectValue } from '../cty';
import type { AttributeSpec, SchemaSpec } from '../framework';
import { attributeFlags } from '../framework';

import { resources } from '../resources/index';
import { REPO_ROOT } from './ensure-built';

export const ROOT = REPO_ROOT;
export const MAIN_ENTRY = join(ROOT, 'dist', 'provider', 'main.js');
export const LAUNCHER = join(ROOT, 'bin', 'terraform-provider-netsapiens');
export const ADDRESS = 'registry.terraform.io/pbxctl/netsapiens';

/** The provider runs as compiled JS (dist/provider/main.js, through bin/): build it when stale. */
export { ensureProviderBuilt as ensureBuilt } from './ensure-built';

/** The schema of a resource or data source type (`netsapiens_user`). */
export function schemaOf(type: string): SchemaSpec {
  const r = resources.find((x) => x.typeName === type);
  if (!r) throw new Error(`no resource type ${type}`);
  return r.schema;
}

/** A full config object of `type`: every attribute null unless given. */
export function config(type: string, values: Record<string, unknown>): CtyObject {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(schemaOf(type).attributes ?? {})) out[name] = values[name] ?? null;
  return out as CtyObject;
}

/**
 * Terraform's proposed new state: config values, except that computed attributes the config leaves
 * null take the prior value, recursively into nested single objects.
 */
export function propose(schema: SchemaSpec, prior: CtyObject | null, config: CtyObject): CtyObject {
  return proposeAttrs(schema.attributes ?? {}, prior, config);
}

function proposeAttrs(
  attrs: Readonly<Record<string, AttributeSpec>>,
  prior: CtyObject | null,
  config: CtyObject,
): CtyObject {
  const out: Record<string, CtyValue> = {};
  for (const [name, a] of Object.entries(attrs)) {
    const c = config[name] ?? null;
    const p = prior ? (prior[name] ?? null) : null;
    if (c === null) out[name] = attributeFlags(a).computed ? p : null;
    else if (a.nested?.nesting === 'single' && isObjectValue(c))
      out[name] = proposeAttrs(a.nested.attributes, isObjectValue(p) ? p : null, c);
    else out[name] = c;
  }
  return out;
}

// ------------------------------------------------------------------------------------------ real terraform

export function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d !== '' && existsSync(join(d, cmd)));
}

export const HAVE_TERRAFORM = onPath('terraform');

export interface TfRun {
  readonly status: number | null;
  readonly out: string;
  readonly stdout: string;
}

export interface TfWorkspace {
  readonly root: string;
  readonly mirror: string;
  readonly env: NodeJS.ProcessEnv;
  /** Runs terraform asynchronously: the emulator answering the provider lives in this process. */
  tf(cwd: string, ...args: string[]): Promise<TfRun>;
}

/**
 * A temp dir with its own TF_CLI_CONFIG_FILE and an unpacked filesystem mirror whose provider
 * executable is a symlink to the real launcher bin/terraform-provider-netsapiens.
 */
export function createWorkspace(prefix: string, extraEnv: Record<string, string> = {}): TfWorkspace {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const mirror = join(root, 'mirror');
  const pluginDir = join(mirror, 'registry.terraform.io', 'pbxctl', 'netsapiens', '0.1.0', 'linux_amd64');
  mkdirSync(pluginDir, { recursive: true });
  symlinkSync(LAUNCHER, join(pluginDir, 'terraform-provider-netsapiens'));
  writeFileSync(
    join(root, 'cli.tfrc'),
    `provider_installation {
  filesystem_mirror {
    path    = "${mirror}"
    include = ["registry.terraform.io/pbxctl/*"]
  }
  direct {
    exclude = ["registry.terraform.io/pbxctl/*"]
  }
}
`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    TF_CLI_CONFIG_FILE: join(root, 'cli.tfrc'),
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    NO_COLOR: '1',
    // The launcher execs `node`: make sure it is this one.
    PATH: `${join(process.execPath, '..')}${delimiter}${process.env.PATH ?? ''}`,
  };
  delete env.TF_LOG;
  return {
    root,
    mirror,
    env,
    async tf(cwd, ...args) {
      // The provider's stderr reaches Terraform's log only: a provider that dies before its handshake ("Failed to
      // read any lines from plugin's stdout") fails the test with its log lines, which say why. (That is how an
      // AutoMTLS serial with a leading zero byte — refused by OpenSSL about once in 256 starts — was found.)
      const log = join(root, `tf-${++runs}.log`);
      const run = await runTerraform(cwd, args, { ...env, TF_LOG_PROVIDER: 'DEBUG', TF_LOG_PATH: log });
      if (!run.out.includes(NO_HANDSHAKE)) return run;
      return { ...run, out: `${run.out}\n--- provider log (${log}) ---\n${providerLines(log)}` };
    },
  };
}

let runs = 0;
const NO_HANDSHAKE = "Failed to read any lines from plugin's stdout";

/** The provider lines of a Terraform log (the plugin's stderr and its start and exit), at most 80. */
function providerLines(log: string): string {
  try {
    const lines = readFileSync(log, 'utf8').split('\n');
    return lines
      .filter((l) => /provider|plugin/i.test(l))
      .slice(-80)
      .join('\n');
  } catch (err) {
    return `(no log: ${err instanceof Error ? err.message : String(err)})`;
  }
}

function runTerraform(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<TfRun> {
  return new Promise((resolve) => {
    const child = spawn('terraform', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, out: `${stdout}\n${stderr}`, stdout });
    });
  });
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The seed every test starts from: one domain, empty but for one inventory number. */
export const DOMAIN = 'acme.example.com';
export const SEED = {
  domains: {
    [DOMAIN]: {
      domain: { description: 'Acme', reseller: 'acme-reseller', 'time-zone': 'America/New_York' },
      // The main number, in the domain inventory (pbxctl routes numbers, never buys them).
      phonenumbers: [{ phonenumber: '12125550100', 'dial-rule-application': 'available-number' }],
    },
  },
};
