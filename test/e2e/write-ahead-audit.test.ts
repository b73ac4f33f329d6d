/**
 * Issue 13 #1 against an adversary: the built CLI applies against the emulator (writes slowed by its fault
 * injection) and is SIGKILLed mid-apply several times. Every write the emulator received must have an
 * intent line in the write-ahead journal, and every outcome line must match what the emulator answered.
 * SIGTERM ends the apply cleanly after the write in flight (exit 130, journal and audit complete); a failed
 * read-back exits 4 with the audit record written.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../emulator';
import {
  DOMAIN,
  domainYaml,
  OFFICE,
  officeSeed,
  type SeedUser,
  startTestEnv,
  type TestEnv,
} from '../test-support/helpers';
import { EXIT, type JournalLine } from '../../reconciler';

const MAIN = resolve(__dirname, '../../dist/reconciler/cli/main.js');

let t: TestEnv | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const NEW_USERS: SeedUser[] = Array.from({ length: 24 }, (_, i) => ({
  ext: String(2000 + i),
  first: `Person${i}`,
  last: `Number${i}`,
}));

function startApply(env: TestEnv, file: string, audit: string): { child: ChildProcess; done: Promise<number> } {
  const child = spawn(process.execPath, [MAIN, 'apply', file, '--auto-approve', '--audit-log', audit], {
    cwd: env.dir,
    // A killed apply leaves its lock behind (taken over later: its pid is dead); keep it in the test dir.
    env: { ...env.env, PBXCTL_LOCK_DIR: join(env.dir, 'locks') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  const done = new Promise<number>((res) => child.on('exit', (code, signal) => res(code ?? (signal ? -1 : 0))));
  return { child, done };
}

async function waitForWrites(env: TestEnv, n: number, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (env.writes().length < n) {
    if (Date.now() > until) throw new Error(`only ${env.writes().length} writes arrived, waited for ${n}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function journal(path: string): JournalLine[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as JournalLine)
    .filter((l) => l.type === 'intent' || l.type === 'outcome');
}

/** Every write the emulator received has an intent; every outcome matches an answer the emulator gave. */
function assertJournalCovers(received: readonly RequestLogEntry[], lines: readonly JournalLine[]): void {
  const intents = lines.filter((l) => l.type === 'intent');
  const outcomes = lines.filter((l) => l.type === 'outcome');
  const count = (xs: readonly { method: string; path: string }[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(`${x.method} ${x.path}`, (m.get(`${x.method} ${x.path}`) ?? 0) + 1);
    return m;
  };
  const intentCount = count(intents);
  for (const [k, n] of count(received))
    expect(intentCount.get(k) ?? 0, `intent lines for ${k}`).toBeGreaterThanOrEqual(n);
  for (const o of outcomes) {
    expect(intents.some((i) => i.seq === o.seq && i.method === o.method && i.path === o.path)).toBe(true);
    const answered = received.filter((r) => r.method === o.method && r.path === o.path);
    if (o.type !== 'outcome') continue;
    if (o.result === 'ok')
      expect(
        answered.some((r) => r.status >= 200 && r.status < 300),
        `${o.method} ${o.path}`,
      ).toBe(true);
    else expect(answered.some((r) => r.status === o.status)).toBe(true);
  }
}

describe.skipIf(!existsSync(MAIN))('write-ahead audit under SIGKILL and SIGTERM (built CLI)', () => {
  it('SIGKILL at 3 moments: every write the emulator received is journaled; a final apply converges', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: [...OFFICE, ...NEW_USERS] }));
    t.emu.faults.add({ method: 'POST', path: '/domains/**', latencyMs: 25 });
    t.emu.faults.add({ method: 'PUT', path: '/domains/**', latencyMs: 25 });
    for (const [round, after] of [2, 5, 9].entries()) {
      t.emu.requests.reset();
      const audit = join(t.dir, `audit-${round}.jsonl`);
      const { child, done } = startApply(t, file, audit);
      await waitForWrites(t, after);
      child.kill('SIGKILL');
      await done;
      await new Promise((r) => setTimeout(r, 100)); // let the emulator log the dropped connection
      const received = t.writes();
      const lines = journal(join(t.dir, `audit-${round}.writes.jsonl`));
      expect(received.length).toBeGreaterThanOrEqual(after);
      expect(lines.filter((l) => l.type === 'intent').length).toBeGreaterThanOrEqual(after);
      assertJournalCovers(received, lines);
    }
    t.emu.faults.clear();
    t.emu.requests.reset();
    const last = startApply(t, file, join(t.dir, 'audit-final.jsonl'));
    expect(await last.done).toBe(EXIT.ok);
    const lines = journal(join(t.dir, 'audit-final.writes.jsonl'));
    assertJournalCovers(t.writes(), lines);
    expect(lines.filter((l) => l.type === 'intent')).toHaveLength(t.writes().length);
    const users = t.emu.state().domains[DOMAIN]?.users ?? [];
    expect(users.map((u) => u.user).sort()).toEqual([...OFFICE, ...NEW_USERS].map((u) => u.ext).sort());
  }, 120_000);

  it('SIGTERM stops after the write in flight: exit 130, every intent has its outcome, audit record written', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: [...OFFICE, ...NEW_USERS] }));
    t.emu.faults.add({ method: 'POST', path: '/domains/**', latencyMs: 25 });
    const audit = join(t.dir, 'audit.jsonl');
    const { child, done } = startApply(t, file, audit);
    await waitForWrites(t, 4);
    child.kill('SIGTERM');
    expect(await done).toBe(EXIT.interrupted);
    const raw = readFileSync(join(t.dir, 'audit.writes.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(raw.at(-1)).toMatchObject({ type: 'end', status: 'interrupted' });
    const lines = journal(join(t.dir, 'audit.writes.jsonl'));
    const intents = lines.filter((l) => l.type === 'intent');
    expect(lines.filter((l) => l.type === 'outcome')).toHaveLength(intents.length);
    // Exactly what reached the platform: the emulator saw these writes and no others.
    expect(t.writes().map((w) => `${w.method} ${w.path}`)).toEqual(intents.map((i) => `${i.method} ${i.path}`));
    assertJournalCovers(t.writes(), lines);
    expect(intents.length).toBeLessThan(NEW_USERS.length * 2);
    const record = JSON.parse(readFileSync(audit, 'utf8').trim().split('\n')[0] ?? '{}');
    expect(record.summary.skipped).toBeGreaterThan(0);
    expect(record.operations.some((o: { error?: string }) => /interrupted/.test(o.error ?? ''))).toBe(true);
  }, 60_000);
});

