/**
 * `terraform plan -parallelism=P` through the release zip, P alternated round by round in one workspace (issue 15):
 * how much a large domain's plan gains from more of Terraform's lanes, and what the platform sees. Terraform walks
 * 10 resources at a time by default; each lane holds its resource while the refresh waits on the network, so at
 * 20 ms a plan keeps only ~6 of the provider's 8 allowed requests in flight. The provider's pacing ceilings
 * (PBXCTL_CONCURRENCY, default 8; PBXCTL_RATE) hold whatever P is: the proxy's largest count of requests open at
 * once is printed beside each P, with the requests sent.
 *
 *   npm run build && node dist/bench/terraform-parallelism.js [users=1000] [--rounds 6] [--zip ZIP] [P=10 32]...
 *
 * Same domain, state and 20 ms proxy as bench/terraform-plan.ts. Without --zip it packages this build first.
 * Needs the terraform binary (prints SKIPPED otherwise). Benchmark-only: nothing in the product loads it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageProvider } from '../scripts/package-provider';
import { seedFor } from './plan-users';
import type { Arrival } from './proxy-stats';
import { median } from './scale';
import { startServerThread } from './server-thread';
import { terraform, workspace } from './tf-workspace';

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

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { zip: { type: 'string' }, rounds: { type: 'string' } },
  });
  const users = Number(positionals[0] ?? 1000);
  const rounds = Number(values.rounds ?? 6);
  const ps = (positionals.length > 1 ? positionals.slice(1) : ['10', '32']).map(Number);
  for (const [name, v] of [['users', users], ['--rounds', rounds], ...ps.map((p) => ['P', p] as const)] as const)
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
    const wall = ps.map((): number[] => []);
    const requests = ps.map((): number[] => []);
    const most = ps.map((): number[] => []);
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < ps.length; k++) {
        const i = (k + round) % ps.length;
        await servers.reset();
        const t = performance.now();
        const plan = await terraform(
          ['plan', '-input=false', '-no-color', '-lock=false', `-parallelism=${ps[i]}`],
          ws.dir,
          env,
        );
        const ms = performance.now() - t;
        if (plan.status !== 0) throw new Error(`terraform plan -parallelism=${ps[i]} failed:\n${plan.out}`);
        await servers.refresh();
        (wall[i] as number[]).push(ms);
        (requests[i] as number[]).push(servers.stats.arrivals.length);
        (most[i] as number[]).push(maxInFlight(servers.stats.arrivals));
      }
    }
    console.log(`${users} users, 20 ms, ${rounds} alternated rounds, the release zip (${zip.split('/').at(-1)})`);
    console.log(
      '| `-parallelism` | `terraform plan` median ms | rounds ms | vs the first | requests | most in flight at once |',
    );
    console.log('|---:|---:|---|---:|---:|---:|');
    const ref = median(wall[0] as number[]);
    for (const [i, p] of ps.entries()) {
      const m = median(wall[i] as number[]);
      const round = (wall[i] as number[]).map((x) => x.toFixed(0)).join(' / ');
      console.log(
        `| ${p} | ${m.toFixed(0)} | ${round} | ${(m / ref).toFixed(2)}× | ${median(requests[i] as number[])} | ${Math.max(...(most[i] as number[]))} |`,
      );
    }
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
