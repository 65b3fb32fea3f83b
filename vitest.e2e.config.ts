import { defineConfig } from 'vitest/config';
import { E2E_ONLY } from './test/e2e-suite.js';
import { shared } from './vitest.config.js';

/** `npm run test:e2e`: only the slow whole-fixture runs that `npm test` leaves out. */
export default defineConfig({ test: { ...shared, include: [...E2E_ONLY] } });
