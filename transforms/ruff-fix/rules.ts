/**
 * ruff's fix applicability, derived again from facts. ruff-wasm returns each fix's edits
 * but not whether ruff marks it safe or unsafe, so the facts ruff's rules use are
 * checked here: the target version for the PEP 604 / 585 rewrites, whitespace inside a
 * multi-line string for W291/W293, an `__init__.py` for F401 (the import may be a
 * re-export). A rule not listed is unsafe (we do not know ruff's verdict), and so is
 * any fix that drops a comment.
 */

import type { Edit } from '../../src/core/edit.js';
import type { Applicability } from '../../src/core/fix.js';
import type { Node, Tree } from '../../src/python/parser.js';
import { atLeast, type PythonVersion } from '../../src/python/version.js';

export interface FixFacts {
  readonly code: string;
  /** The fix's edits on `text`. */
  readonly edits: readonly Edit[];
  readonly text: string;
  readonly tree: Tree;
  /** Repository-relative path of the file. */
  readonly path: string;
  /** The version ruff checked against (ruff's default, py39, when none is configured). */
  readonly targetVersion: PythonVersion;
}

export interface Verdict {
  readonly applicability: Applicability;
  /** Why it is unsafe, for the held-back report. */
  readonly reason?: string;
  /** True when remedy does not know the rule's fix safety. */
  readonly unknown?: boolean;
}

const SAFE: Verdict = { applicability: 'safe' };
const unsafe = (reason: string, unknown = false): Verdict => ({
  applicability: 'unsafe',
  reason,
  ...(unknown ? { unknown } : {}),
});

function insideString(tree: Tree, edit: Edit): boolean {
  let node: Node | null = tree.rootNode.descendantForIndex(
    edit.start,
    Math.max(edit.start, edit.end),
  );
  for (; node; node = node.parent) {
    if (node.type === 'string' || node.type === 'string_content') return true;
    if (node.type === 'block' || node.type === 'module') return false;
  }
  return false;
}

function needsVersion(minor: number, rule: string): (f: FixFacts) => Verdict {
  return (f) =>
    atLeast(f.targetVersion, minor)
      ? SAFE
      : unsafe(`${rule} is safe only when the target is Python >= 3.${minor}`);
}

const whitespace = (f: FixFacts): Verdict =>
  f.edits.some((e) => insideString(f.tree, e))
    ? unsafe('the whitespace is inside a string: removing it changes the string')
    : SAFE;

/** Rule -> verdict, as ruff decides it (crates/ruff_linter/src/rules/*). */
const RULES: Readonly<Record<string, (f: FixFacts) => Verdict>> = {
  I001: () => SAFE,
  I002: () => SAFE,
  F401: (f) =>
    /(^|\/)__init__\.pyi?$/.test(f.path)
      ? unsafe('an import in __init__.py may be a re-export')
      : SAFE,
  F541: () => SAFE,
  W291: whitespace,
  W293: whitespace,
  W292: () => SAFE,
  W391: () => SAFE,
  UP006: needsVersion(9, 'UP006'),
  UP007: needsVersion(10, 'UP007'),
  UP045: needsVersion(10, 'UP045'),
  UP035: () => SAFE,
  UP037: () => SAFE,
  UP039: () => SAFE,
  UP004: () => SAFE,
  UP009: () => SAFE,
  UP010: () => SAFE,
  UP015: () => SAFE,
  UP025: () => SAFE,
  E711: () => unsafe('`== None` -> `is None` may change behaviour of a custom __eq__'),
  E712: () => unsafe('`== True` -> `is True` may change behaviour of a custom __eq__'),
  F841: () => unsafe('removing the assignment drops the evaluation of its value'),
};

const COMMENT = /#[^\n]*/g;

/** Comments inside a replaced range that the replacement does not keep. */
function dropsComment(text: string, edits: readonly Edit[]): boolean {
  return edits.some((e) => {
    const removed = text.slice(e.start, e.end);
    if (!removed.includes('#')) return false;
    return (removed.match(COMMENT) ?? []).some((c) => !e.text.includes(c.trim()));
  });
}

/** The applicability ruff gives this fix, as far as the facts show it. */
export function fixVerdict(facts: FixFacts): Verdict {
  const rule = RULES[facts.code];
  const verdict = rule
    ? rule(facts)
    : unsafe(`remedy does not know whether ruff's ${facts.code} fix is safe`, true);
  if (verdict.applicability === 'safe' && dropsComment(facts.text, facts.edits))
    return unsafe('the fix drops a comment');
  return verdict;
}
