// The chaos run's domain (bench/chaos.ts): the seed, the desired file, and the CLI runs it drives.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EmulatorSeed } from '../emulator';

export const DOMAIN = 'chaos.example.com';
const CLI = resolve(__dirname, '../reconciler/cli/main.js');

/** Seeded PRNG (mulberry32), so a run can be repeated. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 30 % updates of existing users, 60 % new users with an e-mail address (each owes a welcome), 10 % contacts. */
export interface ChaosCase {
  readonly updates: number;
  readonly creates: number;
  readonly contacts: number;
}

export function caseOf(changes: number): ChaosCase {
  const updates = Math.round(changes * 0.3);
  const contacts = Math.round(changes * 0.1);
  return { updates, contacts, creates: changes - updates - contacts };
}

export const ext = (i: number) => String(2000 + i);

export function seed(c: ChaosCase): EmulatorSeed {
  const users = Array.from({ length: c.updates }, (_, i) => ({
    user: ext(i),
    'name-first-name': `U${i}`,
    'name-last-name': 'Chaos',
    'email-address': `u${i}@chaos.example.com`,
    department: 'Old',
    'user-scope': 'Basic User',
  }));
  return { domains: { [DOMAIN]: { domain: { description: 'Chaos', 'time-zone': 'UTC' }, users } } };
}

export function desiredYaml(c: ChaosCase): string {
  const lines = ['version: 1', `domain: ${DOMAIN}`, 'users:'];
  for (let i = 0; i < c.updates + c.creates; i++)
    lines.push(
      `  - extension: "${ext(i)}"`,
      `    first_name: U${i}`,
      '    last_name: Chaos',
      `    email: u${i}@chaos.example.com`,
      '    department: New',
    );
  lines.push('shared_contacts:');
  for (let i = 0; i < c.contacts; i++)
    lines.push(`  - first_name: C${i}`, '    last_name: Contact', '    company: Chaos');
  return `${lines.join('\n')}\n`;
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly ms: number;
}

/** When to SIGKILL a child: `ms` after `armed` resolves (default: at once, i.e. `ms` after the start). */
export interface KillAt {
  readonly ms: number;
  readonly armed?: (alive: () => boolean) => Promise<void>;
}

export function cli(args: string[], env: NodeJS.ProcessEnv, cwd: string, kill?: KillAt): Promise<CliRun> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.resume();
    if (kill)
      void (kill.armed?.(() => !closed) ?? Promise.resolve()).then(() => {
        if (!closed) timer = setTimeout(() => child.kill('SIGKILL'), kill.ms);
      });
    child.on('close', (code, signal) => {
      closed = true;
      if (timer) clearTimeout(timer);
      done({ code, signal, stdout, ms: Date.now() - started });
    });
  });
}

/** Resolves once the journal holds more `run` lines than `before` (an apply began writing), or the child ended. */
export function journalRuns(path: string): number {
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8').split('"type":"run"').length - 1;
}

export function writesBegin(path: string, before: number) {
  return async (alive: () => boolean) => {
    while (alive() && journalRuns(path) <= before) await new Promise((r) => setTimeout(r, 50));
  };
}

export interface PlanView {
  readonly code: number | null;
  readonly changes: readonly { action: string; kind: string; key: string }[];
  readonly welcomes: readonly string[];
}

export async function planView(env: NodeJS.ProcessEnv, cwd: string): Promise<PlanView | undefined> {
  const r = await cli(['plan', 'chaos.yaml', '--format', 'json', '--audit-log', 'audit.jsonl'], env, cwd);
  try {
    const doc = JSON.parse(r.stdout) as { domains: { changes: PlanView['changes']; welcomes?: string[] }[] };
    return {
      code: r.code,
      changes: doc.domains.flatMap((d) => d.changes),
      welcomes: doc.domains.flatMap((d) => d.welcomes ?? []),
    };
  } catch {
    return undefined;
  }
}

export const apply = (env: NodeJS.ProcessEnv, cwd: string, kill?: KillAt) =>
  cli(['apply', 'chaos.yaml', '--auto-approve', '--audit-log', 'audit.jsonl'], env, cwd, kill);
