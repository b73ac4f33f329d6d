/**
 * Benchmark (not a test): what `terraform plan` costs Terraform itself, with NO provider process and NO
 * network, and how that grows with the value each resource holds — beside bench/terraform-plan.ts (issue 15
 * must-show 3), whose "Terraform's own CPU" column is the same cost with our provider.
 *
 * N `terraform_data` resources (built into Terraform: no plugin is started, nothing is read) whose `input`
 * holds the same attributes as a `netsapiens_user` in the state an apply leaves (bench/tf-workspace.ts's
 * users: 26 attributes with their nulls, 35 with the phone's and voicemail's, and the block list), and for
 * contrast N resources with a one-attribute input. After an untimed `terraform apply`, `terraform plan`
 * three times: the median wall time and Terraform's CPU (this process's waited-for children, /proc/self/stat).
 * Not a strict floor for our provider's plan: `terraform_data` keeps the value twice (`input` and `output`)
 * and dynamically typed, so it costs Terraform somewhat more per resource than a typed `netsapiens_user`.
 *
 *   npm run build && node dist/bench/terraform-alone.js 200 1000
 *
 * Needs the terraform binary (prints SKIPPED otherwise).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMAIN } from './plan-users';
import { childrenCpuMs, terraform, user } from './tf-workspace';

type Shape = 'user' | 'one';

/** The attributes a refreshed `netsapiens_user` holds in the bench's state (nulls included). */
function userValue(i: number): Record<string, unknown> {
  const u = user(i);
  return {
    allow: null,
    answering_rules: null,
    answering_rules_managed: null,
    block: ['+1 800 555 0199'],
    caller_id_name: null,
    caller_id_number: null,
    department: u.dept,
    domain: DOMAIN,
    email: u.email,
    emergency_address: null,
    emergency_caller_id: null,
    extension: u.ext,
    first_name: u.first,
    id: `${DOMAIN}/${u.ext}`,
    last_name: u.last,
    phone: { emergency_address: null, enabled: null, mac: u.mac, model: 'yealink-t54w' },
    phones: null,
    recycle: null,
    ring_timeout: 25,
    scope: 'Basic User',
    site: 'HQ',
    spam: 'voicemail',
    time_frames: null,
    time_zone: 'US/Eastern',
    voicemail: { email_notification: 'none', enabled: true, pin: null, pin_version: null, transcription: false },
    welcome_email: null,
  };
}

function config(n: number, shape: Shape): string {
  const resources: Record<string, { input: unknown }> = {};
  for (let i = 0; i < n; i++) {
    resources[`u${1000 + i}`] = { input: shape === 'user' ? userValue(i) : { extension: String(1000 + i) } };
  }
  return JSON.stringify({ resource: { terraform_data: resources } });
}

async function measure(n: number, shape: Shape): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-bench-tf-alone-'));
  const rc = join(dir, 'terraformrc');
  writeFileSync(rc, '');
  const env = { ...process.env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  try {
    writeFileSync(join(dir, 'main.tf.json'), config(n, shape));
    for (const args of [['init'], ['apply', '-auto-approve']]) {
      const r = await terraform([...args, '-input=false', '-no-color'], dir, env);
      if (r.status !== 0) throw new Error(`terraform ${args[0]} failed:\n${r.out.slice(-1000)}`);
    }
    const runs: { ms: number; cpuMs: number }[] = [];
    for (let k = 0; k < 3; k++) {
      const cpu0 = childrenCpuMs() ?? Number.NaN;
      const t = performance.now();
      const r = await terraform(['plan', '-input=false', '-no-color', '-lock=false'], dir, env);
      const ms = performance.now() - t;
      if (r.status !== 0) throw new Error(`terraform plan failed:\n${r.out.slice(-1000)}`);
      runs.push({ ms, cpuMs: (childrenCpuMs() ?? Number.NaN) - cpu0 });
    }
    const m = [...runs].sort((a, b) => a.ms - b.ms)[1] as { ms: number; cpuMs: number };
    const each = runs.map((x) => Math.round(x.ms)).join(' / ');
    return `| ${n} | ${shape === 'user' ? 'a refreshed user (35 attributes)' : 'one attribute'} | ${Math.round(m.ms)} | ${each} | ${Math.round(m.cpuMs)} | ${(m.cpuMs / n).toFixed(2)} |`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0) {
    console.log('SKIPPED: terraform is not on PATH');
    return;
  }
  const sizes = process.argv.slice(2).map(Number);
  if (sizes.some((n) => !(n > 0))) throw new Error('arguments: resource counts, e.g. 200 1000');
  console.log(
    '| resources | input | `terraform plan` ms (median of 3) | runs ms | Terraform CPU ms | CPU ms per resource |',
  );
  console.log('|---:|---|---:|---|---:|---:|');
  for (const n of sizes.length > 0 ? sizes : [200, 1000]) {
    for (const shape of ['user', 'one'] as const) console.log(await measure(n, shape));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
