/**
 * A transform with a bug: it throws a plain TypeError from its own code, the way a real
 * transform's bug would (reading a property of undefined). The workflow tests map a
 * finding to it to show that the bug fails that finding only.
 */
import { z } from 'zod';
import { defineTransform } from '../../src/engine/contract.js';

const options = z.strictObject({ key: z.string().default('missing') });

function lookup(table: Record<string, { size: number }>, key: string): number {
  return (table[key] as { size: number }).size;
}

export default defineTransform({
  id: 'crashing-transform',
  languages: ['python'],
  reads: 'project',
  summary: 'crash on purpose',
  options,
  run(ctx) {
    lookup({}, ctx.options.key);
  },
});
