#!/usr/bin/env node
/**
 * `pbxctl` — the only place that prints and exits. Library errors are typed; this maps them to messages
 * and exit codes (design.md §6.5):
 *   0 ok / no changes · 1 error · 2 changes present (--detailed-exitcode; drift) · 3 blocked by policy · 4 partial apply
 */
import type { CliIo } from './run-cli';

const io: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  stdinIsTty: process.stdin.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  stdoutIsTty: process.stdout.isTTY === true,
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
