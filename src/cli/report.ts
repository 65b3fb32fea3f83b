/**
 * Printing transform results: diffs (coloured on a TTY) to stdout, per-file messages
 * and the summary line to stderr, or one JSON document with `--json`.
 */
import { countResults, type FileResult } from '../core/result.js';
import { diffStat, unifiedDiff } from '../engine/diff.js';
import type { ProjectNote } from '../engine/project-context.js';
import { err, out, paint } from './output.js';

export function colorDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('diff --git') || line.startsWith('new file')) return paint('bold', line);
      if (line.startsWith('+++') || line.startsWith('---')) return paint('bold', line);
      if (line.startsWith('@@')) return paint('cyan', line);
      if (line.startsWith('+')) return paint('green', line);
      if (line.startsWith('-')) return paint('red', line);
      return line;
    })
    .join('\n');
}

export function printDiffs(results: readonly FileResult[]): void {
  for (const r of results) {
    if (r.kind === 'changed') process.stdout.write(colorDiff(unifiedDiff(r)));
  }
}

export function printStat(results: readonly FileResult[]): void {
  let added = 0;
  let removed = 0;
  const changed = results.filter((r) => r.kind === 'changed');
  for (const r of changed) {
    const s = diffStat(r);
    added += s.added;
    removed += s.removed;
    out(` ${r.path} | ${paint('green', `+${s.added}`)} ${paint('red', `-${s.removed}`)}`);
  }
  out(` ${changed.length} file(s) changed, ${added} insertion(s)(+), ${removed} deletion(s)(-)`);
}

/** Per-file messages: failures, skips and notes, `path:line: message`. */
export function printMessages(
  results: readonly FileResult[],
  notes: readonly ProjectNote[] = [],
): void {
  const e = process.stderr;
  for (const n of notes) {
    const where = n.path ? `${n.path}${n.line ? `:${n.line}` : ''}: ` : '';
    err(
      `${where}${paint(n.severity === 'warning' ? 'yellow' : 'dim', n.severity, e)}: ${n.message}`,
    );
  }
  for (const r of results) {
    for (const n of r.notes) {
      err(
        `${r.path}${n.line ? `:${n.line}` : ''}: ${paint(n.severity === 'warning' ? 'yellow' : 'dim', n.severity, e)}: ${n.message}`,
      );
    }
    if (r.kind === 'failed') err(`${r.path}: ${paint('red', 'failed', e)}: ${r.error}`);
    if (r.kind === 'skipped') err(`${r.path}: ${paint('yellow', 'skipped', e)}: ${r.reason}`);
  }
}

export function summaryLine(label: string, results: readonly FileResult[]): string {
  const c = countResults(results);
  return `${label}: ${c.changed} changed, ${c.unchanged} unchanged, ${c.skipped} skipped, ${c.failed} failed`;
}

/** JSON form of results (diffs included, texts omitted). */
export function resultsJson(results: readonly FileResult[]) {
  return results.map((r) => {
    const base = { path: r.path, status: r.kind, notes: r.notes };
    switch (r.kind) {
      case 'changed':
        return {
          ...base,
          created: r.created,
          fixes: r.fixes.map((f) => ({ title: f.title, applicability: f.applicability })),
          diff: unifiedDiff(r),
          stat: diffStat(r),
        };
      case 'skipped':
        return { ...base, reason: r.reason };
      case 'failed':
        return { ...base, error: r.error };
      default:
        return base;
    }
  });
}
