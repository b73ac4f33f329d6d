/**
 * Issue 14 #7 (CLI part): arguments a verb does not take are errors, named, exit 1 — not silently ignored.
 * Issue 14 #6 (CLI part): `pbxctl emulator --domain D` creates D and prints the exact export lines; pasting
 * them is enough for `export` and `plan` to work against it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../test-support/helpers';
import { EXIT } from '../../reconciler';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/reconciler/cli/main.js');

describe('unexpected CLI arguments', () => {
  const env = { PATH: process.env.PATH, NS_API_URL: 'http://127.0.0.1:1/ns-api/v2', NS_API_KEY: 'nsd_x' };
  const cases: [string[], string][] = [
    [['validate', 'examples/small-office', 'nonexistent-path'], 'validate: unexpected argument "nonexistent-path"'],
    [['plan', 'examples/small-office', 'a', 'b'], 'plan: unexpected arguments "a" "b"'],
    [['drift', 'examples/small-office', 'x'], 'drift: unexpected argument "x"'],
    [['apply', 'examples/small-office', 'x', '--auto-approve'], 'apply: unexpected argument "x"'],
    [['export', 'stray', '--domain', 'acme.example.com'], 'export: unexpected argument "stray"'],
    [['demo', 'now'], 'demo: unexpected argument "now"'],
    [['emulator', 'x'], 'emulator: unexpected argument "x"'],
  ];
  for (const [argv, message] of cases) {
    it(`${argv.join(' ')} → exit 1 naming the argument, nothing contacted`, async () => {
      const r = await runInProcess(argv, env, ROOT);
      expect(r.code).toBe(EXIT.error);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/internal error|ECONNREFUSED|at .*\.js:\d+/);
    });
  }
});

describe.skipIf(!existsSync(MAIN))('pbxctl emulator --domain', () => {
  it('creates the domain and prints export lines that work as printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-emu-'));
    const child = spawn(process.execPath, [MAIN, 'emulator', '--port', '0', '--domain', 'acme.example.com'], {
      cwd: dir,
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no export lines: ${out}`)), 20_000);
        child.stdout.on('data', (s: string) => {
          out += s;
          if (/Ctrl-C to stop/.test(out)) {
            clearTimeout(timer);
            res();
          }
        });
      });
      const exports = Object.fromEntries(
        [...out.matchAll(/^\s*export (NS_API_URL|NS_API_KEY)=(\S+)$/gm)].map((m) => [m[1], m[2]]),
      );
      expect(exports.NS_API_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ns-api\/v2$/);
      expect(exports.NS_API_KEY).toMatch(/^nsd_/);
      expect(out).toContain('Domains: acme.example.com');
      const env = { PATH: process.env.PATH, ...exports, CI: 'true' };
      const exported = await runInProcess(['export', '--domain', 'acme.example.com'], env, dir);
      expect(exported.code).toBe(EXIT.ok);
      expect(exported.stdout).toContain('domain: acme.example.com');
      writeFileSync(join(dir, 'acme.yaml'), exported.stdout);
      const plan = await runInProcess(['plan', 'acme.yaml', '--detailed-exitcode'], env, dir);
      expect(plan.code).toBe(EXIT.ok);
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.on('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
