/**
 * Does a finding ask to share duplicated helpers? It must say the code is duplicated
 * (duplicated, copy-pasted, identical, several implementations), name the old helpers
 * (a table's function column, names given with the files, `name()` in the problem)
 * and where the shared one goes (a new file it lists, or "keep ... only in `x.py`"),
 * and not ask for new behaviour ("instead of"). New names come from the fix's
 * signatures (`get_header_case_insensitive(headers, name)`) paired by meaning
 * (pairing.ts); `name=True|False` in a signature is the guard parameter; an
 * `__init__.py` the fix says to "export" from becomes `exportFrom`.
 */
import path from 'node:path/posix';
import type { FileRef, Finding } from '../../src/findings/types.js';
import type { ExtractOptions, HelperOption } from './options.js';
import { pairNames } from './pairing.js';

const DUPLICATION =
  /\bduplicat|\bcopy-?past|\bcopied\b|\bidentical\b|\b(?:two|three|four|several|multiple|\d+) (?:independent |separate )?(?:implementations|copies)\b/i;
const NEW_BEHAVIOUR = /\binstead of\b/i;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function section(finding: Finding, pattern: RegExp): string {
  return Object.entries(finding.sections)
    .filter(([name]) => pattern.test(name))
    .map(([, text]) => text)
    .join('\n');
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** `_name()` / `` `_name()` `` cells and mentions -> names. */
function callNames(text: string): string[] {
  return [...text.matchAll(/`([A-Za-z_]\w*)\(\)`/g)].map((m) => m[1]!);
}

/** The old helper names the finding gives. */
export function oldHelperNames(finding: Finding): string[] {
  const fromTables = finding.tables.flatMap((t) => {
    const col = t.header.findIndex((h) => /function|helper|method|name|symbol/i.test(h));
    if (col === -1) return [];
    return t.rows
      .map((r) => (r[col] ?? '').replace(/[`*\s]|\(\)$/g, ''))
      .filter((n) => IDENTIFIER.test(n));
  });
  const withFiles = finding.fileRefs.flatMap((r) => r.symbols);
  const mentioned = callNames(section(finding, /^(problem|files?)$/i));
  return unique([...fromTables, ...withFiles, ...finding.symbols, ...mentioned]);
}

export interface ProposedName {
  readonly name: string;
  /** The parameter list as the auditor wrote it. */
  readonly params: string;
}

/** Signatures in the fix (`name(args)`), excluding the old names. */
export function proposedNames(finding: Finding, old: readonly string[]): ProposedName[] {
  const text = section(finding, /^(fix|files to modify|recommendation|solution)/i);
  const out = new Map<string, ProposedName>();
  for (const m of text.matchAll(/`([A-Za-z_]\w*)\(([^`)]*)\)[^`]*`/g)) {
    const name = m[1]!;
    if (old.includes(name) || out.has(name)) continue;
    out.set(name, { name, params: m[2]!.trim() });
  }
  return [...out.values()];
}

function isPython(ref: FileRef): boolean {
  return ref.path.endsWith('.py');
}

function refByName(finding: Finding, name: string): FileRef | undefined {
  const clean = name.replace(/[`*]/g, '').trim();
  const matches = finding.fileRefs.filter(
    (r) =>
      isPython(r) &&
      (r.path === clean || r.path.endsWith(`/${clean}`) || path.basename(r.path, '.py') === clean),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/** A new module the finding lists, else the file it says to keep the helper in. */
function targetOf(finding: Finding): string | undefined {
  const created = finding.fileRefs.filter(
    (r) => isPython(r) && r.role === 'create' && !r.path.endsWith('__init__.py'),
  );
  if (created.length === 1) return created[0]!.path;
  const fix = section(finding, /^(fix|files to modify)/i);
  for (const pattern of [
    /\bonly in `([^`]+)`/i,
    /\bkeep\b[^.]*?\bin `([^`]+)`/i,
    /\bimport (?:it )?from `([^`]+)`/i,
  ]) {
    const m = pattern.exec(fix);
    const ref = m ? refByName(finding, m[1]!) : undefined;
    if (ref) return ref.path;
  }
  return undefined;
}

/** An `__init__.py` the finding says should export the new names. */
function exportFromOf(finding: Finding): string | undefined {
  for (const line of finding.body.split('\n')) {
    if (!/\b(?:re-?)?exports?\b|\bexpose\b/i.test(line)) continue;
    const m = /`([^`]+__init__\.py)`/.exec(line);
    if (m) return refByName(finding, m[1]!)?.path ?? m[1]!;
  }
  return undefined;
}

function sourcesFor(finding: Finding, name: string, exclude: ReadonlySet<string>): string[] {
  const named = finding.fileRefs.filter((r) => isPython(r) && r.symbols.includes(name));
  if (named.length > 0) return named.map((r) => r.path);
  return finding.fileRefs
    .filter(
      (r) => isPython(r) && r.role === 'modify' && r.symbols.length === 0 && !exclude.has(r.path),
    )
    .map((r) => r.path);
}

function guardParameter(params: string, oldParams: readonly string[]): string | undefined {
  const m = /\b([A-Za-z_]\w*)\s*=\s*(?:True|False)\b/.exec(params);
  return m && !oldParams.includes(m[1]!) ? m[1] : undefined;
}

export function inferExtraction(finding: Finding): ExtractOptions | undefined {
  const about = `${finding.title}\n${section(finding, /^problem/i)}`;
  if (!DUPLICATION.test(about) || NEW_BEHAVIOUR.test(section(finding, /^fix/i))) return undefined;
  const target = targetOf(finding);
  if (!target) return undefined;
  const old = oldHelperNames(finding);
  if (old.length === 0) return undefined;
  const proposed = proposedNames(finding, old);
  const pairs =
    proposed.length > 0
      ? pairNames(
          old,
          proposed.map((p) => p.name),
        )
      : old.map((from) => ({ from, to: from }));
  const exportFrom = exportFromOf(finding);
  const exclude = new Set([
    exportFrom ?? '',
    ...(finding.fileRefs.some((r) => r.path === target && r.role === 'create') ? [target] : []),
  ]);
  const helpers: HelperOption[] = [];
  for (const { from, to } of pairs) {
    const sources = sourcesFor(finding, from, exclude);
    if (sources.length === 0) continue;
    const parameter = guardParameter(proposed.find((p) => p.name === to)?.params ?? '', []);
    helpers.push({ from, to, sources, ...(parameter ? { parameter } : {}) });
  }
  if (helpers.length === 0) return undefined;
  return { target, helpers, ...(exportFrom ? { exportFrom } : {}), callSites: 'rename' };
}
