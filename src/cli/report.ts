/**
 * Printing transform results: diffs (coloured on a TTY) to stdout and the summary line
 * to stderr (diagnostics: `diagnostics.ts`), or one JSON document with `--json`.
 */
import { countResults, type FileResult } from '../core/result.js';
import { diffStat, unifiedDiff } from '../engine/diff.js';
import { out, paint } from './output.js';

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

export function summaryLine(label: string, results: readonly FileResult[]): string {
  const c = countResults(results);
  return `${label}: ${c.changed} changed, ${c.unchanged} unchanged, ${c.skipped} skipped, ${c.failed} failed`;
}

/** JSON form of results (diffs included, texts omitted). */
export function resultsJson(results: readonly FileResult[]) {
  return results.map((r) => {
    const base = {
      path: r.path,
      status: r.kind,
      diagnostics: r.diagnostics,
      ...(r.heldBack ? { heldBack: r.heldBack } : {}),
    };
    switch (r.kind) {
      case 'changed':
        return {
          ...base,
          created: r.created,
          ...(r.deleted ? { deleted: true } : {}),
          fixes: r.fixes.map((f) => ({ title: f.title, applicability: f.applicability })),
          diff: unifiedDiff(r),
          stat: diffStat(r),
        };
      case 'skipped':
        return { ...base, reason: r.reason };
      case 'failed':
        return { ...base, error: r.error, ...(r.stack ? { stack: r.stack } : {}) };
      default:
        return base;
    }
  });
}
