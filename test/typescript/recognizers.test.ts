/**
 * The TypeScript recognizers on the fixture's own audit (F-02, F-06, F-07 as written)
 * and on findings worded like issue #14's examples: which options they infer with no
 * config entry, and which findings they leave alone (Python ones, other TS findings).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import type { Finding } from '../../src/findings/types.js';
import { inferImportsFirst } from '../../transforms/imports-first/recognizer.js';
import {
  inferJscodeshift,
  parseJscodeshiftCommand,
} from '../../transforms/jscodeshift/recognizer.js';
import { inferTsRenames } from '../../transforms/rename-symbols/typescript-recognizer.js';
import { makeFinding } from '../finding-builder.js';
import { REPO_ROOT } from '../helpers.js';

const DOC = path.join(REPO_ROOT, 'fixtures/web-app/docs/AUDIT.md');
const findings = parseFindingsDocument(fs.readFileSync(DOC, 'utf8'), DOC).findings;
const finding = (id: string): Finding => findings.find((f) => f.id === id)!;

const pages = 'src/components/pages';

describe('TypeScript recognizers on fixtures/web-app/docs/AUDIT.md', () => {
  it('reads F-02’s five renames with their defining files from its table', () => {
    expect(inferTsRenames(finding('F-02'))).toEqual({
      renames: [
        { file: `${pages}/Home.tsx`, from: 'Home', to: 'HomePage' },
        { file: `${pages}/AboutUs.tsx`, from: 'AboutUs', to: 'AboutUsPage' },
        { file: `${pages}/Pricing.tsx`, from: 'Pricing', to: 'PricingPage' },
        { file: `${pages}/Timetable.tsx`, from: 'Timetable', to: 'TimetablePage' },
        { file: `${pages}/ClassDetail.tsx`, from: 'ClassDetail', to: 'ClassDetailPage' },
      ],
    });
  });

  it('maps F-06 to imports-first on BookingForm.tsx', () => {
    expect(inferImportsFirst(finding('F-06'))).toEqual({});
    expect(finding('F-06').files).toEqual(['src/components/booking/BookingForm.tsx']);
  });

  it('reads F-07’s jscodeshift command: module and parser', () => {
    expect(inferJscodeshift(finding('F-07'))).toEqual({
      module: 'codemods/analytics-track-event.ts',
      parser: 'tsx',
      extensions: ['ts', 'tsx'],
      paths: ['src'],
    });
  });

  it('claims no other finding of the document', () => {
    const claimed = findings
      .filter((f) => inferTsRenames(f) || inferImportsFirst(f) || inferJscodeshift(f))
      .map((f) => f.id);
    expect(claimed).toEqual(['F-02', 'F-06', 'F-07']);
  });
});

describe('TypeScript recognizers on findings worded like the issue’s examples', () => {
  const ref = (p: string) => ({ path: p, symbols: [], role: 'modify' as const });

  it('turns "add a `Page` suffix to every page component" into an affix over the files', () => {
    const f = makeFinding({
      id: 'I-2',
      title: 'Rename exported components project-wide',
      body: 'Rename exported components project-wide (add a `Page` suffix to every page component).',
      fileRefs: [ref(`${pages}/Home.tsx`), ref(`${pages}/index.ts`)],
    });
    expect(inferTsRenames(f)).toEqual({ affix: { suffix: 'Page', files: [`${pages}/Home.tsx`] } });
    const dirOnly = makeFinding({
      id: 'I-3',
      title: 'Page components are not named as pages',
      body: `Rename the components in \`${pages}/\`: add a \`Page\` suffix to every page component.`,
    });
    expect(inferTsRenames(dirOnly)).toEqual({ affix: { suffix: 'Page', files: [`${pages}/`] } });
  });

  it('maps "move a helper that was declared between imports to below the import block"', () => {
    const f = makeFinding({
      id: 'I-6',
      body: 'Move a helper that was declared between imports to below the import block.',
      fileRefs: [ref('src/app/form.tsx')],
    });
    expect(inferImportsFirst(f)).toEqual({});
  });

  it('leaves Python findings to the Python recognizers', () => {
    const py = makeFinding({
      id: 'B-1',
      body: 'Rename `_parse_body` -> `parse_body`; move the helper declared between imports below the import block.',
      fileRefs: [ref('backend/app/api.py')],
    });
    expect(inferTsRenames(py)).toBeUndefined();
    expect(inferImportsFirst(py)).toBeUndefined();
  });

  it('parses jscodeshift command lines as its CLI does', () => {
    expect(
      parseJscodeshiftCommand(
        'npx jscodeshift --transform=./codemods/x.js --dry --print --source=@/lib/api --strict src',
      ),
    ).toEqual({
      module: 'codemods/x.js',
      options: { source: '@/lib/api', strict: true },
      paths: ['src'],
    });
    expect(parseJscodeshiftCommand('npx jscodeshift src')).toBeUndefined();
  });
});
