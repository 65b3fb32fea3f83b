/**
 * extract-shared-helpers (TypeScript) on real projects: fixture web-app's F-01 on a
 * temporary copy (two identical copies share, the divergent third is reported with a
 * diff, the file-local `DateInput` moves too and is imported back, importers of the old
 * exports are repointed; guard clean; a second plan changes nothing), and a small
 * project for alpha-renaming, renamed helpers, re-exports kept for namespace and barrel
 * consumers, an existing target, and the refusals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { planExtractHelpers, type TsExtractOptions } from '../../src/typescript/extract/index.js';
import { TsProjectView } from '../../src/typescript/project-view.js';
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

const SOURCES = [
  'src/lib/bookings.ts',
  'src/components/schedule/WeekView.tsx',
  'src/lib/classes/timetable.ts',
];
const F01: TsExtractOptions = {
  target: 'src/lib/dates.ts',
  helpers: ['toDate', 'formatShortDate', 'isSameDay'].map((from) => ({ from, sources: SOURCES })),
};

const DATES = stripIndent(`
  export type DateInput = Date | string | number

  export function toDate(value: DateInput): Date {
    if (value instanceof Date) return new Date(value.getTime())
    const parsed = new Date(value)
    if (Number.isNaN(parsed.getTime())) {
      throw new RangeError(\`Invalid date: \${String(value)}\`)
    }
    return parsed
  }

  export function formatShortDate(value: DateInput, locale = 'en'): string {
    return toDate(value).toLocaleDateString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    })
  }

  export function isSameDay(a: DateInput, b: DateInput): boolean {
    const left = toDate(a)
    const right = toDate(b)
    return (
      left.getFullYear() === right.getFullYear() &&
      left.getMonth() === right.getMonth() &&
      left.getDate() === right.getDate()
    )
  }
`);

describe('extract-shared-helpers on fixtures/web-app (F-01)', () => {
  let root = '';
  let view: TsProjectView;
  beforeAll(() => {
    root = webAppCopy('remedy-extract-');
    view = TsProjectView.open(root, SOURCES[0]!);
  });

  it('shares the identical copies, moves DateInput too, repoints the importers, leaves timetable.ts', () => {
    const plan = planned(planExtractHelpers(view, F01));
    expect([...plan.created.keys()]).toEqual(['src/lib/dates.ts']);
    expect([...plan.edits.keys()].sort()).toEqual([
      'src/components/booking/BookingSummary.tsx',
      'src/components/schedule/WeekView.tsx',
      'src/lib/bookings.test.ts',
      'src/lib/bookings.ts',
    ]);
    const texts = checkPlan(root, plan);
    expect(texts.get('src/lib/dates.ts')).toBe(DATES);
    const bookings = texts.get('src/lib/bookings.ts')!;
    expect(bookings).toContain(
      "import { type DateInput, formatShortDate, isSameDay, toDate } from '@/lib/dates'\n\nexport interface BookingRequest",
    );
    expect(bookings).not.toMatch(/function (toDate|formatShortDate|isSameDay)|type DateInput =/);
    expect(texts.get('src/components/schedule/WeekView.tsx')).toContain(
      'import { ClassCard } from "./ClassCard";\nimport { type DateInput, formatShortDate, isSameDay, toDate } from "@/lib/dates";\n\nexport interface WeekViewProps',
    );
    expect(texts.get('src/components/booking/BookingSummary.tsx')).toMatch(
      /^import type \{ Booking \} from '@\/lib\/bookings'\n[\s\S]*import \{ formatShortDate \} from '@\/lib\/dates'\n/,
    );
    const test = texts.get('src/lib/bookings.test.ts')!;
    expect(test).toContain('  findBooking,\n  resetBookings,');
    expect(test).toContain(
      "} from './bookings'\nimport { formatShortDate, isSameDay } from './dates'\n",
    );
  });

  it('reports the divergent copies in timetable.ts with a diff, and where toDate is absent', () => {
    const plan = planned(planExtractHelpers(view, F01));
    const divergent = plan.diagnostics.filter((d) => d.code === 'extract/divergent');
    expect(divergent.map((d) => `${d.file}:${d.line}`)).toEqual([
      'src/lib/classes/timetable.ts:20',
      'src/lib/classes/timetable.ts:29',
    ]);
    expect(divergent[0]!.severity).toBe('warning');
    expect(divergent[0]!.message).toContain('+    timeZone: STUDIO_TIME_ZONE,');
    expect(divergent[1]!.message).toContain('+  return studioDayKey(a) === studioDayKey(b)');
    expect(plan.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['extract/absent', 'extract/dependency']),
    );
  });

  it('plans nothing the second time, still reporting the divergent copies', () => {
    const first = planned(planExtractHelpers(view, F01));
    const again = TsProjectView.open(root, SOURCES[0]!, overlayOf(root, first));
    const second = planned(planExtractHelpers(again, F01));
    expect(isEmptyPlan(second)).toBe(true);
    expect(second.diagnostics.filter((d) => d.code === 'extract/divergent')).toHaveLength(2);
  });

  it('says when the document is wrong about the code', () => {
    const file = refusal(
      planExtractHelpers(view, {
        ...F01,
        helpers: [{ from: 'toDate', sources: ['src/lib/dates-old.ts'] }],
      }),
    );
    expect(file.problems[0]).toMatchObject({ code: 'extract/no-file' });
    expect(file.problems[0]!.message).toContain('src/lib/dates-old.ts');
    const name = refusal(
      planExtractHelpers(view, { ...F01, helpers: [{ from: 'toDay', sources: SOURCES }] }),
    );
    expect(name.problems[0]).toMatchObject({ code: 'extract/no-copies' });
  });
});

describe('extract-shared-helpers on a small project', () => {
  let root = '';
  let view: TsProjectView;
  const a = stripIndent(`
    import { PREFIX } from './config';

    let counter = 0;

    export function slug(text: string): string {
      const lower = text.toLowerCase();
      return PREFIX + lower.replace(/\\s+/g, '-');
    }

    export const next = () => ++counter;
  `);
  const b = stripIndent(`
    import { PREFIX as P } from "./config"
    import * as strings from "./a"

    let counter = 0

    function makeSlug(value: string): string {
      const down = value.toLowerCase()
      return P + down.replace(/\\s+/g, "-")
    }

    export const title = makeSlug("Hello World") + strings.slug("x")
    export const next = () => ++counter
  `);
  beforeAll(() => {
    root = makeTree(
      {
        'tsconfig.json': SMALL_TSCONFIG,
        'src/config.ts': "export const PREFIX = 'p-';\n",
        'src/a.ts': a,
        'src/b.ts': b,
        'src/index.ts': "export * from './a';\n",
        'src/use.ts': "import { slug } from './index';\nexport const s = slug('A B');\n",
        'src/shared/text.ts': 'export function slug(text: string): string {\n  return text;\n}\n',
      },
      'remedy-extract-small-',
    );
    view = TsProjectView.open(root, 'src/a.ts');
  });

  it('shares copies that differ in local names, quotes and semicolons; keeps old names and re-exports', () => {
    const plan = planned(
      planExtractHelpers(view, {
        target: 'src/strings.ts',
        helpers: [
          { from: 'slug', to: 'toSlug', sources: ['src/a.ts'] },
          { from: 'makeSlug', to: 'toSlug', sources: ['src/b.ts'] },
        ],
      }),
    );
    const texts = checkPlan(root, plan);
    expect(texts.get('src/strings.ts')).toBe(
      "import { PREFIX } from './config';\n\nexport function toSlug(text: string): string {\n  const lower = text.toLowerCase();\n  return PREFIX + lower.replace(/\\s+/g, '-');\n}\n",
    );
    expect(texts.get('src/b.ts')).toContain('import { toSlug as makeSlug } from "./strings"');
    expect(texts.get('src/a.ts')).toContain("export { toSlug as slug } from './strings';");
    expect(texts.get('src/a.ts')).toContain('let counter = 0;');
    expect(plan.diagnostics.map((d) => d.code)).toContain('extract/kept-name');
  });

  it('leaves divergent copies alone when an existing target has its own version', () => {
    const plan = planned(
      planExtractHelpers(view, {
        target: 'src/shared/text.ts',
        helpers: [{ from: 'slug', sources: ['src/a.ts'] }],
      }),
    );
    expect(isEmptyPlan(plan)).toBe(true);
    expect(plan.diagnostics[0]).toMatchObject({
      code: 'extract/divergent',
      file: 'src/a.ts',
      line: 5,
    });
    expect(plan.diagnostics[0]!.message).toContain('differs from the one in src/shared/text.ts');
  });

  it('refuses module state', () => {
    const r = refusal(
      planExtractHelpers(view, {
        target: 'src/state.ts',
        helpers: [{ from: 'counter', sources: ['src/a.ts', 'src/b.ts'] }],
      }),
    );
    expect(r.problems[0]).toMatchObject({ code: 'extract/not-movable', file: 'src/a.ts', line: 3 });
  });

  it('writes nothing it did not read: the sources on disk are untouched by planning', () => {
    expect(fs.readFileSync(path.join(root, 'src/a.ts'), 'utf8')).toBe(a);
  });
});
