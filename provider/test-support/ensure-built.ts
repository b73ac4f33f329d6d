import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Repo root (this file lives in provider/test-support/ or dist/provider/test-support/). */
export const REPO_ROOT = findRoot(__dirname);

function findRoot(dir: string): string {
  let d = dir;
  while (!existsSync(join(d, 'package.json'))) {
    const up = join(d, '..');
    if (up === d) throw new Error(`no package.json above ${dir}`);
    d = up;
  }
  return d;
}

export const FIXTURE_ENTRY = join(REPO_ROOT, 'dist', 'provider', 'test-fixtures', 'main.js');

const SKIPPED_DIRS = new Set(['bindings', 'node_modules', 'test-support']);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    // test-support/ is never compiled (tsconfig.json excludes it; vitest runs it from source): watching it made
    // every test file rebuild dist/ while other workers' Terraform runs were starting the provider from it.
    if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) out.push(...sources(p));
    else if (e.isFile() && p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * The protocol and E2E tests spawn compiled JS. `npm test` builds first; when
 * dist/provider is missing or older than a provider or reconciler source, compile
 * just provider/ and what it imports (provider/tsconfig.provider.json, same dist/ layout).
 */
export function ensureProviderBuilt(): void {
  if (!isStale()) return;
  // Test files run in parallel workers: one builds, the others wait for it.
  const lock = join(REPO_ROOT, 'dist', '.provider-build.lock');
  mkdirSync(join(REPO_ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (!isStale()) return;
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', 'provider/tsconfig.provider.json'], { cwd: REPO_ROOT, stdio: 'pipe' });
  } finally {
    rmdirSync(lock);
  }
}

/** provider/ imports reconciler/ (kinds, client, loader), so both are watched. */
export function isStale(): boolean {
  return [...sources(join(REPO_ROOT, 'provider')), ...sources(join(REPO_ROOT, 'reconciler'))].some((src) => {
    const js = join(REPO_ROOT, 'dist', relative(REPO_ROOT, src)).replace(/\.ts$/, '.js');
    return !existsSync(js) || statSync(js).mtimeMs < statSync(src).mtimeMs;
  });
}
