/**
 * imports-first for TS/JS on real parses: the move EXPECTED.md gives for F-06 on the
 * fixture's BookingForm.tsx, comments and groups kept, directives first, files left
 * alone (already in order, or where a statement may have to run before an import),
 * and the invariants: the output parses and a second run changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edit.js';
import { stripIndent } from '../../src/core/text.js';
import { planImportsFirst } from '../../src/typescript/imports-first.js';
import { checkTsSyntax } from '../../src/typescript/parse.js';
import { REPO_ROOT } from '../helpers.js';

/** The text after the move; checks it parses and that moving again changes nothing. */
function moved(text: string, file = 'x.tsx'): string {
  const result = planImportsFirst(file, text);
  if (result.kind !== 'changed') throw new Error(`expected a change, got ${result.kind}`);
  const after = applyEdits(text, result.edits);
  expect(after).toBe(result.after);
  expect(checkTsSyntax(file, after)).toEqual([]);
  expect(planImportsFirst(file, after).kind).toBe('unchanged');
  return after;
}

describe('imports-first (TypeScript)', () => {
  it('moves the helper of BookingForm.tsx below the imports, as EXPECTED.md says (F-06)', () => {
    const file = 'src/components/booking/BookingForm.tsx';
    const before = fs.readFileSync(path.join(REPO_ROOT, 'fixtures/web-app', file), 'utf8');
    const after = moved(before, file);
    expect(after.split('\n').slice(0, 12)).toEqual([
      "'use client'",
      '',
      "import { logEvent } from '@/lib/analytics'",
      "import type { StudioClass } from '@/lib/classes/catalog'",
      "import { getMessages } from '@/lib/i18n/messages'",
      "import type { SupportedLocale } from '@/lib/i18n/locales'",
      '',
      "import { formatShortDate, formatTime } from '@/lib/classes/timetable'",
      "import { useBookingSteps } from '@/lib/hooks/useBookingSteps'",
      "import { PriceTag } from '@/components/pricing/PriceTag'",
      '',
      '/**',
    ]);
    expect(after).toContain('export function normalisePhone(raw: string): string {');
    expect(after.length).toBe(before.length);
    const result = planImportsFirst(file, before);
    expect(result.kind === 'changed' && result.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['imports-first/moved', 12],
    ]);
  });

  it('keeps a file header in place and comments with their statements', () => {
    const before = stripIndent(`
      // Copyright header, detached by a blank line.

      /** The answer. */
      export const ANSWER = 42 // why 42
      import { a } from './a' // first
      // about b
      import { b } from './b'
      export const c = a + b
    `);
    expect(moved(before)).toBe(
      stripIndent(`
        // Copyright header, detached by a blank line.

        import { a } from './a' // first
        // about b
        import { b } from './b'

        /** The answer. */
        export const ANSWER = 42 // why 42
        export const c = a + b
      `),
    );
  });

  it('moves types, classes, enums and several statements sharing a line, in their order', () => {
    const before =
      "type T = number; import { a } from './a'\nclass K extends Base {}\nenum E { A = 1 }\nimport { Base } from './base'\n";
    expect(moved(before, 'x.ts')).toBe(
      "import { a } from './a'\nimport { Base } from './base'\n\ntype T = number;\nclass K extends Base {}\nenum E { A = 1 }\n",
    );
  });

  it('keeps CRLF line ends', () => {
    const before = "'use strict'\r\nconst x = 1\r\nimport a from 'a'\r\nexport default a + x\r\n";
    expect(moved(before, 'x.js')).toBe(
      "'use strict'\r\nimport a from 'a'\r\n\r\nconst x = 1\r\nexport default a + x\r\n",
    );
  });

  it('leaves a file alone when its imports already come first', () => {
    for (const text of [
      "'use client'\nimport { a } from './a'\nexport const b = a\n",
      'export const nothing = 1\n',
      "import './side-effect'\n",
      '',
    ]) {
      expect(planImportsFirst('x.ts', text)).toEqual({ kind: 'unchanged' });
    }
  });

  it('refuses a file where a statement that does something runs before an import', () => {
    const polyfill = stripIndent(`
      import { install } from './polyfill'
      globalThis.fetch ??= install()
      import './needs-fetch'
      import { get } from './client'
    `);
    const result = planImportsFirst('src/main.ts', polyfill);
    expect(result).toMatchObject({
      kind: 'refused',
      diagnostic: { code: 'imports-first/evaluation-order', file: 'src/main.ts', line: 2 },
    });
    expect(result.kind === 'refused' && result.diagnostic.message).toContain(
      'runs before the side-effect import on line 3',
    );
    const call = "import a from 'a'\nconst config = loadConfig()\nimport b from 'b'\n";
    expect(planImportsFirst('x.ts', call).kind).toBe('refused');
  });

  it('refuses a file that does not parse, saying where', () => {
    const result = planImportsFirst('x.ts', "const = 1\nimport a from 'a'\n");
    expect(result).toMatchObject({ kind: 'refused', diagnostic: { code: 'imports-first/syntax' } });
  });
});
