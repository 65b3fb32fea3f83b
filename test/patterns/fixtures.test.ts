/**
 * The rewrite planner on the fixtures' real code: B-QUAL-02 on lambda-backend, F-05 on
 * web-app (see each fixture's docs/EXPECTED.md for the exact change and the traps).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edit.js';
import { planRewrite } from '../../src/patterns/rewrite.js';
import { REPO_ROOT } from '../helpers.js';

function read(fixture: string, files: readonly string[]) {
  return files.map((p) => ({
    path: p,
    text: fs.readFileSync(path.join(REPO_ROOT, 'fixtures', fixture, p), 'utf8'),
  }));
}

describe('fixtures', () => {
  it('B-QUAL-02: dict/Mapping[str, object] -> [str, Any] in the two named files, all safe', () => {
    const files = read('lambda-backend', [
      'backend/src/app/api/assets/user_assets.py',
      'backend/src/app/api/assets/public_assets.py',
    ]);
    const plan = planRewrite({
      scope: 'named',
      files,
      rules: [
        { pattern: 'dict[str, object]', replacement: 'dict[str, Any]' },
        { pattern: 'Mapping[str, object]', replacement: 'Mapping[str, Any]' },
      ],
    });
    expect(plan.problems).toEqual([]);
    expect(plan.files.map((f) => [f.path, f.fixes.length])).toEqual([
      ['backend/src/app/api/assets/user_assets.py', 8],
      ['backend/src/app/api/assets/public_assets.py', 9],
    ]);
    for (const f of plan.files) {
      expect(f.imports).toEqual([{ module: 'typing', name: 'Any' }]);
      expect(f.removals).toEqual([]);
      expect(f.fixes.every((x) => x.applicability === 'safe')).toBe(true);
      const after = applyEdits(
        files.find((s) => s.path === f.path)!.text,
        f.fixes.flatMap((x) => x.edits),
      );
      expect(after).not.toContain('object]');
    }
  });

  it("F-05: 'HKD' -> getDefaultCurrencyCode() at the two named sites only", () => {
    const files = read('web-app', [
      'src/components/pricing/PriceTag.tsx',
      'src/app/api/bookings/route.ts',
    ]);
    const plan = planRewrite({
      scope: 'named',
      files,
      rules: [{ pattern: "'HKD'", replacement: 'getDefaultCurrencyCode()' }],
      imports: [{ module: '@/lib/config', name: 'getDefaultCurrencyCode' }],
      intended: true,
    });
    expect(plan.problems).toEqual([]);
    expect(plan.files.map((f) => [f.path, f.fixes.map((x) => x.applicability)])).toEqual([
      ['src/components/pricing/PriceTag.tsx', ['safe']],
      ['src/app/api/bookings/route.ts', ['safe']],
    ]);
    for (const f of plan.files) {
      expect(f.imports).toEqual([{ module: '@/lib/config', name: 'getDefaultCurrencyCode' }]);
    }
  });

  it('fastapi-platform 1.4, CF-15 and 3.8: the named sites only, with their import edits', () => {
    const plan = (files: string[], rules: { pattern: string; replacement: string }[]) =>
      planRewrite({
        scope: 'named',
        files: read('fastapi-platform', files),
        rules,
        intended: true,
      });
    const cors = plan(
      ['backend/app/main.py'],
      [
        { pattern: 'allow_methods=["*"]', replacement: 'allow_methods=["GET"]' },
        { pattern: 'allow_headers=["*"]', replacement: 'allow_headers=["Accept"]' },
      ],
    );
    expect(cors.problems).toEqual([]);
    expect(cors.files.map((f) => f.fixes.length)).toEqual([2]);
    const debug = plan(
      ['packages/infra-fastapi/src/praecepta/infra/fastapi/error_handlers.py'],
      [{ pattern: 'os.environ.get("DEBUG")', replacement: 'request.app.debug' }],
    );
    expect(debug.problems).toEqual([]);
    expect(debug.files.map((f) => [f.fixes.length, f.imports, f.removals])).toEqual([
      [1, [], [{ module: 'os' }]],
    ]);
    const routers = plan(
      ['backend/app/routers/catalog.py', 'backend/app/routers/bookmarks.py'],
      [{ pattern: 'dict[str, object]', replacement: 'dict[str, Any]' }],
    );
    expect(routers.problems).toEqual([]);
    expect(routers.files.map((f) => [f.fixes.length, f.imports])).toEqual([
      [6, [{ module: 'typing', name: 'Any' }]],
      [4, [{ module: 'typing', name: 'Any' }]],
    ]);
  });
});
