/**
 * `npm run bench`: every benchmark at DEFAULT client settings, printed as Markdown tables for bench/README.md.
 *   node dist/bench/run-all.js [sizes…] [--latency 20] [--users 1000] [--scale 10000] [--limit 200]
 *                              [--only plan-users,network,throttle,scale]
 * `--latency` delays every request in a proxy in front of the emulator (bench/latency-proxy.ts), outside the
 * code under test; the plan-users table runs on loopback as before.
 */
import { type Figure, applyFigures, planFigures, throttleFigures } from './network';
import { type BenchCase, type BenchResult, runCase } from './plan-users';
import { runScale } from './scale';
import { join } from 'node:path';

interface Args {
  readonly sizes: number[];
  readonly latency: number;
  readonly users: number;
  readonly scale: number;
  readonly limit: number;
  readonly only?: Set<string>;
}

function parseArgs(argv: readonly string[]): Args {
  const flags = new Map<string, string>();
  const sizes: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) flags.set(a.slice(2), argv[++i] ?? '');
    else if (Number(a) > 0) sizes.push(Number(a));
  }
  const num = (k: string, d: number) => (flags.has(k) ? Number(flags.get(k)) : d);
  const only = flags.get('only');
  return {
    sizes: sizes.length ? sizes : [100, 1000],
    latency: num('latency', 20),
    users: num('users', 1000),
    scale: num('scale', 10000),
    limit: num('limit', 200),
    only: only ? new Set(only.split(',')) : undefined,
  };
}

async function planUsersTable(ns: readonly number[]): Promise<string> {
  const cases: BenchCase[] = [
    ...ns.map((n) => ({ name: `users only`, users: n, full: false, contacts: 0 })),
    ...ns.map((n) => ({ name: `users + phones + answer rules + 200 contacts`, users: n, full: true, contacts: 200 })),
  ];
  await runCase({ name: 'warm-up', users: 50, full: true, contacts: 10 });
  const results: BenchResult[] = [];
  for (const c of cases) {
    const r = await runCase(c);
    results.push(r);
    process.stderr.write(`${r.name} n=${r.users}: ${r.ms.toFixed(0)} ms, ${r.requests} requests\n`);
  }
  const lines = [
    '| case | users | plan wall time (ms) | HTTP requests | requests/user | changes | heap (MiB) | time vs smallest of case |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const base = results.find((x) => x.name === r.name) as BenchResult;
    lines.push(
      `| ${r.name} | ${r.users} | ${r.ms.toFixed(0)} | ${r.requests} | ${(r.requests / r.users).toFixed(2)} | ${r.changes} | ${r.heapMb.toFixed(0)} | ${(r.ms / base.ms).toFixed(1)}× |`,
    );
  }
  return lines.join('\n');
}

/** One row: figure, floor, ratio, target. */
function row(f: Figure): string {
  const fmt = (v: number) =>
    f.unit === 'ms'
      ? `${(v / 1000).toFixed(2)} s`
      : `${v.toFixed(f.unit === 'req/s' ? 1 : 0)}${f.unit === 'req/s' ? ' req/s' : ''}`;
  const ratio = f.value / f.floor;
  const target = f.target === undefined ? 'reference' : `≤ ${f.target}× (${ratio <= f.target ? 'met' : 'NOT met'})`;
  return `| ${f.name} | ${fmt(f.value)} | ${fmt(f.floor)} | ${ratio.toFixed(2)}× | ${target} | ${f.note ?? ''} |`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const want = (name: string) => !args.only || args.only.has(name);
  const out: string[] = [];
  if (want('plan-users')) out.push(await planUsersTable(args.sizes));
  const figures: Figure[] = [];
  const progress = (fs: Figure[]) => {
    for (const f of fs) process.stderr.write(`${row(f)}\n`);
    figures.push(...fs);
  };
  if (want('network')) {
    progress(await planFigures(args.users, args.latency));
    progress(await applyFigures(args.users, args.latency));
  }
  if (want('throttle')) progress(await throttleFigures(args.users, args.latency, args.limit));
  if (want('scale')) {
    const s = await runScale(args.scale, join(__dirname, '..', 'reconciler', 'cli', 'main.js'));
    progress([
      {
        name: `${s.users} users: YAML load + validate`,
        value: s.loadMs,
        unit: 'ms',
        floor: 1000,
        target: 1,
        note: `CPU ${s.loadCpuMs.toFixed(0)} ms; +${s.loadHeapMb.toFixed(0)} MiB heap`,
      },
      {
        name: `${s.users} users: pure stage, first pass (after the reads: plan, call flows, safety, inputs, checksum)`,
        value: s.pureFirstMs,
        unit: 'ms',
        floor: 150,
        target: 1,
        note: `CPU ${s.pureFirstCpuMs.toFixed(0)} ms; 5 passes: median ${s.pureMs.toFixed(0)} ms wall, ${s.pureCpuMs.toFixed(0)} ms CPU (fastest ${s.pureCpuMinMs.toFixed(0)} ms); the read before it (the digests are taken during it) ${s.readMs.toFixed(0)} ms, CPU ${s.readCpuMs.toFixed(0)} ms`,
      },
      {
        name: `${s.users} users: \`pbxctl plan\` at 0 ms`,
        value: s.cliMs,
        unit: 'ms',
        floor: 4000,
        target: 1,
        note: `exit ${s.cliExit}; ${s.cliRequests} requests; CPU ${s.cliCpuMs.toFixed(0)} ms CLI, ${s.emulatorCpuMs.toFixed(0)} ms emulator; load ${s.loadAverage.map((l) => l.toFixed(1)).join('→')}`,
      },
    ]);
  }
  if (figures.length)
    out.push(
      [
        '| figure | measured | floor / budget | ratio | target | notes |',
        '|---|---:|---:|---:|---|---|',
        ...figures.map(row),
      ].join('\n'),
    );
  process.stdout.write(`${out.join('\n\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
