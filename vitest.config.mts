import { defineConfig } from 'vitest/config';

/**
 * Two lanes (README, Development):
 * - unit: every *.test.ts outside test/e2e/, beside its module; in-process only (tools/lanes/unit-guard.ts
 *   makes any subprocess throw); no Terraform, no network beyond in-process servers.
 * - e2e: test/e2e/** (built CLI, real Terraform, git, workflows, `npm run gen`).
 * `npm test` runs both in one vitest run, so dist/test-report.json counts both lanes for .ci/run.
 */

/**
 * End-to-end tests that still live outside test/e2e/ (they spawn git, Terraform or dist/). Temporary: each
 * moves under test/e2e/ and leaves this list; the layout alone then decides the lane.
 */
export const E2E_OUTSIDE_TEST_E2E: readonly string[] = [];

const E2E = ['test/e2e/**/*.test.ts', ...E2E_OUTSIDE_TEST_E2E];
const NEVER = ['node_modules/**', 'dist/**', 'examples/**', 'provider/bindings/**', 'vendor/**'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report lets .ci/run print the 'N passed, N failed' line CI counts (both lanes, one run).
    reporters: ['default', ['json', { outputFile: 'dist/test-report.json' }]],
    env: { CHECKPOINT_DISABLE: '1', NO_COLOR: '1' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...NEVER, ...E2E],
          setupFiles: ['tools/lanes/unit-guard.ts'],
          // In-process tests share one module graph per worker (no re-import per file: import time fell from
          // 41 s to 11 s) and both cores run them (vitest's default on 2 cores is one worker). A unit test
          // therefore leaves no global state behind (it restores env, timers and patched modules it changes).
          isolate: false,
          maxWorkers: 2,
          // Projects with different worker counts must run in separate groups: the unit lane first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        // Workflow and Terraform tests run several processes each; on a busy 2-core machine 60 s was not enough.
        test: { name: 'e2e', include: E2E, exclude: NEVER, testTimeout: 300_000, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
