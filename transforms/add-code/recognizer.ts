/**
 * Does a finding ask to add code it gives? Read from its Fix prose, inline code and
 * code blocks, in this order:
 * - exports: "Add `A`, `B` to `__all__` (and the matching imports) in `pkg/__init__.py`";
 * - a validator: a `@model_validator(...)` / `@field_validator("f")` span, the class
 *   ("on `Class`", or `Class.field`) and a stated predicate ("raises `E` if `a` and `b`",
 *   "unless `0 <= p <= 299`", "calling `make_url()` on `url`");
 * - fields: "Add `name: type = default`, ... to `Class`" when nothing is to be wired
 *   (that is the settings transform's job);
 * - definitions: a Python block of new definitions (no name the finding lists as
 *   existing code) that the Fix says to add, expand or append, into the block's file or
 *   the one file the finding modifies (B-TEST-02's conftest fixtures, B-DUP-04's helper).
 */
import type { CodeBlock, Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import {
  codeSpans,
  fieldDeclarations,
  fixSections,
  predicateIn,
  sentences,
  topLevelStatements,
} from '../../src/python/finding-spec.js';
import type { AddCodeOptions } from './options.js';

const PYTHON_LANGS = new Set(['python', 'py', 'python3', 'py3']);
const ADD_VERBS = /\b(?:add|adds|adding|expand|extend|append|introduce|provide|create)\b/i;
const WIRING =
  /\b(?:wire|wiring|promote|read from settings|instead of (?:raw )?`?os\.|replace (?:the )?hard-?coded)\b/i;
const CLASS_NAME = /^[A-Z][A-Za-z0-9]+$/;

function pythonFiles(finding: Finding, role?: 'modify' | 'mention'): string[] {
  return finding.fileRefs
    .filter((r) => r.path.endsWith('.py') && (role === undefined || r.role === role))
    .map((r) => r.path);
}

/** "Add `A`, `B` to `__all__` ... in `x/__init__.py`". */
function inferExports(finding: Finding, fix: string): AddCodeOptions | undefined {
  const sentence = sentences(fix).find((s) => /`__all__`/.test(s) && ADD_VERBS.test(s));
  if (!sentence) return undefined;
  const spans = codeSpans(sentence);
  const allAt = spans.findIndex((s) => s.code === '__all__');
  const names = spans
    .slice(0, allAt)
    .map((s) => s.code)
    .filter((c) => /^[A-Za-z_]\w*$/.test(c));
  const init = [...spans.map((s) => s.code), ...pythonFiles(finding)].find((c) =>
    /(^|\/)__init__\.py$/.test(c),
  );
  const file = init && pythonFiles(finding).find((p) => p === init || p.endsWith(`/${init}`));
  if (names.length === 0 || !file) return undefined;
  return { kind: 'exports', file, names };
}

/** The class a sentence names: "on `X`", "to `X`", or `X.field`. */
function classIn(sentence: string): { name: string; field?: string } | undefined {
  for (const span of codeSpans(sentence)) {
    const dotted = /^([A-Z][A-Za-z0-9]+)\.([a-z_]\w*)$/.exec(span.code);
    if (dotted) return { name: dotted[1]!, field: dotted[2]! };
  }
  const on = /\b(?:on|to|in|of)\s+`([A-Z][A-Za-z0-9]+)`/.exec(sentence);
  return on ? { name: on[1]! } : undefined;
}

/** "Add `@model_validator(mode="after")` on `Class` that raises ... if ...". */
function inferValidator(finding: Finding, fix: string): AddCodeOptions | undefined {
  const all = sentences(fix);
  const at = all.findIndex((s) => /`@(?:model|field)_validator\b/.test(s));
  if (at === -1) return undefined;
  const sentence = all[at]!;
  const decorator = codeSpans(sentence).find((s) =>
    /^@(?:model|field)_validator\b/.test(s.code),
  )!.code;
  const cls = classIn(sentence) ?? all.slice(0, at).reverse().map(classIn).find(Boolean);
  const predicate = predicateIn(sentence);
  if (!cls || !predicate) return undefined;
  const fieldArg = /^@field_validator\(\s*["'](\w+)["']/.exec(decorator)?.[1];
  const scope = decorator.startsWith('@field_validator') ? 'field' : 'model';
  const file = pythonFiles(finding).length === 1 ? pythonFiles(finding)[0] : undefined;
  return {
    kind: 'validator',
    class: cls.name,
    scope,
    ...(scope === 'field' ? { field: fieldArg ?? cls.field! } : {}),
    predicate,
    ...(file ? { file } : {}),
  };
}

/** "Add `a: int = 1` to `Class`" (and nothing to wire). */
function inferFields(finding: Finding, fix: string): AddCodeOptions | undefined {
  if (WIRING.test(fix)) return undefined;
  for (const sentence of sentences(fix)) {
    if (!ADD_VERBS.test(sentence)) continue;
    const fields = fieldDeclarations(codeSpans(sentence));
    const cls = codeSpans(sentence).find(
      (s) => CLASS_NAME.test(s.code) && /Settings|Config|Model/.test(s.code),
    );
    if (fields.length === 0 || !cls) continue;
    const file = pythonFiles(finding).length === 1 ? pythonFiles(finding)[0] : undefined;
    return { kind: 'fields', class: cls.code, fields, ...(file ? { file } : {}) };
  }
  return undefined;
}

function isPython(block: CodeBlock): boolean {
  return block.lang === null || PYTHON_LANGS.has(block.lang);
}

/** A block of new definitions the Fix says to add. */
/** Names the finding shows as existing code: listed symbols, and definitions in blocks outside the fix. */
function existingNames(finding: Finding, fix: string): Set<string> {
  const names = new Set([...finding.symbols, ...finding.fileRefs.flatMap((r) => r.symbols)]);
  for (const block of finding.codeBlocks) {
    const first = block.code.trim().split('\n')[0]!;
    if (block.role !== 'before' && fix.includes(first)) continue;
    for (const s of topLevelStatements(block.code)) if (s.name) names.add(s.name);
  }
  return names;
}

/**
 * A block whose first line says it is something else than code to add: another file
 * (`# backend/tasks.py (NEW FILE)`) or a change to existing code (`# Modify x.py:164-218`).
 */
function notAnAddition(code: string, file: string | undefined): boolean {
  const line = code.trim().split('\n')[0]!;
  if (/^#\s*(?:modify|replace|update|change|rewrite)\b/i.test(line)) return true;
  const named = /^#\s*(\S+\.py)\b(.*)$/.exec(line);
  return !!named && (/\bnew file\b/i.test(named[2]!) || !file || !file.endsWith(named[1]!));
}

function inferDefinitions(finding: Finding, fix: string): AddCodeOptions | undefined {
  const existing = existingNames(finding, fix);
  for (const block of finding.codeBlocks) {
    if (!isPython(block) || block.role === 'before' || block.role === 'new-file') continue;
    if (notAnAddition(block.code, block.file)) continue;
    const statements = topLevelStatements(block.code);
    const defs = statements.filter((s) => s.kind === 'def' || s.kind === 'class');
    if (defs.length === 0 || statements.some((s) => s.kind === 'other')) continue;
    if (defs.some((d) => existing.has(d.name ?? ''))) continue;
    const at = fix.indexOf(block.code.trim().split('\n')[0]!);
    if (at === -1 || !ADD_VERBS.test(fix.slice(0, at))) continue;
    const modified = pythonFiles(finding, 'modify');
    const file = block.file ?? (modified.length === 1 ? modified[0] : undefined);
    if (!file?.endsWith('.py')) continue;
    const callSites = inferCallSites(
      finding,
      fix,
      file,
      defs.map((d) => d.name!),
    );
    return { kind: 'definitions', file, code: block.code, ...(callSites ? { callSites } : {}) };
  }
  return undefined;
}

/** "Then each handler calls: `return helper(a, b)`": the handlers are the functions the finding lists. */
function inferCallSites(finding: Finding, fix: string, file: string, names: readonly string[]) {
  const call = codeSpans(fix)
    .map((s) => s.code)
    .find((c) => names.some((n) => new RegExp(`^(?:return\\s+)?${n}\\(`).test(c)));
  if (!call) return undefined;
  const sites = finding.fileRefs
    .filter((r) => r.path !== file && r.path.endsWith('.py') && r.role !== 'mention')
    .flatMap((r) => r.symbols.map((fn) => ({ file: r.path, function: fn })));
  return sites.length > 0 ? { call, sites } : undefined;
}

const MORE_WORK =
  /^(?:also|then\b(?!\s+each\s+handler)|enforce|pass|wire|call|register|update|use)\b/i;

/** Sentences of the fix that ask for more than the step does ("Also add `moto` ..."). */
function alsoAsked(fix: string, options: AddCodeOptions): string[] {
  const consumed = options.kind === 'definitions' ? options.code : '';
  return sentences(fix)
    .map((s) => s.replace(/^\d+\.\s*/, '').trim())
    .filter((s) => MORE_WORK.test(s) && !consumed.includes(s) && !/`__all__`|_validator/.test(s))
    .filter(
      (s) =>
        options.kind !== 'definitions' || !options.callSites || !s.includes(options.callSites.call),
    );
}

export function inferAddCode(finding: Finding): AddCodeOptions | undefined {
  const fix = fixSections(finding.sections);
  if (!fix) return undefined;
  const options =
    inferExports(finding, fix) ??
    inferValidator(finding, fix) ??
    inferFields(finding, fix) ??
    inferDefinitions(finding, fix);
  if (!options) return undefined;
  const also = alsoAsked(fix, options);
  return also.length > 0 ? { ...options, also } : options;
}

/** The planner's view of add-code: which findings ask for it, with what options. */
export const recognizer: Recognizer<AddCodeOptions> = {
  transform: 'add-code',
  infer: inferAddCode,
};
