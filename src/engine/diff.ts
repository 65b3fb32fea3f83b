/**
 * Unified diffs in git's form (`diff --git a/p b/p`, `a/` and `b/` prefixes, new-file
 * headers) so `git apply` accepts them, plus per-file change statistics. Hunks are
 * built from the near-linear line diff (line-diff.ts), in jsdiff's format.
 */

import { diffLineOps, type LineOp } from '../core/line-diff.js';
import type { ChangedFile } from '../core/result.js';
import { splitLines } from '../core/text.js';

/** The unified diff of one changed file. */
export function unifiedDiff(
  file: Pick<ChangedFile, 'path' | 'before' | 'after' | 'created' | 'deleted'>,
  context = 3,
): string {
  const { path, before, after, created, deleted } = file;
  const oldName = created ? '/dev/null' : `a/${path}`;
  const newName = deleted ? '/dev/null' : `b/${path}`;
  const mode = created ? 'new file mode 100644\n' : deleted ? 'deleted file mode 100644\n' : '';
  const header = `diff --git a/${path} b/${path}\n${mode}`;
  return `${header}--- ${oldName}\n+++ ${newName}\n${unifiedHunks(before, after, context)}`;
}

interface Hunk {
  readonly aStart: number;
  readonly bStart: number;
  aCount: number;
  bCount: number;
  readonly lines: string[];
}

/** `@@ -a,n +b,m @@` hunks turning `before` into `after`, with `context` lines around changes. */
export function unifiedHunks(before: string, after: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLineOps(a, b);
  const hunks: Hunk[] = [];
  let hunk: Hunk | undefined;
  let ia = 0;
  let ib = 0;
  /** A context line (the same in both sides), at `i` in the old side. */
  const keep = (i: number) => {
    hunk!.lines.push(printed(' ', a[i]!));
    hunk!.aCount++;
    hunk!.bCount++;
  };
  ops.forEach((op: LineOp, k) => {
    if (op.kind === '=') {
      if (hunk) {
        const merge = k < ops.length - 1 && op.count <= 2 * context;
        const n = merge ? op.count : Math.min(context, op.count);
        for (let j = 0; j < n; j++) keep(ia + j);
        if (!merge) hunk = undefined;
      }
      ia += op.count;
      ib += op.count;
      return;
    }
    if (!hunk) {
      const lead = Math.min(context, ia);
      hunk = { aStart: ia - lead, bStart: ib - lead, aCount: 0, bCount: 0, lines: [] };
      hunks.push(hunk);
      for (let j = lead; j > 0; j--) keep(ia - j);
    }
    const side = op.kind === '-' ? a : b;
    const at = op.kind === '-' ? ia : ib;
    for (let j = 0; j < op.count; j++) hunk.lines.push(printed(op.kind, side[at + j]!));
    if (op.kind === '-') {
      hunk.aCount += op.count;
      ia += op.count;
    } else {
      hunk.bCount += op.count;
      ib += op.count;
    }
  });
  return hunks.map(hunkText).join('');
}

/** A diff line: prefix, text without its `\n`, and git's marker when the file ends without one. */
function printed(prefix: string, line: string): string {
  return line.endsWith('\n')
    ? `${prefix}${line.slice(0, -1)}\n`
    : `${prefix}${line}\n\\ No newline at end of file\n`;
}

function hunkText(h: Hunk): string {
  const start = (from: number, count: number) => (count === 0 ? from : from + 1);
  return `@@ -${start(h.aStart, h.aCount)},${h.aCount} +${start(h.bStart, h.bCount)},${h.bCount} @@\n${h.lines.join('')}`;
}

export interface DiffStat {
  readonly path: string;
  readonly added: number;
  readonly removed: number;
}

export function diffStat(file: Pick<ChangedFile, 'path' | 'before' | 'after'>): DiffStat {
  let added = 0;
  let removed = 0;
  for (const op of diffLineOps(splitLines(file.before), splitLines(file.after))) {
    if (op.kind === '+') added += op.count;
    else if (op.kind === '-') removed += op.count;
  }
  return { path: file.path, added, removed };
}
