/**
 * Per-call CPU of the provider process over the real transport: a grpc-js client (as Terraform's go-plugin
 * client would, with mTLS) drives N rounds of the calls a plan walk makes for one resource —
 * ValidateResourceConfig, ReadResource (a platform read from the emulator in this process) and
 * PlanResourceChange — 10 resources at a time (Terraform's parallelism), and reads the provider's CPU time
 * (/proc/<pid>/stat, user + system) before and after. A second run does only ValidateResourceConfig, the
 * call with the least handler work, so it is mostly transport.
 *
 *   npm run build && node dist/bench/provider-calls.js [rounds=2000] [--entry path/to/dist/provider/main.js]
 *
 * First, the CPU of 10 schema-only starts (start, handshake, GetProviderSchema: Terraform's first start of
 * a plan), median and min. `--entry` runs another build of the provider (e.g. the previous commit's dist/)
 * with the same client.
 * Linux only (/proc). Benchmark-only: nothing in the product loads it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_API_KEY, startEmulator } from '../emulator';
import type { CtyObject } from '../provider/cty';
import { FakeTerraform } from '../provider/test-support/fake-terraform';
import { config, DOMAIN, MAIN_ENTRY, propose, SEED, schemaOf } from '../provider/test-support/resources';

const TICKS_PER_SECOND = 100;

/** user + system CPU of a process, ms (clock ticks of /proc/<pid>/stat). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function inBatches(rounds: number, parallel: number, one: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < rounds; i += parallel) {
    await Promise.all(Array.from({ length: Math.min(parallel, rounds - i) }, (_, k) => one(i + k)));
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const entryAt = args.indexOf('--entry');
  const entry = entryAt >= 0 ? resolve(String(args[entryAt + 1])) : MAIN_ENTRY;
  const rounds = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--entry') ?? 2000);

  const starts: number[] = [];
  for (let i = 0; i < 10; i++) {
    const first = await FakeTerraform.start({ entry, env: { NS_API_URL: '', NS_API_KEY: '' } });
    await first.getProviderSchema();
    starts.push(cpuMs(first.child.pid as number));
    await first.shutdown();
  }
  starts.sort((a, b) => a - b);
  console.log(`provider: ${entry}`);
  console.log(
    `schema-only start (handshake + GetProviderSchema), 10 starts: CPU median ${starts[5]} ms, min ${starts[0]} ms`,
  );

  const emu = await startEmulator({ seed: SEED });
  const ft = await FakeTerraform.start({ entry, env: { NS_API_URL: '', NS_API_KEY: '' } });
  try {
    await ft.getProviderSchema();
    await ft.configure({ api_url: emu.url, api_key: DEFAULT_API_KEY });
    const type = 'netsapiens_user';
    const cfg = config(type, { domain: DOMAIN, extension: '201', first_name: 'Ada', last_name: 'Lovelace' });
    const plan = await ft.planResourceChange(type, {
      prior: null,
      proposed: propose(schemaOf(type), null, cfg),
      config: cfg,
    });
    const applied = await ft.applyResourceChange(type, { prior: null, planned: plan.planned, config: cfg });
    const state = applied.newState as CtyObject;

    const walk = async (): Promise<void> => {
      await ft.validateResourceConfig(type, cfg);
      const read = await ft.readResource(type, state);
      const refreshed = read.newState as CtyObject;
      const p = await ft.planResourceChange(type, {
        prior: refreshed,
        proposed: propose(schemaOf(type), refreshed, cfg),
        config: cfg,
      });
      if (p.diagnostics.length > 0) throw new Error(JSON.stringify(p.diagnostics));
    };
    const validate = async (): Promise<void> => {
      const d = await ft.validateResourceConfig(type, cfg);
      if (d.length > 0) throw new Error(JSON.stringify(d));
    };
    const pid = ft.child.pid as number;
    // Warm-up: JIT, lazy loads, the first platform connection.
    await inBatches(200, 10, walk);
    await inBatches(1000, 10, validate);

    const measure = async (name: string, perRound: number, fn: () => Promise<void>, n: number) => {
      const before = cpuMs(pid);
      const t0 = Date.now();
      await inBatches(n, 10, fn);
      const cpu = cpuMs(pid) - before;
      console.log(
        `${name.padEnd(48)} ${n} rounds: provider CPU ${cpu.toFixed(0)} ms = ${((1000 * cpu) / n).toFixed(0)} us/round, ${((1000 * cpu) / (n * perRound)).toFixed(0)} us/call (wall ${Date.now() - t0} ms)`,
      );
    };
    await measure('Validate + ReadResource + PlanResourceChange', 3, walk, rounds);
    await measure('ValidateResourceConfig only', 1, validate, rounds * 3);
  } finally {
    await ft.shutdown();
    await emu.close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
