import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { E2E_ONLY } from './test/e2e-suite.js';

/** What every test run shares (`npm test`, and `npm run test:e2e` in vitest.e2e.config.ts). */
export const shared: NonNullable<ViteUserConfig['test']> = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks',
  // Most tests wait on child processes (the CLI, git, python): two workers keep both cores busy.
  maxWorkers: 2,
  setupFiles: ['test/setup.ts'],
};

export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.test.ts', 'transforms/**/*.test.ts', 'src/**/*.test.ts'],
    // Slow whole-fixture runs: `npm run test:e2e`.
    exclude: ['**/node_modules/**', ...E2E_ONLY],
  },
});
