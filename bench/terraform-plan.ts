/**
 * Benchmark (not a test): `terraform plan` through our provider next to `pbxctl plan` of the same domain
 * (issue 15 must-show 3: requests ≤ 1.2× pbxctl's, wall time ≤ 2×). Both at default client settings
 * (PBXCTL_RATE / PBXCTL_CONCURRENCY apply to both), against the emulator behind the delaying proxy of
 * bench/network.ts (bench/latency-proxy.ts, both in a worker thread: bench/server-thread.ts), so every
 * request of either side waits `--latency` ms (default 20, the issue's condition; `--latency 0` for none).
 *
 * The domain is bench/plan-users.ts's "full" case (desk phone, spam → voicemail, a block list per user;
 * every 10th user differs). Terraform starts from the state an apply leaves (every attribute as the
 * provider read it: an untimed `terraform apply -refresh-only` first), so `terraform plan` refreshes every
 * user and plans the updates; `--partial-state` starts from ids and configured fields only (the refresh then
 * changes every resource and Terraform also reports those changes made outside it).
 *
 * pbxctl's side is `pbxctl plan` as a user runs it, in its own process (Node start, module load, YAML load,
 * reads, plan, output; its CPU from bench/child-cpu.ts) — what must-show 3 compares, since `terraform plan`'s
 * wall time also counts its start, its configuration and its providers' starts. The in-process `runPlan`
 * (this process's main thread, YAML already loaded, JIT warm) is printed beside it.
 *
 * The two sides run in interleaved rounds (`--rounds N`, default 3: pbxctl plan, terraform plan and, with
 * --echo, the echo plan, the order rotating each round), after an untimed set-up of each Terraform workspace;
 * every figure is the median of its side's runs, and each round's own ratio is printed too. (Until session 9
 * the bench ran pbxctl's three plans, then one `terraform plan` in a new workspace: a single sample of the
 * side that varies most, taken minutes after the other.)
 *
 * Beside the wall times: the provider processes' CPU time (bench/cpu-preload.ts, loaded by NODE_OPTIONS)
 * and Terraform's own (its CPU and its providers', /proc/self/stat of this process, minus the providers').
 * The second line gives each provider process and, per resource, the plan-walk provider's CPU (the last
 * process: upgrade, read, validation and plan of every resource, plus its start) and Terraform's own.
 *
 *   npm run build && node dist/bench/terraform-plan.js 200 1000 [--latency 20] [--rounds 3] [--profile DIR]
 *     [--paths] [--partial-state] [--dev] [--echo] [--echo-reads]
 *
 * The provider is the one users install: the release zip (`npm run package:provider`, built untimed into a
 * scratch directory: one executable with Node inside) in the mirror's packed layout, so Terraform checks it
 * against the lock file as it does for users. `--dev`: `bin/`'s launcher over this checkout's `dist/`.
 * `--echo`: then the same plan, from the same refreshed state, with bench/echo-provider.ts (a provider that only
 * echoes what Terraform sends: no reads, no work) — Terraform's own floor on this machine, beside the ratio.
 * `--echo-reads`: also the echo that makes each user's one answer-rule read (bench/echo-provider.ts,
 * PBXCTL_BENCH_ECHO_READS): the cheapest provider that reads the platform as a refresh must — the floor with
 * the reads, so that what is left between it and our provider is our provider's own work.
 *
 * `--profile DIR`: a V8 CPU profile of every provider process into DIR/<users>/ (bench/cpu-preload.ts).
 * `--paths`: the requests of each side by path (ids replaced by `{}`).
 * Needs the terraform binary (prints SKIPPED otherwise) and a built dist/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_API_KEY } from '../emulator';
import { envSecretResolver, loadDesiredState, NetSapiensClient, runPlan } from '../reconciler';
import { packageProvider } from '../scripts/package-provider';
import { busyBetween, cpuTicks, stealBetween } from './cpu-steal';
import { inFlightOverRun } from './net-measure';
import { type BenchCase, desiredFor, seedFor } from './plan-users';
import { startServerThread, type ThreadedServers } from './server-thread';
import {
  childrenCpuMs,
  mainThreadCpuMs,
  type ProviderChoice,
  terraform,
  type Workspace,
  workspace,
} from './tf-workspace';

interface Options {
  readonly sizes: number[];
  readonly latencyMs: number;
  readonly profileDir?: string;
  readonly paths: boolean;
  /** Start from the state an apply leaves (every attribute), not only the ids and configured fields. */
  readonly refreshed: boolean;
  /** The provider as users install it (the release zip); false: `bin/`'s launcher over `dist/` (`--dev`). */
  readonly packaged: boolean;
  /** Also `terraform plan` with bench/echo-provider.ts: the cheapest provider possible (`--echo`). */
  readonly echo: boolean;
  /** Also the echo that reads each user's answer rules (`--echo-reads`): the floor with the platform's reads. */
  readonly echoReads: boolean;
  /** Interleaved rounds of `pbxctl plan` / `terraform plan` (/ echo); each figure is the median (`--rounds N`). */
  readonly rounds: number;
}

