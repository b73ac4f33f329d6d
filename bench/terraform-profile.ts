/**
 * Benchmark (not a test): where Terraform's OWN CPU goes in the `terraform plan` of bench/terraform-plan.ts
 * (issue 15 must-show 3) — the part of that plan our provider does not run. `perf record` samples the
 * `terraform` process (and, for comparison, the provider processes it starts) with call stacks; the Go
 * frames are named from Terraform's `.gopclntab` (bench/go-symbols.ts: release builds carry no ELF symbol
 * table). Prints Terraform's CPU by phase (each sample counted once: configuration load, validate walk, plan
 * walk, rendering, background gRPC and GC) and by cause (a sample counted in every cause on its stack:
 * rebuilding the schema's types, walking values for marks, msgpack and JSON codecs, name normalisation,
 * allocation), as shares and milliseconds.
 *
 *   npm run build && node dist/bench/terraform-profile.js [users=1000] [--latency 20] [--freq 1999]
 *     [--partial-state] [--top N]
 *
 * `--top N`: also the N functions with the most samples on their stacks. Needs `terraform` and `perf` (Linux;
 * perf_event_paranoid ≤ 2 lets a user sample their own processes); prints SKIPPED and why otherwise.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { type GoSymbols, readGoSymbols } from './go-symbols';
import { type BenchCase, seedFor } from './plan-users';
import { startServerThread } from './server-thread';
import { terraform, workspace } from './tf-workspace';

interface Options {
  readonly users: number;
  readonly latencyMs: number;
  readonly freq: number;
  readonly refreshed: boolean;
  readonly top: number;
}

function parseArgs(argv: string[]): Options {
  let users = 1000;
  let latencyMs = 20;
  let freq = 1999;
  let refreshed = true;
  let top = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--latency') latencyMs = Number(argv[++i]);
    else if (a === '--freq') freq = Number(argv[++i]);
    else if (a === '--top') top = Number(argv[++i]);
    else if (a === '--partial-state') refreshed = false;
    else if (Number(a) > 0) users = Number(a);
    else throw new Error(`unknown argument ${a} (users, --latency N, --freq HZ, --partial-state, --top N)`);
  }
  if (!(latencyMs >= 0)) throw new Error('--latency takes a number of milliseconds (0 or more)');
  if (!(freq >= 100 && freq <= 20_000)) throw new Error('--freq takes samples per second, 100 to 20000');
  return { users, latencyMs, freq, refreshed, top };
}

/** Each sample counted once, under the first phase whose pattern matches a frame of its stack. */
const PHASES: readonly (readonly [string, RegExp])[] = [
  [
    'plan walk: per resource instance (evaluate, upgrade, refresh, plan, write state)',
    /NodePlannableResourceInstance\)\.Execute$/,
  ],
  ['validate walk: per resource', /NodeValidatableResource\)\.Execute$/],
  ['rendering the plan (JSON form, diff, text)', /command\/(views|jsonformat|jsonplan|jsonprovider)\./],
  ['graph walks: other nodes (expansion, provider, root)', /dag\.\(\*Walker\)\.walkVertex$/],
  ['graph building and walk set-up', /terraform\.\(\*Context\)\.|GraphBuilder\)\.Build$/],
  ['configuration and state files', /configs\.\(\*Parser\)|statemgr\.|statefile\.|loadSingleModule|loadBackendConfig/],
  [
    'gRPC connection to the provider (background reads and writes, TLS)',
    /google\.golang\.org\/grpc|crypto\/tls|x\/net\/http2/,
  ],
  ['garbage collector (background)', /^runtime\.(gcBgMarkWorker|bgsweep|bgscavenge)$/],
  ['goroutine stacks grown (runtime.morestack)', /^runtime\.morestack$/],
  ['package initialisation at start-up', /^runtime\.doInit1?$/],
];

/** A sample counts in every cause with a frame on its stack (the rows overlap). */
const CAUSES: readonly (readonly [string, RegExp])[] = [
  [
    'schema types rebuilt per call (configschema ImpliedType)',
    /configschema\.\(\*(Block|Object)\)\.(ImpliedType|specType)$/,
  ],
  [
    'values walked to add or strip marks (cty Transform, Mark/Unmark)',
    /go-cty\/cty\.(transform|Value\.(UnmarkDeep|UnmarkDeepWithPaths|MarkWithPaths))$/,
  ],
  ['msgpack to and from the provider (cty/msgpack)', /go-cty\/cty\/msgpack\./],
  ['JSON of state and plan (cty/json, encoding/json)', /go-cty\/cty\/json\.|^encoding\/json\./],
  ['Unicode normalisation of names and strings (cty NFC)', /x\/text\/unicode\/norm\./],
  ['debug text built and never logged (graph String, log.Printf)', /dag\.\(\*Graph\)\.String|^log\.Printf$/],
  ['allocation, GC assists included (runtime.mallocgc)', /^runtime\.mallocgc$/],
];

