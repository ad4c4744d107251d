import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The page's modules (web/src, Preact JSX) are imported by test/web/model.test.ts.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start their own dynalite on a random port; two cores, so keep workers modest.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The functions log a line per request and flush metrics to stdout (as in Lambda); tests that read them turn
    // them on themselves (test/observability.test.ts).
    env: { POWERTOOLS_LOG_LEVEL: 'WARN', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});
