/**
 * `terraform plan -parallelism=P` through the release zip, P alternated round by round in one workspace (issue 15):
 * how much a large domain's plan gains from more of Terraform's lanes, and what the platform sees. Terraform walks
 * 10 resources at a time by default; each lane holds its resource while the refresh waits on the network, so at
 * 20 ms a plan keeps only ~6 of the provider's 8 allowed requests in flight. The provider's pacing ceilings
 * (PBXCTL_CONCURRENCY, default 8; PBXCTL_RATE) hold whatever P is: the proxy's largest count of requests open at
 * once is printed beside each P, with the requests sent.
 *
 *   npm run build && node dist/bench/terraform-parallelism.js [users=1000] [--rounds 6] [--zip ZIP] [VARIANT=10 32]...
 *
 * A variant is P, or P with environment for Terraform after a colon: `10:GOGC=400` (Go's garbage collector
 * runs about a quarter as often; a lever the user holds, as P is). The label is printed, so names that look like
 * credentials (KEY, TOKEN, SECRET, PASSWORD, PIN) are refused. Beside each variant, medians of the rounds: the CPU
 * of Terraform and its providers together (this process's waited-for children, /proc) and Terraform's own peak
 * memory (VmHWM, read every 20 ms).
 *
 * Same domain, state and 20 ms proxy as bench/terraform-plan.ts. Without --zip it packages this build first.
 * Needs the terraform binary (prints SKIPPED otherwise). Benchmark-only: nothing in the product loads it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageProvider } from '../scripts/package-provider';
import { seedFor } from './plan-users';
import type { Arrival } from './proxy-stats';
import { median } from './scale';
import { startServerThread, type ThreadedServers } from './server-thread';
import { childrenCpuMs, terraform, workspace } from './tf-workspace';

/** `VmHWM` (peak resident memory, KiB) of a /proc status text; undefined when absent. */
export function peakRssKib(status: string): number | undefined {
  const m = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return m ? Number(m[1]) : undefined;
}

/**
 * Terraform's own peak memory (not its providers'): its /proc status read every 20 ms while it runs; the peak
 * is the last value read, so growth in its last 20 ms is missed. Undefined where /proc is absent.
 */
function rssSampler(): { onSpawn: (pid: number) => void; stop: () => number | undefined } {
  let peak: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const read = (pid: number) => {
    try {
      peak = peakRssKib(readFileSync(`/proc/${pid}/status`, 'utf8')) ?? peak;
    } catch {
      // gone, or no /proc: keep what was read
    }
  };
  return {
    onSpawn: (pid) => {
      read(pid);
      timer = setInterval(() => read(pid), 20);
    },
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** One alternated setting: Terraform's `-parallelism` and the environment it runs with. */
export interface Variant {
  readonly label: string;
  readonly parallelism: number;
  readonly env: Readonly<Record<string, string>>;
}

/** `32`, `10:GOGC=400`, `10:GOGC=400,GOMEMLIMIT=2GiB`; throws a message naming the bad part. */
export function parseVariant(spec: string): Variant {
  const colon = spec.indexOf(':');
  const p = colon < 0 ? spec : spec.slice(0, colon);
  const parallelism = Number(p);
  if (!/^[1-9][0-9]*$/.test(p)) throw new Error(`variant ${JSON.stringify(spec)}: P must be a positive integer`);
  const env: Record<string, string> = {};
  if (colon >= 0) {
    for (const pair of spec.slice(colon + 1).split(',')) {
      const m = /^([A-Z_][A-Z0-9_]*)=(.+)$/.exec(pair);
      if (!m) throw new Error(`variant ${JSON.stringify(spec)}: ${JSON.stringify(pair)} is not NAME=value`);
      if (/KEY|TOKEN|SECRET|PASSWORD|PIN/.test(m[1] as string))
        throw new Error(`variant: ${m[1]} looks like a credential; set it in the environment, not in a printed label`);
      env[m[1] as string] = m[2] as string;
    }
  }
  return { label: spec, parallelism, env };
}

/** The most requests the proxy held open at one time (arrival to finished answer). */
export function maxInFlight(arrivals: readonly Arrival[]): number {
  const events: [number, number][] = [];
  for (const a of arrivals) {
    events.push([a.at, 1]);
    events.push([a.done ?? Number.POSITIVE_INFINITY, -1]);
  }
  // At equal times an answer's end counts before the next arrival: a connection reused at once is not two.
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let open = 0;
  let most = 0;
  for (const [, d] of events) {
    open += d;
    if (open > most) most = open;
  }
  return most;
}

/** What one variant's rounds measured. */
interface Samples {
  readonly wall: number[];
  readonly cpu: number[];
  readonly rss: number[];
  readonly requests: number[];
  readonly most: number[];
}

type Plan = (v: Variant, onSpawn: (pid: number) => void) => Promise<{ status: number | null; out: string }>;

/** The variants in rotating order, `rounds` times each: wall time, CPU, Terraform's peak memory, requests. */
async function alternate(
  ps: readonly Variant[],
  rounds: number,
  servers: ThreadedServers,
  plan: Plan,
): Promise<Samples[]> {
  const samples = ps.map((): Samples => ({ wall: [], cpu: [], rss: [], requests: [], most: [] }));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < ps.length; k++) {
      const i = (k + round) % ps.length;
      const v = ps[i] as Variant;
      const s = samples[i] as Samples;
      await servers.reset();
      const cpu0 = childrenCpuMs();
      const sampler = rssSampler();
      const t = performance.now();
      const r = await plan(v, sampler.onSpawn);
      const ms = performance.now() - t;
      const cpu1 = childrenCpuMs();
      const peak = sampler.stop();
      if (r.status !== 0) throw new Error(`terraform plan (${v.label}) failed:\n${r.out}`);
      await servers.refresh();
      s.wall.push(ms);
      if (cpu0 !== undefined && cpu1 !== undefined) s.cpu.push(cpu1 - cpu0);
      if (peak !== undefined) s.rss.push(peak);
      s.requests.push(servers.stats.arrivals.length);
      s.most.push(maxInFlight(servers.stats.arrivals));
    }
  }
  return samples;
}

