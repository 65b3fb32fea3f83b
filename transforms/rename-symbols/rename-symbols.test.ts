/** rename-symbols: project fixture cases (renames, refusals, warnings) and inference. */
import { describe } from 'vitest';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';

describe('rename-symbols fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});
