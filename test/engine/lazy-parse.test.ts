/**
 * Pending edits are parsed once: after the fixes, a file's tree is only edited, and the
 * import removals are planned on that edited tree when it can answer (src/python/
 * edited-tree-imports.ts), so the file is re-parsed once, by the re-parse check. Where
 * the edited tree cannot answer, the planner reads a fresh tree and the text comes out
 * as planning on fresh trees gives.
 */

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Edit } from '../../src/core/edit.js';
import { Fix } from '../../src/core/fix.js';
import type { FileResult } from '../../src/core/result.js';
import { stripIndent } from '../../src/core/text.js';
import { type AnyTransform, defineTransform } from '../../src/engine/contract.js';
import { type AnyLanguage, languageById } from '../../src/engine/language.js';
import type { PythonFileContext } from '../../src/python/adapter.js';
import { loadPython } from '../../src/python/parser.js';
import { parsePythonVersion } from '../../src/python/version.js';
import pep604 from '../../transforms/pep604-optional/index.js';
import { runIn } from '../harness.js';
import { makeTree } from '../helpers.js';

beforeAll(() => loadPython());

/** Count the python adapter's parses (full and incremental) while a test runs. */
const counts = { parse: 0, reparse: 0 };
let restore: (() => void) | undefined;

beforeEach(() => {
  const python = languageById('python') as AnyLanguage & Record<string, unknown>;
  const { parse, reparse } = python;
  counts.parse = 0;
  counts.reparse = 0;
  python.parse = (...args: Parameters<AnyLanguage['parse']>) => {
    counts.parse++;
    return parse(...args);
  };
  python.reparse = (...args: Parameters<AnyLanguage['reparse']>) => {
    counts.reparse++;
    return reparse(...args);
  };
  restore = () => Object.assign(python, { parse, reparse });
});

afterEach(() => restore?.());

async function runOn(text: string, transform: AnyTransform = pep604): Promise<FileResult> {
  const root = makeTree({ 'app/mod.py': stripIndent(text) });
  const { results } = await runIn(root, transform, {
    paths: ['app/mod.py'],
    targetVersion: parsePythonVersion('py310'),
  });
  expect(results).toHaveLength(1);
  return results[0]!;
}

function afterOf(result: FileResult): string {
  if (result.kind !== 'changed') throw new Error(`expected a change, got ${result.kind}`);
  return result.after;
}

/**
 * A file transform that replaces every `from` with its `to` (one fix each), then asks
 * for the removal of `typing` imports of `unused` names.
 */
function replacing(pairs: [from: string, to: string][], unused: string[]): AnyTransform {
  return defineTransform({
    id: 'replacing',
    languages: ['python'],
    reads: 'file',
    summary: 'replace text',
    options: z.strictObject({}),
    run(ctx: PythonFileContext<Record<string, never>>) {
      const fixes: Fix[] = [];
      for (const [from, to] of pairs) {
        for (let at = ctx.text.indexOf(from); at !== -1; at = ctx.text.indexOf(from, at + 1)) {
          fixes.push(Fix.safe(`${from} at ${at}`, [Edit.replace(at, at + from.length, to)]));
        }
      }
      for (const name of unused) ctx.removeImportIfUnused('typing', name);
      return fixes;
    },
  });
}

/** The result with pending edits (as shipped), and with an eager re-parse after every edit. */
async function lazyAndEager(text: string, transform: AnyTransform = pep604) {
  const lazy = await runOn(text, transform);
  const parses = { ...counts };
  const python = languageById('python') as AnyLanguage & Record<string, unknown>;
  const { editTree } = python;
  python.editTree = undefined;
  Object.assign(counts, { parse: 0, reparse: 0 });
  try {
    const eager = await runOn(text, transform);
    return { lazy, eager, parses, eagerParses: { ...counts } };
  } finally {
    python.editTree = editTree;
  }
}

describe('pending edits', () => {
  it('are parsed once after pep604 fixes and the removal of their imports', async () => {
    const { lazy, eager, parses, eagerParses } = await lazyAndEager(`
      """Accounts."""
      from typing import Optional, Union

      import logging

      log = logging.getLogger(__name__)


      def find(key: Optional[str], default: Union[int, str] = 0) -> Optional[int]:
          if key is None:
              return None
          log.debug("looking up %s", key)
          return len(key)
    `);
    expect(afterOf(lazy)).toBe(afterOf(eager));
    expect(afterOf(lazy)).not.toContain('typing');
    expect(parses).toEqual({ parse: 1, reparse: 1 });
    // Eagerly: after the fixes, and after each of the two import edits.
    expect(eagerParses).toEqual({ parse: 1, reparse: 3 });
  });
});

