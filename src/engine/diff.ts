/**
 * Unified diffs in git's form (`diff --git a/p b/p`, `a/` and `b/` prefixes, new-file
 * headers) so `git apply` accepts them, plus per-file change statistics.
 */
import { createTwoFilesPatch, diffArrays } from 'diff';
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
  const patch = createTwoFilesPatch(oldName, newName, before, after, undefined, undefined, {
    context,
  });
  // Drop jsdiff's "Index:"/"====" preamble; keep from the --- line on.
  const body = patch.slice(patch.indexOf('--- ')).replace(/^(--- |\+\+\+ )(.*?)\t$/gm, '$1$2');
  const mode = created ? 'new file mode 100644\n' : deleted ? 'deleted file mode 100644\n' : '';
  const header = `diff --git a/${path} b/${path}\n${mode}`;
  return header + body;
}

export interface DiffStat {
  readonly path: string;
  readonly added: number;
  readonly removed: number;
}

export function diffStat(file: Pick<ChangedFile, 'path' | 'before' | 'after'>): DiffStat {
  let added = 0;
  let removed = 0;
  for (const change of diffArrays(splitLines(file.before), splitLines(file.after))) {
    if (change.added) added += change.value.length;
    else if (change.removed) removed += change.value.length;
  }
  return { path: file.path, added, removed };
}
