/** rewrite-pattern through the real engine: the fixture cases beside it (both languages). */
import { describe } from 'vitest';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';

describe('rewrite-pattern fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});
