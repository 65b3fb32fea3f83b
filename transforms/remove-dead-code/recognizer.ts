/**
 * Does a finding ask to delete dead code? It must say the code is unused (dead code,
 * unused, never called, not imported by any module, leftover) and ask for removal
 * (remove, delete, drop), and name one Python module. The names are the symbols given
 * with that file, the identifiers in the title and the fix, and the helpers the
 * problem lists with them ("`_parse_path` and its helpers `_a` and `_b`"). A fix that
 * says to delete a Python file itself ("Delete `backend/main.py`; ...", fastapi-platform
 * 1.6) asks for the whole module, with the test modules it names in the same sentence
 * ("... and its tests `tests/test_x.py`"); the transform checks that nothing imports it.
 * A finding about unreachable code whose fix removes it names one function of one file.
 */
import type { FileRef, Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import type { DeadCodeOptions } from './options.js';

const UNUSED =
  /\bdead code\b|\bunused\b|\bnever (?:used|called|imported|referenced)\b|\bnot (?:imported|used|referenced|called) (?:by|in|anywhere)\b|\bno (?:usages|callers|references)\b|\bleftover\b/i;
const REMOVAL = /\b(?:remove|delete|drop)\b/i;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)]
    .map((m) => m[1]!.replace(/\(\)$/, ''))
    .filter((n) => IDENTIFIER.test(n));
}

/** The identifiers of a "its helpers `a` and `b`" clause. */
function helperClauses(text: string): string[] {
  return [...text.matchAll(/\bhelpers?\b([^.]*)/gi)].flatMap((m) => backticked(m[1]!));
}

function moduleRef(finding: Finding): FileRef | undefined {
  const python = finding.fileRefs.filter((r) => r.path.endsWith('.py') && r.role === 'modify');
  const withSymbols = python.filter((r) => r.symbols.length > 0);
  if (withSymbols.length === 1) return withSymbols[0];
  return python.length === 1 ? python[0] : undefined;
}

const DELETE_FILE =
  /\b(?:delete|remove)\s+(?:the\s+(?:file|module)\s+)?`([^`\s]+\.py)`(?!\s*(?:['’]s\b|:\d))/i;
const TESTS_CLAUSE =
  /\b(?:and|with)\s+its\s+tests?(?:\s+modules?)?\s+((?:`[^`]+\.py`(?:,?\s*(?:and\s+)?)?)+)/i;

function fixText(finding: Finding): string {
  return Object.entries(finding.sections)
    .filter(([name]) => /^(fix|recommendation|solution|remediation)/i.test(name))
    .map(([, text]) => text)
    .join('\n');
}

/** "Delete `pkg/mod.py`" (and its tests): the whole module; undefined for anything else. */
function inferDeleteModule(fix: string): DeadCodeOptions | undefined {
  const match = DELETE_FILE.exec(fix);
  if (!match) return undefined;
  const rest = fix.slice(match.index);
  const sentence = rest.slice(0, rest.search(/;|\.(?:\s|$)|$/));
  const tests = [...(TESTS_CLAUSE.exec(sentence)?.[1] ?? '').matchAll(/`([^`]+\.py)`/g)].map(
    (m) => m[1]!,
  );
  const others = [...sentence.matchAll(/`([^`\s]+\.py)`/g)]
    .map((m) => m[1]!)
    .filter((p) => p !== match[1] && !tests.includes(p));
  // Several modules to delete, or a file named for another reason: not this shape.
  if (others.length > 0) return undefined;
  return { file: match[1]!, deleteFile: true, ...(tests.length > 0 ? { tests } : {}) };
}

/**
 * "`f()` ends with `return x` followed by `return None`, which can never run ... Remove
 * the unreachable `return None`": the function the finding names with its one Python
 * file, and the quoted code after "unreachable" in the fix (checked by the transform).
 */
function inferUnreachable(finding: Finding, fix: string): DeadCodeOptions | undefined {
  if (!/\bunreachable\b/i.test(`${finding.title}\n${finding.body}`)) return undefined;
  const removal = /\b(?:remove|delete|drop)\b[^.;]*?\bunreachable\b([^.;]*)/i.exec(fix);
  if (!removal) return undefined;
  const files = [...new Set(finding.fileRefs.map((r) => r.path).filter((p) => p.endsWith('.py')))];
  if (files.length !== 1) return undefined;
  const functions = [
    ...new Set(finding.fileRefs.filter((r) => r.path === files[0]).flatMap((r) => r.symbols)),
  ];
  if (functions.length !== 1) return undefined;
  const quoted = /`([^`]+)`/.exec(removal[1]!)?.[1];
  const statement = quoted && !IDENTIFIER.test(quoted.replace(/\(\)$/, '')) ? quoted : undefined;
  return { file: files[0]!, unreachableIn: functions[0]!, ...(statement ? { statement } : {}) };
}

function inferDeadCode(finding: Finding): DeadCodeOptions | undefined {
  const fix = fixText(finding);
  const whole = inferDeleteModule(fix) ?? inferUnreachable(finding, fix);
  if (whole) return whole;
  const problem = finding.sections.Problem ?? '';
  if (!UNUSED.test(`${finding.title}\n${problem}`)) return undefined;
  if (!REMOVAL.test(`${finding.title}\n${fix}`)) return undefined;
  const ref = moduleRef(finding);
  if (!ref) return undefined;
  const names = [
    ...new Set([
      ...ref.symbols,
      ...backticked(finding.title),
      ...helperClauses(problem),
      ...backticked(fix),
    ]),
  ];
  return names.length > 0 ? { file: ref.path, names } : undefined;
}

/** The planner's view of remove-dead-code: which findings ask for it, with what options. */
export const recognizer: Recognizer<DeadCodeOptions> = {
  transform: 'remove-dead-code',
  infer: inferDeadCode,
};
