/**
 * Oracle: remedy's pep604-optional against ruff's own UP007/UP045 fixes (ruff-wasm 0.17.3,
 * target py310, the check + fix loop with unsafe fixes, plus F401 restricted to the
 * typing imports the rewrite leaves unused). Both outputs are formatted with ruff and
 * must be equal, on every pep604 fixture and on a generated set of annotation sites.
 * Where remedy deliberately differs, the difference is spelled out below and asserted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '@astral-sh/ruff-wasm-nodejs';
import { diffArrays } from 'diff';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruffFixLoop, ruffFormatText } from '../../scripts/ruff-fix-loop.js';
import { loadPython } from '../../src/python/parser.js';
import { parsePythonVersion } from '../../src/python/version.js';
import transform from '../../transforms/pep604-optional/index.js';
import { fixtureCases, runIn, tempDir } from '../harness.js';
import { type GeneratedModule, generateModules } from './generate-sites.js';

const TARGET = 'py310';
const FIXTURES = path.resolve(import.meta.dirname, '../../transforms/pep604-optional');

/** F401 for a typing import the rewrite can leave unused (`typing.Optional`, `typing`...). */
const TYPING_IMPORT = /^`typing(?:_extensions)?(?:\.(?:Optional|Union))?` imported but unused/;

function acceptDiagnostic(d: Diagnostic, original: ReadonlySet<string>): boolean {
  if (d.code === 'UP007' || d.code === 'UP045') return true;
  // Only imports that became unused: one unused before the rewrite is not ruff's fix of it.
  return (
    d.code === 'F401' && TYPING_IMPORT.test(d.message) && !original.has(`${d.code} ${d.message}`)
  );
}

function ruffSide(text: string): string {
  return ruffFixLoop(text, {
    select: ['UP007', 'UP045', 'F401'],
    targetVersion: TARGET,
    accept: acceptDiagnostic,
  }).output;
}