function printTable(ps: readonly Variant[], samples: readonly Samples[]): void {
  console.log(
    '| variant (`-parallelism`[:environment]) | `terraform plan` median ms | rounds ms | vs the first | CPU ms (Terraform + providers) | peak memory of Terraform MiB | requests | most in flight at once |',
  );
  console.log('|---|---:|---|---:|---:|---:|---:|---:|');
  const ref = median((samples[0] as Samples).wall);
  for (const [i, v] of ps.entries()) {
    const s = samples[i] as Samples;
    const m = median(s.wall);
    const round = s.wall.map((x) => x.toFixed(0)).join(' / ');
    const c = s.cpu.length > 0 ? median(s.cpu).toFixed(0) : 'n/a';
    const r = s.rss.length > 0 ? (median(s.rss) / 1024).toFixed(0) : 'n/a';
    console.log(
      `| ${v.label} | ${m.toFixed(0)} | ${round} | ${(m / ref).toFixed(2)}× | ${c} | ${r} | ${median(s.requests)} | ${Math.max(...s.most)} |`,
    );
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { zip: { type: 'string' }, rounds: { type: 'string' } },
  });
  const users = Number(positionals[0] ?? 1000);
  const rounds = Number(values.rounds ?? 6);
  const ps = (positionals.length > 1 ? positionals.slice(1) : ['10', '32']).map(parseVariant);
  for (const [name, v] of [
    ['users', users],
    ['--rounds', rounds],
  ] as const)
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer, not ${v}`);
  if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0) {
    console.log('SKIPPED: terraform is not on PATH');
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'pbxctl-bench-parallelism-'));
  const servers = await startServerThread({
    seed: seedFor({ name: 'full', users, full: true, contacts: 0 }),
    latencyMs: 20,
  });
  let wsRoot: string | undefined;
  try {
    const zip = values.zip ?? (await packageProvider(join(scratch, 'release'))).zip;
    const ws = workspace(users, servers.url, undefined, { releaseZip: zip });
    wsRoot = dirname(ws.dir);
    const env = { ...ws.env };
    delete env.NODE_OPTIONS; // the release executable, as users run it (no bench preloads)
    for (const args of [
      ['init', '-input=false', '-no-color'],
      ['apply', '-refresh-only', '-auto-approve', '-input=false', '-no-color', '-lock=false'],
    ]) {
      const r = await terraform(args, ws.dir, env);
      if (r.status !== 0) throw new Error(`terraform ${args[0]} failed:\n${r.out}`);
    }
    const samples = await alternate(ps, rounds, servers, (v, onSpawn) =>
      terraform(
        ['plan', '-input=false', '-no-color', '-lock=false', `-parallelism=${v.parallelism}`],
        ws.dir,
        { ...env, ...v.env },
        onSpawn,
      ),
    );
    console.log(`${users} users, 20 ms, ${rounds} alternated rounds, the release zip (${zip.split('/').at(-1)})`);
    printTable(ps, samples);
  } finally {
    await servers.close();
    // Also when a plan failed: the workspace (state, provider copy) is not left in the temporary directory.
    if (wsRoot) rmSync(wsRoot, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
