/**
 * The TypeScript recognizers of extract-shared-helpers, remove-dead-code and
 * replace-type, as pure functions over findings: on fixture web-app's own document
 * (F-01, F-03, F-04 map with no config entry; no other finding maps to them), on
 * findings worded like issue #14's examples in the other document shapes it names, and
 * never on a Python finding.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFindings } from '../../src/findings/index.js';
import type { FileRef, Finding } from '../../src/findings/types.js';
import { inferTsDeadCode } from '../../src/typescript/dead-code/recognizer.js';
import { inferTsExtraction } from '../../src/typescript/extract/recognizer.js';
import { inferTsReplaceType } from '../../src/typescript/replace-type/recognizer.js';
import { makeFinding } from '../finding-builder.js';
import { REPO_ROOT } from '../helpers.js';

const recognizers = {
  extract: inferTsExtraction,
  deadCode: inferTsDeadCode,
  replaceType: inferTsReplaceType,
};

let audit: readonly Finding[];
const byId = (id: string) => audit.find((f) => f.id === id)!;

beforeAll(async () => {
  audit = (await readFindings([path.join(REPO_ROOT, 'fixtures/web-app/docs/AUDIT.md')])).findings;
});

describe('TypeScript recognizers on fixtures/web-app/docs/AUDIT.md', () => {
  it('F-01: the date helpers, their three sources (from the table) and the new module', () => {
    const sources = [
      'src/lib/bookings.ts',
      'src/components/schedule/WeekView.tsx',
      'src/lib/classes/timetable.ts',
    ];
    expect(inferTsExtraction(byId('F-01'))).toEqual({
      target: 'src/lib/dates.ts',
      helpers: ['toDate', 'formatShortDate', 'isSameDay', 'DateInput'].map((from) => ({
        from,
        sources,
      })),
    });
  });

  it('F-03: the component file, its name, and the whole file (it is marked "(delete)")', () => {
    expect(inferTsDeadCode(byId('F-03'))).toEqual({
      file: 'src/components/marketing/PromoBanner.tsx',
      names: ['PromoBanner'],
      deleteFile: true,
    });
  });

  it('F-04: the file, the local alias and the module to import the shared type from', () => {
    expect(inferTsReplaceType(byId('F-04'))).toEqual({
      file: 'src/components/LocaleSwitcher.tsx',
      alias: 'SupportedLocale',
      from: '@/lib/i18n/locales',
    });
  });

  it('maps no other finding of the document', () => {
    const mapped = Object.fromEntries(
      Object.entries(recognizers).map(([name, infer]) => [
        name,
        audit.filter((f) => infer(f) !== undefined).map((f) => f.id),
      ]),
    );
    expect(mapped).toEqual({ extract: ['F-01'], deadCode: ['F-03'], replaceType: ['F-04'] });
  });
});

const ref = (p: string, role: FileRef['role'] = 'modify'): FileRef => ({
  path: p,
  symbols: [],
  role,
});

/**
 * Findings as the reader gives them for the document shapes of issue #14 item 4
 * (`### Issue N:` with **Files:** / **Fix:** labels; `## N. Title` with `### Na.`
 * subsections), worded like the issue's examples.
 */
const ISSUES: Finding[] = [
  makeFinding({
    id: 'ISSUE-1',
    title: 'Duplicated slug helpers',
    fileRefs: [
      ref('src/lib/posts.ts'),
      ref('src/components/PostCard.tsx'),
      ref('src/lib/strings.ts', 'mention'),
    ],
    body: '`slugify()` is copy-pasted in both files, token for token.',
    sections: {
      Problem: '`slugify()` is copy-pasted in both files, token for token.',
      Fix: 'Move duplicated helpers into one shared module `src/lib/strings.ts` and import them where they were.',
    },
  }),
  makeFinding({
    id: 'ISSUE-2',
    title: 'Dead `LegacyHeader` component',
    fileRefs: [ref('src/components/LegacyHeader.tsx'), ref('src/components/LegacyHeader.test.tsx')],
    sections: {
      Problem: '`LegacyHeader` is never rendered since the redesign; only its test imports it.',
      Fix: 'Delete the dead component and its test.',
    },
  }),
  makeFinding({
    id: 'ISSUE-3',
    title: '`Checkout` keeps a local copy of `Money`',
    fileRefs: [ref('src/components/Checkout.tsx'), ref('src/types/money.ts', 'mention')],
    body: '`Checkout.tsx` declares `type Money = { amount: number; currency: string }` while `src/types/money.ts` exports the same type.',
    sections: {
      Problem:
        '`Checkout.tsx` declares `type Money = { amount: number; currency: string }` while `src/types/money.ts` exports the same type.',
      Fix: 'Replace the local type alias with the shared one from `@/types/money`.',
    },
  }),
];

const PLAN_ITEM = makeFinding({
  id: '1',
  title: 'Extract duplicated date helpers',
  fileRefs: [ref('src/a/day.ts'), ref('src/b/day.ts'), ref('src/shared/day.ts', 'create')],
  sections: {
    Problem: '`formatDay()` is duplicated in `src/a/day.ts` and `src/b/day.ts`.',
    Fix: 'Keep one copy only in `src/shared/day.ts`, imported by both.',
  },
});

describe('TypeScript recognizers on the issue’s wording, in other document shapes', () => {
  it('"### Issue N:" findings with **Files:** and **Fix:** labels', () => {
    const [dup, dead, type] = ISSUES as [Finding, Finding, Finding];
    expect(inferTsExtraction(dup)).toEqual({
      target: 'src/lib/strings.ts',
      helpers: [{ from: 'slugify', sources: ['src/lib/posts.ts', 'src/components/PostCard.tsx'] }],
    });
    expect(inferTsDeadCode(dead)).toEqual({
      file: 'src/components/LegacyHeader.tsx',
      names: ['LegacyHeader'],
      deleteFile: true,
    });
    expect(inferTsReplaceType(type)).toEqual({
      file: 'src/components/Checkout.tsx',
      alias: 'Money',
      from: '@/types/money',
    });
    expect(inferTsDeadCode(dup)).toBeUndefined();
    expect(inferTsReplaceType(dead)).toBeUndefined();
    expect(inferTsExtraction(type)).toBeUndefined();
  });

  it('a numbered plan section with lettered subsections', () => {
    expect(inferTsExtraction(PLAN_ITEM)).toEqual({
      target: 'src/shared/day.ts',
      helpers: [{ from: 'formatDay', sources: ['src/a/day.ts', 'src/b/day.ts'] }],
    });
  });

  it('leaves Python findings to the Python recognizers', () => {
    const toPython = (f: Finding) =>
      makeFinding({
        ...f,
        fileRefs: f.fileRefs.map((r) => ({ ...r, path: r.path.replace(/\.tsx?$/, '.py') })),
      });
    for (const f of [...ISSUES, PLAN_ITEM].map(toPython)) {
      for (const infer of Object.values(recognizers)) expect(infer(f)).toBeUndefined();
    }
  });
});