/** remedy on a directory of files, exactly as `remedy run pep604-optional --target-version py310`. */
async function remedySide(files: Record<string, string>): Promise<Record<string, string>> {
  const root = tempDir('remedy-oracle-');
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
    const outcome = await runIn(root, transform, { targetVersion: parsePythonVersion(TARGET)! });
    const out: Record<string, string> = { ...files };
    for (const r of outcome.results) {
      if (r.kind === 'failed') throw new Error(`remedy failed on ${r.path}: ${r.error}`);
      if (r.kind === 'changed') out[r.path] = r.after;
    }
    return out;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Lines only in remedy's formatted output and lines only in ruff's. */
function difference(remedy: string, ruff: string): { remedy: string[]; ruff: string[] } {
  const out = { remedy: [] as string[], ruff: [] as string[] };
  for (const change of diffArrays(lines(ruff), lines(remedy))) {
    if (change.added) out.remedy.push(...change.value);
    else if (change.removed) out.ruff.push(...change.value);
  }
  return out;
}

interface KnownDifference {
  /** Why remedy's output is deliberately not ruff's. */
  readonly reason: string;
  /** Formatted lines only remedy's output has, and lines only ruff's has. */
  readonly remedy: readonly string[];
  readonly ruff: readonly string[];
}

const STRING_OPERAND =
  'ruff 0.17.3 rewrites Optional["Foo"] (under `from __future__ import annotations`) to `"Foo" | None`, which raises TypeError as soon as the annotation is evaluated (SQLAlchemy Mapped[], pydantic, typing.get_type_hints); remedy leaves the site, reports it, and so keeps its import';
const COMMENTS =
  'ruff drops the comments inside the subscript: its fix replaces the whole range with an expression rebuilt from the AST (ruff-wasm returns every fix, whatever its applicability, and the oracle applies them all). remedy keeps each comment after its member, one member per line in parentheses';
const RUNTIME =
  'ruff 0.17.3 fixes only inside type definitions; elsewhere (implicit aliases `MaybeInt = Optional[int]`, isinstance arguments, attribute access on the subscript) it reports without a fix. At target >= 3.10 `X | Y` is valid at runtime there, so remedy rewrites them, parenthesised where the context binds tighter than `|`';
const STRING_ANNOTATION =
  'ruff rewrites inside string annotations ("Optional[Node]" -> "Node | None"); remedy leaves string annotations alone and counts them, so the import they use stays';
const BLANK_LINES =
  "ruff's F401 fix deletes only the import's line and the formatter keeps up to two blank lines between top-level statements; remedy also removes the blank lines the deleted statement leaves behind";
const NFKC =
  'ruff rebuilds the union from its AST, where identifiers are NFKC-normalised (`𝔘` becomes `U`: the same name to Python); remedy keeps the source text of every member';

/**
 * Every fixture where remedy and ruff disagree on purpose, with the formatted lines only
 * remedy's output has and the lines only ruff's has. A fixture listed here must differ
 * in exactly these lines, so a stale or incomplete entry fails too.
 */
const KNOWN_DIFFERENCES: Record<string, KnownDifference> = {
  'comments-multiline-union': {
    reason: COMMENTS,
    remedy: [
      '    target: (',
      '        str  # a path',
      '        | bytes  # raw bytes',
      '        | int',
      '    ),',
      '    fallback: (',
      '        str  # nothing means "use the default"',
      '        | None',
      '    ) = None,',
    ],
    ruff: ['    target: str | bytes | int,', '    fallback: str | None = None,'],
  },
  'import-kept-string-annotation': {
    reason: STRING_ANNOTATION,
    remedy: ['from typing import Optional', '', 'def later(node: "Optional[Node]") -> None: ...'],
    ruff: ['def later(node: "Node | None") -> None: ...'],
  },
  'import-removed-blank-lines': { reason: BLANK_LINES, remedy: [], ruff: [''] },
  'mapped-forward-ref': {
    reason: STRING_OPERAND,
    remedy: [
      'from typing import Optional',
      '    customer: Mapped[Optional["Customer"]] = relationship(back_populates="orders")',
    ],
    ruff: ['    customer: Mapped["Customer" | None] = relationship(back_populates="orders")'],
  },
  'non-ascii': {
    reason: `${STRING_OPERAND}. And: ${NFKC}`,
    remedy: [
      'from typing import Union',
      '    einheit: Union["Größe", None] = None',
      '    次: int | 𝔘 | None = None',
    ],
    ruff: ['    einheit: "Größe" | None = None', '    次: int | U | None = None'],
  },
  parenthesize: {
    reason: RUNTIME,
    remedy: [
      'from typing import Literal',
      'ARGS = (int | None).__args__',
      'MEMBERS = (int | str).__args__',
      'NEGATED = ~(int | None) if False else None',
      'CHOICE = (Literal["a"] if True else Literal["b"]) | None',
      'LISTED = [int | str, bytes | None]',
    ],
    ruff: [
      'from typing import Literal, Optional, Union',
      'ARGS = Optional[int].__args__',
      'MEMBERS = Union[int, str].__args__',
      'NEGATED = ~Optional[int] if False else None',
      'CHOICE = Optional[Literal["a"] if True else Literal["b"]]',
      'LISTED = [Union[int, str], Optional[bytes]]',
    ],
  },
  'runtime-contexts-py310': {
    reason: RUNTIME,
    remedy: [
      'from typing import cast',
      'MaybeInt = int | None',
      'Number = int | float',
      '    if isinstance(raw, int | float):',
    ],
    ruff: [
      'from typing import Optional, Union, cast',
      'MaybeInt = Optional[int]',
      'Number = Union[int, float]',
      '    if isinstance(raw, Union[int, float]):',
    ],
  },
  // The fixture's own target is py39; the oracle runs both sides at py310.
  'safety-future-py39-runtime': {
    reason: RUNTIME,
    remedy: [
      'from typing import cast',
      'MaybeInt = int | None',
      'Number = int | float',
      '    if isinstance(raw, int | float):',
    ],
    ruff: [
      'from typing import Optional, Union, cast',
      'MaybeInt = Optional[int]',
      'Number = Union[int, float]',
      '    if isinstance(raw, Union[int, float]):',
    ],
  },
  'string-annotations': {
    reason: STRING_ANNOTATION,
    remedy: [
      'from typing import Optional, Union',
      'def parent(node: "Optional[Node]") -> "Union[Node, Tree]": ...',
      '',
    ],
    ruff: ['def parent(node: "Node | None") -> "Node | Tree": ...'],
  },
};

let fixtureTexts: Record<string, string> = {};
let fixtureRemedy: Record<string, string> = {};
const modules: GeneratedModule[] = generateModules(604, 40);
let generatedRemedy: Record<string, string> = {};

beforeAll(async () => {
  await loadPython();
  const dir = path.join(FIXTURES, '__testfixtures__');
  fixtureTexts = Object.fromEntries(
    fixtureCases(FIXTURES).fileCases.map((name) => [
      `${name}.py`,
      fs.readFileSync(path.join(dir, `${name}.input.py`), 'utf8'),
    ]),
  );
  fixtureRemedy = await remedySide(fixtureTexts);
  generatedRemedy = await remedySide(Object.fromEntries(modules.map((m) => [m.name, m.text])));
});

describe('pep604-optional equals ruff UP007/UP045 (formatted)', () => {
  const cases = fixtureCases(FIXTURES).fileCases;

  it.each(cases)('fixture %s', (name) => {
    const input = fixtureTexts[`${name}.py`]!;
    const remedy = ruffFormatText(fixtureRemedy[`${name}.py`]!);
    const ruff = ruffFormatText(ruffSide(input));
    const known = KNOWN_DIFFERENCES[name];
    if (!known) {
      expect(remedy).toBe(ruff);
      return;
    }
    expect(remedy, `${name} is a known difference and must still differ`).not.toBe(ruff);
    expect(difference(remedy, ruff)).toEqual({ remedy: known.remedy, ruff: known.ruff });
  });

  it('every known difference names an existing fixture and a reason', () => {
    for (const [name, known] of Object.entries(KNOWN_DIFFERENCES)) {
      expect(cases).toContain(name);
      expect(known.reason.length).toBeGreaterThan(20);
    }
  });

  it('notices a wrong rewrite (the comparison can fail)', () => {
    const input = fixtureTexts['nested-sites.py']!;
    const ruff = ruffFormatText(ruffSide(input));
    const wrong = ruffFormatText(
      fixtureRemedy['nested-sites.py']!.replace('int | None', 'None | int'),
    );
    expect(wrong).not.toBe(ruff);
    expect(difference(wrong, ruff).remedy).toHaveLength(1);
  });

  it('generates at least 200 sites', () => {
    expect(modules.reduce((n, m) => n + m.sites, 0)).toBeGreaterThanOrEqual(200);
  });

  it.each(modules.map((m) => m.name))('generated %s', (name) => {
    const module = modules.find((m) => m.name === name)!;
    const remedy = ruffFormatText(generatedRemedy[name]!);
    const ruff = ruffFormatText(ruffSide(module.text));
    expect(remedy).toBe(ruff);
    // Not vacuous: both sides rewrote every site.
    expect(generatedRemedy[name]).not.toBe(module.text);
    expect(ruff).not.toMatch(/\b(?:Optional|Union)\[/);
  });
});
