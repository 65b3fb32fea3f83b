/** insert-guard-call: the fixture cases beside it, planned on their small repositories. */
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { loadPython } from '../../src/python/parser.js';
import { checkPlanCase, planCases } from '../../test/integration/add-code-support.js';
import { guardCallOptions } from './options.js';
import { planGuardCalls } from './plan.js';

beforeAll(() => loadPython());

describe('insert-guard-call fixtures', () => {
  it.each(planCases(import.meta.dirname).map((c) => [path.basename(c), c]))('%s', (_name, dir) => {
    checkPlanCase(planGuardCalls, dir, guardCallOptions);
  });
});