function parseArgs(argv: string[]): Options {
  const sizes: number[] = [];
  let latencyMs = 20;
  let profileDir: string | undefined;
  let paths = false;
  let refreshed = true;
  let packaged = true;
  let echo = false;
  let echoReads = false;
  let rounds = 3;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--latency') latencyMs = Number(argv[++i]);
    else if (a === '--profile') profileDir = resolve(String(argv[++i]));
    else if (a === '--paths') paths = true;
    // --refreshed-state is the default now; accepted for older command lines.
    else if (a === '--refreshed-state') refreshed = true;
    else if (a === '--partial-state') refreshed = false;
    else if (a === '--dev') packaged = false;
    else if (a === '--echo') echo = true;
    else if (a === '--echo-reads') echoReads = true;
    else if (a === '--rounds') rounds = Number(argv[++i]);
    else if (Number(a) > 0) sizes.push(Number(a));
    else
      throw new Error(
        `unknown argument ${a} (sizes, --latency N, --rounds N, --profile DIR, --paths, --partial-state, --dev, --echo, --echo-reads)`,
      );
  }
  if (!(latencyMs >= 0)) throw new Error('--latency takes a number of milliseconds (0 or more)');
  if (!(Number.isInteger(rounds) && rounds >= 1)) throw new Error('--rounds takes a whole number (1 or more)');
  const chosen = sizes.length > 0 ? sizes : [200, 1000];
  return { sizes: chosen, latencyMs, profileDir, paths, refreshed, packaged, echo, echoReads, rounds };
}

/** Requests by path, ids and query left out (`--paths`). */
function byPath(servers: ThreadedServers): string {
  const counts = new Map<string, number>();
  for (const a of servers.stats.arrivals) {
    const p = `${a.method} ${a.path.split('?')[0]?.replace(/\/(\d+|[0-9a-f]{12})(?=\/|$)/g, '/{}')}`;
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const at = servers.stats.arrivals.map((a) => a.at);
  const span = at.length > 0 ? Math.max(...at) - Math.min(...at) : 0;
  const list = [...counts]
    .sort((x, y) => y[1] - x[1])
    .map(([p, n]) => `${n} ${p}`)
    .join('; ');
  return `${at.length} requests over ${Math.round(span)} ms (first to last arrival): ${list}`;
}

interface ProviderCpu {
  readonly starts: number;
  readonly cpuMs: number;
  readonly each: string;
  /** CPU of the last process (the plan walk: every upgrade, read, validation and plan of a resource). */
  readonly lastCpuMs: number;
}

/** What bench/cpu-preload.ts wrote for each provider process of the run. */
function providerCpu(dir: string): ProviderCpu {
  const records = readdirSync(dir)
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, number>)
    .sort((x, y) => (x.startedAt as number) - (y.startedAt as number));
  const ms = (r: Record<string, number>) => (r.userMs as number) + (r.systemMs as number);
  return {
    starts: records.length,
    cpuMs: records.reduce((s, r) => s + ms(r), 0),
    each: records.map((r) => `${Math.round(ms(r))} ms CPU / ${Math.round(r.exitedAt - r.startedAt)} ms up`).join(', '),
    lastCpuMs: records.length > 0 ? ms(records[records.length - 1] as Record<string, number>) : 0,
  };
}

/** The in-process `runPlan` (this process's main thread, YAML loaded once, JIT warm), printed beside the CLI. */
async function inProcessPlan(yamlDir: string, servers: ThreadedServers) {
  const client = new NetSapiensClient({ baseUrl: servers.url, apiKey: DEFAULT_API_KEY });
  try {
    const state = loadDesiredState(yamlDir, { secrets: envSecretResolver({}) });
    await servers.reset();
    const cpu0 = mainThreadCpuMs();
    const t = performance.now();
    const run = await runPlan(state, client);
    const ms = performance.now() - t;
    const cpu1 = mainThreadCpuMs();
    await servers.refresh();
    const cpuMs = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
    return { ms, cpuMs, requests: servers.stats.arrivals.length, changes: run.document.summary.changes };
  } finally {
    await client.close();
  }
}

