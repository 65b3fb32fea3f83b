/** remove-dead-code: fixture cases (dead helpers, refusals listing references, already removed) and infer on seed 000. */
import { describe, expect, it } from 'vitest';
import { readFindings } from '../../src/findings/index.js';
import type { Finding } from '../../src/findings/types.js';
import { seedPath } from '../../test/findings/helpers.js';
import { defineFixtureTests } from '../../test/harness.js';
import transform from './index.js';
import { recognizer } from './recognizer.js';

describe('remove-dead-code fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});

async function seedFindings(n: '000' | '001' | '002' | '003' | '004'): Promise<readonly Finding[]> {
  return (await readFindings([seedPath(n)])).findings;
}

describe('remove-dead-code infer', () => {
  it('reads B-ARCH-05: the module and _parse_path with its two helpers', async () => {
    const arch05 = (await seedFindings('000')).find((f) => f.id === 'B-ARCH-05')!;
    expect(recognizer.infer(arch05)).toEqual({
      file: 'backend/src/app/api/admin_request.py',
      names: ['_parse_path', '_strip_version_prefix', '_is_version_segment'],
    });
  });

  it('claims no other finding of the seeds (unused code that should be called is not dead)', async () => {
    const claimed: string[] = [];
    for (const n of ['000', '001', '002', '003', '004'] as const) {
      for (const f of await seedFindings(n)) if (recognizer.infer(f)) claimed.push(`${n}:${f.id}`);
    }
    expect(claimed).toEqual(['000:B-ARCH-05']);
  });
});
