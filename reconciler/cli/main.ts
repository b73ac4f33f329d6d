#!/usr/bin/env node
/**
 * `pbxctl` — the only place that prints and exits. Library errors are typed; this maps them to messages
 * and exit codes (docs/design.md §6.5):
 *   0 ok / no changes · 1 error · 2 changes present (--detailed-exitcode; drift) · 3 blocked by policy · 4 partial apply
 *   · 130 apply interrupted by SIGINT/SIGTERM (stopped after the change in flight; audit and journal complete)
 */
import { execFileSync } from 'node:child_process';
import type { CliIo } from './io';

/** The commit `cwd` is at, for the audit record; undefined outside a git work tree or without git. */
function gitCommit(cwd: string): string | undefined {
  try {
    return (
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/**
 * During `apply`, SIGINT/SIGTERM do not kill the process: they abort the apply, which finishes the write in
 * flight, journals it and stops (exit 130). A second signal ends the process at once.
 */
function applySignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\npbxctl: stopping after the change in flight (signal again to quit at once)…\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}

const io: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  stdinIsTty: process.stdin.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  stdoutIsTty: process.stdout.isTTY === true,
  gitCommit,
  ...(process.argv[2] === 'apply' ? { signal: applySignal() } : {}),
};

async function main(argv: string[]): Promise<number> {
  // `pbxctl ci …` runs in every workflow step: load only the ci helpers, not the planner.
  if (argv[0] === 'ci') return (await import('../../gitops/ci-command')).runCiCommand(argv.slice(1), io);
  return (await import('./run-cli')).runCli(argv, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Last line of defence: never a stack trace for the user; a bug report hint instead.
    process.stderr.write(
      `pbxctl: internal error: ${err instanceof Error ? err.message : String(err)}\n(set PBXCTL_DEBUG=1 for details)\n`,
    );
    if (process.env.PBXCTL_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    process.exitCode = 1;
  },
);
