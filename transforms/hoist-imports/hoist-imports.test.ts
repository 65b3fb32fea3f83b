/** hoist-imports: fixture cases (moves, merges, placement, and every "leave it" rule). */
import { describe } from 'vitest';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';

describe('hoist-imports fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});
