/**
 * replace-snippet — replace the code a finding quotes with the code it recommends.
 *
 * What it does: finds the finding's before-code in the named file — inside the named
 * function when the finding names one (`_safe_handler()`) — by tokens, so whitespace,
 * line breaks, comments, quote style and magic trailing commas do not matter; replaces
 * it with the after-code, re-indented to where the match sits. When the match is in
 * `except E as exc:` and the new code no longer uses `exc`, `as exc` goes too.
 * Why: auditors often write the fix as a before/after pair (B-SEC-01); the document's
 * line numbers go stale as earlier fixes land, the code does not.
 * Example: `return json_response(500, {"error": "Internal server error", "detail":
 * str(exc)}, event=event)` -> `return json_response(500, {"error": "Internal server
 * error"}, event=event)`.
 * Fix safety: the change is the behaviour change the finding asks for, so the fix is safe
 * when it is exactly the requested replacement; it is unsafe when it drops documentation
 * the after-code does not repeat: comments inside the replaced code (a warning lists
 * them) or a docstring. Refuses when the before-code matches no place
 * or several places (saying where); does nothing when the after-code is already there.
 * Options: `file` (repository path), `function` (optional: `name` or `Class.method`),
 * `before` and `after` (the two code blocks, as written in the finding).
 */
import { z } from 'zod';
import { Edit } from '../../src/core/edit.js';
import { Fix } from '../../src/core/fix.js';
import { defineTransform, type SourceFile } from '../../src/engine/contract.js';
import type { PythonProjectContext, PythonTypes } from '../../src/python/adapter.js';
import { type Token, tokenize } from '../../src/python/tokens.js';
import { matchIn, nearestMiss, type ScopedMatch, searchScopes } from './locate.js';
import { droppedDocumentation, replacementText, unusedExceptAlias } from './rewrite.js';

const options = z.strictObject({
  file: z.string().min(1),
  function: z.string().min(1).optional(),
  before: z.string().refine((s) => s.trim() !== '', 'the before-code is empty'),
  after: z.string(),
});

export type ReplaceSnippetOptions = z.infer<typeof options>;

function run(ctx: PythonProjectContext<ReplaceSnippetOptions>): void {
  const { file, before, after } = ctx.options;
  if (!ctx.exists(file)) {
    ctx.refuse({ code: 'replace-snippet/no-file', message: `${file} does not exist` });
  }
  const fileCtx = ctx.file(file);
  const scopes = searchScopes(fileCtx.tree, file, ctx.options.function);
  if (typeof scopes === 'string') ctx.refuse({ code: 'replace-snippet/no-scope', message: scopes });
  const tokens = tokenize(fileCtx.text);
  const matches = matchIn(tokens, scopes, before);
  const where = scopes.map((s) => s.label).join(', ');
  if (alreadyApplied(matches, matchIn(tokens, scopes, after))) {
    const message = `the after-code is already in ${where}: nothing to replace`;
    ctx.report({ severity: 'info', code: 'replace-snippet/already-applied', message, file });
    return;
  }
  if (matches.length === 0) {
    const lineOf = (offset: number) => fileCtx.lines.lineOf(offset);
    const miss = nearestMiss(tokens, scopes, before, lineOf);
    ctx.refuse(
      {
        code: 'replace-snippet/not-found',
        message: `the before-code does not occur in ${where}${miss ? `; ${miss}` : ''}`,
      },
      { hint: 'the code may have changed since the audit: check the finding against the file' },
    );
  }
  if (matches.length > 1) {
    const lines = matches.map((m) => fileCtx.lines.lineOf(m.start)).join(', ');
    ctx.refuse(
      {
        code: 'replace-snippet/ambiguous',
        message: `the before-code occurs ${matches.length} times in ${where} (lines ${lines})`,
      },
      { hint: 'name the function that holds the code to replace with the "function" option' },
    );
  }
  replaceMatch(ctx, fileCtx, tokens, matches[0]!);
}

/** The fix for the one match: unsafe when it drops documentation the after-code lacks. */
function replaceMatch(
  ctx: PythonProjectContext<ReplaceSnippetOptions>,
  fileCtx: SourceFile<PythonTypes>,
  tokens: readonly Token[],
  match: ScopedMatch,
): void {
  const { file, before, after } = ctx.options;
  const dropped = droppedDocumentation(fileCtx.tree, tokens, match, after);
  if (dropped.comments.length > 0) {
    ctx.report({
      severity: 'warning',
      code: 'replace-snippet/comments-dropped',
      message: `comments inside the replaced code are dropped: ${dropped.comments.join(' | ')}`,
      file,
      at: match.start,
    });
  }
  const text = replacementText(fileCtx.text, match.start, before, after, fileCtx.eol);
  const edits = [Edit.replace(match.start, match.end, text)];
  const alias = unusedExceptAlias(fileCtx.tree, fileCtx.text, match, before, after);
  if (alias) edits.push(alias);
  const line = fileCtx.lines.lineOf(match.start);
  const title = `replace the code at line ${line}`;
  const lost = [
    dropped.comments.length ? `drops ${dropped.comments.length} comment(s)` : '',
    dropped.docstrings.length ? `drops ${dropped.docstrings.length} docstring(s)` : '',
  ].filter(Boolean);
  ctx.fix(
    file,
    lost.length > 0 ? Fix.unsafe(`${title} (${lost.join(', ')})`, edits) : Fix.safe(title, edits),
  );
}

/** The after-code is in place and every before-match lies inside it. */
function alreadyApplied(before: readonly ScopedMatch[], after: readonly ScopedMatch[]): boolean {
  if (after.length === 0) return false;
  return before.every((b) => after.some((a) => a.start <= b.start && b.end <= a.end));
}

export default defineTransform({
  id: 'replace-snippet',
  languages: ['python'],
  reads: 'project',
  summary: "replace the quoted code with the finding's fix",
  options,
  run,
});
