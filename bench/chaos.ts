// Chaos run (issue 13): applies N changes (default 1,000) against the emulator under injected faults —
// 10 % 5xx (half 500, half 503), 5 % 429 with Retry-After, 2 % dropped connections, 1 % cut bodies (the
// request is handled, the answer cut mid-body), on reads and writes alike — SIGKILLs K applies (default 20)
// at random moments, then applies until the plan is empty, and prints what it found. A script, not a test.
//   npm run build && node dist/bench/chaos.js [changes=1000] [kills=20] [seed=1] [--drop mixed|before|after]
// Each apply is the built CLI in a child process (so SIGKILL is a real kill); the emulator runs here.
// Before any write it checks that a plan completes under the read faults alone.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../emulator';
import {
  apply,
  type ChaosCase,
  type CliRun,
  caseOf,
  DOMAIN,
  desiredYaml,
  ext,
  journalRuns,
  planView,
  prng,
  seed,
  writesBegin,
} from './chaos-setup';

/** A kill lands at a random moment this long after the apply's first write at most. */
const KILL_WINDOW_MS = 4_000;

/** Where a dropped connection is cut: before the platform handles the request, after it, or half and half. */
type DropPhase = 'before' | 'after' | 'mixed';

/** The client settings the chaos applies run with (printed with the figures). */
const CLIENT_ENV = {
  // The injected 429s are random, not a rate limit: no pace avoids them, and adaptive pacing would read each as
  // "slow down" and crawl (~4 requests/s measured). Off, every throttled call still waits its own Retry-After.
  PBXCTL_PACING: 'off',
};

function addFaults(emu: RunningEmulator, drop: DropPhase, methods: 'all' | 'reads'): void {
  const any = { path: '**', ...(methods === 'reads' ? { method: 'GET' } : {}) };
  // Rules are drawn one after the other on each request: each probability is of the requests left.
  emu.faults.add({ ...any, status: 500, probability: 0.05 });
  emu.faults.add({ ...any, status: 503, probability: 0.05 / 0.95 });
  emu.faults.add({ ...any, status: 429, retryAfter: 1, probability: 0.05 / 0.9 });
  if (drop === 'mixed') {
    emu.faults.add({ ...any, drop: true, probability: 0.01 / 0.85 });
    emu.faults.add({ ...any, dropAfter: true, probability: 0.01 / 0.84 });
  } else emu.faults.add({ ...any, [drop === 'after' ? 'dropAfter' : 'drop']: true, probability: 0.02 / 0.85 });
  emu.faults.add({ ...any, cutBody: true, probability: 0.01 / 0.83 });
}

