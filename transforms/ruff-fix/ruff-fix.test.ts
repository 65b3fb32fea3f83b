/** ruff-fix: fixture cases (the string-operand trap, whitespace inside a docstring with and without --unsafe, a refusal). */
import { describe } from 'vitest';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';

describe('ruff-fix fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});
