/**
 * Find a compiled pattern's matches in a parsed file: each match's range, the form it
 * was found in, and what its metavariables captured (`$X`: one node; `$$$ARGS`: the span
 * from the first to the last node, separators included, as written).
 */
import type { SgNode } from '@ast-grep/napi';
import type { CompiledPattern, PatternForm } from './compile.js';

/** What a metavariable captured: a range of the file's text. */
export interface Capture {
  readonly start: number;
  readonly end: number;
}

export interface PatternMatch {
  /** Index of the rule (pattern + replacement) that matched. */
  readonly rule: number;
  readonly start: number;
  readonly end: number;
  /** 0-based line of the start. */
  readonly line: number;
  readonly node: SgNode;
  readonly form: PatternForm;
  readonly captures: ReadonlyMap<string, Capture>;
}

function captureOf(nodes: readonly SgNode[], at: number): Capture {
  const kept = [...nodes];
  // A `$$$` capture may start or end on a separator token: not part of the value.
  while (kept.length > 0 && !kept[0]!.isNamed()) kept.shift();
  while (kept.length > 0 && !kept[kept.length - 1]!.isNamed()) kept.pop();
  if (kept.length === 0) return { start: at, end: at };
  return { start: kept[0]!.range().start.index, end: kept[kept.length - 1]!.range().end.index };
}

function capturesOf(node: SgNode, pattern: CompiledPattern): Map<string, Capture> {
  const out = new Map<string, Capture>();
  for (const mv of pattern.metavariables) {
    if (mv.multi) {
      out.set(mv.name, captureOf(node.getMultipleMatches(mv.name), node.range().start.index));
    } else {
      const one = node.getMatch(mv.name);
      if (one) out.set(mv.name, { start: one.range().start.index, end: one.range().end.index });
    }
  }
  return out;
}

/** Every match of `pattern` under `root`, once per range, in text order. */
export function findMatches(root: SgNode, pattern: CompiledPattern, rule: number): PatternMatch[] {
  const byRange = new Map<string, PatternMatch>();
  for (const alternative of pattern.alternatives) {
    for (const node of root.findAll(alternative.config)) {
      const { start, end } = node.range();
      const key = `${start.index}:${end.index}`;
      if (byRange.has(key)) continue;
      byRange.set(key, {
        rule,
        start: start.index,
        end: end.index,
        line: start.line,
        node,
        form: alternative.form,
        captures: capturesOf(node, pattern),
      });
    }
  }
  return [...byRange.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether the file's text may contain a match (all the pattern's words occur in it). */
export function mayContain(text: string, pattern: CompiledPattern): boolean {
  return pattern.anchors.every((word) => text.includes(word));
}
