// Emulator throughput on loopback (issue 15): how many requests per second the emulator serves for the
// reads a plan makes, and its CPU per request apart from the client's (the emulator runs in a child process
// that reports its own CPU time). A benchmark, not a test: it prints figures and asserts nothing.
//   npm run build && node dist/bench/emulator-throughput.js [users=1000] [seconds=3] [concurrency=8]

import { type ChildProcess, fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { Agent, request } from 'undici';
import { DEFAULT_API_KEY, startEmulator } from '../emulator';
import { DOMAIN, extensionOf, seedFor } from './plan-users';

type Ask = { id: number; op: 'cpu' | 'close' };
type Reply = { id: number; cpuMs?: number; url?: string };

/** The emulator in a child process (the plan bench's seed: phones, answer rules, 200 contacts). */
async function startChild(users: number): Promise<{ url: string; cpuMs(): Promise<number>; close(): Promise<void> }> {
  const child: ChildProcess = fork(__filename, ['--emulator-child', String(users)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (r: Reply) => void>();
  let next = 0;
  const started = new Promise<string>((resolve) => {
    child.on('message', (r: Reply) => {
      if (r.id === 0) resolve(r.url as string);
      else waiting.get(r.id)?.(r);
    });
  });
  const ask = (op: Ask['op']) =>
    new Promise<Reply>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      child.send({ id, op } satisfies Ask);
    });
  const url = await started;
  return {
    url,
    cpuMs: async () => (await ask('cpu')).cpuMs ?? 0,
    close: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await ask('close');
      child.disconnect();
      await exited;
    },
  };
}

interface Server {
  readonly url: string;
  cpuMs(): Promise<number>;
}

async function run(server: Server, label: string, url: (i: number) => string, seconds: number, concurrency: number) {
  const dispatcher = new Agent({ connections: concurrency, pipelining: 1 });
  // A short warm-up (JIT, indexes), not counted.
  for (let i = 0; i < 20; i++) await (await request(url(i), { dispatcher, headers: auth })).body.text();
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const serverCpu0 = await server.cpuMs();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const res = await request(url(done), { dispatcher, headers: auth });
        await res.body.text();
        if (res.statusCode !== 200) failed++;
        done++;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const serverMs = (await server.cpuMs()) - serverCpu0;
  const used = process.cpuUsage(cpu);
  const per = (ms: number) => (ms / Math.max(1, done)).toFixed(3).padStart(7);
  await dispatcher.close();
  process.stdout.write(
    `${label.padEnd(36)} ${String(done).padStart(6)} requests ${(done / elapsed).toFixed(0).padStart(6)} req/s  CPU/request: server ${per(serverMs)} ms, client ${per((used.user + used.system) / 1000)} ms  failed ${failed}\n`,
  );
}

const auth = { authorization: `Bearer ${DEFAULT_API_KEY}` };

async function main(): Promise<void> {
  const [users = 1000, seconds = 3, concurrency = 8] = process.argv.slice(2).map(Number);
  const server = await startChild(users);
  const c = { name: 'throughput', users, full: true, contacts: 200 };
  try {
    const base = `${server.url}/domains/${DOMAIN}`;
    const ext = (i: number) => extensionOf(c, i % users);
    process.stdout.write(
      `emulator throughput, ${users} users, ${seconds} s per case, concurrency ${concurrency}, load ${loadavg()[0]?.toFixed(1)}\n`,
    );
    await run(server, 'GET /version', () => `${server.url}/version`, seconds, concurrency);
    await run(server, 'GET one user', (i) => `${base}/users/${ext(i)}`, seconds, concurrency);
    await run(server, "GET a user's answer rules", (i) => `${base}/users/${ext(i)}/answerrules`, seconds, concurrency);
    await run(server, 'GET the domain', () => base, seconds, concurrency);
    await run(server, 'GET users?start=0&limit=100', () => `${base}/users?start=0&limit=100`, seconds, concurrency);
    await run(server, 'GET users?limit=1000', () => `${base}/users?start=0&limit=1000`, seconds, concurrency);
    await run(server, 'GET devices (whole domain)', () => `${base}/devices`, seconds, concurrency);
    await run(server, 'GET phones?limit=1000', () => `${base}/phones?limit=1000`, seconds, concurrency);
    await run(server, 'GET contacts (200)', () => `${base}/contacts`, seconds, concurrency);
    process.stdout.write(`load ${loadavg()[0]?.toFixed(1)}\n`);
  } finally {
    await server.close();
  }
}

if (require.main === module && process.argv.includes('--emulator-child') && process.send) {
  const users = Number(process.argv[process.argv.indexOf('--emulator-child') + 1]);
  void startEmulator({ seed: seedFor({ name: 'throughput', users, full: true, contacts: 200 }) }).then((emu) => {
    const send = (r: Reply) => process.send?.(r);
    process.on('message', async (m: Ask) => {
      if (m.op === 'cpu') {
        const u = process.cpuUsage();
        send({ id: m.id, cpuMs: (u.user + u.system) / 1000 });
      } else {
        await emu.close();
        send({ id: m.id });
      }
    });
    send({ id: 0, url: emu.url });
  });
} else if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  });
}
