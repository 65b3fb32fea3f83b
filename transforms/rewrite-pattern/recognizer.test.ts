/**
 * The rewrite-pattern recognizer on the seed documents, the fixtures' audits and the
 * phrasings of issue #12 / #14: which findings it maps, with which rules, files and
 * imports — and the ones it must leave to other transforms or to a person.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import type { Finding } from '../../src/findings/types.js';
import { makeFinding } from '../../test/finding-builder.js';
import { finding, parseSeed } from '../../test/findings/helpers.js';
import { REPO_ROOT } from '../../test/helpers.js';
import { declineRewrite, explainRewrite, inferRewriteOptions } from './recognizer.js';

function fixtureFinding(fixture: string, id: string): Finding {
  const doc = path.join(REPO_ROOT, 'fixtures', fixture, 'docs/AUDIT.md');
  return finding(parseFindingsDocument(fs.readFileSync(doc, 'utf8'), doc), id);
}

const prose = (body: string, files: string[] = []) =>
  makeFinding({
    id: 'X-1',
    body,
    sections: { Fix: body },
    fileRefs: files.map((p) => ({ path: p, symbols: [], role: 'modify' as const })),
  });

describe('rewrite-pattern recognizer', () => {
  it('B-QUAL-02 (seed 000 and lambda-backend): two pairwise rules, the two files the sentence names', () => {
    for (const f of [
      finding(parseSeed('000'), 'B-QUAL-02'),
      fixtureFinding('lambda-backend', 'B-QUAL-02'),
    ]) {
      expect(inferRewriteOptions(f)).toEqual({
        rules: [
          { pattern: 'dict[str, object]', replacement: 'dict[str, Any]' },
          { pattern: 'Mapping[str, object]', replacement: 'Mapping[str, Any]' },
        ],
        files: [
          'backend/src/app/api/assets/user_assets.py',
          'backend/src/app/api/assets/public_assets.py',
        ],
        intended: true,
      });
    }
  });

  it('1.4 (seed 004 and fastapi-platform): each quoted keyword argument restricted to its list', () => {
    for (const f of [finding(parseSeed('004'), '1.4'), fixtureFinding('fastapi-platform', '1.4')]) {
      expect(inferRewriteOptions(f)).toEqual({
        rules: [
          {
            pattern: 'allow_methods=["*"]',
            replacement: 'allow_methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"]',
          },
          {
            pattern: 'allow_headers=["*"]',
            replacement: 'allow_headers=["Authorization", "Content-Type", "Accept"]',
          },
        ],
        files: ['backend/app/main.py'],
        intended: true,
      });
    }
  });

  it('CF-15 (fastapi-platform): the one file the sentence names', () => {
    expect(inferRewriteOptions(fixtureFinding('fastapi-platform', 'CF-15'))).toEqual({
      rules: [{ pattern: 'os.environ.get("DEBUG")', replacement: 'request.app.debug' }],
      files: ['packages/infra-fastapi/src/praecepta/infra/fastapi/error_handlers.py'],
      intended: true,
    });
  });

  it('3.8 (fastapi-platform): "in those two routers" means the finding’s two files', () => {
    expect(inferRewriteOptions(fixtureFinding('fastapi-platform', '3.8'))).toEqual({
      rules: [{ pattern: 'dict[str, object]', replacement: 'dict[str, Any]' }],
      files: ['backend/app/routers/catalog.py', 'backend/app/routers/bookmarks.py'],
      intended: true,
    });
  });

  it('F-05 (web-app): the quoted literal, the files to modify, the import the finding gives', () => {
    expect(inferRewriteOptions(fixtureFinding('web-app', 'F-05'))).toEqual({
      rules: [{ pattern: "'HKD'", replacement: 'getDefaultCurrencyCode()' }],
      files: ['src/components/pricing/PriceTag.tsx', 'src/app/api/bookings/route.ts'],
      imports: [{ module: '@/lib/config', name: 'getDefaultCurrencyCode' }],
      intended: true,
    });
  });

  it('TD-004 (inventory-service): a replace phrase and its "and `C` with `D`" continuation', () => {
    expect(inferRewriteOptions(fixtureFinding('inventory-service', 'TD-004'))).toMatchObject({
      rules: [
        { pattern: 'datetime.utcnow()', replacement: 'datetime.now(timezone.utc)' },
        { pattern: 'logging.warn($$$ARGS)', replacement: 'logger.warning($$$ARGS)' },
      ],
      intended: true,
    });
  });

  it('SEC-001 (inventory-service): a before/after except clause for two files (not replace-snippet’s)', () => {
    expect(inferRewriteOptions(fixtureFinding('inventory-service', 'SEC-001'))).toEqual({
      rules: [
        {
          pattern:
            'except Exception as e:\n    raise HTTPException(status_code=500, detail=str(e))',
          replacement:
            'except Exception:\n    logger.exception("Unhandled error")\n    raise HTTPException(status_code=500, detail="Internal server error")',
        },
      ],
      files: ['backend/api/orders.py', 'backend/api/inventory.py'],
      intended: true,
    });
  });

  it('SR-002 (inventory-service): an inline pair, the fix quoting the problem’s code with one value changed', () => {
    expect(inferRewriteOptions(fixtureFinding('inventory-service', 'SR-002'))).toEqual({
      rules: [{ pattern: 'Query(50, ge=1, le=1000)', replacement: 'Query(50, ge=1, le=200)' }],
      files: ['backend/api/inventory.py'],
      intended: true,
    });
    // A value on its own (`30/min/user`) is not code with a shape to pair.
    expect(inferRewriteOptions(finding(parseSeed('004'), '2.7'))).toBeUndefined();
  });

  it('scopes a list item to the file its label names, and reads no rewrite into arrows', () => {
    const f = makeFinding({
      id: '5',
      fileRefs: ['apps/web/app/marketing/page.tsx', 'apps/web/app/users/page.tsx'].map((p) => ({
        path: p,
        symbols: [],
        role: 'modify' as const,
      })),
      body: "**Fix Strategy:**\n- Marketing page: Replace hardcoded 'h2o' with `getPageTenant('marketing')`\n- Users page: Use `useTenant()` hook",
    });
    expect(inferRewriteOptions(f)?.files).toEqual(['apps/web/app/marketing/page.tsx']);
    const flow = prose(
      'If `user_answers` has income → calls `generate_budget(user_answers)` → weights',
    );
    expect(inferRewriteOptions(flow)).toBeUndefined();
  });

  it('reads "use B instead of A", "A becomes B" and calls with any arguments', () => {
    expect(
      inferRewriteOptions(prose('Then use `app.debug` instead of `os.getenv("DEBUG")`.'))?.rules,
    ).toEqual([{ pattern: 'os.getenv("DEBUG")', replacement: 'app.debug' }]);
    const becomes = prose(
      "A `'HKD'` string literal in the named file becomes `getDefaultCurrencyCode()`.",
      ['src/a.ts'],
    );
    expect(inferRewriteOptions(becomes)).toMatchObject({
      rules: [{ pattern: "'HKD'", replacement: 'getDefaultCurrencyCode()' }],
      files: ['src/a.ts'],
    });
    expect(inferRewriteOptions(prose('Replace `print()` with `logger.info()`.'))?.rules).toEqual([
      { pattern: 'print($$$ARGS)', replacement: 'logger.info($$$ARGS)' },
    ]);
    expect(inferRewriteOptions(prose('Replace `List[T]` with `list[T]`.'))?.rules).toEqual([
      { pattern: 'List[$T]', replacement: 'list[$T]' },
    ]);
    expect(
      inferRewriteOptions(
        prose("Replace hardcoded 'h2o' with `getPageTenant('marketing')`.", ['app/page.tsx']),
      ),
    ).toMatchObject({ rules: [{ pattern: "'h2o'", replacement: "getPageTenant('marketing')" }] });
  });

  it('takes a one-line TS before/after pair, and the imports in the finding', () => {
    const f = makeFinding({
      id: 'X-2',
      fileRefs: [{ path: 'src/a.ts', symbols: [], role: 'modify' }],
      body: 'Use the shared formatter. Import `formatMoney` from `@/lib/money`.',
      codeBlocks: [
        { lang: 'ts', code: 'amount.toFixed(2)', role: 'before', line: 3 },
        { lang: 'ts', code: 'formatMoney(amount)', role: 'after', line: 7 },
      ],
    });
    expect(inferRewriteOptions(f)).toEqual({
      rules: [{ pattern: 'amount.toFixed(2)', replacement: 'formatMoney(amount)' }],
      files: ['src/a.ts'],
      imports: [{ module: '@/lib/money', name: 'formatMoney' }],
      intended: true,
    });
  });

  it('says why TD-003 (inventory-service) stays manual: its log message is left to the author', () => {
    const td003 = fixtureFinding('inventory-service', 'TD-003');
    expect(inferRewriteOptions(td003)).toBeUndefined();
    expect(declineRewrite(td003)).toBe(
      'the fix replaces `pass` with `logger.warning(..., exc_info=True)`, whose `...` (e.g. the log message) the document leaves to its author; no transform invents it: write it by hand, or map the finding in remedy.config.json with the full replacement',
    );
    // A rule with `...` on both sides keeps the arguments: nothing left out.
    expect(declineRewrite(prose('Replace `logging.warn(...)` with `logger.warning(...)`.'))).toBe(
      undefined,
    );
  });

  it('leaves renames, placeholders, Python snippet pairs and prose without code alone', () => {
    expect(inferRewriteOptions(prose('Replace `_parse_body` with `parse_body`.'))).toBeUndefined();
    expect(
      inferRewriteOptions(prose('Replace `pass` with `logger.warning(...)`.')),
    ).toBeUndefined();
    expect(inferRewriteOptions(prose('Rename `Home` → `HomePage` everywhere.'))).toBeUndefined();
    expect(
      inferRewriteOptions(prose('Replace the hard-coded limits with settings.')),
    ).toBeUndefined();
    const snippet = makeFinding({
      id: 'X-3',
      fileRefs: [{ path: 'app/api.py', symbols: [], role: 'modify' }],
      codeBlocks: [
        { lang: 'python', code: 'return json_response(500, detail)', role: 'before', line: 3 },
        { lang: 'python', code: 'return json_response(500)', role: 'after', line: 7 },
      ],
    });
    expect(inferRewriteOptions(snippet)).toBeUndefined();
  });

  it('explains the rules and flags a named file where the pattern cannot occur', () => {
    const qual02 = fixtureFinding('lambda-backend', 'B-QUAL-02');
    const options = inferRewriteOptions(qual02)!;
    const texts: Record<string, string> = {
      'backend/src/app/api/assets/user_assets.py': 'def f() -> dict[str, object]: ...\n',
      'backend/src/app/api/assets/public_assets.py': 'def f() -> dict[str, Any]: ...\n',
    };
    expect(explainRewrite(qual02, options, (p) => texts[p])).toEqual([
      'rewrite `dict[str, object]` -> `dict[str, Any]`',
      'rewrite `Mapping[str, object]` -> `Mapping[str, Any]`',
      "backend/src/app/api/assets/public_assets.py: the pattern's words do not occur in it (the document may be wrong about the code)",
    ]);
  });
});
