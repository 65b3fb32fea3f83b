/**
 * Precision and recall of the reader against hand-written truth labels: a finding counts
 * when its ID and start line both match a label; severity, status, files and title
 * keywords are compared on the matched pairs.
 */
import fs from 'node:fs';
import type { Finding } from '../../src/findings/types.js';

export interface LabelledFinding {
  readonly id: string;
  readonly line: number;
  readonly severity: string | null;
  readonly status: string;
  readonly files: readonly string[];
  /** A few distinctive words of the title (not the title itself). */
  readonly keywords: readonly string[];
}

export interface Labels {
  readonly document: string;
  readonly notes: string;
  readonly findings: readonly LabelledFinding[];
}

export interface Agreement {
  agree: number;
  total: number;
}

export interface Score {
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  /** Labelled findings the reader did not produce (`id@line`). */
  readonly missing: string[];
  /** Findings the reader produced that no label has (`id@line`). */
  readonly extra: string[];
  readonly severity: Agreement;
  readonly status: Agreement;
  readonly files: Agreement;
  readonly titles: Agreement;
}

export function readLabels(file: string): Labels {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Labels;
}

const key = (id: string, line: number) => `${id.toUpperCase()}@${line}`;

export function scoreFindings(
  found: readonly Finding[],
  labels: readonly LabelledFinding[],
): Score {
  const byKey = new Map(labels.map((l) => [key(l.id, l.line), l]));
  const matched = found.flatMap((f) => {
    const label = byKey.get(key(f.id, f.line));
    return label ? [[f, label] as const] : [];
  });
  const foundKeys = new Set(found.map((f) => key(f.id, f.line)));
  const tp = matched.length;
  const agreement = (same: (f: Finding, l: LabelledFinding) => boolean): Agreement => ({
    agree: matched.filter(([f, l]) => same(f, l)).length,
    total: tp,
  });
  return {
    truePositives: tp,
    precision: found.length === 0 ? (labels.length === 0 ? 1 : 0) : tp / found.length,
    recall: labels.length === 0 ? 1 : tp / labels.length,
    missing: labels
      .filter((l) => !foundKeys.has(key(l.id, l.line)))
      .map((l) => `${l.id}@${l.line}`),
    extra: found.filter((f) => !byKey.has(key(f.id, f.line))).map((f) => `${f.id}@${f.line}`),
    severity: agreement((f, l) => f.severity === l.severity),
    status: agreement((f, l) => f.status === l.status),
    files: agreement((f, l) => sameSet(f.files, l.files)),
    titles: agreement((f, l) =>
      l.keywords.every((k) => f.title.toLowerCase().replace(/`/g, '').includes(k.toLowerCase())),
    ),
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Sum of several agreements. */
export function addAgreements(parts: readonly Agreement[]): Agreement {
  return parts.reduce((sum, p) => ({ agree: sum.agree + p.agree, total: sum.total + p.total }), {
    agree: 0,
    total: 0,
  });
}

export function rate(a: Agreement): number {
  return a.total === 0 ? 1 : a.agree / a.total;
}