/**
 * One `pbxctl plan` as a user runs it: its own process (Node start, module load, YAML load, reads, plan,
 * output) — the wall time must-show 3 compares with `terraform plan`'s. Its CPU from bench/child-cpu.ts.
 */
async function pbxctlCli(yamlDir: string, servers: ThreadedServers) {
  const main = join(__dirname, '..', 'reconciler', 'cli', 'main.js');
  const cpuFile = `${yamlDir}.cpu`;
  const env = { ...process.env, NS_API_URL: servers.url, NS_API_KEY: DEFAULT_API_KEY, PBXCTL_BENCH_CPU_FILE: cpuFile };
  await servers.reset();
  const ticks = cpuTicks();
  const t = performance.now();
  const exit = await new Promise<number | null>((done) => {
    const args = ['-r', join(__dirname, 'child-cpu.js'), main, 'plan', yamlDir];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => done(code));
  });
  const ms = performance.now() - t;
  const busy = busyBetween(ticks, cpuTicks());
  await servers.refresh();
  if (exit !== 0) throw new Error(`pbxctl plan exited ${exit}`);
  const requests = servers.stats.arrivals.length;
  return { ms, cpuMs: Number(readFileSync(cpuFile, 'utf8')), requests, busy, inFlight: readsInFlight(servers) };
}

/**
 * A Terraform workspace ready to plan, untimed: `terraform init`, then `startState` as its state, or the state
 * an apply leaves (`terraform apply -refresh-only`: every attribute as the provider read it, so the timed
 * refresh finds nothing changed outside Terraform), or (--partial-state) the bench's ids and configured fields.
 */
async function terraformWorkspace(
  n: number,
  servers: ThreadedServers,
  o: Options,
  provider: ProviderChoice,
  startState?: string,
) {
  const profile = o.profileDir && !provider.script ? join(o.profileDir, String(n)) : undefined;
  const ws = workspace(n, servers.url, profile, provider);
  const init = await terraform(['init', '-input=false', '-no-color'], ws.dir, ws.env);
  if (init.status !== 0) throw new Error(`terraform init failed:\n${init.out}`);
  if (startState !== undefined) writeFileSync(join(ws.dir, 'terraform.tfstate'), startState);
  else if (o.refreshed) {
    const args = ['apply', '-refresh-only', '-auto-approve', '-input=false', '-no-color', '-lock=false'];
    const refresh = await terraform(args, ws.dir, ws.env);
    if (refresh.status !== 0) throw new Error(`terraform apply -refresh-only failed:\n${refresh.out}`);
  }
  return { ws, state: readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8') };
}

/** One timed `terraform plan` in a prepared workspace (the plan saves no state: every run starts alike). */
async function terraformPlan(ws: Workspace, servers: ThreadedServers) {
  for (const f of readdirSync(ws.cpuDir)) rmSync(join(ws.cpuDir, f));
  await servers.reset();
  const cpu0 = childrenCpuMs();
  const ticks = cpuTicks();
  const t = performance.now();
  const plan = await terraform(['plan', '-input=false', '-no-color', '-lock=false'], ws.dir, ws.env);
  const ms = performance.now() - t;
  const busy = busyBetween(ticks, cpuTicks());
  const cpu1 = childrenCpuMs();
  await servers.refresh();
  const summary = /Plan: .*|No changes\./.exec(plan.out)?.[0] ?? `exit ${plan.status}: ${plan.out.slice(-500)}`;
  const providers = providerCpu(ws.cpuDir);
  const ownCpuMs = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 - providers.cpuMs : undefined;
  const inFlight = readsInFlight(servers);
  return { ms, requests: servers.stats.arrivals.length, summary, providers, ownCpuMs, busy, inFlight };
}

/**
 * Requests open at the proxy, averaged from the first arrival to the last answer ("5.1", or "-" without
 * requests): how much of the concurrency ceiling (8) the reads used while there were reads to make.
 */
function readsInFlight(servers: ThreadedServers): string {
  return inFlightOverRun(servers.stats.arrivals)?.toFixed(1) ?? '-';
}

/**
 * How fast the machine is right now: the milliseconds SHA-256 takes over 64 MiB (one core, no I/O). Printed
 * before and after each size: on a shared 2-core VM the same code's figures move by a fifth from one half
 * hour to the next, and `terraform plan` (CPU-bound on both cores) moves more than `pbxctl plan` (mostly
 * waiting on the network), so the ratio moves with the machine.
 */
function machineSpeedMs(): number {
  const data = Buffer.alloc(64 * 1024 * 1024, 7);
  const t = performance.now();
  createHash('sha256').update(data).digest();
  return Math.round(performance.now() - t);
}

/** The run with the median wall time (rounds is odd; an even count takes the lower middle). */
function medianRun<T extends { ms: number }>(runs: readonly T[]): T {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)] as T;
}

