/**
 * ruff's own "check + fix until stable" loop over ruff-wasm, reimplemented with a small
 * edit applier that shares no code with remedy's core: the oracle test compares
 * remedy against it, and the benchmark times it.
 */
import { createRequire } from 'node:module';
import type { Diagnostic, Workspace } from '@astral-sh/ruff-wasm-nodejs';

type RuffModule = typeof import('@astral-sh/ruff-wasm-nodejs');

const require = createRequire(import.meta.url);
let ruff: RuffModule | undefined;

export function loadRuff(): RuffModule {
  ruff ??= require('@astral-sh/ruff-wasm-nodejs') as RuffModule;
  return ruff;
}

/** ruff's own cap (`MAX_ITERATIONS` in `ruff_linter/src/linter.rs`). */
export const RUFF_MAX_ITERATIONS = 100;

interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly content: string;
}

interface OffsetFix {
  readonly edits: readonly OffsetEdit[];
}

/**
 * Start offsets of the lines of `text` as ruff counts them: a line ends at `\n`,
 * `\r\n` or a lone `\r`.
 */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** A 1-based row and 1-based UTF-16 column (PositionEncoding.Utf16) as a string offset. */
function toOffset(starts: readonly number[], text: string, row: number, column: number): number {
  const lineStart = row - 1 < starts.length ? starts[row - 1]! : text.length;
  return Math.min(lineStart + column - 1, text.length);
}

function toFix(d: Diagnostic, starts: readonly number[], text: string): OffsetFix | undefined {
  if (!d.fix || d.fix.edits.length === 0) return undefined;
  const edits = d.fix.edits
    .map((e) => ({
      start: toOffset(starts, text, e.location.row, e.location.column),
      end: toOffset(starts, text, e.end_location.row, e.end_location.column),
      content: e.content ?? '',
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits };
}

/**
 * One pass as in ruff's `apply_fixes` (`ruff_linter/src/fix/mod.rs`): fixes in order of
 * their first edit; edits identical to ones already applied are dropped; a fix that
 * starts at or before the end of the last applied edit waits for the next pass.
 */
export function applyRuffFixes(text: string, fixes: readonly OffsetFix[]): string {
  const ordered = [...fixes].sort((a, b) => a.edits[0]!.start - b.edits[0]!.start);
  const applied: OffsetEdit[] = [];
  const isApplied = (e: OffsetEdit) =>
    applied.some((a) => a.start === e.start && a.end === e.end && a.content === e.content);
  let out = '';
  let lastPos: number | undefined;
  for (const fix of ordered) {
    const edits = fix.edits.filter((e) => !isApplied(e));
    const first = edits[0];
    if (first && lastPos !== undefined && lastPos >= first.start) continue;
    for (const edit of edits) {
      out += text.slice(lastPos ?? 0, edit.start) + edit.content;
      lastPos = edit.end;
      applied.push(edit);
    }
  }
  return out + text.slice(lastPos ?? 0);
}

export interface RuffFixOptions {
  /** Rules to select (e.g. UP007, UP045, F401). */
  readonly select: readonly string[];
  readonly targetVersion: string;
  /** Keep only the diagnostics for which this returns true (default: all with a fix). */
  readonly accept?: (d: Diagnostic, original: ReadonlySet<string>) => boolean;
}

export interface RuffFixResult {
  readonly output: string;
  /** Passes that applied at least one fix. */
  readonly iterations: number;
  /** Diagnostics left without a fix after the last pass, as `CODE row:col`. */
  readonly unfixed: readonly string[];
}

const workspaces = new Map<string, Workspace>();

export function ruffWorkspaceFor(select: readonly string[], targetVersion: string): Workspace {
  const key = `${targetVersion}:${select.join(',')}`;
  let ws = workspaces.get(key);
  if (!ws) {
    const mod = loadRuff();
    ws = new mod.Workspace(
      { 'target-version': targetVersion, lint: { select: [...select] } },
      mod.PositionEncoding.Utf16,
    );
    workspaces.set(key, ws);
  }
  return ws;
}

/** `ruff check --fix` (with unsafe fixes) over one text, in process. */
export function ruffFixLoop(source: string, opts: RuffFixOptions): RuffFixResult {
  const ws = ruffWorkspaceFor(opts.select, opts.targetVersion);
  // The diagnostics of the original text, for `accept` (not computed when unused).
  const original = opts.accept
    ? new Set((ws.check(source) as Diagnostic[]).map((d) => `${d.code} ${d.message}`))
    : new Set<string>();
  const accept = opts.accept ?? (() => true);
  let text = source;
  for (let iteration = 0; iteration < RUFF_MAX_ITERATIONS; iteration++) {
    const diagnostics = (ws.check(text) as Diagnostic[]).filter((d) => accept(d, original));
    const starts = lineStarts(text);
    const fixes = diagnostics.map((d) => toFix(d, starts, text)).filter((f): f is OffsetFix => !!f);
    if (fixes.length === 0) {
      const unfixed = diagnostics.map(
        (d) => `${d.code} ${d.start_location.row}:${d.start_location.column}`,
      );
      return { output: text, iterations: iteration, unfixed };
    }
    const next = applyRuffFixes(text, fixes);
    if (next === text) return { output: text, iterations: iteration, unfixed: [] };
    text = next;
  }
  throw new Error(`ruff fixes did not converge after ${RUFF_MAX_ITERATIONS} iterations`);
}

/** ruff's formatter with default settings. */
export function ruffFormatText(text: string): string {
  return ruffWorkspaceFor([], 'py310').format(text);
}
