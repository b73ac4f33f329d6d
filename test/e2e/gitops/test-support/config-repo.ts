/** The config repository of a GitOps test world: a real git repository in a temporary directory. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
export const CLI_MAIN = join(REPO_ROOT, 'dist', 'reconciler', 'cli', 'main.js');

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Office Manager',
      GIT_AUTHOR_EMAIL: 'om@acme.example.com',
      GIT_COMMITTER_NAME: 'Office Manager',
      GIT_COMMITTER_EMAIL: 'om@acme.example.com',
    },
  }).trim();
}

/** Write (string) or delete (null) files relative to `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string | null>>): void {
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    if (text === null) rmSync(path, { recursive: true, force: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
}

/**
 * The config repository "on GitHub": a git repository with a `main` branch holding `domains/` and a copy of
 * this repository's `.github/` (so the workflows and the setup action are the ones under test).
 */
export class ConfigRepo {
  constructor(readonly dir: string) {}

  static create(parent: string, files: Readonly<Record<string, string | null>>): ConfigRepo {
    const dir = join(parent, 'origin');
    mkdirSync(dir, { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    cpSync(join(REPO_ROOT, '.github'), join(dir, '.github'), { recursive: true });
    writeFiles(dir, {
      'package.json': `${JSON.stringify({ private: true, devDependencies: { pbxctl: '0.1.0' } }, null, 2)}\n`,
      ...files,
    });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Initial desired state');
    return new ConfigRepo(dir);
  }

  sha(ref = 'HEAD'): string {
    return git(this.dir, 'rev-parse', ref);
  }

  /** Commit `files` on `branch` (created from `from` when new); returns the commit sha. */
  commit(branch: string, files: Readonly<Record<string, string | null>>, message: string, from = 'main'): string {
    const exists = git(this.dir, 'branch', '--list', branch) !== '';
    git(this.dir, 'checkout', '-q', exists ? branch : '-b', ...(exists ? [] : [branch, from]));
    writeFiles(this.dir, files);
    git(this.dir, 'add', '-A');
    git(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
    const sha = this.sha();
    git(this.dir, 'checkout', '-q', 'main');
    return sha;
  }

  /**
   * The commit GitHub builds for `refs/pull/N/merge` (the PR head merged into the base tip); it is what a
   * pull_request workflow checks out and what `github.sha` is. Kept reachable under refs/pull/merge-<head>.
   */
  testMergeCommit(head: string, base = 'main'): string {
    git(this.dir, 'checkout', '-q', '--detach', base);
    git(this.dir, 'merge', '-q', '--no-ff', '-m', `Merge ${head.slice(0, 7)} into ${base}`, head);
    const sha = this.sha();
    git(this.dir, 'update-ref', `refs/pull/merge-${head}`, sha);
    git(this.dir, 'checkout', '-q', 'main');
    return sha;
  }

  /** Merge `head` into main with a merge commit (the "Merge pull request" button); returns the new main sha. */
  merge(head: string, message = 'Merge pull request'): string {
    git(this.dir, 'checkout', '-q', 'main');
    git(this.dir, 'merge', '-q', '--no-ff', '-m', message, head);
    return this.sha();
  }
}

export function tempRoot(prefix = 'pbxctl-gitops-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
