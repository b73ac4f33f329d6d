/**
 * Issue 14 #1: `pbxctl apply examples/small-office --auto-approve` prints the plan it is about to apply —
 * summary and every change — before the first write reaches the platform. Observed from outside: the built
 * CLI's stdout is streamed into this process, and the emulator's fault hook (called when a request
 * arrives) snapshots what had been printed by the time the first write arrived. `--quiet` prints only the
 * result. Also: progress with phase, done/total, rate, ETA and failures when asked for.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../emulator';
import { runInProcess } from '../test-support/helpers';
import { EXIT } from '../../reconciler';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/reconciler/cli/main.js');
const EXAMPLE = join(ROOT, 'examples/small-office');

let emu: RunningEmulator | undefined;
let dir: string | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function setup() {
  emu = await startEmulator({ seed: join(ROOT, 'examples/demo/seed.yaml') });
  dir = mkdtempSync(join(tmpdir(), 'pbxctl-shows-plan-'));
  const env = {
    PATH: process.env.PATH,
    NS_API_URL: emu.url,
    NS_API_KEY: DEFAULT_API_KEY,
    VM_PIN_1000: '4821',
    VM_PIN_1001: '2468',
    NO_COLOR: '1',
    CI: 'true',
    PBXCTL_LOCK_DIR: join(dir, 'locks'),
  };
  return { emu, dir, env };
}

/** Runs the built CLI; `atFirstWrite` is the stdout received when the first write arrived at the emulator. */
function applyWatched(
  e: Awaited<ReturnType<typeof setup>>,
  ...extra: string[]
): Promise<{ code: number; stdout: string; atFirstWrite?: string }> {
  let stdout = '';
  let atFirstWrite: string | undefined;
  const take = e.emu.faults.take.bind(e.emu.faults);
  e.emu.faults.take = (method, path) => {
    if (method !== 'GET' && atFirstWrite === undefined) atFirstWrite = stdout;
    return take(method, path);
  };
  const child = spawn(process.execPath, [MAIN, 'apply', EXAMPLE, '--auto-approve', ...extra], {
    cwd: e.dir,
    env: e.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
  });
  child.stderr.resume();
  return new Promise((res) => child.on('exit', (code) => res({ code: code ?? -1, stdout, atFirstWrite })));
}

describe.skipIf(!existsSync(MAIN))('apply shows the plan before writing', () => {
  it('apply examples/small-office --auto-approve prints every change before the first write', async () => {
    const e = await setup();
    const plan = await runInProcess(['plan', EXAMPLE], e.env, e.dir);
    expect(plan.code).toBe(EXIT.ok);
    const changeLines = plan.stdout.split('\n').filter((l) => /^\s+[+~\-!±]|⇒/.test(l));
    expect(changeLines.length).toBeGreaterThan(3);
    const r = await applyWatched(e);
    expect(r.code).toBe(EXIT.ok);
    expect(r.atFirstWrite).toBeDefined();
    // The whole plan — its summary and every change line — had reached us before the platform saw a write.
    expect(r.atFirstWrite).toContain(plan.stdout);
    for (const line of changeLines) expect(r.atFirstWrite).toContain(line);
    expect(r.stdout).toMatch(/Apply: \d+ applied, 0 failed, 0 skipped/);
  });

  it('--quiet prints only the result', async () => {
    const e = await setup();
    const plan = await runInProcess(['plan', EXAMPLE], e.env, e.dir);
    const r = await applyWatched(e, '--quiet');
    expect(r.code).toBe(EXIT.ok);
    expect(r.atFirstWrite).toBe('');
    expect(r.stdout).not.toContain(plan.stdout.split('\n')[0]);
    expect(r.stdout).toMatch(/Apply: \d+ applied, 0 failed, 0 skipped/);
  });

  it('--progress shows the read, apply and verify phases with done/total, rate, ETA and failures', async () => {
    const e = await setup();
    const r = await runInProcess(['apply', EXAMPLE, '--auto-approve', '--progress', '--quiet'], e.env, e.dir);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toMatch(/^read 1\/1 .*· 0 failed — Planned acme\.example\.com/m);
    expect(r.stderr).toMatch(/^apply 1\/\d+ .*· 0 failed — applied /m);
    expect(r.stderr).toMatch(/^apply (\d+)\/\1 · [\d.]+\/s · 0 failed/m);
    expect(r.stderr).toMatch(/ETA \d+:\d\d/);
    expect(r.stderr).toMatch(/^verify acme\.example\.com: reading back/m);
  });
});
