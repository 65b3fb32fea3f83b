/**
 * The TypeScript planners on a temporary copy of fixtures/web-app, fed by the
 * recognizers reading its audit: F-02 renames the five page components in exactly the
 * 12 files EXPECTED.md lists and resolves the AboutUsPage trap by renaming the route's
 * own function; F-06 moves BookingForm's helper; both leave the type checker clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edit.js';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import { planImportsFirst } from '../../src/typescript/imports-first.js';
import { diskHost, TsProjectView } from '../../src/typescript/project.js';
import { planTsRename } from '../../src/typescript/rename/index.js';
import { tsRenameOptionsSchema } from '../../src/typescript/rename/options.js';
import { inferImportsFirst } from '../../transforms/imports-first/recognizer.js';
import { inferTsRenames } from '../../transforms/rename-symbols/typescript-recognizer.js';
import { copyTree, tempDir } from '../harness.js';
import { REPO_ROOT } from '../helpers.js';
import { applyPlan, type Change, changedLines, expectParsesAndTypeChecks } from './plan-helpers.js';

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
    expect(diagnostics.filter((d) => d.code.startsWith('rename/collision'))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'rename/collision-local',
        file: 'src/app/about-us/page.tsx',
        line: 9,
      }),
    ]);
  });

  it('keeps props types, file names and metadata strings', () => {
    const all = changes.flatMap((c) => changedLines(c)).join('\n');
    expect(all).not.toMatch(/HomePageProps|AboutUsPageProps|'PricingPage'|'TimetablePage'/);
  });

  it('leaves the program without a new TypeScript error', () => {
    expectParsesAndTypeChecks(root, changes);
  });
});

describe('F-06 on a copy of fixtures/web-app', () => {
  it('moves normalisePhone below the imports of the one file the finding names', () => {
    expect(inferImportsFirst(finding('F-06'))).toEqual({});
    const changes = finding('F-06').files.map((file) => {
      const before = fs.readFileSync(path.join(root, file), 'utf8');
      const result = planImportsFirst(file, before);
      if (result.kind !== 'changed') throw new Error(`expected a change in ${file}`);
      return { path: file, before, after: applyEdits(before, result.edits) };
    });
    expect(changes.map((c) => c.path)).toEqual(['src/components/booking/BookingForm.tsx']);
    expectParsesAndTypeChecks(root, changes);
  });
});
