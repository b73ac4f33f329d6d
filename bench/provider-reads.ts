/**
 * Benchmark (not a test): the CPU of the provider's platform reads next to pbxctl's, in one process, against
 * the same emulator behind the same delaying proxy (bench/server-thread.ts, another process), so the two
 * are compared under the same conditions (issue 15: the plan-walk provider paid ~3× pbxctl's CPU per request).
 *
 *  - pbxctl: `readLiveState` of the domain (the CLI's reads; no plan);
 *  - provider: what the plan-walk provider process does per `ReadResource` of a `netsapiens_user`
 *    (provider/resources/from-kind.ts `read`): `noteRefresh`, then the user kind's `readOne` through the
 *    process's `ReadOnceClient` with the resource's desired object, `--parallel` at once (Terraform's 10).
 *
 * Each side runs `--rounds` times on a fresh client (the first round compiles the code: the provider process
 * does it once per plan, so round 1 is the figure of a plan; the later ones the steady state). CPU is this
 * process's main thread (/proc, 10 ms resolution) and the whole process (`process.cpuUsage`: GC threads too).
 *
 *   npm run build && node dist/bench/provider-reads.js [users=1000] [--latency 20] [--rounds 3]
 *     [--parallel 10] [--only pbxctl|provider] [--numbers]
 *   (--numbers: a phone number routed to every user, as most domains have)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_API_KEY } from '../emulator';
import { configureNetsapiens } from '../provider/resources/context';
import {
  DEFAULT_REGISTRY,
  type DesiredObject,
  type DomainDesiredState,
  envSecretResolver,
  loadDesiredState,
  NetSapiensClient,
  readLiveState,
} from '../reconciler';
import { type BenchCase, DOMAIN, desiredFor, seedFor } from './plan-users';
import { startServerThread, type ThreadedServers } from './server-thread';
import { mainThreadCpuMs } from './tf-workspace';

interface Options {
  readonly users: number;
  readonly latencyMs: number;
  readonly rounds: number;
  readonly parallel: number;
  readonly only?: string;
  /** A phone number routed to every user (the platform's usual DID per person). */
  readonly numbers: boolean;
}

function parseArgs(argv: string[]): Options {
  let users = 1000;
  let latencyMs = 20;
  let rounds = 3;
  let parallel = 10;
  let only: string | undefined;
  let numbers = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--latency') latencyMs = Number(argv[++i]);
    else if (a === '--rounds') rounds = Number(argv[++i]);
    else if (a === '--parallel') parallel = Number(argv[++i]);
    else if (a === '--only') only = argv[++i];
    else if (a === '--numbers') numbers = true;
    else if (Number(a) > 0) users = Number(a);
    else throw new Error(`unknown argument ${a}`);
  }
  return { users, latencyMs, rounds, parallel, only, numbers };
}

interface Round {
  readonly requests: number;
  readonly ms: number;
  readonly mainCpuMs: number;
  readonly processCpuMs: number;
  /** Of which in the kernel (the socket writes and reads). */
  readonly systemCpuMs: number;
}

async function timed(servers: ThreadedServers, run: () => Promise<void>): Promise<Round> {
  await servers.reset();
  const main0 = mainThreadCpuMs() ?? 0;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  await run();
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const mainCpuMs = (mainThreadCpuMs() ?? 0) - main0;
  await servers.refresh();
  return {
    requests: servers.stats.arrivals.length,
    ms,
    mainCpuMs,
    processCpuMs: (cpu.user + cpu.system) / 1000,
    systemCpuMs: cpu.system / 1000,
  };
}

async function pbxctlReads(servers: ThreadedServers, desired: DomainDesiredState): Promise<Round> {
  const client = new NetSapiensClient({ baseUrl: servers.url, apiKey: DEFAULT_API_KEY });
  try {
    return await timed(servers, async () => {
      await readLiveState(client, DOMAIN, { desired: desired.objects, platform: desired.platform });
    });
  } finally {
    await client.close();
  }
}

async function providerReads(servers: ThreadedServers, users: readonly DesiredObject[], parallel: number) {
  const ctx = configureNetsapiens({
    apiUrl: servers.url,
    apiKey: DEFAULT_API_KEY,
    raw: {},
  } as unknown as Parameters<typeof configureNetsapiens>[0]);
  const kind = DEFAULT_REGISTRY.get('user');
  if (!kind) throw new Error('no user kind');
  try {
    return await timed(servers, async () => {
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < users.length; i = next++) {
          const desired = users[i] as DesiredObject;
          ctx.client.noteRefresh(DOMAIN);
          const live = await kind.readOne(
            {
              client: ctx.client,
              platform: ctx.platform,
              domain: DOMAIN,
              cache: ctx.client.liveCache(DOMAIN),
              concurrency: 4,
              desired: new Map([[desired.key, desired]]),
              full: false,
            },
            desired.key,
          );
          if (!live) throw new Error(`user ${desired.key} not read`);
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
    });
  } finally {
    await ctx.client.close();
  }
}

const line = (side: string, i: number, r: Round) =>
  `| ${side} | ${i + 1} | ${r.requests} | ${Math.round(r.ms)} | ${r.mainCpuMs} | ${Math.round(r.processCpuMs)} | ${Math.round(r.systemCpuMs)} | ${((1000 * r.processCpuMs) / r.requests).toFixed(0)} |`;

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const c: BenchCase = { name: 'full', users: o.users, full: true, contacts: 0 };
  const yamlDir = mkdtempSync(join(tmpdir(), 'pbxctl-bench-reads-'));
  writeFileSync(join(yamlDir, 'bench.yaml'), desiredFor(c));
  const state = loadDesiredState(yamlDir, { secrets: envSecretResolver({}) });
  rmSync(yamlDir, { recursive: true, force: true });
  const desired = state.domains[0] as DomainDesiredState;
  const users = desired.objects.get('user') ?? [];
  const seed = seedFor(c);
  if (o.numbers) {
    const domain = seed.domains[DOMAIN] as Record<string, unknown>;
    domain.phonenumbers = users.map((u, i) => ({
      phonenumber: `1212${String(5000000 + i)}`,
      'dial-rule-application': 'to-user',
      'dial-rule-translation-destination-user': u.key,
    }));
  }
  const servers = await startServerThread({ seed, latencyMs: o.latencyMs });
  try {
    console.log(
      `${o.users} users${o.numbers ? ' (a number each)' : ''}, ${o.latencyMs} ms latency, provider parallelism ${o.parallel}\n` +
        '| side | round | requests | wall ms | main-thread CPU ms | process CPU ms | of which system | process CPU µs / request |\n|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (let i = 0; i < o.rounds; i++) {
      if (o.only !== 'provider') console.log(line('pbxctl', i, await pbxctlReads(servers, desired)));
      if (o.only !== 'pbxctl') console.log(line('provider', i, await providerReads(servers, users, o.parallel)));
    }
  } finally {
    await servers.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
