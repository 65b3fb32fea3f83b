/**
 * The engine's layering, read from the import statements of every module under
 * src/engine: it imports nothing from src/findings (the planner's world), nothing from
 * transforms/ (it loads a transform by module URL), and nothing from a language
 * (src/python: adapters are registered from outside).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';

const ENGINE = path.join(REPO_ROOT, 'src/engine');

/** Every module specifier of a file: static imports, re-exports and `import('...')`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) out.push(m[1]!);
  return out;
}

/** The repository-relative path an import of `file` resolves to (relative specifiers only). */
function target(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return path
    .relative(REPO_ROOT, path.resolve(path.dirname(file), specifier))
    .split(path.sep)
    .join('/');
}

function engineImports(): { file: string; target: string }[] {
  const files = fs.readdirSync(ENGINE).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(5);
  return files.flatMap((name) => {
    const file = path.join(ENGINE, name);
    return specifiers(fs.readFileSync(file, 'utf8'))
      .map((s) => target(file, s))
      .filter((t): t is string => t !== undefined)
      .map((t) => ({ file: `src/engine/${name}`, target: t }));
  });
}

describe('src/engine imports', () => {
  it('read real import statements (the check can fail)', () => {
    const all = engineImports();
    expect(all).toContainEqual({ file: 'src/engine/run.ts', target: 'src/engine/discover.js' });
    expect(
      specifiers(
        "import x from '../findings/types.js';\nconst m = await import('../../transforms/index.js');",
      ),
    ).toEqual(['../findings/types.js', '../../transforms/index.js']);
  });

  it('import nothing from src/findings, transforms/ or a language', () => {
    const forbidden = engineImports().filter(({ target }) =>
      /^(src\/findings|transforms|src\/python)(\/|$)/.test(target),
    );
    expect(forbidden).toEqual([]);
  });
});
