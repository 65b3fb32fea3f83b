/**
 * Our own documents, one per style the reader must understand (issue tables with emoji
 * severities and a Fixes Applied table, a debt register, a deep audit without IDs,
 * checklists, risk bullets, line-broken bold labels, and the TypeScript/React shapes:
 * `### Issue N:`, a refactoring plan of `## N.` / `### Na.`, an `## F-NN` assessment),
 * scored against their labels like the corpus, plus the details each style is about.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import { readFindings } from '../../src/findings/read.js';
import type { Finding } from '../../src/findings/types.js';
import { REPO_ROOT } from './helpers.js';
import { readLabels, scoreFindings } from './scoring.js';

const DOCS = path.join(REPO_ROOT, 'test/findings/docs');
const documents = fs
  .readdirSync(DOCS)
  .filter((f) => f.endsWith('.md'))
  .sort();

async function read(name: string): Promise<readonly Finding[]> {
  return (await readFindings([path.join(DOCS, name)])).findings;
}

function byId(findings: readonly Finding[], id: string): Finding {
  const found = findings.find((f) => f.id === id);
  if (!found) throw new Error(`no ${id} in ${findings.map((f) => f.id).join(', ')}`);
  return found;
}

describe('our documents, scored against their labels', () => {
  it.each(documents)('%s reads exactly as labelled', async (name) => {
    const labels = readLabels(path.join(DOCS, name.replace(/\.md$/, '.labels.json')));
    const score = scoreFindings(await read(name), labels.findings);
    const detail = `missing ${score.missing.join(', ') || '-'}; extra ${score.extra.join(', ') || '-'}`;
    expect([score.precision, score.recall], detail).toEqual([1, 1]);
    expect(score.severity.agree, 'severity').toBe(score.truePositives);
    expect(score.status.agree, 'status').toBe(score.truePositives);
    expect(score.files.agree, 'files').toBe(score.truePositives);
    expect(score.titles.agree, 'titles').toBe(score.truePositives);
  });
});

describe('what each style carries', () => {
  it('issue table: numbered rows, emoji severities, line lists, Fixes Applied as resolved', async () => {
    const findings = await read('issue-table.md');
    expect(findings.every((f) => f.source === 'table-row')).toBe(true);
    expect(byId(findings, '2').fileRefs[0]?.ranges).toEqual([
      { start: 112, end: 112 },
      { start: 140, end: 140 },
    ]);
    expect(findings.filter((f) => f.status === 'resolved').map((f) => f.id)).toEqual([
      '1',
      '3',
      '6',
    ]);
  });

  it('debt register: fields source, effort and impact kept', async () => {
    const first = byId(await read('debt-register.md'), '1');
    expect(first).toMatchObject({ source: 'fields', effort: 'Medium', severity: 'high' });
    expect(first.attributes).toMatchObject({ Status: '🟢 COMPLETE ✅', Impact: 'High' });
  });

  it('deep audit: bullets from the edge-case, problematic-call and recommendation lists', async () => {
    const findings = await read('deep-audit.md');
    expect(findings.map((f) => [f.id, f.source, f.idSynthesized])).toContainEqual([
      '1.7-3',
      'bullet',
      true,
    ]);
    expect(byId(findings, '1.7-1').sections.Evidence).toContain('engine/slots.py');
  });

  it('bold labels split at markdown line breaks; P-levels and letter severities', async () => {
    const findings = await read('bold-labels.md');
    const w1 = byId(findings, 'W-01');
    expect(Object.keys(w1.sections)).toEqual(['File', 'Issue', 'Fix']);
    expect(w1).toMatchObject({ title: 'Signature check skipped on retries', priority: 'P0' });
    expect(w1.fileRefs[0]?.ranges?.map((r) => r.start)).toEqual([43, 134, 246]);
    expect(byId(findings, 'W-02').fileRefs[0]?.ranges).toEqual([
      { start: 88, end: 97 },
      { start: 120, end: 120 },
    ]);
    expect(byId(findings, 'W-03')).toMatchObject({
      ruffCodes: ['UP045', 'W293', 'F401'],
      ruffFix: true,
    });
  });

  it('TypeScript documents: label IDs, lettered steps, F-NN sections with file roles', async () => {
    const issues = await read('ts-issues.md');
    expect(
      byId(issues, 'ISSUE-1').fileRefs.find((r) => r.path.endsWith('PostCard.tsx'))?.ranges,
    ).toEqual([{ start: 12, end: 20 }]);
    const plan = await read('ts-refactor-plan.md');
    expect(plan.map((f) => [f.id, f.title])).toEqual([
      ['1a', 'Move `formatDate` to `src/lib/date.ts`'],
      ['1b', 'Move `parseIsoDate` to `src/lib/date.ts`'],
      ['2a', 'Replace the local `SupportedLocale` alias'],
      ['3a', 'Move `clamp()` below the import block in `src/lib/math.ts`'],
    ]);
    const f02 = byId(await read('ts-assessment.md'), 'F-02');
    expect(Object.keys(f02.sections)).toEqual([
      'Problem',
      'Implementation spec',
      'Files to modify',
      'Files to create',
    ]);
    expect(f02.fileRefs.map((r) => [r.path.split('/').pop(), r.role])).toEqual([
      ['useSearch.ts', 'modify'],
      ['useFilters.ts', 'modify'],
      ['useDebounce.ts', 'create'],
    ]);
  });
});

describe('synthesised IDs are stable', () => {
  /** [document, edit, IDs the edit may renumber (its own section)]. */
  const edits: [string, (text: string) => string, string][] = [
    [
      'deep-audit.md',
      (t) =>
        t.replace(
          '## 4. Persistence',
          '## 2. Caching\n\n### 2.1 Cache keys\n\n#### Edge cases\n\n- Keys collide across tenants.\n\n## 4. Persistence',
        ),
      '',
    ],
    [
      'deep-audit.md',
      (t) =>
        t.replace('- A crash between', '- A full disk makes `write()` raise.\n- A crash between'),
      '4.5-',
    ],
    [
      'risks.md',
      (t) =>
        t.replace(
          '## Edge cases',
          '## Edge cases\n\n- An upload interrupted at 99% is retried from zero.',
        ),
      '',
    ],
    [
      'checklist.md',
      (t) => t.replace('- [x] Pin', '- [ ] Rotate the SMTP password\n- [x] Pin'),
      '',
    ],
  ];

  it.each(edits)(
    '%s: an edit elsewhere keeps the other findings’ IDs',
    (name, edit, renumbered) => {
      const text = fs.readFileSync(path.join(DOCS, name), 'utf8');
      const pairs = (t: string) =>
        parseFindingsDocument(t, name).findings.map((f) => [f.id, f.title]);
      const before = pairs(text).filter(([id]) => !renumbered || !id?.startsWith(renumbered));
      const after = pairs(edit(text));
      expect(after.length).toBe(pairs(text).length + 1);
      for (const pair of before) expect(after).toContainEqual(pair);
    },
  );
});
