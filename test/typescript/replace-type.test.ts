/**
 * replace-type (TypeScript) on real projects: fixture web-app's F-04 on a temporary
 * copy (exact result, guard clean, idempotent, `'use client'` first, non-ASCII text
 * after the edit), and small projects for the import styles, renamed and re-exported
 * aliases, and every refusal (different types, missing alias / file / module, ambiguity).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { TsProjectView } from '../../src/typescript/project-view.js';
import {
  planReplaceType,
  type ReplaceTypeOptions,
} from '../../src/typescript/replace-type/index.js';
import { makeTree } from '../helpers.js';
import {
  checkPlan,
  isEmptyPlan,
  overlayOf,
  planned,
  refusal,
  SMALL_TSCONFIG,
  webAppCopy,
} from './plan-harness.js';

const SWITCHER = 'src/components/LocaleSwitcher.tsx';
const F04: ReplaceTypeOptions = {
  file: SWITCHER,
  alias: 'SupportedLocale',
  from: '@/lib/i18n/locales',
};

describe('replace-type on fixtures/web-app (F-04)', () => {
  let root = '';
  let view: TsProjectView;
  beforeAll(() => {
    root = webAppCopy('remedy-replace-type-');
    view = TsProjectView.open(root, SWITCHER);
  });

  it('imports the shared type inline, deletes the alias, keeps `use client` first', () => {
    const plan = planned(planReplaceType(view, F04));
    expect([...plan.edits.keys()]).toEqual([SWITCHER]);
    const after = checkPlan(root, plan).get(SWITCHER)!;
    expect(after.split('\n').slice(0, 6)).toEqual([
      "'use client'",
      '',
      "import { logEvent as log } from '@/lib/analytics'",
      "import { localePath, type SupportedLocale } from '@/lib/i18n/locales'",
      '',
      'const LABELS: Record<SupportedLocale, string> = {',
    ]);
    expect(after).toContain("'zh-CN': '简体中文',");
    const before = fs.readFileSync(path.join(root, SWITCHER), 'utf8');
    expect(after).toBe(
      before.replace(
        "import { localePath } from '@/lib/i18n/locales'\n\ntype SupportedLocale = 'en' | 'zh-CN'\n",
        "import { localePath, type SupportedLocale } from '@/lib/i18n/locales'\n",
      ),
    );
  });

  it('finds the shared module by itself and plans nothing the second time', () => {
    const first = planned(planReplaceType(view, { file: SWITCHER, alias: 'SupportedLocale' }));
    const again = TsProjectView.open(root, SWITCHER, overlayOf(root, first));
    const second = planned(planReplaceType(again, F04));
    expect(isEmptyPlan(second)).toBe(true);
    expect(second.diagnostics.map((d) => d.code)).toEqual(['replace-type/already-shared']);
  });

  it('refuses when the local alias has a member the shared type lacks, naming it', () => {
    const text = fs.readFileSync(path.join(root, SWITCHER), 'utf8');
    const overlay = new Map([
      [
        path.join(root, SWITCHER),
        text.replace(
          "type SupportedLocale = 'en' | 'zh-CN'",
          "type SupportedLocale = 'en' | 'zh-CN' | 'zh-HK'",
        ),
      ],
    ]);
    const r = refusal(planReplaceType(TsProjectView.open(root, SWITCHER, overlay), F04));
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'replace-type/different',
        file: SWITCHER,
        line: 6,
        message: expect.stringContaining('only the local alias has "zh-HK"'),
      }),
    ]);
  });

  it('says when the document is wrong about the code', () => {
    const noAlias = refusal(planReplaceType(view, { ...F04, alias: 'Locale' }));
    expect(noAlias.problems[0]).toMatchObject({ code: 'replace-type/no-alias', file: SWITCHER });
    const noFile = refusal(planReplaceType(view, { ...F04, file: 'src/components/Nope.tsx' }));
    expect(noFile.problems[0]).toMatchObject({ code: 'replace-type/no-file' });
    expect(noFile.problems[0]!.message).toContain('src/components/Nope.tsx');
    const noModule = refusal(planReplaceType(view, { ...F04, from: '@/lib/i18n/nope' }));
    expect(noModule.problems[0]).toMatchObject({ code: 'replace-type/no-module' });
    const notExported = refusal(planReplaceType(view, { ...F04, from: '@/lib/config' }));
    expect(notExported.problems[0]).toMatchObject({
      code: 'replace-type/not-exported',
      file: 'src/lib/config.ts',
    });
  });
});

describe('replace-type on small projects', () => {
  let root = '';
  let view: TsProjectView;
  beforeAll(() => {
    root = makeTree(
      {
        'tsconfig.json': SMALL_TSCONFIG,
        'src/shared.ts':
          'export type Size = "s" | "m" | "l";\nexport interface Point { x: number; y: number }\nexport type Box<T> = { value: T };\n',
        'src/other.ts': 'export type Size = "s" | "m";\n',
        'src/client.tsx': stripIndent(`
          "use client";

          type Size = "s" | "m" | "l";

          export const sizes: Size[] = ["s"];
        `),
        'src/renamed.ts': stripIndent(`
          import { sizes } from "./client";

          /** Where things are. */
          type Coord = { y: number; x: number };

          export const origin: Coord = { x: 0, y: 0 };
          export const count = sizes.length;
        `),
        'src/exported.ts': 'export type Size = "s" | "m" | "l";\nexport const big: Size = "l";\n',
        'src/user.ts': 'import type { Size } from "./exported";\nexport const small: Size = "s";\n',
        'src/nested.ts':
          'export function f() {\n  type Size = "s";\n  const s: Size = "s";\n  return s;\n}\n',
      },
      'remedy-replace-type-small-',
    );
    view = TsProjectView.open(root, 'src/shared.ts');
  });

  it('adds `import type` after the directive when the file imports nothing', () => {
    const plan = planned(
      planReplaceType(view, { file: 'src/client.tsx', alias: 'Size', from: './shared' }),
    );
    expect(checkPlan(root, plan).get('src/client.tsx')).toBe(
      '"use client";\n\nimport type { Size } from "./shared";\n\nexport const sizes: Size[] = ["s"];\n',
    );
  });

  it('imports a differently named shared type under the local name; interfaces compare structurally', () => {
    const plan = planned(
      planReplaceType(view, {
        file: 'src/renamed.ts',
        alias: 'Coord',
        name: 'Point',
        from: 'src/shared.ts',
      }),
    );
    const after = checkPlan(root, plan).get('src/renamed.ts')!;
    expect(after).toBe(
      'import { sizes } from "./client";\nimport type { Point as Coord } from "./shared";\n\nexport const origin: Coord = { x: 0, y: 0 };\nexport const count = sizes.length;\n',
    );
  });

  it('keeps an exported alias that other modules import as a re-export', () => {
    const plan = planned(
      planReplaceType(view, { file: 'src/exported.ts', alias: 'Size', from: './shared' }),
    );
    expect(checkPlan(root, plan).get('src/exported.ts')).toBe(
      'import type { Size } from "./shared";\n\nexport type { Size };\nexport const big: Size = "l";\n',
    );
  });

  it('refuses a nested alias, an ambiguous shared name, a generic type', () => {
    const nested = refusal(
      planReplaceType(view, { file: 'src/nested.ts', alias: 'Size', from: './shared' }),
    );
    expect(nested.problems[0]).toMatchObject({ code: 'replace-type/not-top-level', line: 2 });
    const ambiguous = refusal(planReplaceType(view, { file: 'src/client.tsx', alias: 'Size' }));
    expect(ambiguous.problems[0]!.code).toBe('replace-type/ambiguous');
    expect(ambiguous.problems[0]!.message).toContain('src/other.ts');
    const differs = refusal(
      planReplaceType(view, { file: 'src/client.tsx', alias: 'Size', from: './other' }),
    );
    expect(differs.problems[0]!.message).toContain('only the local alias has "l"');
    const generic = refusal(
      planReplaceType(view, {
        file: 'src/client.tsx',
        alias: 'Size',
        name: 'Box',
        from: './shared',
      }),
    );
    expect(generic.problems[0]!.code).toBe('replace-type/generic');
  });
});
