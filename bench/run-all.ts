/** `npm run bench`: runs the plan benchmarks and prints a Markdown table for bench/README.md. */
import { type BenchCase, type BenchResult, runCase } from './plan-users';

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const ns = sizes.length ? sizes : [100, 1000];
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
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
