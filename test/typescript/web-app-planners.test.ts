/**
 * The rename planner on a temporary copy of fixtures/web-app, fed by the recognizer
 * reading its audit: F-02 renames the five page components in exactly the 12 files
 * EXPECTED.md lists and resolves the AboutUsPage trap by renaming the route's own
 * function. (test/integration/web-app-f02-f06-f07.test.ts applies it with the CLI and
 * runs tsc and the fixture's suite on the commit.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import { checkTsSyntax } from '../../src/typescript/parse.js';
import { diskHost, TsProjectView } from '../../src/typescript/project.js';
import { planTsRename } from '../../src/typescript/rename/index.js';
import { tsRenameOptionsSchema } from '../../src/typescript/rename/options.js';
import { inferTsRenames } from '../../transforms/rename-symbols/typescript-recognizer.js';
import { copyTree, tempDir } from '../harness.js';
import { REPO_ROOT } from '../helpers.js';
import { applyPlan, type Change, changedLines } from './plan-helpers.js';

const FIXTURE = path.join(REPO_ROOT, 'fixtures/web-app');

let root: string;
const finding = (id: string) => {
  const doc = path.join(root, 'docs/AUDIT.md');
  return parseFindingsDocument(fs.readFileSync(doc, 'utf8'), doc).findings.find(
    (f) => f.id === id,
  )!;
};

beforeAll(() => {
  root = path.join(tempDir('remedy-webapp-plan-'), 'web-app');
  copyTree(FIXTURE, root);
});

describe('F-02 on a copy of fixtures/web-app', () => {
  let changes: Change[];
  let diagnostics: ReturnType<typeof planTsRename>['diagnostics'];
  beforeAll(() => {
    const options = tsRenameOptionsSchema.parse(inferTsRenames(finding('F-02')));
    const plan = planTsRename(new TsProjectView(diskHost(root)), options);
    expect(plan.refusals).toEqual([]);
    diagnostics = plan.diagnostics;
    changes = applyPlan(root, plan);
  });

  it('touches the 12 files EXPECTED.md lists, 24 lines each way', () => {
    expect(changes.map((c) => c.path).sort()).toEqual([
      'src/__tests__/pages.test.tsx',
      'src/app/about-us/page.tsx',
      'src/app/classes/[slug]/page.tsx',
      'src/app/classes/page.tsx',
      'src/app/page.tsx',
      'src/app/pricing/page.tsx',
      'src/components/pages/AboutUs.tsx',
      'src/components/pages/ClassDetail.tsx',
      'src/components/pages/Home.tsx',
      'src/components/pages/Pricing.tsx',
      'src/components/pages/Timetable.tsx',
      'src/components/pages/index.ts',
    ]);
    // EXPECTED.md's 23 are with the import aliased; renaming the route's function is one more.
    const lines = changes.flatMap((c) => changedLines(c));
    expect(lines.filter((l) => l.startsWith('-')).length).toBe(24);
    expect(lines.filter((l) => l.startsWith('+')).length).toBe(24);
  });

  it('resolves the AboutUsPage trap: the route’s own function becomes AboutUsRoute', () => {
    const route = changes.find((c) => c.path === 'src/app/about-us/page.tsx');
    expect(changedLines(route)).toEqual([
      "-import { AboutUs } from '@/components/pages/AboutUs'",
      "+import { AboutUsPage } from '@/components/pages/AboutUs'",
      '-export default function AboutUsPage() {',
      '-  return <AboutUs locale="en" />',
      '+export default function AboutUsRoute() {',
      '+  return <AboutUsPage locale="en" />',
    ]);
    expect(diagnostics.filter((d) => d.code.startsWith('rename/resolved'))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'rename/resolved-local',
        file: 'src/app/about-us/page.tsx',
        line: 9,
      }),
    ]);
  });

  it('keeps props types, file names and metadata strings', () => {
    const all = changes.flatMap((c) => changedLines(c)).join('\n');
    expect(all).not.toMatch(/HomePageProps|AboutUsPageProps|'PricingPage'|'TimetablePage'/);
  });

  it('writes files that parse (tsc and the suite run on the commit: test/integration)', () => {
    for (const c of changes) expect(checkTsSyntax(c.path, c.after), c.path).toEqual([]);
  });
});
