/**
 * Must-show 3: on a fresh clone, `npm ci` passes (npm on PATH, and npm 10 when the registry can provide it), and
 * `npm install` leaves package-lock.json byte-identical.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onPath, REPO_ROOT, run, Scratch, show } from './install-helpers';

const HAVE_TOOLS = onPath('npm') && onPath('npx') && onPath('git');
if (!HAVE_TOOLS) console.warn('\n*** lock-file E2E SKIPPED: npm, npx or git not on PATH ***\n');

const scratch = new Scratch();
afterAll(() => scratch.cleanup(), 60_000);

async function freshClone(): Promise<string> {
  const clone = join(scratch.dir('lock'), 'pbxctl');
  const r = await run('git', ['clone', '-q', REPO_ROOT, clone], { cwd: REPO_ROOT, timeoutMs: 120_000 });
  expect(r.code, show(r)).toBe(0);
  return clone;
}

const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline'];

describe.skipIf(!HAVE_TOOLS)('package-lock.json on a fresh clone', () => {
  it('npm ci passes (prepare builds dist/); npm install then leaves the lock file byte-identical', async () => {
    const clone = await freshClone();
    const lock = readFileSync(join(clone, 'package-lock.json'));
    const manifest = readFileSync(join(clone, 'package.json'));
    const ci = await run('npm', ['ci', ...NPM_FLAGS], { cwd: clone, timeoutMs: 900_000 });
    expect(ci.code, show(ci)).toBe(0);
    expect(existsSync(join(clone, 'dist', 'reconciler', 'cli', 'main.js'))).toBe(true);
    expect(readFileSync(join(clone, 'package-lock.json')).equals(lock)).toBe(true);

    const install = await run('npm', ['install', ...NPM_FLAGS], { cwd: clone, timeoutMs: 900_000 });
    expect(install.code, show(install)).toBe(0);
    const after = readFileSync(join(clone, 'package-lock.json'));
    expect(after.equals(lock), 'npm install rewrote package-lock.json').toBe(true);
    expect(readFileSync(join(clone, 'package.json')).equals(manifest)).toBe(true);
  }, 1_800_000);

  it('npm 10 ci passes on a fresh clone', async () => {
    const clone = await freshClone();
    const probe = await run('npx', ['-y', 'npm@10', '--version'], { cwd: clone, timeoutMs: 300_000 });
    if (probe.code !== 0 || !/^10\./.test(probe.stdout.trim())) {
      console.warn(`\n*** npm 10 could not be obtained from the registry: npm 10 ci NOT TESTED ***\n${show(probe)}\n`);
      return;
    }
    const lock = readFileSync(join(clone, 'package-lock.json'));
    // --ignore-scripts: the lock file is what is under test here (the npm 11 run above covers prepare).
    const ci = await run('npx', ['-y', 'npm@10', 'ci', '--ignore-scripts', ...NPM_FLAGS], {
      cwd: clone,
      timeoutMs: 900_000,
    });
    expect(ci.code, show(ci)).toBe(0);
    expect(existsSync(join(clone, 'node_modules', 'typescript', 'package.json'))).toBe(true);
    expect(readFileSync(join(clone, 'package-lock.json')).equals(lock)).toBe(true);
    rmSync(join(clone, 'node_modules'), { recursive: true, force: true });
  }, 1_800_000);
});
