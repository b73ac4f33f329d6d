// Emulator throughput on loopback (issue 15): how many requests per second the emulator serves for the
// reads a plan makes. A benchmark, not a test: it prints figures and asserts nothing.
//   npm run build && node dist/bench/emulator-throughput.js [users=1000] [seconds=3] [concurrency=8]

import { Agent, request } from 'undici';
import { DEFAULT_API_KEY, type EmulatorSeed, startEmulator } from '../emulator';

const DOMAIN = 'bench.example.com';

function seed(users: number): EmulatorSeed {
  const list = [];
  const rules = [];
  for (let i = 0; i < users; i++) {
    const user = String(1000 + i);
    list.push({ user, 'name-first-name': `U${i}`, 'name-last-name': 'Bench', 'email-address': '' });
    rules.push({ user, 'time-frame': '*', enabled: 'yes' });
  }
  return { domains: { [DOMAIN]: { users: list, answerrules: rules } } };
}

async function run(label: string, url: (i: number) => string, seconds: number, concurrency: number) {
  const dispatcher = new Agent({ connections: concurrency, pipelining: 1 });
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const res = await request(url(done), {
          dispatcher,
          headers: { authorization: `Bearer ${DEFAULT_API_KEY}` },
        });
        await res.body.text();
        if (res.statusCode !== 200) failed++;
        done++;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  // CPU of this process (emulator and client together) per request: independent of other load on the machine.
  const cpuMs = (used.user + used.system) / 1000 / Math.max(1, done);
  await dispatcher.close();
  const rate = done / elapsed;
  process.stdout.write(
    `${label.padEnd(42)} ${String(done).padStart(7)} requests ${rate.toFixed(0).padStart(6)} req/s  ${cpuMs.toFixed(2).padStart(6)} ms CPU/request (server + client)  failed ${failed}\n`,
  );
}

async function main(): Promise<void> {
  const [users = 1000, seconds = 3, concurrency = 8] = process.argv.slice(2).map(Number);
  const emu = await startEmulator({ seed: seed(users) });
  try {
    const base = `${emu.url}/domains/${DOMAIN}`;
    process.stdout.write(`emulator throughput, ${users} users, ${seconds} s per case, concurrency ${concurrency}\n`);
    await run('GET /version', () => `${emu.url}/version`, seconds, concurrency);
    await run('GET one user', (i) => `${base}/users/${1000 + (i % users)}`, seconds, concurrency);
    await run(
      "GET a user's answer rules",
      (i) => `${base}/users/${1000 + (i % users)}/answerrules`,
      seconds,
      concurrency,
    );
    await run('GET users?limit=100 (sorted list)', () => `${base}/users?limit=100`, seconds, concurrency);
    await run(`GET users?limit=1000 (whole domain)`, () => `${base}/users?limit=1000`, seconds, concurrency);
  } finally {
    await emu.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
