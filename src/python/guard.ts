/**
 * The semantic guard: ruff's pyflakes checks before and after a rewrite. A new
 * undefined name (F821), redefinition (F811) or use-before-assignment (F823) fails
 * the file; a new unused import (F401) is a warning.
 */
import v8 from 'node:v8';
import { type RuffDiagnostic, ruffCheck } from './ruff.js';

const FAILING = ['F821', 'F811', 'F823'] as const;
const WARNING = ['F401'] as const;
export const GUARD_RULES: readonly string[] = [...FAILING, ...WARNING];

export interface GuardFinding {
  readonly code: string;
  readonly message: string;
  /** 1-based line in the rewritten text. */
  readonly line: number;
}

export interface GuardResult {
  /** New problems that fail the file. */
  readonly errors: readonly GuardFinding[];
  /** New problems worth a warning. */
  readonly warnings: readonly GuardFinding[];
}

function key(d: RuffDiagnostic): string {
  return `${d.code}\u0000${d.message}`;
}

/**
 * Compare diagnostics of `before` and `after` as multisets of (code, message): the
 * messages name the symbol, and positions move when code is rewritten.
 */
export function guardRewrite(
  before: string,
  after: string,
  ruffBase: Record<string, unknown> = {},
): GuardResult {
  const afterDiags = ruffCheck(after, GUARD_RULES, ruffBase);
  if (afterDiags.length === 0) return { errors: [], warnings: [] };
  const counts = new Map<string, number>();
  if (before !== '') {
    for (const d of ruffCheck(before, GUARD_RULES, ruffBase))
      counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  }
  const errors: GuardFinding[] = [];
  const warnings: GuardFinding[] = [];
  for (const d of afterDiags) {
    const k = key(d);
    const left = counts.get(k) ?? 0;
    if (left > 0) {
      counts.set(k, left - 1);
      continue;
    }
    const finding = { code: d.code ?? '?', message: d.message, line: d.start_location.row };
    if ((FAILING as readonly string[]).includes(finding.code)) errors.push(finding);
    else warnings.push(finding);
  }
  return { errors, warnings };
}

let baselineWasm = false;

/**
 * Compile WebAssembly modules loaded from now on (ruff) with V8's baseline compiler
 * (Liftoff) only. Why: by default V8 recompiles every hot function of the 10 MB ruff
 * module with its optimizing compiler; that costs seconds of CPU and ~300 MB of code
 * memory even for a handful of checks (17 files: 2.1 s and 465 MB, against 0.6 s and
 * 134 MB), while baseline code checks a typical file in ~0.5 ms. V8 reads the flag when
 * it compiles a module, so tree-sitter, compiled before, keeps its optimizing tier.
 * Process-wide; call it before ruff is first loaded.
 */
export function preferBaselineWasm(): void {
  if (baselineWasm) return;
  baselineWasm = true;
  try {
    v8.setFlagsFromString('--liftoff-only');
  } catch {
    // An engine without the flag keeps its default tiering: slower, still correct.
  }
}
