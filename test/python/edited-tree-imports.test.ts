/**
 * Import removals planned on an edited, not re-parsed tree: whenever the planner
 * answers (not UNSURE) and what it trusted held, it gives the edit a fresh parse gives; UNSURE
 * where the name shows in a statement the edits changed, or the import statement's lines
 * do not read as one import statement on their own; and what it took on trust is
 * checked by the re-parse.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, Edit } from '../../src/core/edit.js';
import { stripIndent } from '../../src/core/text.js';
import { planRemoveOnEditedTree, UNSURE } from '../../src/python/edited-tree-imports.js';
import { type ImportRequest, planRemoveImportIfUnused } from '../../src/python/import-edits.js';
import { loadPython, parsePython } from '../../src/python/parser.js';
import { editTree } from '../../src/python/reparse.js';
import { moveTrusted, trustedHeld } from '../../src/python/trusted-statements.js';
import { seededRandom } from '../oracle/generate-sites.js';

beforeAll(() => loadPython());

const OPTIONAL = { module: 'typing', name: 'Optional' };
const UNION = { module: 'typing', name: 'Union' };

const SOURCE = stripIndent(`
  """Billing: invoices and the Optional bits of them."""
  from __future__ import annotations

  import logging
  from typing import Optional, Union, List  # kept sorted by hand

  from .models import Invoice as Inv

  log = logging.getLogger(__name__)
  HELP = "an Optional note"


  def total(items: List[Inv], discount: Optional[float] = None) -> Union[int, float]:
      """Sum of items; Optional discount."""
      import os
      if not items:
          return 0
      amount = sum(i.amount for i in items)
      log.debug(f"{amount} before discount {discount!r}")
      return amount * (1 - (discount or 0))


  class Ledger:
      entries: List[Union[int, float]]

      def add(self, value: Optional[int], note="Union") -> None:
          self.entries.append(value or 0)
`);

/**
 * Parse `text`, edit the tree with `edits`, and plan on it: the answer, the plan on a
 * fresh parse, and whether the re-parse of the edited tree finds that what the plan
 * trusted held.
 */
function both(text: string, edits: Edit[], req: ImportRequest) {
  const next = applyEdits(text, edits);
  const tree = parsePython(text);
  const fresh = parsePython(next);
  try {
    editTree(tree, text, edits);
    const edited = planRemoveOnEditedTree(next, tree, req);
    const reparsed = parsePython(next, tree);
    const held = trustedHeld(tree, reparsed);
    reparsed.delete();
    return { edited, fresh: planRemoveImportIfUnused(next, fresh, req), held };
  } finally {
    tree.delete();
    fresh.delete();
  }
}

function replaceAll(text: string, from: string, to: string): Edit[] {
  const edits: Edit[] = [];
  for (let at = text.indexOf(from); at !== -1; at = text.indexOf(from, at + from.length)) {
    edits.push(Edit.replace(at, at + from.length, to));
  }
  return edits;
}

/** Rewrites a fix could make. */
const REWRITES: [string, string][] = [
  ['Optional[float]', 'float | None'],
  ['Optional[int]', 'int | None'],
  ['Union[int, float]', 'int | float'],
  ['List[Inv]', 'list[Inv]'],
  ['Optional discount', 'optional discount'],
  ['"Union"', '"union"'],
  ['"an Optional note"', '"a note"'],
  ['  # kept sorted by hand', ''],
  ['Optional, Union, List', 'Union, List, Optional'],
  ['import Invoice as Inv', 'import Invoice as Inv, Tax'],
  ['import os', 'import os\n    x = Optional'],
  ['return 0', 'return "Optional"'],
];

/** Hostile rewrites: an opened bracket or string changes how unchanged statements parse. */
const HOSTILE: [string, string][] = [
  ['amount * (', 'amount * (('],
  ['log = ', '"""\nlog = '],
  ['\n\n\nclass', '\n"""\n\nclass'],
];

