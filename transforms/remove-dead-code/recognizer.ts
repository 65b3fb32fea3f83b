/**
 * Does a finding ask to delete dead code? It must say the code is unused (dead code,
 * unused, never called, not imported by any module, leftover) and ask for removal
 * (remove, delete, drop), and name one Python module. The names are the symbols given
 * with that file, the identifiers in the title and the fix, and the helpers the
 * problem lists with them ("`_parse_path` and its helpers `_a` and `_b`").
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

function inferDeadCode(finding: Finding): DeadCodeOptions | undefined {
  const fix = Object.entries(finding.sections)
    .filter(([name]) => /^(fix|recommendation|solution)/i.test(name))
    .map(([, text]) => text)
    .join('\n');
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