type PlanRun = Awaited<ReturnType<typeof terraformPlan>>;

/** One line per floor that ran: its plans, their ratio to `pbxctl plan`, and our `terraform plan` over it. */
function printFloors(cliMs: number, oursMs: number, floors: readonly (readonly [string, readonly PlanRun[]])[]) {
  for (const [label, runs] of floors) {
    if (runs.length === 0) continue;
    const e = medianRun(runs);
    const own = e.ownCpuMs === undefined ? '?' : Math.round(e.ownCpuMs);
    const walls = runs.map((x) => Math.round(x.ms)).join(' / ');
    console.log(
      `|  | ${label}: \`terraform plan\` ${walls} ms, median ${Math.round(e.ms)} ms = ${(e.ms / cliMs).toFixed(2)}× of \`pbxctl plan\` (ours is ${(oursMs / e.ms).toFixed(2)}× of it); ${e.requests} requests; median run's providers ${Math.round(e.providers.cpuMs)} ms CPU (${e.providers.each}); Terraform's own ${own} ms CPU; cores busy ${e.busy}; ${e.summary} |`,
    );
  }
}

/**
 * `rounds` rounds, each one `pbxctl plan`, one `terraform plan` and (--echo, --echo-reads) one of each echo,
 * interleaved (the order rotates each round) so that a machine that slows down or speeds up during the bench
 * weighs on every side alike; each side's figure is the median of its runs, and each round's own ratio is
 * printed beside the ratio of the medians.
 */
