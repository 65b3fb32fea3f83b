/** remove-dead-code: fixture cases (dead helpers, whole modules, refusals listing references, already removed) and infer on seed 000 and fastapi-platform. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFindings } from '../../src/findings/index.js';
import type { Finding } from '../../src/findings/types.js';
import { makeFinding } from '../../test/finding-builder.js';
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

  it('reads fastapi-platform 1.6 ("Delete `backend/main.py`; ...") as deleting the module', async () => {
    const doc = path.resolve(import.meta.dirname, '../../fixtures/fastapi-platform/docs/AUDIT.md');
    const found = (await readFindings([doc])).findings;
    expect(recognizer.infer(found.find((f) => f.id === '1.6')!)).toEqual({
      file: 'backend/main.py',
      deleteFile: true,
    });
    expect(found.filter((f) => recognizer.infer(f)).map((f) => f.id)).toEqual(['1.6']);
  });

  it('reads inventory-service TD-005 as the unreachable `return None` of update_preferences', async () => {
    const doc = path.resolve(import.meta.dirname, '../../fixtures/inventory-service/docs/AUDIT.md');
    const found = (await readFindings([doc])).findings;
    expect(recognizer.infer(found.find((f) => f.id === 'TD-005')!)).toEqual({
      file: 'backend/api/auth.py',
      unreachableIn: 'update_preferences',
      statement: 'return None',
    });
    expect(found.filter((f) => recognizer.infer(f)).map((f) => f.id)).toEqual(['TD-005']);
  });

  it('takes the tests the fix names with the module, and leaves a fix deleting two modules', () => {
    const fix = (text: string) =>
      recognizer.infer(makeFinding({ id: 'X-1', title: 'Old export', sections: { Fix: text } }));
    expect(
      fix('Delete `reports/legacy_export.py` and its tests `tests/test_legacy_export.py`.'),
    ).toEqual({
      file: 'reports/legacy_export.py',
      deleteFile: true,
      tests: ['tests/test_legacy_export.py'],
    });
    expect(fix('Delete `reports/a.py` and `reports/b.py`.')).toBeUndefined();
    expect(fix('Remove `reports/a.py`’s fallback branch.')).toBeUndefined();
  });

  it('claims no other finding of the seeds (unused code that should be called is not dead)', async () => {
    const claimed: string[] = [];
    for (const n of ['000', '001', '002', '003', '004'] as const) {
      for (const f of await seedFindings(n)) if (recognizer.infer(f)) claimed.push(`${n}:${f.id}`);
    }
    expect(claimed).toEqual(['000:B-ARCH-05']);
  });
});
