/**
 * The reader on real audit documents nobody shaped it for: `../shared/docs-corpus/`,
 * read in place (their text is never copied here) and scored against our own labels in
 * `test/findings/corpus/<document>.labels.json`. Skipped, saying so, when the corpus is
 * not beside the checkout (a clean CI clone).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFindings } from '../../src/findings/read.js';
import type { Finding } from '../../src/findings/types.js';
import { REPO_ROOT } from './helpers.js';
import {
  addAgreements,
  type LabelledFinding,
  type Labels,
  rate,
  readLabels,
  type Score,
  scoreFindings,
} from './scoring.js';

const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/docs-corpus');
const LABELS_DIR = path.join(REPO_ROOT, 'test/findings/corpus');
const HAVE_CORPUS = fs.existsSync(CORPUS_DIR);
const MIN_SCORE = 0.9;

const labelFiles = fs
  .readdirSync(LABELS_DIR)
  .filter((f) => f.endsWith('.labels.json'))
  .sort();

async function scoreDocument(labels: Labels): Promise<Score> {
  const set = await readFindings([path.join(CORPUS_DIR, labels.document)]);
  return scoreFindings(set.findings, labels.findings);
}

if (!HAVE_CORPUS) {
  describe('docs corpus', () => {
    it.skip(`skipped: ${CORPUS_DIR} does not exist (the corpus lives beside the checkout, in ../shared)`, () => {});
  });
}

describe.skipIf(!HAVE_CORPUS)('docs corpus: precision and recall against our labels', () => {
  it('has labels for every document of the corpus, and only for those', () => {
    const documents = fs.readdirSync(CORPUS_DIR).filter((f) => /_.*\.md$/.test(f));
    expect(labelFiles.map((f) => f.replace(/\.labels\.json$/, '.md'))).toEqual(documents.sort());
    const sources = fs.readFileSync(path.join(CORPUS_DIR, 'SOURCES.tsv'), 'utf8');
    for (const doc of documents) expect(sources).toContain(doc);
  });

  const scores: Score[] = [];
  it.each(labelFiles)('%s reads at precision and recall >= 0.9', async (file) => {
    const labels = readLabels(path.join(LABELS_DIR, file));
    const score = await scoreDocument(labels);
    scores.push(score);
    const detail = `missing ${score.missing.join(', ') || '-'}; extra ${score.extra.join(', ') || '-'}`;
    expect(score.precision, detail).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(score.recall, detail).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it('agrees with the labels on severity, status, files and titles over the corpus', () => {
    expect(scores).toHaveLength(labelFiles.length);
    const tp = scores.reduce((n, s) => n + s.truePositives, 0);
    const found = tp + scores.reduce((n, s) => n + s.extra.length, 0);
    const labelled = tp + scores.reduce((n, s) => n + s.missing.length, 0);
    expect(tp / found).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(tp / labelled).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(rate(addAgreements(scores.map((s) => s.severity)))).toBeGreaterThanOrEqual(0.9);
    expect(rate(addAgreements(scores.map((s) => s.status)))).toBeGreaterThanOrEqual(0.95);
    expect(rate(addAgreements(scores.map((s) => s.files)))).toBeGreaterThanOrEqual(0.85);
    expect(rate(addAgreements(scores.map((s) => s.titles)))).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the scoring can fail', () => {
  const found = (id: string, line: number, extra: Partial<Finding> = {}) =>
    ({
      id,
      line,
      title: 'SQL injection in sorting',
      severity: 'high',
      status: 'open',
      files: ['a.py'],
      ...extra,
    }) as Finding;
  const label = (id: string, line: number): LabelledFinding => ({
    id,
    line,
    severity: 'high',
    status: 'open',
    files: ['a.py'],
    keywords: ['sql', 'sorting'],
  });

  it('scores a perfect read 1.0 and a broken label lower', () => {
    const reader = [found('C-1', 24), found('C-2', 63)];
    expect(scoreFindings(reader, [label('C-1', 24), label('C-2', 63)])).toMatchObject({
      precision: 1,
      recall: 1,
    });
    const broken = scoreFindings(reader, [label('C-1', 24), label('C-9', 63)]);
    expect(broken).toMatchObject({
      precision: 0.5,
      recall: 0.5,
      missing: ['C-9@63'],
      extra: ['C-2@63'],
    });
    const moved = scoreFindings(reader, [label('C-1', 24), label('C-2', 64)]);
    expect(moved.recall).toBe(0.5);
  });

  it('counts field disagreements on matched findings', () => {
    const score = scoreFindings(
      [found('C-1', 24, { severity: 'low', files: [] })],
      [label('C-1', 24)],
    );
    expect(score.severity).toEqual({ agree: 0, total: 1 });
    expect(score.files).toEqual({ agree: 0, total: 1 });
    expect(score.titles).toEqual({ agree: 1, total: 1 });
  });

  it.skipIf(!HAVE_CORPUS)('lowers a real document when one of its labels is broken', async () => {
    const labels = readLabels(path.join(LABELS_DIR, labelFiles[0] ?? ''));
    const [first, ...rest] = labels.findings;
    if (!first) throw new Error('empty labels');
    const broken = { ...labels, findings: [{ ...first, id: `${first.id}-BROKEN` }, ...rest] };
    const score = await scoreDocument(broken);
    expect(score.recall).toBeLessThan(1);
    expect(score.precision).toBeLessThan(1);
  });
});
