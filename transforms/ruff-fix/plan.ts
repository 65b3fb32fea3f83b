/**
 * `ruff check --fix` for one file, as fixes on its text: ruff's fix loop (check, apply
 * the fixes that do not overlap, check again until nothing is left) run twice over — a
 * safe round that applies only fixes ruff would apply without `--unsafe-fixes`, then an
 * unsafe round on its result — and composed into fixes on the original text by a
 * `FixLedger`. Safe-round fixes are safe; every unsafe-round fix is unsafe, since it is
 * either unsafe itself or only appeared after an unsafe one. A fix that would write a
 * string operand of `|` is never taken (`ruff-fix/string-operand`).
 */
import { editsConflict, sameEdit } from '../../src/core/edit.js';
import { ConvergenceError } from '../../src/core/errors.js';
import type { Fix } from '../../src/core/fix.js';
import type { Report } from '../../src/engine/contract.js';
import type { PythonVersion } from '../../src/python/version.js';
import { type Candidate, type PassSettings, type RuffPass, ruffPass } from './candidates.js';
import { FixLedger, type PassFix } from './ledger.js';

/** A diagnostic of the plan, about the file planned (lines of its original text). */
export type RuffFixReport = Omit<Report, 'file' | 'at'>;

export interface RuffFixPlan {
  readonly fixes: readonly Fix[];
  readonly reports: readonly RuffFixReport[];
  /** The text with every fix applied (`--unsafe`), and with the safe ones only. */
  readonly unsafeText: string;
  readonly safeText: string;
}

/** ruff's own cap on fix-loop iterations. */
const MAX_PASSES = 100;

/** The candidates of one pass that do not overlap an earlier one (ruff's order: by start). */
function nonOverlapping(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) => a.edits[0]!.start - b.edits[0]!.start || a.code.localeCompare(b.code),
  );
  const taken: Candidate[] = [];
  const seen = new Set<string>();
  for (const c of sorted) {
    const key = JSON.stringify(c.edits);
    if (seen.has(key)) continue;
    const clash = taken.some((t) =>
      t.edits.some((a) => c.edits.some((b) => editsConflict(a, b) || sameEdit(a, b))),
    );
    if (clash) continue;
    seen.add(key);
    taken.push(c);
  }
  return taken;
}

/** Passes taking the candidates the round admits, until one takes none; that last pass. */
function runRound(
  ledger: FixLedger,
  settings: PassSettings,
  round: 'safe' | 'unsafe',
  first: RuffPass,
): RuffPass {
  let pass = first;
  for (let i = 0; i < MAX_PASSES; i++) {
    const admitted = pass.candidates.filter(
      (c) => round === 'unsafe' || c.applicability === 'safe',
    );
    const chosen: PassFix[] = nonOverlapping(admitted);
    if (chosen.length === 0) return pass;
    ledger.apply(chosen, round);
    pass = ruffPass(ledger.text, settings);
  }
  throw new ConvergenceError(MAX_PASSES);
}

export interface RuffFixInput extends Omit<PassSettings, 'targetVersion'> {
  readonly text: string;
  /** The version ruff checks against; ruff's default (py310) when undefined. */
  readonly targetVersion: PythonVersion | undefined;
}

/** ruff's default target version, the one it checks against when none is configured. */
export const RUFF_DEFAULT_TARGET: PythonVersion = { major: 3, minor: 10 };

/** Plan `ruff check --fix --select ...` for one file. */
export function planRuffFixes(input: RuffFixInput): RuffFixPlan {
  const targetVersion = input.targetVersion ?? RUFF_DEFAULT_TARGET;
  const settings: PassSettings = {
    ...input,
    targetVersion,
    workspace: { ...input.workspace, 'target-version': `py3${targetVersion.minor}` },
  };
  const ledger = new FixLedger(input.text);
  const afterSafe = runRound(ledger, settings, 'safe', ruffPass(input.text, settings));
  const safeText = ledger.text;
  const heldBack = heldBackReports(afterSafe.candidates, (o) => ledger.originalLine(o));
  const final = runRound(ledger, settings, 'unsafe', afterSafe);
  return {
    fixes: ledger.fixes(),
    reports: [...heldBack, ...leftReports(final, (o) => ledger.originalLine(o))],
    safeText,
    unsafeText: ledger.text,
  };
}

/** Why each fix left for the unsafe round is unsafe. */
function heldBackReports(
  candidates: readonly Candidate[],
  line: (offset: number) => number,
): RuffFixReport[] {
  return candidates.map((c) => ({
    severity: 'info',
    line: line(c.edits[0]!.start),
    code: c.unknownSafety ? 'ruff-fix/unknown-safety' : 'ruff-fix/unsafe',
    message: `${c.title} is unsafe: ${c.reason ?? 'ruff marks it so'}`,
    hint: '--unsafe to include it',
  }));
}

/** What no round could fix: string operands of `|`, and diagnostics ruff has no fix for. */
function leftReports(final: RuffPass, line: (offset: number) => number): RuffFixReport[] {
  const reports: RuffFixReport[] = final.rejected.map((r) => ({
    severity: 'warning',
    code: 'ruff-fix/string-operand',
    message: `${r.code} left as it is: ruff's fix writes \`${r.replacement}\`, a string operand of | that raises TypeError when the annotation is evaluated (SQLAlchemy, pydantic, get_type_hints)`,
    line: line(r.offset),
    hint: 'unquote the name (`X | None`) under `from __future__ import annotations`, or keep Optional["X"]',
    undone: true,
  }));
  for (const u of final.unfixable) {
    reports.push({
      severity: 'info',
      code: 'ruff-fix/no-fix',
      message: `${u.code} ${u.message}: ruff has no fix for it`,
      line: line(u.offset),
    });
  }
  return reports;
}