describe('import removals the edited tree cannot answer', () => {
  it('read a fresh tree when the name is still used in a rewritten statement', async () => {
    const { lazy, eager, parses } = await lazyAndEager(`
      from typing import Optional, Union


      def coerce(value: Union[int, str], kind=Optional) -> int:
          if isinstance(value, str):
              return int(value)
          return value
    `);
    expect(afterOf(lazy)).toBe(afterOf(eager));
    expect(afterOf(lazy)).toContain('from typing import Optional\n');
    // The tree read for the fallback is the one the re-parse check then uses.
    expect(parses).toEqual({ parse: 1, reparse: 1 });
  });

  it('read a fresh tree when the name is a word in a string of a rewritten statement', async () => {
    const { lazy, eager, parses } = await lazyAndEager(`
      import logging
      from typing import Optional

      log = logging.getLogger(__name__)


      def lookup(key: Optional[str]) -> int:
          log.debug("Optional key: %s", key)
          return 0 if key is None else len(key)
    `);
    expect(afterOf(lazy)).toBe(afterOf(eager));
    expect(afterOf(lazy)).toContain('from typing import Optional\n');
    expect(parses).toEqual({ parse: 1, reparse: 1 });
  });

  it('answer from unchanged statements alone: a word in a string there keeps the import', async () => {
    const { lazy, eager, parses } = await lazyAndEager(`
      from typing import Optional

      HELP = "Optional arguments may be None"


      def lookup(key: Optional[str]) -> int:
          return 0 if key is None else len(key)
    `);
    expect(afterOf(lazy)).toBe(afterOf(eager));
    expect(afterOf(lazy)).toContain('from typing import Optional\n');
    expect(parses).toEqual({ parse: 1, reparse: 1 });
  });
});

describe('a fix that edits the import statement itself', () => {
  const source = `
    from typing import Optional, Union  # noqa: F401
    import os


    def home(user: Optional[str]) -> str:
        return os.path.expanduser("~" + (user or ""))
  `;

  it('has the statement read again on its own', async () => {
    const transform = replacing(
      [
        ['Optional, Union  # noqa: F401', 'Union, Optional'],
        ['Optional[str]', 'str | None'],
      ],
      ['Optional', 'Union'],
    );
    const { lazy, eager, parses } = await lazyAndEager(source, transform);
    expect(afterOf(lazy)).toBe(afterOf(eager));
    expect(afterOf(lazy)).toMatch(/^import os\n/);
    expect(parses).toEqual({ parse: 1, reparse: 1 });
  });

  it('reads a fresh tree when the edit runs into the next statement', async () => {
    const transform = replacing(
      [
        ['Optional, Union  # noqa: F401\nimport os', 'Union, Optional\nimport os.path'],
        ['Optional[str]', 'str | None'],
      ],
      ['Optional', 'Union'],
    );
    const { lazy, eager, parses } = await lazyAndEager(source, transform);
    expect(afterOf(lazy)).toBe(afterOf(eager));
    expect(afterOf(lazy)).toMatch(/^import os.path\n/);
    expect(parses.reparse).toBeGreaterThan(1);
  });
});

describe('an edited tree that misled a plan', () => {
  it('has the imports planned again on fresh trees', async () => {
    // The fix opens a string on line 3 and closes one at the end: the text in the
    // middle, a string before, is code after the re-parse, and uses Optional.
    const transform = replacing(
      [
        ['LIMIT = 1', 'LIMIT = """'],
        ['# end\n', '# end\n"""\n'],
      ],
      ['Optional'],
    );
    const source = `
      from typing import Optional

      LIMIT = 1
      """
      default: Optional[int] = None
      """
      # end
    `;
    const { lazy, eager, parses } = await lazyAndEager(source, transform);
    expect(afterOf(lazy)).toBe(afterOf(eager));
    expect(afterOf(lazy)).toContain('from typing import Optional\n');
    expect(parses).toEqual({ parse: 2, reparse: 1 });

    // Unchecked, the plan removes the import, and the guard fails the file (F821).
    const python = languageById('python') as AnyLanguage & Record<string, unknown>;
    const { editedTreeHeld } = python;
    python.editedTreeHeld = () => true;
    try {
      expect(await runOn(source, transform)).toMatchObject({ kind: 'failed' });
    } finally {
      python.editedTreeHeld = editedTreeHeld;
    }
  });
});
