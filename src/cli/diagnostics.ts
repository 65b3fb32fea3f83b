/**
 * The one printer of diagnostics and per-file outcomes: sorted (errors first, then by
 * file and line), filtered by the global verbosity (`-q`: errors only; default: errors
 * and warnings, and at the end one line counting the infos left out; `-v`: everything),
 * coloured on a TTY, to stderr. Also the held-back line: `3 unsafe fixes held back;
 * --unsafe to include`, printed whenever fixes were held back.
 */
import { compareDiagnostics, type Diagnostic, diagnosticPlace } from '../core/diagnostic.js';
import type { FileResult } from '../core/result.js';
import { debugEnabled, err, outputVerbosity, paint } from './output.js';

const STYLE = { error: 'red', warning: 'yellow', info: 'dim' } as const;

let hiddenInfos = 0;

function visible(d: Diagnostic): boolean {
  const level = outputVerbosity();
  if (d.severity === 'error') return true;
  if (d.severity === 'warning') return level !== 'quiet';
  return level === 'verbose';
}

/** One diagnostic as text: `file:line: warning: message [code]`, and its hint below. */
function formatDiagnostic(d: Diagnostic, indent = ''): string {
  const e = process.stderr;
  const head = `${indent}${diagnosticPlace(d)}${paint(STYLE[d.severity], d.severity, e)}: ${d.message} ${paint('dim', `[${d.code}]`, e)}`;
  return d.hint ? `${head}\n${indent}  ${paint('dim', 'hint', e)}: ${d.hint}` : head;
}

/** Print the diagnostics the verbosity lets through; count the infos it holds back. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], indent = ''): void {
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    if (visible(d)) err(formatDiagnostic(d, indent));
    else if (d.severity === 'info') hiddenInfos++;
  }
}

/** Diagnostics of a run (its own and each file's), then the failed and skipped files. */
export function printResults(
  results: readonly FileResult[],
  runDiagnostics: readonly Diagnostic[] = [],
  indent = '',
): void {
  printDiagnostics([...runDiagnostics, ...results.flatMap((r) => r.diagnostics)], indent);
  const e = process.stderr;
  for (const r of results) {
    if (r.kind === 'failed') {
      err(`${indent}${r.path}: ${paint('red', 'failed', e)}: ${r.error}`);
      if (r.stack) printStack(r.stack, indent);
    }
    if (r.kind === 'skipped' && outputVerbosity() !== 'quiet')
      err(`${indent}${r.path}: ${paint('yellow', 'skipped', e)}: ${r.reason}`);
  }
}

/** With `--debug`, an internal error's stack. */
export function printStack(stack: string | undefined, indent = ''): void {
  if (!stack || !debugEnabled()) return;
  for (const line of stack.split('\n')) err(paint('dim', `${indent}  ${line}`, process.stderr));
}

/** `3 unsafe fixes held back; --unsafe to include` (nothing when none were). */
export function printHeldBack(count: number, indent = ''): void {
  if (count === 0) return;
  const fixes = count === 1 ? 'fix' : 'fixes';
  err(
    `${indent}${paint('yellow', `${count} unsafe ${fixes} held back; --unsafe to include`, process.stderr)}`,
  );
}

/** At the end of a command: how many infos the verbosity left out (`-v` shows them). */
export function printHiddenCount(): void {
  if (hiddenInfos > 0 && outputVerbosity() !== 'quiet') {
    const notes = hiddenInfos === 1 ? 'info message' : 'info messages';
    err(paint('dim', `${hiddenInfos} ${notes} not shown; -v to show them`, process.stderr));
  }
  hiddenInfos = 0;
}
