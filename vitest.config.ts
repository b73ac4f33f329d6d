import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'examples/**', 'provider/bindings/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { CHECKPOINT_DISABLE: '1', NO_COLOR: '1' },
  },
});
