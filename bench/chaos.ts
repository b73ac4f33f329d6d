// Chaos run (issue 13): applies N changes (default 1,000) against the emulator under injected faults —
// 10 % 5xx (half 500, half 503), 5 % 429 with Retry-After, 2 % dropped connections, 1 % cut bodies (the
// request is handled, the answer cut mid-body), on reads and writes alike — SIGKILLs K applies (default 20)
// at random moments, then applies until the plan is empty, and prints what it found. A script, not a test.
//   npm run build && node dist/bench/chaos.js [changes=1000] [kills=20] [seed=1]
// Each apply is the built CLI in a child process (so SIGKILL is a real kill); the emulator runs here.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_API_KEY, type EmulatorSeed, type RunningEmulator, startEmulator } from '../emulator';

const DOMAIN = 'chaos.example.com';
const CLI = resolve(__dirname, '../reconciler/cli/main.js');

/** Seeded PRNG (mulberry32), so a run can be repeated. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shape {
  readonly updates: number;
  readonly creates: number;
  readonly contacts: number;
}

function shape(changes: number): Shape {
  const updates = Math.round(changes * 0.3);
  const contacts = Math.round(changes * 0.1);
  return { updates, contacts, creates: changes - updates - contacts };
}

const ext = (i: number) => String(2000 + i);

function seed(s: Shape): EmulatorSeed {
  const users = Array.from({ length: s.updates }, (_, i) => ({
    user: ext(i),
    'name-first-name': `U${i}`,
    'name-last-name': 'Chaos',
    'email-address': `u${i}@chaos.example.com`,
    department: 'Old',
    'user-scope': 'Basic User',
  }));
  return { domains: { [DOMAIN]: { domain: { description: 'Chaos', 'time-zone': 'UTC' }, users } } };
}

function desiredYaml(s: Shape): string {
  const lines = ['version: 1', `domain: ${DOMAIN}`, 'users:'];
  for (let i = 0; i < s.updates + s.creates; i++)
    lines.push(
      `  - extension: "${ext(i)}"`,
      `    first_name: U${i}`,
      '    last_name: Chaos',
      `    email: u${i}@chaos.example.com`,
      '    department: New',
    );
  lines.push('shared_contacts:');
  for (let i = 0; i < s.contacts; i++)
    lines.push(`  - first_name: C${i}`, '    last_name: Contact', '    company: Chaos');
  return `${lines.join('\n')}\n`;
}

function addFaults(emu: RunningEmulator): void {
  const any = { path: '**' };
  emu.faults.add({ ...any, status: 500, probability: 0.05 });
  emu.faults.add({ ...any, status: 503, probability: 0.05 / 0.95 });
  emu.faults.add({ ...any, status: 429, retryAfter: 1, probability: 0.05 / 0.9 });
  emu.faults.add({ ...any, drop: true, probability: 0.02 / 0.85 });
  emu.faults.add({ ...any, cutBody: true, probability: 0.01 / 0.83 });
}

interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv, cwd: string, killAfterMs?: number): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.resume();
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      done({ code, signal, stdout });
    });
  });
}

interface PlanView {
  readonly changes: readonly { action: string; kind: string; key: string }[];
  readonly welcomes: readonly string[];
}

async function planView(env: NodeJS.ProcessEnv, cwd: string): Promise<PlanView | undefined> {
  const r = await cli(['plan', 'chaos.yaml', '--format', 'json', '--audit-log', 'audit.jsonl'], env, cwd);
  try {
    const doc = JSON.parse(r.stdout) as { domains: { changes: PlanView['changes']; welcomes?: string[] }[] };
    return { changes: doc.domains.flatMap((d) => d.changes), welcomes: doc.domains.flatMap((d) => d.welcomes ?? []) };
  } catch {
    return undefined;
  }
}

const apply = (env: NodeJS.ProcessEnv, cwd: string, killAfterMs?: number) =>
  cli(['apply', 'chaos.yaml', '--auto-approve', '--audit-log', 'audit.jsonl'], env, cwd, killAfterMs);

/** Writes the platform handled (2xx, cut answers included) with no intent line in the write-ahead journal. */
function unaudited(emu: RunningEmulator, dir: string): number {
  const journal = join(dir, 'audit.writes.jsonl');
  const intents = new Map<string, number>();
  if (existsSync(journal))
    for (const line of readFileSync(journal, 'utf8').split('\n')) {
      try {
        const j = JSON.parse(line) as { type?: string; method?: string; path?: string };
        if (j.type !== 'intent') continue;
        const k = `${j.method} ${decodeURIComponent(String(j.path).split('?')[0] ?? '')}`;
        intents.set(k, (intents.get(k) ?? 0) + 1);
      } catch {
        // a torn last line from a kill
      }
    }
  const handled = new Map<string, number>();
  for (const r of emu.requests.list())
    if (r.method !== 'GET' && r.status >= 200 && r.status < 300 && !r.path.startsWith('/tokens')) {
      const k = `${r.method} ${r.path}`;
      handled.set(k, (handled.get(k) ?? 0) + 1);
    }
  let missing = 0;
  for (const [k, n] of handled) missing += Math.max(0, n - (intents.get(k) ?? 0));
  return missing;
}

