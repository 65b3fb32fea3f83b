/** extract-shared-helpers: project fixture cases (identical, renamed locals, divergent, guarded parameter, refusals). */
import { describe } from 'vitest';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';

describe('extract-shared-helpers fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});
