/**
 * Setup file of the unit lane (vitest.config.mts): a unit test starts no subprocess. Every child_process
 * entry point throws, naming the command and the fix, so a test that needs git, Terraform or a built CLI
 * fails loudly in the unit lane instead of quietly making it slow. (Network stays possible: unit tests use
 * in-process servers such as the emulator.)
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

const ENTRY_POINTS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

export class SubprocessInUnitLaneError extends Error {
  constructor(entry: string, command: unknown) {
    super(
      `unit lane: ${entry}(${JSON.stringify(String(command))}) starts a subprocess. Unit tests run in-process; ` +
        'move this test under test/e2e/ (or inject the command so the unit test can replace it).',
    );
    this.name = 'SubprocessInUnitLaneError';
  }
}

const target = childProcess as unknown as Record<string, unknown>;
for (const entry of ENTRY_POINTS) {
  target[entry] = (command: unknown) => {
    throw new SubprocessInUnitLaneError(entry, command);
  };
}
// ES-module views of node:child_process (`import { spawn } from 'node:child_process'`) see the change too.
syncBuiltinESMExports();