interface Tally {
  samples: number;
  readonly phase: Map<string, number>;
  readonly cause: Map<string, number>;
  readonly fn: Map<string, number>;
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** Streams `perf script` output: a header line per sample (its command) then one indented line per frame. */
async function tally(dataFile: string, syms: GoSymbols, exe: string, top: boolean) {
  const terraformTally: Tally = { samples: 0, phase: new Map(), cause: new Map(), fn: new Map() };
  const others = new Map<string, number>();
  const child = spawn('perf', ['script', '-i', dataFile, '-F', 'comm,ip,dso'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const lines = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
  let comm: string | undefined;
  let frames: string[] = [];
  const flush = () => {
    if (comm === undefined) return;
    if (comm !== 'terraform') bump(others, comm);
    else if (frames.length > 0) {
      const t = terraformTally;
      t.samples++;
      const phase =
        PHASES.find(([, re]) => frames.some((f) => re.test(f)))?.[0] ?? 'other (start-up, runtime, unnamed)';
      bump(t.phase, phase);
      for (const [name, re] of CAUSES) if (frames.some((f) => re.test(f))) bump(t.cause, name);
      if (top) for (const f of new Set(frames)) bump(t.fn, f);
    }
    comm = undefined;
    frames = [];
  };
  for await (const line of lines) {
    if (line.length === 0) continue;
    if (line[0] !== '\t' && line[0] !== ' ') {
      flush();
      comm = line.trim();
      continue;
    }
    const m = /^\s*([0-9a-f]+)\s+\((.*)\)\s*$/.exec(line);
    if (!m) continue;
    const dso = m[2] as string;
    if (dso !== exe) {
      frames.push(dso.includes('kernel') ? '[kernel]' : `[${dso}]`);
      continue;
    }
    // perf prints a frame it cannot name as its offset in the file; the table is indexed by virtual address.
    const vaddr = syms.vaddrOfOffset(Number.parseInt(m[1] as string, 16));
    frames.push((vaddr !== undefined && syms.lookup(vaddr)) || '[unnamed]');
  }
  flush();
  await new Promise((done) => child.on('close', done));
  return { terraform: terraformTally, others };
}

function perfUsable(): string | undefined {
  const probe = spawnSync('perf', ['record', '-q', '-e', 'cpu-clock', '-o', '/dev/null', '--', 'true'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (probe.error) return `perf is not installed (${probe.error.message})`;
  if (probe.status !== 0) return `perf cannot sample here: ${String(probe.stderr).trim().split('\n')[0]}`;
  return undefined;
}

function terraformPath(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const exe = terraformPath();
  if (!exe) return void console.log('SKIPPED: terraform is not on PATH');
  const noPerf = perfUsable();
  if (noPerf) return void console.log(`SKIPPED: ${noPerf}`);
  const real = realpathSync(exe);
  const syms = readGoSymbols(readFileSync(real));

  const c: BenchCase = { name: 'full', users: o.users, full: true, contacts: 0 };
  const servers = await startServerThread({ seed: seedFor(c), latencyMs: o.latencyMs });
  const ws = workspace(o.users, servers.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'pbxctl-bench-perf-'));
  try {
    const init = await terraform(['init', '-input=false', '-no-color'], ws.dir, ws.env);
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.out}`);
    if (o.refreshed) {
      const args = ['apply', '-refresh-only', '-auto-approve', '-input=false', '-no-color', '-lock=false'];
      const r = await terraform(args, ws.dir, ws.env);
      if (r.status !== 0) throw new Error(`terraform apply -refresh-only failed:\n${r.out}`);
    }
    await servers.reset();
    const data = join(dataDir, 'perf.data');
    const perfArgs = ['record', '-q', '-e', 'cpu-clock', '-F', String(o.freq), '-g', '-o', data, '--', real];
    const t = performance.now();
    const status = await new Promise<number | null>((done) => {
      const planArgs = ['plan', '-input=false', '-no-color', '-lock=false'];
      const child = spawn('perf', [...perfArgs, ...planArgs], { cwd: ws.dir, env: ws.env, stdio: 'ignore' });
      child.on('close', done);
    });
    const ms = performance.now() - t;
    if (status !== 0) throw new Error(`perf record -- terraform plan exited ${status}`);
    const { terraform: tf, others } = await tally(data, syms, real, o.top > 0);
    const cpuMs = (n: number) => (n * 1000) / o.freq;
    const row = (name: string, n: number) =>
      `| ${name} | ${((100 * n) / tf.samples).toFixed(1)} % | ${Math.round(cpuMs(n))} | ${(cpuMs(n) / o.users).toFixed(2)} |`;
    const provider = others.get('node') ?? 0;
    console.log(
      `${o.users} users, ${o.latencyMs} ms latency, ${o.refreshed ? 'refreshed' : 'partial'} state: \`terraform plan\` ${Math.round(ms)} ms under perf; ` +
        `Terraform ${tf.samples} samples ≈ ${Math.round(cpuMs(tf.samples))} ms CPU (${(cpuMs(tf.samples) / o.users).toFixed(2)} ms per resource); ` +
        `provider processes ≈ ${Math.round(cpuMs(provider))} ms; ${syms.functions} Go functions named from .gopclntab`,
    );
    console.log('\n| Terraform by phase (each sample once) | share | CPU ms | ms per resource |\n|---|---:|---:|---:|');
    for (const [name, n] of [...tf.phase].sort((a, b) => b[1] - a[1])) console.log(row(name, n));
    console.log(
      '\n| Terraform by cause (a sample in every cause on its stack) | share | CPU ms | ms per resource |\n|---|---:|---:|---:|',
    );
    for (const [name] of CAUSES) console.log(row(name, tf.cause.get(name) ?? 0));
    if (o.top > 0) {
      console.log(
        '\n| function (samples with it on the stack) | share | CPU ms | ms per resource |\n|---|---:|---:|---:|',
      );
      const top = [...tf.fn].filter(([f]) => !f.startsWith('runtime.') && !f.startsWith('['));
      for (const [f, n] of top.sort((a, b) => b[1] - a[1]).slice(0, o.top)) console.log(row(`\`${f}\``, n));
    }
  } finally {
    rmSync(dirname(ws.dir), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    await servers.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
