/**
 * What the project knows about the names a replacement needs: how other files already
 * import a name (`from typing import Any`, `import { x } from '@/lib/config'`), the
 * import to reuse; and, for Python, whether a first-party module really defines the
 * name an import would take from it (the document may name the wrong module).
 */
import type { ProjectContext } from '../../src/engine/contract.js';
import { type ImportNeed, portableImportOf } from '../../src/patterns/imports.js';
import {
  familyOf,
  type LanguageFamily,
  parseWith,
  patternLanguageOf,
} from '../../src/patterns/languages.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import type { RewritePatternOptions } from './options.js';

/** The import of `name` most files of the family use, if any file imports it. */
export function projectImportFinder(
  ctx: ProjectContext<RewritePatternOptions>,
): (name: string, family: LanguageFamily) => ImportNeed | undefined {
  const cache = new Map<string, ImportNeed | undefined>();
  return (name, family) => {
    const key = `${family}:${name}`;
    if (!cache.has(key)) cache.set(key, mostCommonImport(ctx, name, family));
    return cache.get(key);
  };
}

function mostCommonImport(
  ctx: ProjectContext<RewritePatternOptions>,
  name: string,
  family: LanguageFamily,
): ImportNeed | undefined {
  const counts = new Map<string, { need: ImportNeed; count: number }>();
  for (const path of ctx.files) {
    const lang = patternLanguageOf(path);
    if (!lang || familyOf(lang) !== family) continue;
    const text = ctx.readText(path);
    if (!text?.includes(name)) continue;
    const need = portableImportOf(parseWith(lang, text).root(), family, name);
    if (!need) continue;
    const key = JSON.stringify(need);
    counts.set(key, { need, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.need;
}

/** Why `from module import name` cannot work in this repository, if it cannot. */
export function pythonImportCheck(
  ctx: PythonProjectContext<RewritePatternOptions>,
): (need: ImportNeed, family: LanguageFamily) => string | undefined {
  return (need, family) => {
    if (family !== 'python' || need.name === undefined || need.module.startsWith('.'))
      return undefined;
    const project = ctx.project;
    const resolution = project.resolve(`${need.module}.${need.name}`);
    if (resolution.kind !== 'unresolved') return undefined;
    const file = project.fileOf(need.module);
    return file
      ? `${file.path} defines no \`${need.name}\``
      : `\`${need.module}\` is not a module of this repository`;
  };
}
