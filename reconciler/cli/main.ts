#!/usr/bin/env node
/**
 * `pbxctl` — the only place that prints and exits. Library errors are typed; this maps them to messages
 * and exit codes (design.md §6.5):
 *   0 ok / no changes · 1 error · 2 changes present (--detailed-exitcode; drift) · 3 blocked by policy · 4 partial apply
 */
import { runCli } from './run-cli';

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  stdinIsTty: process.stdin.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  stdoutIsTty: process.stdout.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Last line of defence: never a stack trace for the user; a bug report hint instead.
    process.stderr.write(`pbxctl: internal error: ${err instanceof Error ? err.message : String(err)}\n(set PBXCTL_DEBUG=1 for details)\n`);
    if (process.env.PBXCTL_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    process.exitCode = 1;
  },
);