/** Writes the platform handled (2xx, cut answers included) with no intent line in the write-ahead journal. */
function unaudited(emu: RunningEmulator, dir: string): number {
  const intents = new Map<string, number>();
  for (const j of jsonLines(join(dir, 'audit.writes.jsonl'))) {
    if (j.type !== 'intent') continue;
    const k = `${j.method} ${decodeURIComponent(String(j.path).split('?')[0] ?? '')}`;
    intents.set(k, (intents.get(k) ?? 0) + 1);
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

/** JSON lines of a file; a torn last line from a kill is skipped. */
function jsonLines(path: string): Record<string, unknown>[] {
  if (!existsSync(path)) return [];
  const out: Record<string, unknown>[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    try {
      if (line.trim()) out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // torn line
    }
  }
  return out;
}

/** Killed applies that had started writing (a journal `run` with intents and no `end`). */
function killedMidWrites(dir: string): number {
  const runs = new Map<string, { writes: number; ended: boolean }>();
  for (const j of jsonLines(join(dir, 'audit.writes.jsonl'))) {
    const r = runs.get(String(j.run)) ?? { writes: 0, ended: false };
    if (j.type === 'intent') r.writes++;
    if (j.type === 'end') r.ended = true;
    runs.set(String(j.run), r);
  }
  return [...runs.values()].filter((r) => r.writes > 0 && !r.ended).length;
}

interface Options {
  readonly changes: number;
  readonly kills: number;
  readonly seedNo: number;
  readonly drop: DropPhase;
}

function options(argv: readonly string[]): Options {
  const at = argv.indexOf('--drop');
  const drop = (at >= 0 ? argv[at + 1] : 'mixed') as DropPhase;
  if (!['before', 'after', 'mixed'].includes(drop)) throw new Error('--drop is before, after or mixed');
  const nums = argv.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1)).map(Number);
  const [changes = 1000, kills = 20, seedNo = 1] = nums;
  return { changes, kills, seedNo, drop };
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const c = caseOf(o.changes);
  const random = prng(o.seedNo);
  const emu = await startEmulator({ seed: seed(c), apiKeys: [DEFAULT_API_KEY] });
  // The emulator's rules draw from the same seeded generator.
  (emu.faults as unknown as { random: () => number }).random = random;
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-chaos-'));
  writeFileSync(join(dir, 'chaos.yaml'), desiredYaml(c));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NS_API_URL: emu.url,
    NS_API_KEY: DEFAULT_API_KEY,
    NO_COLOR: '1',
    CI: 'true',
    PBXCTL_LOCK_DIR: join(dir, 'locks'),
    ...CLIENT_ENV,
  };
  const started = Date.now();
  const load = loadavg()[0] ?? 0;
  try {
    const readsOnly = await readFaultsPlan(emu, env, dir, o.drop);
    addFaults(emu, o.drop, 'all');
    // Kill moments: a random point in the first 4 s after the apply began writing (its journal's `run` line), so
    // every kill cuts writes or welcome e-mails of an apply that has work left, wherever it happens to be.
    const journal = join(dir, 'audit.writes.jsonl');
    let killed = 0;
    for (let i = 0; i < o.kills; i++) {
      const armed = writesBegin(journal, journalRuns(journal));
      const r = await apply(env, dir, { ms: Math.round(random() * KILL_WINDOW_MS), armed });
      if (r.signal === 'SIGKILL') killed++;
    }
    const applies: CliRun[] = [];
    let view = await planView(env, dir);
    while (applies.length < 8 && (!view || view.changes.length > 0 || view.welcomes.length > 0)) {
      applies.push(await apply(env, dir));
      view = await planView(env, dir);
    }
    emu.faults.clear();
    const final = await planView(env, dir);
    const seconds = (Date.now() - started) / 1000;
    report({ c, o, emu, dir, killed, applies, final, readsOnly, seconds, load });
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ReadsOnly {
  readonly code: number | null;
  readonly changes: number | undefined;
  readonly ms: number;
}

/** A plan under the read faults alone (no write faults; nothing written yet) must complete with every change. */
async function readFaultsPlan(emu: RunningEmulator, env: NodeJS.ProcessEnv, dir: string, drop: DropPhase) {
  addFaults(emu, drop, 'reads');
  const t0 = Date.now();
  const view = await planView(env, dir);
  const out: ReadsOnly = { code: view?.code ?? null, changes: view?.changes.length, ms: Date.now() - t0 };
  emu.faults.clear();
  return out;
}

function report(r: {
  c: ChaosCase;
  o: Options;
  emu: RunningEmulator;
  dir: string;
  killed: number;
  applies: readonly CliRun[];
  final: Awaited<ReturnType<typeof planView>>;
  readsOnly: ReadsOnly;
  seconds: number;
  load: number;
}): void {
  const state = r.emu.state().domains[DOMAIN]!;
  const contactKeys = state.contacts.map((x) => `${x['name-first-name']} ${x['name-last-name']}`);
  const changes = r.final?.changes ?? [];
  const total = r.c.updates + r.c.creates + r.c.contacts;
  const converged = r.final !== undefined && changes.length === 0;
  const figures: Record<string, string | number> = {
    changes: total,
    settings: `${Object.entries(CLIENT_ENV)
      .map(([k, v]) => `${k}=${v}`)
      .join(
        ' ',
      )}; dropped connections: ${r.o.drop === 'mixed' ? '1 % before + 1 % after handling' : `2 % ${r.o.drop} handling`}`,
    read_faults_plan: `exit ${r.readsOnly.code}, ${r.readsOnly.changes ?? 'no'} changes of ${total}, ${(r.readsOnly.ms / 1000).toFixed(1)} s — ${
      (r.readsOnly.code === 0 || r.readsOnly.code === 2) && r.readsOnly.changes === total ? 'completes' : 'FAILED'
    }`,
    killed_applies: `${r.killed} (${killedMidWrites(r.dir)} of them mid-writes)`,
    applies_to_converge: converged ? r.applies.length : `not converged in ${r.applies.length}`,
    apply_exits: r.applies.map((a) => `${a.code} in ${Math.round(a.ms / 1000)} s`).join(', '),
    apply_failures: failures(r.applies),
    objects_lost: changes.filter((x) => x.action === 'create').length,
    objects_duplicated: contactKeys.length - new Set(contactKeys).size,
    objects_wrong: changes.filter((x) => x.action !== 'create').length,
    unaudited_writes: unaudited(r.emu, r.dir),
    ...welcomeFigures(r.c, r.dir, state.emails_sent),
    seconds: Math.round(r.seconds),
    load_average_at_start: r.load.toFixed(1),
  };
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(28)} ${v}\n`);
}

/** The first failed lines of the converging applies (what was left for the next one), abridged. */
function failures(applies: readonly CliRun[]): string {
  const lines = applies.flatMap((a) => a.stdout.split('\n').filter((l) => /^\s+✗/.test(l) && !l.includes('✉')));
  const shown = lines.slice(0, 4).map((l) => l.trim().slice(0, 200));
  return lines.length === 0 ? 'none' : `${lines.length}: ${shown.join(' | ')}`;
}

/** Welcome e-mails against the emulator's e-mail log (ground truth) and the ledger (what pbxctl believes). */
function welcomeFigures(c: ChaosCase, dir: string, sent: readonly { user: string }[]) {
  const sends = new Map<string, number>();
  for (const e of sent) sends.set(e.user, (sends.get(e.user) ?? 0) + 1);
  const ledger = new Map<string, string>();
  for (const w of jsonLines(join(dir, 'audit.welcome.jsonl'))) ledger.set(String(w.user), String(w.state));
  const maybe = (u: string) => ['sending', 'unknown'].includes(ledger.get(u) ?? '');
  let once = 0;
  let killedMidRequest = 0;
  let lostReported = 0;
  let lostSilently = 0;
  let uncertainButSent = 0;
  for (let i = c.updates; i < c.updates + c.creates; i++) {
    const n = sends.get(ext(i)) ?? 0;
    if (n === 1) once++;
    if (n >= 1 && maybe(ext(i))) uncertainButSent++;
    if (n === 0 && maybe(ext(i))) lostReported++;
    if (n === 0 && ledger.get(ext(i)) === 'sending') killedMidRequest++;
    if (n === 0 && !maybe(ext(i))) lostSilently++;
  }
  return {
    welcome_expected: c.creates,
    welcome_delivered_once: once,
    welcome_sent_twice: [...sends.values()].filter((n) => n > 1).length,
    welcome_lost: `${lostReported + lostSilently} (never delivered: ${lostReported} reported "may not have been sent" — ${killedMidRequest} by a kill mid-request, ${lostReported - killedMidRequest} by a connection lost after sending —, ${lostSilently} silently)`,
    welcome_uncertain_delivered: `${uncertainButSent} (pbxctl reports "may not have been sent"; the emulator's log shows it went out)`,
  };
}

main().catch((err: unknown) => {
  process.stderr.write(`chaos: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
