/**
 * Shared parts of the install end-to-end tests: temporary directories OUTSIDE the repository, processes run
 * asynchronously (the event loop keeps serving in-process fakes), the packed tarball, and `pbxctl emulator` as a
 * child process. Every directory and process a test creates is released by `Scratch.cleanup()`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve, sep } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const CLI_MAIN = join(REPO_ROOT, 'dist', 'reconciler', 'cli', 'main.js');
/** The emulator's key in these tests (any nsd_ key works: `pbxctl emulator` accepts NS_API_KEY). */
export const EMU_KEY = 'nsd_install_e2e_key_0123456789abcdef0123456789abcdef0123456789';

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Is `cmd` an executable on PATH? (For the loud skips.) */
export function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

/** The environment for child processes: this one without npm's per-run variables (npx/npm run set them). */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^npm_/i.test(k) && k !== 'INIT_CWD') env[k] = v;
  return { ...env, CHECKPOINT_DISABLE: '1', NO_COLOR: '1', ...extra };
}

export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<Result> {
  return new Promise((done, fail) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr?.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    const timer = setTimeout(() => killGroup(child), options.timeoutMs ?? 300_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/** One line for assertion messages. */
export function show(r: Result): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-4000)}`;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Temp dirs outside the repository and background processes, released together. */
export class Scratch {
  private readonly dirs: string[] = [];
  private readonly children: ChildProcess[] = [];

  dir(prefix: string): string {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), `pbxctl-${prefix}-`)));
    if (`${dir}${sep}`.startsWith(`${REPO_ROOT}${sep}`)) throw new Error(`${dir} is inside the repository`);
    this.dirs.push(dir);
    return dir;
  }

  /** `<command> <args>` (a `pbxctl emulator --port 0 …`) in the background; resolves with its URL. */
  async emulator(command: string, args: readonly string[], cwd: string, env: Record<string, string>) {
    const child = spawn(command, [...args], {
      cwd,
      env: { ...env, NS_API_KEY: EMU_KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.children.push(child);
    let out = '';
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`the emulator did not start within 60 s:\n${out}`)), 60_000);
      const onData = (s: string) => {
        out += s;
        const m = /listening on (\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          done(m[1]);
        }
      };
      child.stdout?.setEncoding('utf8').on('data', onData);
      child.stderr?.setEncoding('utf8').on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`the emulator exited (${code}) before listening:\n${out}`));
      });
    });
    return { url, env: { NS_API_URL: url, NS_API_KEY: EMU_KEY } };
  }

  async cleanup(): Promise<void> {
    for (const child of this.children) killGroup(child);
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((res) =>
            c.exitCode !== null || c.signalCode !== null ? res() : c.on('exit', () => res()),
          ),
      ),
    );
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** The seed for an emulator with one empty domain. */
export function emptyDomainSeed(domain: string): string {
  return `domains:\n  ${domain}:\n    domain: { description: Install test, time-zone: America/New_York }\n`;
}

/**
 * `npm pack` of this checkout (dist/ must be built: `npx tsc -p tsconfig.json`), without the prepare script so
 * a concurrent test's dist/ is not rebuilt underneath it. Returns the tarball and its file list.
 */
export async function packTarball(dest: string): Promise<{ tarball: string; files: string[] }> {
  if (!existsSync(CLI_MAIN)) throw new Error(`build first (npx tsc -p tsconfig.json): ${CLI_MAIN} is missing`);
  const r = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], {
    cwd: REPO_ROOT,
    timeoutMs: 120_000,
  });
  if (r.code !== 0) throw new Error(`npm pack failed\n${show(r)}`);
  const [info] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(dest, info.filename), files: info.files.map((f) => f.path) };
}

/** npm install of a spec into `dir` (an empty project is created first). */
export async function npmInstall(dir: string, spec: string, timeoutMs = 600_000): Promise<Result> {
  const init = await run('npm', ['init', '-y'], { cwd: dir, timeoutMs: 60_000 });
  if (init.code !== 0) throw new Error(`npm init failed\n${show(init)}`);
  return run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', spec], { cwd: dir, timeoutMs });
}
