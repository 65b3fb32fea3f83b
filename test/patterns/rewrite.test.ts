/**
 * The rewrite planner (src/patterns) on real Python and TypeScript: matches in code and
 * annotations, metavariables, imports needed and left unused, applicability, and the
 * refusals (no match, ambiguous, overlap, unbound names, re-parse).
 */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edit.js';
import { stripIndent } from '../../src/core/text.js';
import { planRewrite, type RewriteRequest } from '../../src/patterns/rewrite.js';

type Partial = Omit<RewriteRequest, 'files' | 'scope'> & { scope?: RewriteRequest['scope'] };

/** Plan over one file; the text after every fix (whatever its applicability). */
function rewrite(path: string, source: string, request: Partial) {
  const text = stripIndent(source);
  const plan = planRewrite({ scope: 'named', ...request, files: [{ path, text }] });
  const file = plan.files[0];
  const after = file
    ? applyEdits(
        text,
        file.fixes.flatMap((f) => f.edits),
      )
    : text;
  return { plan, file, after, text };
}

const codes = (ds: readonly { code: string }[]) => ds.map((d) => d.code);

describe('Python', () => {
  it('rewrites annotations (parameters, returns, variables, nested) but not strings or comments', () => {
    const { plan, file, after } = rewrite(
      'api/user_assets.py',
      `
      from typing import Mapping

      def handle(event: Mapping[str, object]) -> dict[str, object]:
          # returns dict[str, object]
          body: dict[str, object] = {"doc": "dict[str, object]"}
          items: list[dict[str, object]] = []
          return body
      `,
      {
        rules: [
          { pattern: 'dict[str, object]', replacement: 'dict[str, Any]' },
          { pattern: 'Mapping[str, object]', replacement: 'Mapping[str, Any]' },
        ],
      },
    );
    expect(plan.problems).toEqual([]);
    expect(after).toContain('def handle(event: Mapping[str, Any]) -> dict[str, Any]:');
    expect(after).toContain('body: dict[str, Any] = {"doc": "dict[str, object]"}');
    expect(after).toContain('items: list[dict[str, Any]] = []');
    expect(after).toContain('# returns dict[str, object]');
    expect(file!.fixes.every((f) => f.applicability === 'safe')).toBe(true);
    expect(file!.imports).toEqual([{ module: 'typing', name: 'Any' }]);
    expect(codes(plan.diagnostics)).toContain('pattern/in-comment');
  });

  it('captures metavariables and composes nested matches', () => {
    const { plan, after } = rewrite('m.py', 'x = wrap(wrap(1), key=wrap(2))\n', {
      rules: [{ pattern: 'wrap($$$ARGS)', replacement: 'box($$$ARGS)' }],
      intended: true,
      imports: [{ module: 'lib', name: 'box' }],
    });
    expect(plan.problems).toEqual([]);
    expect(after).toBe('x = box(box(1), key=box(2))\n');
  });

  it('rewrites a keyword argument and drops nothing it still needs', () => {
    const { plan, file, after } = rewrite(
      'backend/app/main.py',
      `
      from fastapi.middleware.cors import CORSMiddleware

      def create_app(app):
          app.add_middleware(
              CORSMiddleware,
              allow_credentials=True,
              allow_methods=["*"],
              allow_headers=['*'],
          )
      ALLOW = dict(allow_methods=["GET"])
      `,
      {
        rules: [
          { pattern: 'allow_methods=["*"]', replacement: 'allow_methods=["GET", "POST"]' },
          { pattern: 'allow_headers=["*"]', replacement: 'allow_headers=["Authorization"]' },
        ],
        intended: true,
      },
    );
    expect(plan.problems).toEqual([]);
    expect(after).toContain('allow_methods=["GET", "POST"],');
    expect(after).toContain('allow_headers=["Authorization"],');
    expect(after).toContain('ALLOW = dict(allow_methods=["GET"])');
    expect(file!.fixes.map((f) => f.applicability)).toEqual(['safe', 'safe']);
    expect(file!.imports).toEqual([]);
  });

  it('uses a local the replacement needs, removes the import the pattern leaves, leaves a shadowed name', () => {
    const { plan, file, after } = rewrite(
      'error_handlers.py',
      `
      import os

      async def unhandled(request, exc):
          if os.environ.get("DEBUG"):
              return str(exc)
          return "error"

      def other(os):
          return os.environ.get("DEBUG")
      `,
      {
        rules: [{ pattern: 'os.environ.get("DEBUG")', replacement: 'request.app.debug' }],
        intended: true,
      },
    );
    expect(plan.problems).toEqual([]);
    expect(after).toContain('    if request.app.debug:');
    expect(after).toContain('    return os.environ.get("DEBUG")');
    expect(file!.removals).toEqual([{ module: 'os' }]);
    expect(codes(plan.diagnostics)).toContain('pattern/shadowed');
  });

  it('refuses a match where the replacement’s name is not defined', () => {
    const { plan } = rewrite(
      'main.py',
      `
      import os

      LEVEL = "DEBUG" if os.environ.get("DEBUG") else "INFO"
      `,
      {
        rules: [{ pattern: 'os.environ.get("DEBUG")', replacement: 'request.app.debug' }],
        intended: true,
      },
    );
    expect(codes(plan.problems)).toEqual(['pattern/unbound-name']);
    expect(plan.problems[0]).toMatchObject({ file: 'main.py', line: 3 });
    expect(plan.problems[0]!.message).toContain('`request`');
    expect(plan.problems[0]!.message).toContain('at module level');
  });

  it('refuses when the pattern matches nothing, naming the files; reports an already-applied rewrite', () => {
    const none = planRewrite({
      scope: 'named',
      rules: [{ pattern: 'dict[str, object]', replacement: 'dict[str, Any]' }],
      files: [
        { path: 'a.py', text: 'x: int = 1\n' },
        { path: 'b.py', text: '# dict[str, object]\n' },
      ],
    });
    expect(codes(none.problems)).toEqual(['pattern/no-match']);
    expect(none.problems[0]!.message).toContain('a.py, b.py');
    const done = planRewrite({
      scope: 'named',
      rules: [{ pattern: 'dict[str, object]', replacement: 'dict[str, Any]' }],
      files: [{ path: 'a.py', text: 'from typing import Any\n\nx: dict[str, Any] = {}\n' }],
    });
    expect(done.problems).toEqual([]);
    expect(done.files).toEqual([]);
    expect(codes(done.diagnostics)).toEqual(['pattern/already-applied']);
  });

  it('marks a value change unsafe unless intended, and a call in a default value unsafe', () => {
    const source = 'def f(currency="HKD"):\n    return g("HKD")\n';
    const notIntended = rewrite('m.py', source, {
      rules: [{ pattern: '"HKD"', replacement: 'default_currency()' }],
      imports: [{ module: 'app.config', name: 'default_currency' }],
    });
    expect(notIntended.file!.fixes.map((f) => f.applicability)).toEqual(['unsafe', 'unsafe']);
    const intended = rewrite('m.py', source, {
      rules: [{ pattern: '"HKD"', replacement: 'default_currency()' }],
      imports: [{ module: 'app.config', name: 'default_currency' }],
      intended: true,
    });
    expect(
      intended.file!.fixes.map((f) => [f.applicability, f.title.replace(/^.*\(/, '')]),
    ).toEqual([
      ['unsafe', 'the call runs once, when the function is defined, not at each call)'],
      ['safe', 'the change the finding asks for)'],
    ]);
  });

  it('refuses a match inside an f-string, or leaves it with onAmbiguous: skip', () => {
    const source = 'import os\n\ndef f():\n    return f"{os.getenv(\'X\')}" + os.getenv("X")\n';
    const rules = [{ pattern: 'os.getenv("X")', replacement: 'settings.x' }];
    const imports = [{ module: 'app.settings', name: 'settings' }];
    const refused = rewrite('m.py', source, { rules, imports, intended: true });
    expect(codes(refused.plan.problems)).toEqual(['pattern/in-string']);
    const skipped = rewrite('m.py', source, {
      rules,
      imports,
      intended: true,
      onAmbiguous: 'skip',
    });
    expect(skipped.plan.problems).toEqual([]);
    expect(skipped.after).toContain('return f"{os.getenv(\'X\')}" + settings.x');
    expect(skipped.plan.diagnostics.find((d) => d.code === 'pattern/in-string')?.undone).toBe(true);
  });

  it('replaces an except clause, indenting the new block where the old one was', () => {
    const { plan, after } = rewrite(
      'api.py',
      `
      def handler():
          try:
              work()
          except ValueError as e:
              raise Conflict(str(e))
          except Exception as e:
              raise ServerError(str(e))
      `,
      {
        rules: [
          {
            pattern: '    except Exception as e:\n        raise ServerError(str(e))',
            replacement:
              'except Exception:\n    log.exception("failed")\n    raise ServerError("internal error")',
          },
        ],
        intended: true,
        imports: [{ module: 'app.log', name: 'log' }],
      },
    );
    expect(plan.problems).toEqual([]);
    expect(after).toContain(
      '        raise Conflict(str(e))\n    except Exception:\n        log.exception("failed")\n        raise ServerError("internal error")\n',
    );
  });

  it('refuses an import the project says cannot work (the document names the wrong module)', () => {
    const { plan } = rewrite('m.py', 'def f():\n    return g("HKD")\n', {
      rules: [{ pattern: '"HKD"', replacement: 'default_currency()' }],
      imports: [{ module: 'app.settings', name: 'default_currency' }],
      checkImport: (need) =>
        need.module === 'app.settings'
          ? 'app/settings.py defines no `default_currency`'
          : undefined,
      intended: true,
    });
    expect(codes(plan.problems)).toEqual(['pattern/unknown-import']);
    expect(plan.problems[0]!.message).toBe(
      'the replacement needs `from app.settings import default_currency`, but app/settings.py defines no `default_currency`',
    );
  });

  it('refuses a replacement that matches its own pattern, and an invalid rule', () => {
    const loop = rewrite('m.py', 'y = f(1)\n', {
      rules: [{ pattern: 'f($X)', replacement: 'f(g($X))' }],
      imports: [{ module: 'm2', name: 'g' }],
    });
    expect(codes(loop.plan.problems)).toEqual(['pattern/not-idempotent']);
    const bad = rewrite('m.py', 'y = f(1)\n', {
      rules: [{ pattern: 'f($X)', replacement: 'g($Y)' }],
    });
    expect(codes(bad.plan.problems)).toEqual(['pattern/invalid']);
    expect(bad.plan.problems[0]!.message).toContain('$Y');
  });
});

describe('Python import styles and references', () => {
  const rules = [{ pattern: 'datetime.utcnow()', replacement: 'datetime.now(timezone.utc)' }];

  it('spells the rule the way a module that imports `datetime` as a module does', () => {
    const plan = planRewrite({
      scope: 'named',
      rules,
      intended: true,
      files: [
        { path: 'a.py', text: 'from datetime import datetime\n\nx = datetime.utcnow()\n' },
        { path: 'b.py', text: 'import datetime\n\ny = datetime.datetime.utcnow()\n' },
      ],
    });
    expect(plan.problems).toEqual([]);
    const [a, b] = plan.files;
    expect(a!.imports).toEqual([{ module: 'datetime', name: 'timezone' }]);
    expect(a!.fixes[0]!.edits[0]!.text).toBe('datetime.now(timezone.utc)');
    expect(b!.imports).toEqual([]);
    expect(b!.fixes[0]!.edits[0]!.text).toBe('datetime.datetime.now(datetime.timezone.utc)');
  });

  it('turns a reference to the replaced call into a lambda (the call, deferred)', () => {
    const { plan, after } = rewrite(
      'orm.py',
      `
      from datetime import datetime

      class Row:
          updated_at = Column(DateTime, default=datetime.utcnow)
          created_at = Column(DateTime, default=datetime.utcnow())
      `,
      { rules, intended: true },
    );
    expect(plan.problems).toEqual([]);
    expect(after).toContain('default=lambda: datetime.now(timezone.utc))');
    expect(after).toContain('default=datetime.now(timezone.utc))');
    // A call replacing a call runs when the old one did, even at import: both safe.
    expect(plan.files[0]!.fixes.map((f) => f.applicability)).toEqual(['safe', 'safe']);
  });
});

describe('TypeScript', () => {
  const priceTag = stripIndent(`
    import type { CurrencyCode } from '@/lib/config'

    type Local = 'HKD' | 'USD'
    const SYMBOLS = { 'HKD': 'HK$' }

    export function PriceTag({ currency = 'HKD' }: { currency?: CurrencyCode }) {
      return <a title="HKD">{format(currency, "HKD")}</a>
    }
  `);

  it("rewrites 'HKD' in either quote style, leaves types and keys, refuses a JSX attribute", () => {
    const plan = planRewrite({
      scope: 'named',
      rules: [{ pattern: "'HKD'", replacement: 'getDefaultCurrencyCode()' }],
      files: [{ path: 'src/PriceTag.tsx', text: priceTag }],
      imports: [{ module: '@/lib/config', name: 'getDefaultCurrencyCode' }],
      intended: true,
    });
    expect(codes(plan.problems)).toEqual(['pattern/ambiguous']);
    expect(plan.problems[0]!.message).toContain('JSX attribute');
    expect(codes(plan.diagnostics).filter((c) => c === 'pattern/wrong-position')).toHaveLength(2);
  });

  it('imports the function, keeps the type import, and marks the fixes safe when intended', () => {
    const text = priceTag.replace(' title="HKD"', '');
    const plan = planRewrite({
      scope: 'named',
      rules: [{ pattern: "'HKD'", replacement: 'getDefaultCurrencyCode()' }],
      files: [{ path: 'src/PriceTag.tsx', text }],
      imports: [{ module: '@/lib/config', name: 'getDefaultCurrencyCode' }],
      intended: true,
    });
    expect(plan.problems).toEqual([]);
    const file = plan.files[0]!;
    const after = applyEdits(
      text,
      file.fixes.flatMap((f) => f.edits),
    );
    expect(after).toContain('{ currency = getDefaultCurrencyCode() }');
    expect(after).toContain('format(currency, getDefaultCurrencyCode())');
    expect(after).toContain("type Local = 'HKD' | 'USD'");
    expect(after).toContain("{ 'HKD': 'HK$' }");
    expect(file.imports).toEqual([{ module: '@/lib/config', name: 'getDefaultCurrencyCode' }]);
    expect(file.fixes.map((f) => f.applicability)).toEqual(['safe', 'safe']);
  });

  it('leaves the match inside the function the replacement calls: it would call itself', () => {
    const config = stripIndent(`
      export type CurrencyCode = 'HKD' | 'USD'

      export function getDefaultCurrencyCode(): CurrencyCode {
        return (process.env.NEXT_PUBLIC_DEFAULT_CURRENCY as CurrencyCode) ?? 'HKD'
      }

      export const fallbackCurrency = (): CurrencyCode => 'HKD'

      export function label(): string {
        return 'HKD'
      }
    `);
    const plan = planRewrite({
      scope: 'searched',
      rules: [{ pattern: "'HKD'", replacement: 'getDefaultCurrencyCode()' }],
      files: [{ path: 'src/lib/config.ts', text: config }],
      intended: true,
    });
    const after = applyEdits(
      config,
      plan.files[0]!.fixes.flatMap((f) => f.edits),
    );
    expect(after).toContain("?? 'HKD'");
    expect(after).toContain('fallbackCurrency = (): CurrencyCode => getDefaultCurrencyCode()');
    expect(after).toContain('return getDefaultCurrencyCode()\n');
    expect(plan.diagnostics.find((d) => d.code === 'pattern/inside-replacement')).toMatchObject({
      line: 4,
    });
  });

  it('leaves a Python match inside the function the replacement calls', () => {
    const { after, plan } = rewrite(
      'app/config.py',
      `
      import os


      def default_region() -> str:
          return os.environ.get("AWS_REGION", "eu-west-1")


      def bucket_region() -> str:
          return "eu-west-1"
      `,
      { rules: [{ pattern: '"eu-west-1"', replacement: 'default_region()' }], intended: true },
    );
    expect(after).toContain('os.environ.get("AWS_REGION", "eu-west-1")');
    expect(after).toContain('    return default_region()\n');
    expect(codes(plan.diagnostics)).toContain('pattern/inside-replacement');
  });

  it('hoists the call into a module constant (unsafe: it runs once, at import)', () => {
    const text =
      "import { format } from './money'\n\nexport const a = format('HKD')\nexport function b() {\n  return 'HKD'\n}\n";
    const plan = planRewrite({
      scope: 'named',
      rules: [{ pattern: "'HKD'", replacement: 'getDefaultCurrencyCode()' }],
      files: [{ path: 'src/m.ts', text }],
      imports: [{ module: '@/lib/config', name: 'getDefaultCurrencyCode' }],
      intended: true,
      hoist: {},
    });
    expect(plan.problems).toEqual([]);
    const file = plan.files[0]!;
    expect(file.fixes).toHaveLength(1);
    expect(file.fixes[0]!.applicability).toBe('unsafe');
    expect(applyEdits(text, file.fixes[0]!.edits)).toBe(
      "import { format } from './money'\n\nconst DEFAULT_CURRENCY_CODE = getDefaultCurrencyCode()\n\nexport const a = format(DEFAULT_CURRENCY_CODE)\nexport function b() {\n  return DEFAULT_CURRENCY_CODE\n}\n",
    );
  });
});

describe('leave this alone', () => {
  it('Python: a rebound builtin, a similar call, an assignment that is not a keyword argument', () => {
    const { plan, after, text } = rewrite(
      'm.py',
      `
      import os

      def f(dict):
          return dict[str, object]

      def g():
          os.environ.get("DEBUG_SQL")
          allow_methods = ["*"]
          return allow_methods
      `,
      {
        rules: [
          { pattern: 'dict[str, object]', replacement: 'dict[str, Any]' },
          { pattern: 'os.environ.get("DEBUG")', replacement: 'settings.debug' },
          { pattern: 'allow_methods=["*"]', replacement: 'allow_methods=["GET"]' },
        ],
      },
    );
    expect(after).toBe(text);
    expect(codes(plan.problems)).toEqual([]);
    expect(codes(plan.diagnostics)).toContain('pattern/shadowed');
  });

  it('TypeScript: a local that would shadow the imported replacement makes the match ambiguous', () => {
    const { plan } = rewrite(
      'src/a.ts',
      `
      export function a() {
        return 'HKD'
      }
      export function b(getDefaultCurrencyCode: () => string) {
        return 'HKD'
      }
      `,
      {
        rules: [{ pattern: "'HKD'", replacement: 'getDefaultCurrencyCode()' }],
        imports: [{ module: '@/lib/config', name: 'getDefaultCurrencyCode' }],
        intended: true,
      },
    );
    expect(codes(plan.problems)).toEqual(['pattern/ambiguous']);
    expect(plan.problems[0]).toMatchObject({ line: 5 });
  });

  it('keeps UTF-16 offsets after non-ASCII text', () => {
    const { plan, after } = rewrite(
      'src/i18n.ts',
      "const zh = '简体中文 🎉'\nexport const c = 'HKD'\n",
      {
        rules: [{ pattern: "'HKD'", replacement: "'CNY'" }],
        intended: true,
      },
    );
    expect(plan.problems).toEqual([]);
    expect(after).toBe("const zh = '简体中文 🎉'\nexport const c = 'CNY'\n");
  });

  it('a Python hoist goes after the imports and the docstring, two blank lines before a def', () => {
    const { plan, after } = rewrite(
      'm.py',
      `
      """Prices."""

      from app.config import default_currency


      def price(amount, currency="HKD"):
          return format(amount, "HKD")
      `,
      {
        rules: [{ pattern: '"HKD"', replacement: 'default_currency()' }],
        intended: true,
        hoist: {},
      },
    );
    expect(plan.problems).toEqual([]);
    expect(after).toBe(
      stripIndent(`
        """Prices."""

        from app.config import default_currency


        DEFAULT_CURRENCY = default_currency()


        def price(amount, currency=DEFAULT_CURRENCY):
            return format(amount, DEFAULT_CURRENCY)
      `),
    );
    expect(plan.files[0]!.fixes.map((f) => f.applicability)).toEqual(['unsafe']);
  });
});
