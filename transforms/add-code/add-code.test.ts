/** add-code: the fixture cases beside it, planned on their small repositories. */
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { loadPython } from '../../src/python/parser.js';
import { checkPlanCase, planCases } from '../../test/integration/add-code-support.js';
import { addCodeOptions } from './options.js';
import { planAddCode } from './plan.js';

beforeAll(() => loadPython());

describe('add-code fixtures', () => {
  it.each(planCases(import.meta.dirname).map((c) => [path.basename(c), c]))('%s', (_name, dir) => {
    checkPlanCase(planAddCode, dir, addCodeOptions);
  });
});
