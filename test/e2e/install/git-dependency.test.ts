/**
 * Must-show 2: `npm install git+file://<clone>` in an empty directory gives a working `npx pbxctl --version`:
 * npm runs the package's `prepare` step (the TypeScript build) for a git dependency, so dist/ exists although
 * it is not in git.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { npmInstall, onPath, REPO_ROOT, run, Scratch, show } from './install-helpers';

const HAVE_TOOLS = onPath('npm') && onPath('npx') && onPath('git');
if (!HAVE_TOOLS) console.warn('\n*** git-dependency install E2E SKIPPED: npm, npx or git not on PATH ***\n');

const scratch = new Scratch();
afterAll(() => scratch.cleanup(), 60_000);

describe.skipIf(!HAVE_TOOLS)('npm install git+file://<clone>', () => {
  it('builds dist/ through prepare and yields a working npx pbxctl --version', async () => {
    const clone = join(scratch.dir('git-origin'), 'pbxctl');
    const cloned = await run('git', ['clone', '-q', REPO_ROOT, clone], { cwd: REPO_ROOT, timeoutMs: 120_000 });
    expect(cloned.code, show(cloned)).toBe(0);
    expect(existsSync(join(clone, 'dist'))).toBe(false);

    const project = scratch.dir('git-user');
    const installed = await npmInstall(project, `git+file://${clone}`, 900_000);
    expect(installed.code, show(installed)).toBe(0);
    const pkg = join(project, 'node_modules', 'pbxctl');
    expect(existsSync(join(pkg, 'dist', 'reconciler', 'cli', 'main.js'))).toBe(true);
    // The same allow-list as the tarball: no tests came along.
    expect(existsSync(join(pkg, 'test'))).toBe(false);
    expect(existsSync(join(pkg, 'dist', 'reconciler', 'cli', 'run-cli.test.js'))).toBe(false);

    const version = await run('npx', ['--no-install', 'pbxctl', '--version'], { cwd: project, timeoutMs: 60_000 });
    const expected = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')).version;
    expect(version.code, show(version)).toBe(0);
    expect(version.stdout.trim()).toBe(`pbxctl ${expected}`);
  }, 1_200_000);
});
