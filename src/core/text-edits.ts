/**
 * From two texts to the edits between them: one edit per changed run of lines. For
 * transforms that produce a whole new text (a jscodeshift module, a formatter): their
 * output becomes a Fix like any other and goes through the same pipeline (conflict
 * policy, import requests, re-parse, guard, formatting, diff).
 */
import { diffArrays } from 'diff';
import { Edit } from './edit.js';
import { type Applicability, Fix } from './fix.js';
import { splitLines } from './text.js';

/** The minimal line edits that turn `before` into `after` (none when they are equal). */
export function editsBetween(before: string, after: string): Edit[] {
  const edits: Edit[] = [];
  let offset = 0;
  let pending: { start: number; end: number; text: string } | undefined;
  const flush = () => {
    if (pending) edits.push(Edit.replace(pending.start, pending.end, pending.text));
    pending = undefined;
  };
  for (const change of diffArrays(splitLines(before), splitLines(after))) {
    const text = change.value.join('');
    if (!change.added && !change.removed) {
      flush();
      offset += text.length;
      continue;
    }
    pending ??= { start: offset, end: offset, text: '' };
    if (change.removed) {
      offset += text.length;
      pending.end = offset;
    } else pending.text += text;
  }
  flush();
  return edits;
}

/**
 * A fix that turns `before` (the file's current text) into `after`, or undefined when
 * they are equal. `applicability` is the producer's to decide, as for any fix.
 */
export function fixFromNewText(
  title: string,
  before: string,
  after: string,
  applicability: Applicability = 'safe',
): Fix | undefined {
  const edits = editsBetween(before, after);
  return edits.length === 0 ? undefined : Fix.of(title, edits, applicability);
}