describe('planRemoveOnEditedTree', () => {
  it('answers like a fresh parse when only unchanged statements hold the name', () => {
    const edits = replaceAll(SOURCE, 'Union[int, float]', 'int | float');
    const { edited, fresh } = both(SOURCE, edits, UNION);
    // `note="Union"` is a word in a string of an unchanged statement: Union is used.
    expect(edited).toBeUndefined();
    expect(fresh).toBeUndefined();
  });

  it('is unsure when the name still shows in a statement the edits changed', () => {
    const text = stripIndent(`
      from typing import Optional


      def f(a: Optional[int], default=Optional) -> None:
          pass
    `);
    const edits = replaceAll(text, 'Optional[int]', 'int | None');
    expect(both(text, edits, OPTIONAL).edited).toBe(UNSURE);
  });

  it('is unsure when the name is a word in a string of a changed statement', () => {
    const text = stripIndent(`
      from typing import Optional


      def f(a: Optional[int], label="Optional") -> None:
          print(label)
    `);
    const edits = replaceAll(text, 'Optional[int]', 'int | None');
    expect(both(text, edits, OPTIONAL).edited).toBe(UNSURE);
  });

  it('reads an edited import statement again on its own', () => {
    const text = stripIndent(`
      import os
      from typing import Optional, Union  # noqa
      import sys


      def f(a: Optional[int]) -> None:
          print(os.sep, sys.argv, Union)
    `);
    const edits = [
      ...replaceAll(text, 'Optional[int]', 'int | None'),
      ...replaceAll(text, 'Optional, Union', 'Union, Optional'),
    ];
    const { edited, fresh } = both(text, edits, OPTIONAL);
    expect(edited).toMatchObject({ text: '' });
    expect(edited).toEqual(fresh);
  });

  it('is unsure when the lines of an edited import statement hold more than it', () => {
    const text = stripIndent(`
      from typing import Optional, Union
      import sys


      def f(a: Optional[int]) -> None:
          print(sys.argv, Union)
    `);
    const edits = [
      ...replaceAll(text, 'Optional[int]', 'int | None'),
      ...replaceAll(text, 'Optional, Union\nimport sys', 'Union, Optional; import sys'),
    ];
    expect(both(text, edits, OPTIONAL).edited).toBe(UNSURE);
  });

  it('answers as a fresh parse does, or the re-parse says the edited tree misled it', () => {
    const rand = seededRandom(7);
    let answered = 0;
    let misled = 0;
    for (let round = 0; round < 150; round++) {
      const hostile = HOSTILE.filter(() => rand() < 0.2);
      const chosen = [...REWRITES.filter(() => rand() < 0.3), ...hostile];
      const edits = chosen.flatMap(([from, to]) => replaceAll(SOURCE, from, to));
      if (new Set(edits.map((e) => e.start)).size < edits.length) continue;
      for (const req of [OPTIONAL, UNION, { module: 'typing', name: 'List' }]) {
        const { edited, fresh, held } = both(SOURCE, edits, req);
        if (edited === UNSURE) continue;
        answered++;
        if (!held) misled++;
        // Rewrites that keep the lexical context never raise a false alarm.
        expect(held || hostile.length > 0).toBe(true);
        if (held) expect(edited, JSON.stringify(chosen)).toEqual(fresh);
      }
    }
    expect(answered).toBeGreaterThan(60);
    expect(misled).toBeGreaterThan(0);
  });
});

describe('what a plan trusted, after later edits', () => {
  const text = stripIndent(`
    """Doc."""

    from typing import Optional, Union

    x: Optional[int] = None
    HELP = "Union"
  `);

  /** Plan Union's removal on an edited tree, apply `later` to it, re-parse: held? */
  function heldAfter(later: (next: string) => Edit[]): boolean {
    const first = replaceAll(text, 'Optional[int]', 'int | None');
    const next = applyEdits(text, first);
    const tree = parsePython(text);
    try {
      editTree(tree, text, first);
      expect(planRemoveOnEditedTree(next, tree, UNION)).toBeUndefined(); // HELP uses it
      const edits = later(next);
      editTree(tree, next, edits);
      moveTrusted(tree, edits);
      const reparsed = parsePython(applyEdits(next, edits), tree);
      try {
        return trustedHeld(tree, reparsed);
      } finally {
        reparsed.delete();
      }
    } finally {
      tree.delete();
    }
  }

  it('holds when the edits moved the trusted statement and boundary', () => {
    expect(heldAfter((next) => replaceAll(next, '"""Doc."""', '"""A longer doc."""'))).toBe(true);
    expect(heldAfter((next) => replaceAll(next, 'Optional, Union', 'Optional'))).toBe(true);
  });

  it('does not hold when a later edit went into a trusted statement', () => {
    expect(heldAfter((next) => replaceAll(next, '"Union"', '"union"'))).toBe(false);
  });

  it('does not hold when an opened string swallows what was trusted', () => {
    expect(heldAfter((next) => replaceAll(next, '"""Doc."""\n', '"""Doc.\n'))).toBe(false);
  });
});