async function measure(n: number, o: Options, provider: ProviderChoice): Promise<void> {
  const c: BenchCase = { name: 'full', users: n, full: true, contacts: 0 };
  // Emulator and proxy in a worker thread: pbxctl's client has this thread to itself (bench/server-thread.ts).
  const servers = await startServerThread({ seed: seedFor(c), latencyMs: o.latencyMs });
  const yamlDir = mkdtempSync(join(tmpdir(), 'pbxctl-bench-yaml-'));
  const dirs: string[] = [];
  try {
    writeFileSync(join(yamlDir, 'bench.yaml'), desiredFor(c));
    const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const speed0 = machineSpeedMs();
    const pbx = await inProcessPlan(yamlDir, servers);
    const pbxPaths = o.paths ? byPath(servers) : '';
    const real = await terraformWorkspace(n, servers, o, provider);
    dirs.push(dirname(real.ws.dir));
    // Terraform's floor: the same plan from the same state with a provider that only echoes (bench/echo-provider.ts).
    const echoScript = { script: join(__dirname, 'echo-provider.js') };
    const echo = o.echo ? await terraformWorkspace(n, servers, o, echoScript, real.state) : undefined;
    if (echo) dirs.push(dirname(echo.ws.dir));
    const readingScript = { ...echoScript, scriptEnv: { PBXCTL_BENCH_ECHO_READS: '1' } };
    const echoReads = o.echoReads ? await terraformWorkspace(n, servers, o, readingScript, real.state) : undefined;
    if (echoReads) dirs.push(dirname(echoReads.ws.dir));
    const cliRuns: Awaited<ReturnType<typeof pbxctlCli>>[] = [];
    const tfRuns: PlanRun[] = [];
    const echoRuns: PlanRun[] = [];
    const echoReadRuns: PlanRun[] = [];
    let tfPaths = '';
    const ticks0 = cpuTicks();
    const roundSteal: string[] = [];
    for (let round = 0; round < o.rounds; round++) {
      const before = cpuTicks();
      const steps = [
        async () => cliRuns.push(await pbxctlCli(yamlDir, servers)),
        async () => {
          tfRuns.push(await terraformPlan(real.ws, servers));
          if (o.paths) tfPaths = byPath(servers);
        },
        ...(echo ? [async () => echoRuns.push(await terraformPlan(echo.ws, servers))] : []),
        ...(echoReads ? [async () => echoReadRuns.push(await terraformPlan(echoReads.ws, servers))] : []),
      ];
      for (let k = 0; k < steps.length; k++) await (steps[(k + round) % steps.length] as () => Promise<unknown>)();
      roundSteal.push(stealBetween(before, cpuTicks()));
    }
    const steal = stealBetween(ticks0, cpuTicks());
    const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const speed1 = machineSpeedMs();
    const cli = medianRun(cliRuns);
    const tf = medianRun(tfRuns);
    const r = (x: number, y: number) => `${(x / y).toFixed(2)}×`;
    const own = tf.ownCpuMs === undefined ? '?' : String(Math.round(tf.ownCpuMs));
    console.log(
      `| ${n} | ${o.latencyMs} | ${cli.requests} | ${Math.round(cli.ms)} | ${Math.round(cli.cpuMs)} | ${tf.requests} | ${Math.round(tf.ms)} | ${r(tf.requests, cli.requests)} | **${r(tf.ms, cli.ms)}** | ${Math.round(pbx.ms)} | ${r(tf.ms, pbx.ms)} | ${tf.providers.starts} | ${Math.round(tf.providers.cpuMs)} | ${own} | ${load0}–${load1} | ${pbx.changes} / ${tf.summary} |`,
    );
    const walls = (runs: readonly { ms: number }[]) => runs.map((x) => Math.round(x.ms)).join(' / ');
    const pairs = tfRuns
      .map((x, i) => `${r(x.ms, (cliRuns[i] as { ms: number }).ms)} (steal ${roundSteal[i]})`)
      .join(' / ');
    const perResource = (ms: number) => `${(ms / n).toFixed(2)} ms`;
    const ownPerResource = own === '?' ? '?' : perResource(Number(own));
    console.log(
      `|  | ${o.rounds} round${o.rounds === 1 ? '' : 's'}: \`pbxctl plan\` ${walls(cliRuns)} ms, \`terraform plan\` ${walls(tfRuns)} ms, each round's ratio ${pairs}; in-process runPlan ${pbx.requests} requests, ${pbx.cpuMs ?? '?'} ms CPU; machine: SHA-256 of 64 MiB ${speed0} ms before, ${speed1} ms after, CPU stolen by the hypervisor ${steal} of the rounds' time; median runs: cores busy ${cli.busy} during \`pbxctl plan\`, ${tf.busy} during \`terraform plan\`, requests in flight (first request to last answer) ${cli.inFlight} and ${tf.inFlight} of 8; median run's providers: ${tf.providers.each}; per resource: plan-walk provider ${perResource(tf.providers.lastCpuMs)} CPU, Terraform's own ${ownPerResource} CPU |`,
    );
    if (o.paths) console.log(`pbxctl: ${pbxPaths}\nterraform: ${tfPaths}`);
    printFloors(cli.ms, tf.ms, [
      ["echo provider (Terraform's floor)", echoRuns],
      ["echo provider with each user's read (the floor with the platform's reads)", echoReadRuns],
    ]);
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    rmSync(yamlDir, { recursive: true, force: true });
    rmSync(`${yamlDir}.cpu`, { force: true });
    await servers.close();
  }
}

async function main(): Promise<void> {
  if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0) {
    console.log('SKIPPED: terraform is not on PATH');
    return;
  }
  const o = parseArgs(process.argv.slice(2));
  const release = o.packaged ? await packagedProvider() : undefined;
  console.log(
    `provider: ${release ? `the release zip users install (${release.name}, packed mirror layout)` : "bin/'s launcher over dist/ (--dev)"}`,
  );
  console.log(
    '| users | latency ms | pbxctl requests | `pbxctl plan` ms | pbxctl CPU ms | terraform requests | `terraform plan` ms | requests ratio | time ratio | in-process plan ms | ratio to it | provider starts | provider CPU ms | Terraform own CPU ms | load avg | changes (pbxctl / terraform) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  try {
    for (const n of o.sizes) await measure(n, o, { releaseZip: release?.zip });
  } finally {
    if (release) rmSync(release.dir, { recursive: true, force: true });
  }
}

/** `npm run package:provider` into a scratch directory, untimed: the executable and zip users install. */
async function packagedProvider(): Promise<{ zip: string; dir: string; name: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-bench-release-'));
  const { zip } = await packageProvider(dir);
  return { zip, dir, name: zip.split('/').at(-1) as string };
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
