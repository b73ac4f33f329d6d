import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputs } from '../actions-io';
import { runCiCommand } from '../ci-command';

export interface CiRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

/** A temporary directory standing in for a runner: GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files inside it. */
export function makeRunner(prefix = 'pbxctl-ci-'): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    env: {
      GITHUB_REPOSITORY: 'acme/phone-config',
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '4242',
    },
  };
}

/** Run `pbxctl ci …` in-process with fresh output/summary files; returns what it wrote. */
export async function runCi(argv: string[], options: { env?: NodeJS.ProcessEnv; cwd: string }): Promise<CiRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'pbxctl-ci-run-'));
  const outputFile = join(scratch, 'output');
  const summaryFile = join(scratch, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  let stdout = '';
  let stderr = '';
  const code = await runCiCommand(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: { ...options.env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile },
    cwd: options.cwd,
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}
