/**
 * End to end, as a user runs it: the emulator and the built CLI as separate processes talking HTTP.
 * Needs `npm run build` (npm test runs it first).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY } from '../../emulator';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/reconciler/cli/main.js');
const EXAMPLE = join(ROOT, 'examples/small-office');

let emulator: ChildProcess;
let url = '';
const work = mkdtempSync(join(tmpdir(), 'pbxctl-e2e-'));

function pbxctl(args: string[], extraEnv: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd: work,
    env: {
      PATH: process.env.PATH,
      NS_API_URL: url,
      NS_API_KEY: DEFAULT_API_KEY,
      VM_PIN_1000: '4821',
      VM_PIN_1001: '2468',
      CI: 'true',
      ...extraEnv,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  emulator = spawn(
    process.execPath,
    [
      CLI,
      'emulator',
      '--port',
      '0',
      '--seed',
      join(ROOT, 'examples/demo/seed.yaml'),
      '--state',
      join(work, 'state.json'),
    ],
    {
      env: { PATH: process.env.PATH, NS_API_KEY: DEFAULT_API_KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  url = await new Promise<string>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`emulator did not start: ${out}`)), 30_000);
    emulator.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1] as string);
      }
    });
    emulator.on('exit', (code) => rej(new Error(`emulator exited ${code}: ${out}`)));
  });
});

afterAll(() => {
  emulator?.kill('SIGTERM');
});

describe('pbxctl as separate processes against the emulator', () => {
  it('plan → apply → plan shows zero changes', () => {
    const first = pbxctl(['plan', EXAMPLE, '--detailed-exitcode']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(2);
    expect(first.stdout).toMatch(/\+ create user 1002 \(Alan Turing\)/);
    expect(first.stdout).toMatch(/~ update user 1001 \(Ada Lovelace\)/);
    expect(first.stdout).toMatch(/department: "Marketing" → "Sales"/);
    expect(first.stdout).toMatch(/! unmanaged user 1099/);

    // Every change the plan listed is applied (the count follows examples/small-office).
    const planned = /Plan: (\d+) to create, (\d+) to update, (\d+) to recycle, (\d+) to delete/.exec(first.stdout);
    expect(planned).not.toBeNull();
    const total = planned!.slice(1).reduce((n, x) => n + Number(x), 0);
    expect(total).toBeGreaterThan(0);
    const apply = pbxctl(['apply', EXAMPLE, '--auto-approve']);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain(`${total} applied, 0 failed, 0 skipped`);

    const again = pbxctl(['plan', EXAMPLE, '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/No changes/);
  });

  it('export of the domain plans to zero changes', () => {
    const exported = pbxctl(['export', '--domain', 'acme.example.com', '--out', 'export/acme.yaml']);
    expect(exported.code).toBe(0);
    const plan = pbxctl(['plan', join(work, 'export'), '--detailed-exitcode']);
    expect(plan.stdout).toMatch(/No changes/);
    expect(plan.code).toBe(0);
  });

  it('validate prints a duplicate and a reserved extension with file:line:column, exit 1, no stack trace', () => {
    writeFileSync(
      join(work, 'bad.yaml'),
      'version: 1\ndomain: acme.example.com\nusers:\n  - { extension: "1001", first_name: A, last_name: B }\n  - { extension: "1001", first_name: C, last_name: D }\n  - { extension: "911", first_name: E, last_name: F }\n',
    );
    const res = pbxctl(['validate', 'bad.yaml']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      /^bad\.yaml:5:18: users\[1\]\.extension: duplicate extension 1001 \(also at bad\.yaml:4:18\)/m,
    );
    expect(res.stderr).toMatch(/^bad\.yaml:6:18: users\[2\]\.extension: extension 911 is reserved/m);
    expect(res.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(res.stdout).toBe('');
  });

  it('missing credentials and unknown flags are clear errors, not stack traces', () => {
    const noCreds = pbxctl(['plan', EXAMPLE], { NS_API_URL: '', NS_API_KEY: '' });
    expect(noCreds.code).toBe(1);
    expect(noCreds.stderr).toMatch(/set NS_API_URL .* and NS_API_KEY/);
    const badFlag = pbxctl(['plan', EXAMPLE, '--frobnicate']);
    expect(badFlag.code).toBe(1);
    expect(badFlag.stderr).toMatch(/Unknown option '--frobnicate'/);
    const wrongKey = pbxctl(['plan', EXAMPLE], { NS_API_KEY: 'nsd_not_the_right_key' });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/401/);
    expect(wrongKey.stderr).not.toContain('nsd_not_the_right_key');
  });

  it('welcome sends the e-mail on demand', () => {
    const res = pbxctl(['welcome', '--domain', 'acme.example.com', '1001', '4242']);
    expect(res.code).toBe(4);
    expect(res.stdout).toMatch(/welcome e-mail sent to 1001/);
    expect(res.stderr).toMatch(/4242: user 4242 does not exist/);
  });
});
