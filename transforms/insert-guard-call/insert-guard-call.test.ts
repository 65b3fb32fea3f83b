/** insert-guard-call: the fixture cases beside it, run through the engine by the harness. */
import { describe } from 'vitest';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';

describe('insert-guard-call fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});
