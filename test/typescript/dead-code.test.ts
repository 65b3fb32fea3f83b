/**
 * remove-dead-code (TypeScript) on real projects: fixture web-app's F-03 on a temporary
 * copy (the component and its only test go, the layout's comment is a mention, not a
 * reference), what looks dead but is not (Next.js route entries, test support, live
 * components), and a small project for barrels, unused imports, mocks and mixed tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { planRemoveDeadCode } from '../../src/typescript/dead-code/index.js';
import { TsProjectView } from '../../src/typescript/project-view.js';
import { makeTree } from '../helpers.js';
import {
  checkPlan,
  overlayOf,
  planned,
  refusal,
  SMALL_TSCONFIG,
  webAppCopy,
} from './plan-harness.js';

const BANNER = 'src/components/marketing/PromoBanner.tsx';
const BANNER_TEST = 'src/components/marketing/PromoBanner.test.tsx';

describe('remove-dead-code on fixtures/web-app', () => {
  let root = '';
  let view: TsProjectView;
  beforeAll(() => {
    root = webAppCopy('remedy-dead-code-');
    view = TsProjectView.open(root, BANNER);
  });

  it('F-03: deletes PromoBanner and its test, nothing else; the layout comment is a mention', () => {
    const plan = planned(
      planRemoveDeadCode(view, { file: BANNER, names: ['PromoBanner'], deleteFile: true }),
    );
    expect(plan.deleted).toEqual([BANNER_TEST, BANNER]);
    expect(plan.edits.size).toBe(0);
    expect(plan.created.size).toBe(0);
    checkPlan(root, plan);
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({ code: 'dead-code/test-removed', file: BANNER_TEST }),
      expect.objectContaining({
        code: 'dead-code/mentioned',
        file: 'src/app/layout.tsx',
        line: 19,
      }),
    ]);
    const again = TsProjectView.open(root, BANNER, overlayOf(root, plan));
    const second = refusal(planRemoveDeadCode(again, { file: BANNER, deleteFile: true }));
    expect(second.problems[0]!.code).toBe('dead-code/no-file');
  });

  it('deletes only the component when asked for the name: its now-unused import goes, its props stay', () => {
    const plan = planned(planRemoveDeadCode(view, { file: BANNER, names: ['PromoBanner'] }));
    expect(plan.deleted).toEqual([BANNER_TEST]);
    const after = checkPlan(root, plan).get(BANNER)!;
    expect(after).not.toContain('next/link');
    expect(after).toContain("import type { SupportedLocale } from '@/lib/i18n/locales'");
    expect(after).toContain('export interface PromoBannerProps');
    expect(after).not.toContain('function PromoBanner');
    expect(plan.diagnostics.map((d) => d.code)).toContain('dead-code/now-unused');
  });

  it('refuses framework entry points: a page default export, a route handler method', () => {
    const page = refusal(planRemoveDeadCode(view, { file: 'src/app/page.tsx' }));
    expect(page.problems[0]).toMatchObject({
      code: 'dead-code/framework-entry',
      file: 'src/app/page.tsx',
    });
    expect(page.problems[0]!.message).toContain('default export');
    const get = refusal(
      planRemoveDeadCode(view, { file: 'src/app/api/classes/route.ts', names: ['GET'] }),
    );
    expect(get.problems[0]!.message).toContain('`GET`');
    const layout = refusal(
      planRemoveDeadCode(view, { file: 'src/app/layout.tsx', names: ['metadata'] }),
    );
    expect(layout.problems[0]!.code).toBe('dead-code/framework-entry');
  });

  it('refuses live code, listing each reference as file:line', () => {
    const r = refusal(
      planRemoveDeadCode(view, {
        file: 'src/components/pricing/PriceTag.tsx',
        names: ['PriceTag'],
      }),
    );
    expect(r.problems[0]!.message).toMatch(
      /^refers to `PriceTag` of src\/components\/pricing\/PriceTag\.tsx: /,
    );
    const places = r.problems.map((p) => `${p.file}:${p.line}`);
    expect(places).toContain('src/components/pricing/PlanCard.tsx:28');
    for (const p of r.problems) expect(p.code).toBe('dead-code/referenced');
    const support = refusal(planRemoveDeadCode(view, { file: 'src/test/render.ts' }));
    expect(
      support.problems.some((p) => p.file === 'src/components/pricing/PriceTag.test.tsx'),
    ).toBe(true);
    expect(
      support.problems.find((p) => p.file === 'src/components/pricing/PriceTag.test.tsx')!.message,
    ).toContain('a test that is kept');
  });

  it('says when the document is wrong about the code', () => {
    const name = refusal(planRemoveDeadCode(view, { file: BANNER, names: ['PromoBaner'] }));
    expect(name.problems[0]).toMatchObject({ code: 'dead-code/no-such-name', file: BANNER });
    const file = refusal(planRemoveDeadCode(view, { file: 'src/components/Gone.tsx' }));
    expect(file.problems[0]!.message).toContain('src/components/Gone.tsx');
  });
});

describe('remove-dead-code on a small project', () => {
  let root = '';
  let view: TsProjectView;
  beforeAll(() => {
    root = makeTree(
      {
        'tsconfig.json': SMALL_TSCONFIG,
        'src/ui/Old.ts': 'export function Old(): string {\n  return "old";\n}\n',
        'src/ui/Live.ts':
          'export const Live = 1;\nexport const Also = 2;\nexport const Spare = 3;\n',
        'src/ui/index.ts': "export { Old } from './Old';\nexport * from './Live';\n",
        'src/ui/Mocked.ts': 'export const Mocked = 1;\n',
        'src/ui/Mixed.ts': 'export const Gone = 1;\nexport const Kept = 2;\n',
        'src/app.ts': stripIndent(`
          import { Old } from './ui/Old';
          import { Also, Live } from './ui';

          export const total = Live + Also;
        `),
        'src/ui/Mocked.test.ts':
          "import { Live } from './Live';\n\nvi.mock('./Mocked');\nexport const live = Live;\n",
        'src/ui/Mixed.test.ts':
          "import { Gone, Kept } from './Mixed';\nexport const all = [Gone, Kept];\n",
        'src/globals.d.ts': 'declare const vi: { mock(path: string): void };\n',
      },
      'remedy-dead-code-small-',
    );
    view = TsProjectView.open(root, 'src/app.ts');
  });

  it('deletes a file whose only references are an unused import and a barrel re-export', () => {
    const plan = planned(planRemoveDeadCode(view, { file: 'src/ui/Old.ts' }));
    expect(plan.deleted).toEqual(['src/ui/Old.ts']);
    const texts = checkPlan(root, plan);
    expect(texts.get('src/ui/index.ts')).toBe("export * from './Live';\n");
    expect(texts.get('src/app.ts')).toBe(
      "import { Also, Live } from './ui';\n\nexport const total = Live + Also;\n",
    );
  });

  it('refuses a module a test mocks by path, and a name a kept test also uses', () => {
    const mocked = refusal(planRemoveDeadCode(view, { file: 'src/ui/Mocked.ts' }));
    expect(mocked.problems.map((p) => `${p.file}:${p.line}`)).toContain('src/ui/Mocked.test.ts:3');
    const mixed = refusal(planRemoveDeadCode(view, { file: 'src/ui/Mixed.ts', names: ['Gone'] }));
    const test = mixed.problems.find((p) => p.file === 'src/ui/Mixed.test.ts')!;
    expect(test.message).toContain('it also imports `Kept`');
  });

  it('removes an unused barrel binding of a name and keeps the rest of the module', () => {
    fs.writeFileSync(
      path.join(root, 'src/unused-import.ts'),
      "import { Spare } from './ui';\nexport {};\n",
    );
    const local = TsProjectView.open(root, 'src/app.ts');
    const plan = planned(planRemoveDeadCode(local, { file: 'src/ui/Live.ts', names: ['Spare'] }));
    expect(plan.diagnostics).toEqual([]);
    const texts = checkPlan(root, plan);
    expect(texts.get('src/unused-import.ts')).toBe('export {};\n');
    expect(texts.get('src/ui/Live.ts')).toBe('export const Live = 1;\nexport const Also = 2;\n');
  });
});
