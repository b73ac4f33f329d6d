/**
 * Benchmark (not a test): `terraform plan` through our provider next to `pbxctl plan` of the same domain
 * (issue 15 must-show 3: requests ≤ 1.2× pbxctl's, wall time ≤ 2×). Both at default client settings
 * (PBXCTL_RATE / PBXCTL_CONCURRENCY apply to both), against the emulator on loopback.
 *
 * The domain is bench/plan-users.ts's "full" case (desk phone, spam → voicemail, a block list per user;
 * every 10th user differs). Terraform starts from a state that holds each user's id and configured
 * fields (what an earlier apply leaves), so `terraform plan` refreshes every user and plans the updates.
 *
 *   npm run build && node dist/bench/terraform-plan.js 200 1000
 *
 * Needs the terraform binary (prints SKIPPED otherwise) and a built dist/ (the provider launcher).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_API_KEY, startEmulator } from '../emulator';
import { envSecretResolver, loadDesiredState, NetSapiensClient, runPlan } from '../reconciler';
import { type BenchCase, desiredFor, seedFor } from './plan-users';

const DOMAIN = 'bench.example.com';
const ROOT = resolve(__dirname, '..', '..');

function user(i: number) {
  const ext = String(1000 + i);
  const dept = i % 10 === 0 ? 'Marketing' : i % 2 ? 'Sales' : 'Support';
  const mac = `0004f2${i.toString(16).padStart(6, '0')}`;
  return { ext, dept, mac, first: `First${i}`, last: `Last${i}`, email: `u${i}@bench.example.com` };
}

function hcl(n: number): string {
  const out = [
    'terraform {\n  required_providers {\n    netsapiens = { source = "pbxctl/netsapiens" }\n  }\n}\nprovider "netsapiens" {}\n',
  ];
  for (let i = 0; i < n; i++) {
    const u = user(i);
    out.push(`resource "netsapiens_user" "u${u.ext}" {
  domain     = "${DOMAIN}"
  extension  = "${u.ext}"
  first_name = "${u.first}"
  last_name  = "${u.last}"
  email      = "${u.email}"
  department = "${u.dept}"
  site       = "HQ"
  scope      = "Basic User"
  phone      = { mac = "${u.mac}", model = "yealink-t54w" }
  spam       = "voicemail"
  block      = ["+1 800 555 0199"]
}
`);
  }
  return out.join('\n');
}

/** A state as an earlier apply leaves it (ids and the configured fields; the refresh fills the rest). */
function state(n: number): string {
  const resources = [];
  for (let i = 0; i < n; i++) {
    const u = user(i);
    const attributes = {
      id: `${DOMAIN}/${u.ext}`,
      domain: DOMAIN,
      extension: u.ext,
      first_name: u.first,
      last_name: u.last,
      email: u.email,
      department: i % 2 ? 'Sales' : 'Support',
      site: 'HQ',
      scope: 'Basic User',
      spam: 'voicemail',
      block: ['+1 800 555 0199'],
    };
    resources.push({
      mode: 'managed',
      type: 'netsapiens_user',
      name: `u${u.ext}`,
      provider: 'provider["registry.terraform.io/pbxctl/netsapiens"]',
      instances: [{ schema_version: 0, attributes }],
    });
  }
  return JSON.stringify({
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: 'bench',
    outputs: {},
    resources,
  });
}

function workspace(n: number, apiUrl: string): { dir: string; env: NodeJS.ProcessEnv } {
  const root = mkdtempSync(join(tmpdir(), 'pbxctl-bench-tf-'));
  const plugin = join(root, 'mirror', 'registry.terraform.io', 'pbxctl', 'netsapiens', '0.1.0', 'linux_amd64');
  mkdirSync(plugin, { recursive: true });
  symlinkSync(join(ROOT, 'bin', 'terraform-provider-netsapiens'), join(plugin, 'terraform-provider-netsapiens'));
  const rc = join(root, 'cli.tfrc');
  writeFileSync(rc, `provider_installation {\n  filesystem_mirror {\n    path = "${join(root, 'mirror')}"\n  }\n}\n`);
  const dir = join(root, 'work');
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), hcl(n));
  writeFileSync(join(dir, 'terraform.tfstate'), state(n));
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: rc,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    NS_API_URL: apiUrl,
    NS_API_KEY: DEFAULT_API_KEY,
    PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}`,
  };
  return { dir, env };
}

/** Async: the emulator runs in this process, so a blocking spawn would stall it. */
function terraform(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn('terraform', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (status) => done({ status, out }));
  });
}

async function measure(n: number): Promise<void> {
  const c: BenchCase = { name: 'full', users: n, full: true, contacts: 0 };
  const emu = await startEmulator({ seed: seedFor(c) });
  try {
    // pbxctl plan, default settings.
    const yamlDir = mkdtempSync(join(tmpdir(), 'pbxctl-bench-yaml-'));
    writeFileSync(join(yamlDir, 'bench.yaml'), desiredFor(c));
    const client = new NetSapiensClient({ baseUrl: emu.url, apiKey: DEFAULT_API_KEY });
    emu.requests.reset();
    let t = process.hrtime.bigint();
    const run = await runPlan(loadDesiredState(yamlDir, { secrets: envSecretResolver({}) }), client);
    const pbxMs = Number(process.hrtime.bigint() - t) / 1e6;
    const pbxReq = emu.requests.count;
    await client.close();
    // terraform plan (init first, not timed).
    const ws = workspace(n, emu.url);
    const init = await terraform(['init', '-input=false', '-no-color'], ws.dir, ws.env);
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.out}`);
    emu.requests.reset();
    t = process.hrtime.bigint();
    const plan = await terraform(['plan', '-input=false', '-no-color', '-lock=false'], ws.dir, ws.env);
    const tfMs = Number(process.hrtime.bigint() - t) / 1e6;
    const tfReq = emu.requests.count;
    const summary = /Plan: .*|No changes\./.exec(plan.out)?.[0] ?? `exit ${plan.status}: ${plan.out.slice(-500)}`;
    const r = (x: number, y: number) => `${(x / y).toFixed(2)}×`;
    console.log(
      `| ${n} | ${pbxReq} | ${Math.round(pbxMs)} | ${tfReq} | ${Math.round(tfMs)} | ${r(tfReq, pbxReq)} | ${r(tfMs, pbxMs)} | ${run.document.summary.changes} / ${summary} |`,
    );
  } finally {
    await emu.close();
  }
}

async function main(): Promise<void> {
  if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0) {
    console.log('SKIPPED: terraform is not on PATH');
    return;
  }
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  console.log(
    '| users | pbxctl requests | pbxctl ms | terraform requests | terraform ms | requests ratio | time ratio | changes (pbxctl / terraform) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const n of sizes.length > 0 ? sizes : [200, 1000]) await measure(n);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
