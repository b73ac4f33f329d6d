import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'examples/**', 'provider/bindings/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report lets .ci/run print the 'N passed, N failed' line CI counts.
    reporters: ['default', ['json', { outputFile: 'dist/test-report.json' }]],
    env: { CHECKPOINT_DISABLE: '1', NO_COLOR: '1' },
  },
});