function welcomeLedger(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const path = join(dir, 'audit.welcome.jsonl');
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    try {
      const w = JSON.parse(line) as { user: string; state: string };
      out.set(w.user, w.state);
    } catch {
      // torn line
    }
  }
  return out;
}

async function main(): Promise<void> {
  const [changes = 1000, kills = 20, seedNo = 1] = process.argv.slice(2).map(Number);
  const s = shape(changes);
  const random = prng(seedNo);
  const emu = await startEmulator({ seed: seed(s), apiKeys: [DEFAULT_API_KEY] });
  // The emulator's rules draw from the same seeded generator.
  (emu.faults as unknown as { random: () => number }).random = random;
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-chaos-'));
  writeFileSync(join(dir, 'chaos.yaml'), desiredYaml(s));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NS_API_URL: emu.url,
    NS_API_KEY: DEFAULT_API_KEY,
    NO_COLOR: '1',
    CI: 'true',
    PBXCTL_RATE: '10000',
    PBXCTL_LOCK_DIR: join(dir, 'locks'),
  };
  const started = Date.now();
  try {
    addFaults(emu);
    // Probe how long one apply runs, to spread the kills over it.
    const probeStart = Date.now();
    await apply(env, dir, 4_000);
    const span = Math.max(Date.now() - probeStart, 2_000);
    let killed = 0;
    for (let i = 0; i < kills; i++) {
      const r = await apply(env, dir, Math.round(300 + random() * span));
      if (r.signal === 'SIGKILL') killed++;
    }
    let applies = 0;
    let view = await planView(env, dir);
    while (applies < 8 && (!view || view.changes.length > 0 || view.welcomes.length > 0)) {
      await apply(env, dir);
      applies++;
      view = await planView(env, dir);
    }
    emu.faults.clear();
    const final = await planView(env, dir);
    report({ s, emu, dir, killed, applies, final, seconds: (Date.now() - started) / 1000 });
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(r: {
  s: Shape;
  emu: RunningEmulator;
  dir: string;
  killed: number;
  applies: number;
  final: PlanView | undefined;
  seconds: number;
}): void {
  const state = r.emu.state().domains[DOMAIN]!;
  const contactKeys = state.contacts.map((c) => `${c['name-first-name']} ${c['name-last-name']}`);
  const duplicated = contactKeys.length - new Set(contactKeys).size;
  const changes = r.final?.changes ?? [];
  const sends = new Map<string, number>();
  for (const e of state.emails_sent) sends.set(e.user, (sends.get(e.user) ?? 0) + 1);
  const ledger = welcomeLedger(r.dir);
  let lost = 0;
  let uncertain = 0;
  for (let i = r.s.updates; i < r.s.updates + r.s.creates; i++) {
    if ((sends.get(ext(i)) ?? 0) > 0) continue;
    if (['sending', 'unknown'].includes(ledger.get(ext(i)) ?? '')) uncertain++;
    else lost++;
  }
  const figures = {
    changes: r.s.updates + r.s.creates + r.s.contacts,
    killed_applies: r.killed,
    applies_to_converge: r.final && changes.length === 0 ? r.applies : `not converged in ${r.applies}`,
    objects_lost: changes.filter((c) => c.action === 'create').length,
    objects_duplicated: duplicated,
    objects_wrong: changes.filter((c) => c.action !== 'create').length,
    unaudited_writes: unaudited(r.emu, r.dir),
    welcome_expected: r.s.creates,
    welcome_sent_twice: [...sends.values()].filter((n) => n > 1).length,
    welcome_lost_silently: lost,
    welcome_uncertain_reported: uncertain,
    seconds: Math.round(r.seconds),
  };
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(28)} ${v}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`chaos: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
