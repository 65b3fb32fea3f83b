/** add-missing-import: fixture cases (a stdlib module into its block, a project name, ambiguous and wrong-statement refusals). */
import { describe } from 'vitest';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';

describe('add-missing-import fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});