describe('a failed read-back', () => {
  it('exits 4 with the audit record and the journal complete', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: OFFICE.map((u) => ({ ...u, department: 'Ops' })) }));
    const env = t;
    // As soon as the first write arrives, every later user-list read fails: the read-back cannot run.
    let armed = false;
    const timer = setInterval(() => {
      if (armed || env.writes().length === 0) return;
      armed = true;
      env.emu.faults.add({ method: 'GET', path: '/domains/*/users', status: 500 });
    }, 1);
    t.emu.faults.add({ method: 'PUT', path: '/domains/**', latencyMs: 20 });
    const audit = join(t.dir, 'audit.jsonl');
    const r = await t.cli('apply', file, '--auto-approve', '--audit-log', audit, '--no-welcome-email');
    clearInterval(timer);
    expect(r.code).toBe(EXIT.partial);
    expect(r.stderr).toContain('Read-back failed');
    const record = JSON.parse(readFileSync(audit, 'utf8').trim());
    expect(record.summary).toEqual({ applied: 3, failed: 0, skipped: 0 });
    const lines = journal(join(t.dir, 'audit.writes.jsonl'));
    expect(lines.filter((l) => l.type === 'intent')).toHaveLength(3);
    expect(lines.filter((l) => l.type === 'outcome' && l.result === 'ok')).toHaveLength(3);
  }, 60_000);
});
