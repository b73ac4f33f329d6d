/**
 * Issue 12 must-show 5, end to end as a user runs it: the built CLI as separate processes — `pbxctl emulator`
 * seeded with a portal-like domain, `pbxctl doctor --record DIR` against it (exit 2: it names what it cannot
 * decode), a second `pbxctl emulator --seed DIR`, then `pbxctl export` and `pbxctl plan` of the export against
 * that one: zero changes. The record holds none of the original names, e-mails, numbers, PINs or MACs.
 * Needs `npm run build` (npm test runs it first).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY } from '../../emulator';
import { FULL_PORTAL_SEED, PERSONAL, PORTAL_DOMAIN as D } from '../test-support/portal-seed';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/reconciler/cli/main.js');
const work = mkdtempSync(join(tmpdir(), 'pbxctl-e2e-record-'));
const running: ChildProcess[] = [];

function pbxctl(url: string, args: string[]) {
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd: work,
    env: { PATH: process.env.PATH, NS_API_URL: url, NS_API_KEY: DEFAULT_API_KEY, CI: 'true' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** `pbxctl emulator --port 0 --seed <seed>` as a process; resolves with its URL. */
async function emulator(seed: string): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--seed', seed], {
    cwd: work,
    env: { PATH: process.env.PATH, NS_API_KEY: DEFAULT_API_KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  return new Promise<string>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`emulator did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1] as string);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => rej(new Error(`emulator exited ${code}: ${out}`)));
  });
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  writeFileSync(join(work, 'portal.seed.json'), JSON.stringify(FULL_PORTAL_SEED));
});

afterAll(() => {
  for (const child of running) child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

describe('doctor --record → emulator --seed DIR → export → plan, as processes', () => {
  it('records without personal data, serves the record, and its export plans to zero changes', async () => {
    const source = await emulator('portal.seed.json');
    const doctor = pbxctl(source, ['doctor', '--domain', D, '--record', 'rec']);
    expect(doctor.code, doctor.stderr).toBe(2);
    expect(doctor.stdout).toContain('system-hunt');
    expect(doctor.stderr).toContain(`rec/${D}.seed.json`);

    const files = readdirSync(join(work, 'rec'));
    expect(files).toEqual([`${D}.seed.json`]);
    for (const f of files) {
      const bytes = readFileSync(join(work, 'rec', f));
      for (const secret of PERSONAL) expect(bytes.includes(Buffer.from(secret)), `${f}: "${secret}"`).toBe(false);
    }

    const served = await emulator('rec');
    const exported = pbxctl(served, ['export', '--domain', D, '--out', 'out/portal.yaml']);
    expect(exported.code, exported.stderr).toBe(0);
    const yaml = readFileSync(join(work, 'out/portal.yaml'), 'utf8');
    expect(yaml).toContain('ring_groups:');
    expect(yaml).toContain('phone_numbers:');
    const plan = pbxctl(served, ['plan', 'out', '--detailed-exitcode']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  }, 120_000);
});
