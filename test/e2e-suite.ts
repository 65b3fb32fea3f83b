/**
 * The slow end-to-end runs on whole fixtures that `npm test` leaves out to stay under
 * about five minutes on two cores; `npm run test:e2e` runs them (and only them). The
 * contract tests of each fixture — a whole phase applied and verified on
 * fastapi-platform, inventory-service and web-app — stay in `npm test`; these go deeper
 * into single transforms and findings on the same fixtures.
 */
export const E2E_ONLY: readonly string[] = [
  'test/integration/structural-code-fixes.test.ts',
  'test/integration/extract-dead-code.test.ts',
  'test/integration/rename-hoist.test.ts',
  'test/integration/web-app-f02-f06-f07.test.ts',
  'test/integration/add-code-cli.test.ts',
  'test/integration/hoist-and-route-table.test.ts',
  'test/integration/missing-import-ruff-fix.test.ts',
  'test/integration/rewrite-pattern.test.ts',
  'test/integration/route-table-hoist-cli.test.ts',
];
