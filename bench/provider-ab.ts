/**
 * Benchmark (not a test): two or more builds of the provider through the same `terraform plan`, alternated
 * round by round (issue 15: other work on the machine moves wall times, so builds are compared by the CPU of
 * their provider processes, each round running every build once). One workspace of bench/tf-workspace.ts at
 * `users` (refreshed state, as bench/terraform-plan.ts), the emulator behind the delaying proxy (20 ms).
 *
 * Per round and build: the wall time of `terraform plan`, each provider process's CPU (schema start, validate
 * walk, plan walk; bench/cpu-preload.ts) and, from bench/rpc-record-preload.ts, a digest of every response
 * each process sent (equal digests = byte-identical answers), the synchronous time of each resource RPC (total,
 * median, the mean of each successive 200 calls: the warm-up), GC and the modules loaded by area. At the end,
 * per build, the median CPU of each process.
 *
 *   npm run build && node dist/bench/provider-ab.js [users=1000] [--rounds 3] [--json] BUILD...
 *
 * A BUILD is a checkout with a built dist/ and a node_modules (e.g. `git worktree add /tmp/old main`, then
 * `npm ci && npm run build` there); `BUILD@--flag,--flag` also adds Node options for that build's providers.
 * The preload wraps the service's handlers (so its own cost is in every build's figures alike) and loads
 * framework/provider-service.js before the provider's own modules. Needs the terraform binary.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { seedFor } from './plan-users';
import { startServerThread } from './server-thread';
import { terraform, workspace } from './tf-workspace';

interface Build {
  readonly dir: string;
  readonly nodeOptions: string;
}

function parseArgs(argv: string[]) {
  let users = 1000;
  let rounds = 3;
  let json = false;
  const builds: Build[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--rounds') rounds = Number(argv[++i]);
    else if (a === '--json') json = true;
    else if (/^\d+$/.test(a)) users = Number(a);
    else if (!a.startsWith('--')) {
      const [dir, options] = a.split('@');
      builds.push({ dir: resolve(dir as string), nodeOptions: (options ?? '').split(',').join(' ').trim() });
    } else throw new Error(`unknown argument ${a} (users, --rounds N, --json, BUILD[@--flag,...]...)`);
  }
  if (builds.length === 0) throw new Error('name at least one build (a checkout with dist/ and node_modules/)');
  return { users, rounds, json, builds };
}

const readJson = (dir: string) =>
  readdirSync(dir)
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>)
    .sort((x, y) => Number(x.startedAt ?? x.pid) - Number(y.startedAt ?? y.pid));

const clear = (dir: string) => {
  for (const f of readdirSync(dir)) rmSync(join(dir, f));
};

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const c = { name: 'full', users: o.users, full: true, contacts: 0 };
  const servers = await startServerThread({ seed: seedFor(c), latencyMs: 20 });
  const ws = workspace(o.users, servers.url);
  const rpcDir = join(dirname(ws.dir), 'rpc');
  mkdirSync(rpcDir);
  const baseOptions = `${ws.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'rpc-record-preload.js')}`;
  const link = join(
    dirname(ws.dir),
    'mirror/registry.terraform.io/pbxctl/netsapiens/0.1.0/linux_amd64/terraform-provider-netsapiens',
  );
  const use = (b: Build) => {
    ws.env.NODE_OPTIONS = `${baseOptions} ${b.nodeOptions}`.trim();
    ws.env.PBXCTL_BENCH_RPC_DIR = rpcDir;
    rmSync(link);
    symlinkSync(join(b.dir, 'bin', 'terraform-provider-netsapiens'), link);
  };
  const cpu: number[][][] = o.builds.map(() => []);
  try {
    use(o.builds[0] as Build);
    const init = await terraform(['init', '-input=false', '-no-color'], ws.dir, ws.env);
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.out}`);
    const refresh = await terraform(
      ['apply', '-refresh-only', '-auto-approve', '-input=false', '-no-color', '-lock=false'],
      ws.dir,
      ws.env,
    );
    if (refresh.status !== 0) throw new Error(`terraform apply -refresh-only failed:\n${refresh.out}`);
    for (let round = 0; round < o.rounds; round++) {
      for (const [i, b] of o.builds.entries()) {
        use(b);
        clear(ws.cpuDir);
        clear(rpcDir);
        await servers.reset();
        const t = performance.now();
        const plan = await terraform(['plan', '-input=false', '-no-color', '-lock=false'], ws.dir, ws.env);
        const ms = Math.round(performance.now() - t);
        const summary = /Plan: .*|No changes\./.exec(plan.out)?.[0] ?? `exit ${plan.status}: ${plan.out.slice(-300)}`;
        const procs = readJson(ws.cpuDir).map((r) => Math.round(Number(r.userMs) + Number(r.systemMs)));
        (cpu[i] as number[][]).push(procs);
        const rpc = readJson(rpcDir);
        if (o.json) console.log(JSON.stringify({ build: b, round, ms, summary, cpu: procs, rpc }));
        else {
          console.log(`${b.dir}${b.nodeOptions ? ` (${b.nodeOptions})` : ''}, round ${round}: ${ms} ms, ${summary}`);
          console.log(`  provider CPU ms per process: ${procs.join(' / ')}`);
          for (const r of rpc) {
            const rpcs = Object.entries(r.rpcs as Record<string, unknown>)
              .map(([m, s]) => `${m} ${JSON.stringify(s)}`)
              .join('; ');
            console.log(`  pid ${r.pid}: ${r.count} responses, digest ${r.digest}; gc ${JSON.stringify(r.gc)}`);
            console.log(`    ${rpcs}`);
          }
        }
      }
    }
    for (const [i, b] of o.builds.entries()) {
      const runs = cpu[i] as number[][];
      const n = Math.min(...runs.map((r) => r.length));
      const med = Array.from({ length: n }, (_, j) => median(runs.map((r) => r[j] as number)));
      console.log(
        `${b.dir}${b.nodeOptions ? ` (${b.nodeOptions})` : ''}: median CPU per process ${med.join(' / ')} ms`,
      );
    }
  } finally {
    rmSync(dirname(ws.dir), { recursive: true, force: true });
    await servers.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
