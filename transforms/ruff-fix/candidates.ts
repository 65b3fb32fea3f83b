/**
 * One ruff pass over a text: the diagnostics of the selected rules that carry a fix,
 * turned into our edits (UTF-16 offsets) with the applicability ruff would give them,
 * and the fixes no one may apply: those that would write a string operand of `|`.
 */
import { applyEdits, Edit } from '../../src/core/edit.js';
import type { Applicability } from '../../src/core/fix.js';
import { LineIndex } from '../../src/core/text.js';
import { parsePython, type Tree } from '../../src/python/parser.js';
import { type RuffDiagnostic, ruffCheck } from '../../src/python/ruff.js';
import { stringOperandUnions } from '../../src/python/string-operands.js';
import type { PythonVersion } from '../../src/python/version.js';
import { fixVerdict } from './rules.js';

export interface Candidate {
  readonly code: string;
  /** `UP045: Convert to \`X | None\`` */
  readonly title: string;
  /** 1-based line of the diagnostic in the text checked. */
  readonly line: number;
  readonly edits: readonly Edit[];
  readonly applicability: Applicability;
  /** Why it is unsafe (for the report), when it is. */
  readonly reason?: string;
  readonly unknownSafety?: boolean;
}

export interface Rejected {
  readonly code: string;
  /** Offset of the site in the text checked. */
  readonly offset: number;
  /** What ruff would have written there. */
  readonly replacement: string;
}

export interface RuffPass {
  readonly candidates: readonly Candidate[];
  /** Fixes that would produce a string operand of `|` (never applied). */
  readonly rejected: readonly Rejected[];
  /** Diagnostics of the selected rules that ruff cannot fix. */
  readonly unfixable: readonly Unfixable[];
}

export interface Unfixable {
  readonly code: string;
  readonly offset: number;
  readonly message: string;
}

export interface PassSettings {
  /** ruff Workspace options (line length, isort...), without `lint.select`. */
  readonly workspace: Record<string, unknown>;
  readonly select: readonly string[];
  readonly ignore: readonly string[];
  readonly path: string;
  readonly targetVersion: PythonVersion;
}

function editsOf(d: RuffDiagnostic, lines: LineIndex): Edit[] {
  return (d.fix?.edits ?? []).map((e) =>
    Edit.replace(
      lines.offsetAt(e.location.row, e.location.column - 1),
      lines.offsetAt(e.end_location.row, e.end_location.column - 1),
      e.content ?? '',
    ),
  );
}

/** Whether applying `edits` alone adds a `"X" | ...` to the text. */
function addsStringOperand(text: string, tree: Tree, edits: readonly Edit[]): boolean {
  if (!edits.some((e) => e.text.includes('|'))) return false;
  const after = parsePython(applyEdits(text, edits));
  try {
    return stringOperandUnions(after).length > stringOperandUnions(tree).length;
  } finally {
    after.delete();
  }
}

function check(text: string, s: PassSettings): RuffDiagnostic[] {
  const lint = (s.workspace.lint as Record<string, unknown> | undefined) ?? {};
  return ruffCheck(text, s.select, { ...s.workspace, lint: { ...lint, ignore: [...s.ignore] } });
}

/** Check `text` with the selected rules and classify every fix ruff offers. */
export function ruffPass(text: string, settings: PassSettings): RuffPass {
  const diagnostics = check(text, settings);
  const lines = new LineIndex(text);
  const candidates: Candidate[] = [];
  const rejected: Rejected[] = [];
  const unfixable: Unfixable[] = [];
  const tree = parsePython(text);
  try {
    for (const d of diagnostics) {
      const code = d.code ?? '?';
      const line = d.start_location.row;
      const offset = lines.offsetAt(line, d.start_location.column - 1);
      const edits = editsOf(d, lines);
      if (edits.length === 0) {
        unfixable.push({ code, offset, message: d.message });
        continue;
      }
      if (addsStringOperand(text, tree, edits)) {
        rejected.push({ code, offset, replacement: edits.map((e) => e.text).join(' ') });
        continue;
      }
      const verdict = fixVerdict({ ...settings, code, edits, text, tree });
      candidates.push({
        code,
        title: `${code}: ${d.fix?.message ?? d.message}`,
        line,
        edits,
        applicability: verdict.applicability,
        ...(verdict.reason ? { reason: verdict.reason } : {}),
        ...(verdict.unknown ? { unknownSafety: true } : {}),
      });
    }
  } finally {
    tree.delete();
  }
  return { candidates, rejected, unfixable };
}
