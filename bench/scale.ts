/**
 * Benchmark (not a test): the CPU side of a plan for a large domain, at 0 ms latency (issue 15 #4).
 * - load + validate: `loadDesiredState` of N users (phones, spam handling, block lists), median of 3;
 * - pure stage: what `pbxctl plan` runs after its last read — the pipeline's own `draftPlan` (reference
 *   checks, computePlan) and `finishPlan` (call flows, safety, welcome e-mails, the inputs' digests), then the
 *   plan document with its checksum — 5 passes over the live state read once from the emulator through the
 *   pipeline's `readForPlan` (which works out each object's digest and differences as it arrives). The first pass is the one a
 *   plan pays (the code it runs is not compiled yet); the read's own wall and CPU time are printed beside it;
 * - `pbxctl plan`: the built CLI as a user runs it (a child process, so start-up is included) against the
 *   emulator, median of 3, with the CLI's CPU time (`child-cpu.ts`, preloaded), the emulator's (this process
 *   serves it, and does nothing else meanwhile) and the requests the emulator answered.
 *   node dist/bench/scale.js [users=10000] [--pure-only] [--out FILE] [--cli-prof DIR]
 *   (--pure-only: skip the CLI runs; --out: write the pure stage's last plan document, JSON, to FILE;
 *   --cli-prof: each CLI run writes a V8 CPU profile into DIR)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../emulator';
import {
  buildPlanDocument,
  draftPlan,
  envSecretResolver,
  finishPlan,
  loadDesiredState,
  NetSapiensClient,
  readForPlan,
} from '../reconciler';
import { type BenchCase, DOMAIN, desiredFor, seedFor } from './plan-users';

export interface ScaleResult {
  readonly users: number;
  readonly loadMs: number;
  /** CPU time of the same (median): steadier than wall time on a shared machine. */
  readonly loadCpuMs: number;
  readonly loadHeapMb: number;
  /** The read the pure stage works on (the digests are taken during it), wall and CPU. */
  readonly readMs: number;
  readonly readCpuMs: number;
  /** The pure stage's first pass, wall and CPU: what one `pbxctl plan` pays after its reads. */
  readonly pureFirstMs: number;
  readonly pureFirstCpuMs: number;
  /** Median of the 5 passes. */
  readonly pureMs: number;
  readonly pureCpuMs: number;
  /** The fastest of the 5 (JIT warm): the steady-state figure. */
  readonly pureCpuMinMs: number;
  /** Each of the 5, in order (the first one compiles the code it runs). */
  readonly pureCpuRunsMs: readonly number[];
  readonly cliMs: number;
  /** CPU time of the CLI process (median), and of the emulator answering it (median of the same runs). */
  readonly cliCpuMs: number;
  readonly emulatorCpuMs: number;
  /** Requests one `pbxctl plan` sent (the emulator's count, last run). */
  readonly cliRequests: number;
  readonly cliExit: number | null;
  /** 1-minute load average before and after the runs (wall figures mean little on a loaded machine). */
  readonly loadAverage: readonly [number, number];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function timed<T>(fn: () => T, cpu?: number[]): [T, number] {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  const out = fn();
  const used = process.cpuUsage(c);
  cpu?.push((used.user + used.system) / 1000);
  return [out, Number(process.hrtime.bigint() - t) / 1e6];
}

