import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser journeys on a busy 2-core machine take up to a minute; a hang still fails, just later.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
