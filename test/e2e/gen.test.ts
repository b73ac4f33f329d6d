/**
 * `npm run gen` regenerates every generated file (.gitattributes, linguist-generated) and the committed
 * copies are fresh: in a clone of HEAD (node_modules linked, nothing else shared) the generated files are
 * first made stale, then `npm run gen` must leave `git status` clean.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function headCommit(): string | undefined {
  try {
    return git(ROOT, 'rev-parse', 'HEAD').trim();
  } catch {
    return undefined;
  }
}

const HEAD = headCommit();
if (!HEAD) console.warn(`SKIPPED test/e2e/gen.test.ts: ${ROOT} is not a git checkout (or git is missing)`);

/** Every generated output, made stale in a way `npm run gen` must undo (valid JSON stays valid JSON). */
function makeStale(repo: string): void {
  writeFileSync(join(repo, 'schemas', 'desired-state.schema.json'), '{}\n');
  writeFileSync(join(repo, 'provider', 'schema', 'netsapiens.schema.json'), '{}\n');
  writeFileSync(join(repo, 'provider', 'schema', 'get-provider-schema.json'), '{}\n');
  appendFileSync(join(repo, 'provider', 'bindings', 'index.ts'), '// stale\n');
  writeFileSync(join(repo, 'provider', 'bindings', 'stale.ts'), 'export {};\n');
  appendFileSync(join(repo, 'provider', 'plugin', 'proto', 'embedded.ts'), '// stale\n');
  // A precompiled validator of another schema: its code and its schema hash both differ.
  const validators = join(repo, 'reconciler', 'desired', 'validators.gen.js');
  writeFileSync(
    validators,
    readFileSync(validators, 'utf8')
      .replace(/"additionalProperties":false/g, '"additionalProperties":true')
      .replace(/desiredState: '[0-9a-f]+'/, "desiredState: 'stale'"),
  );
}

describe.skipIf(!HEAD)('npm run gen', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'pbxctl-gen-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('regenerates every generated file exactly as committed', () => {
    const repo = join(tmp, 'repo');
    git(tmp, 'clone', '--quiet', '--shared', '--no-checkout', ROOT, repo);
    git(repo, 'checkout', '--quiet', '--detach', HEAD!);
    symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'), 'dir');
    appendFileSync(join(repo, '.git', 'info', 'exclude'), '/node_modules\n');
    makeStale(repo);
    expect(git(repo, 'status', '--porcelain').split('\n').filter(Boolean)).toHaveLength(7);

    const terraformrc = join(tmp, 'terraformrc');
    writeFileSync(terraformrc, '');
    const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: terraformrc, NO_COLOR: '1' };
    execFileSync('npm', ['run', 'gen'], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 540_000 });

    const status = git(repo, 'status', '--porcelain', '--untracked-files=all');
    const diff = status ? git(repo, 'diff', '--stat') : '';
    expect(status, `npm run gen changed tracked files; run it and commit the result:\n${status}\n${diff}`).toBe('');
  }, 600_000);
});