export async function runScale(
  users: number,
  cliPath?: string,
  opts: { readonly outFile?: string; readonly cliProfDir?: string } = {},
): Promise<ScaleResult> {
  const { outFile, cliProfDir } = opts;
  const loadBefore = loadavg()[0] as number;
  const c: BenchCase = { name: 'scale', users, full: true, contacts: 200 };
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-scale-'));
  writeFileSync(join(dir, 'bench.yaml'), desiredFor(c));
  const emu = await startEmulator({ seed: seedFor(c) });
  // Generous deadlines: the emulator answers from this process, on a shared machine.
  const client = new NetSapiensClient({ baseUrl: emu.url, apiKey: DEFAULT_API_KEY, timeoutMs: 120_000 });
  try {
    const loads: number[] = [];
    const loadCpu: number[] = [];
    const pureCpu: number[] = [];
    let loadHeapMb = 0;
    let state = loadDesiredState(dir, { secrets: envSecretResolver({}) });
    for (let i = 0; i < 3; i++) {
      global.gc?.();
      const heap = process.memoryUsage().heapUsed;
      const [s, ms] = timed(() => loadDesiredState(dir, { secrets: envSecretResolver({}) }), loadCpu);
      loadHeapMb = Math.max(loadHeapMb, (process.memoryUsage().heapUsed - heap) / 2 ** 20);
      state = s;
      loads.push(ms);
    }
    const desired = state.domains[0] as (typeof state.domains)[number];
    const readCpu0 = process.cpuUsage();
    const read0 = process.hrtime.bigint();
    const live = await readForPlan(client, desired);
    const readMs = Number(process.hrtime.bigint() - read0) / 1e6;
    const readUsed = process.cpuUsage(readCpu0);
    const pure: number[] = [];
    let doc: unknown;
    for (let i = 0; i < 5; i++) {
      const [d, ms] = timed(() => {
        // What `planDomain` runs after its reads when nothing is deleted (no losses to read).
        const run = finishPlan(desired, live, draftPlan(desired, live), undefined);
        return buildPlanDocument([run.plan], { [DOMAIN]: run.inputs });
      }, pureCpu);
      pure.push(ms);
      doc = d;
    }
    // The last plan document, to compare before/after a change of the pure stage (not timed).
    if (outFile) writeFileSync(outFile, `${JSON.stringify(doc, null, 1)}\n`);
    const runs = cliPath ? await cliRuns(cliPath, dir, emu, cliProfDir) : undefined;
    return {
      users,
      loadMs: median(loads),
      loadCpuMs: median(loadCpu),
      loadHeapMb,
      readMs,
      readCpuMs: (readUsed.user + readUsed.system) / 1000,
      pureFirstMs: pure[0] as number,
      pureFirstCpuMs: pureCpu[0] as number,
      pureMs: median(pure),
      pureCpuMs: median(pureCpu),
      pureCpuMinMs: Math.min(...pureCpu),
      pureCpuRunsMs: pureCpu.map((ms) => Math.round(ms * 10) / 10),
      cliMs: median(runs?.wall ?? []),
      cliCpuMs: median(runs?.cpu ?? []),
      emulatorCpuMs: median(runs?.emulatorCpu ?? []),
      cliRequests: runs?.requests ?? 0,
      cliExit: runs?.exit ?? null,
      loadAverage: [loadBefore, loadavg()[0] as number],
    };
  } finally {
    await client.close();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface CliRuns {
  readonly wall: number[];
  readonly cpu: number[];
  readonly emulatorCpu: number[];
  readonly requests: number;
  readonly exit: number | null;
}

/** `pbxctl plan` 3 times: wall, the CLI's CPU (preloaded child-cpu.js), the emulator's (this process). */
async function cliRuns(cliPath: string, dir: string, emu: RunningEmulator, profDir?: string): Promise<CliRuns> {
  const out: CliRuns = { wall: [], cpu: [], emulatorCpu: [], requests: 0, exit: null };
  const cpuFile = join(dir, 'cli-cpu.txt');
  const preload = join(__dirname, 'child-cpu.js');
  const prof = profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
  let last = out;
  for (let i = 0; i < 3; i++) {
    const env = {
      ...process.env,
      NS_API_URL: emu.url,
      NS_API_KEY: DEFAULT_API_KEY,
      PBXCTL_TIMEOUT_IDLE: '120',
      PBXCTL_BENCH_CPU_FILE: cpuFile,
    };
    const requests = emu.requests.count;
    const c0 = process.cpuUsage();
    const t = process.hrtime.bigint();
    const exit = await runChild(process.execPath, [...prof, '-r', preload, cliPath, 'plan', dir], env);
    out.wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    const used = process.cpuUsage(c0);
    out.emulatorCpu.push((used.user + used.system) / 1000);
    out.cpu.push(Number(readFileSync(cpuFile, 'utf8')));
    last = { ...out, requests: emu.requests.count - requests, exit };
  }
  return last;
}

/** The CLI in a child process; the emulator answers from this process, so the wait must not block it. */
function runChild(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => resolve(code));
  });
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flagValue = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const users = Number(
    args.find((a, i) => !a.startsWith('--') && !['--out', '--cli-prof'].includes(args[i - 1] ?? '')) ?? 10000,
  );
  const cli = args.includes('--pure-only') ? undefined : join(__dirname, '..', 'reconciler', 'cli', 'main.js');
  runScale(users, cli, { outFile: flagValue('--out'), cliProfDir: flagValue('--cli-prof') })
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((err) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
