/**
 * How the project writes module specifiers, and the specifier for a new import in that
 * style: the `@/` alias (from `compilerOptions.paths`) when the project imports the
 * target's directory through it, else a relative path; with or without the extension
 * (`.js` for `.ts` files) and `/index` as the project's relative imports do.
 */
import path from 'node:path';
import { ts } from 'ts-morph';
import { toPosix } from '../core/paths.js';
import type { SourceReader } from './source.js';
import type { TsConfigChoice } from './tsconfig.js';

/** A `paths` alias of the form `prefix*` -> `dir/*` (`@/*` -> `<root>/src/*`). */
export interface PathAlias {
  readonly prefix: string;
  /** Absolute directory the prefix stands for. */
  readonly dir: string;
}

export interface ImportConventions {
  readonly aliases: readonly PathAlias[];
  /** Absolute directories the project imports some file of through an alias. */
  readonly aliasedDirs: ReadonlySet<string>;
  /** How relative specifiers end: no extension, the JS extension, or the TS one. */
  readonly extension: 'none' | 'js' | 'ts';
  /** Whether a directory's index is imported as `./dir/index` rather than `./dir`. */
  readonly explicitIndex: boolean;
  /** Whether the project writes any relative import at all. */
  readonly usesRelative: boolean;
}

/** The wildcard aliases of a config's `paths`. */
export function pathAliases(options: ts.CompilerOptions): PathAlias[] {
  const base = options.baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath;
  if (!options.paths || !base) return [];
  const out: PathAlias[] = [];
  for (const [pattern, targets] of Object.entries(options.paths)) {
    const target = targets[0];
    if (
      !pattern.endsWith('*') ||
      !target?.endsWith('*') ||
      pattern.indexOf('*') !== pattern.length - 1
    )
      continue;
    out.push({ prefix: pattern.slice(0, -1), dir: path.resolve(base, target.slice(0, -1)) });
  }
  return out.sort((a, b) => b.prefix.length - a.prefix.length);
}

const TS_EXT = /\.(d\.)?([cm]?)tsx?$/;
const SOURCE_EXT = /\.[cm]?[jt]sx?$/;

/** Survey the import specifiers of a config's files (up to `limit` files). */
export function surveyImports(
  choice: TsConfigChoice,
  reader: SourceReader,
  limit = 500,
): ImportConventions {
  const aliases = pathAliases(choice.options);
  const aliasedDirs = new Set<string>();
  const ext = { none: 0, js: 0, ts: 0 };
  let index = 0;
  let relative = 0;
  let seen = 0;
  for (const file of choice.fileNames) {
    if (seen++ >= limit) break;
    const text = reader.readText(file);
    if (text === undefined) continue;
    for (const { fileName: spec } of ts.preProcessFile(text, true, false).importedFiles) {
      const alias = aliases.find((a) => spec.startsWith(a.prefix));
      if (alias)
        aliasedDirs.add(path.dirname(path.join(alias.dir, spec.slice(alias.prefix.length))));
      if (!spec.startsWith('.') && !alias) continue;
      if (spec.startsWith('.')) relative++;
      if (/\.[cm]?jsx?$/.test(spec)) ext.js++;
      else if (/\.[cm]?tsx?$/.test(spec)) ext.ts++;
      else ext.none++;
      if (/\/index(\.[cm]?[jt]sx?)?$/.test(spec)) index++;
    }
  }
  const nodeNext =
    choice.options.moduleResolution === ts.ModuleResolutionKind.NodeNext ||
    choice.options.moduleResolution === ts.ModuleResolutionKind.Node16;
  const extension =
    nodeNext || (ext.js > ext.none && ext.js >= ext.ts) ? 'js' : ext.ts > ext.none ? 'ts' : 'none';
  return {
    aliases,
    aliasedDirs,
    extension,
    explicitIndex: index > 0 && extension !== 'none',
    usesRelative: relative > 0,
  };
}

/** `path` written the way the conventions write a module: extension and `/index`. */
function styled(spec: string, conventions: ImportConventions): string {
  if (conventions.extension === 'ts') return spec.replace(/\.d\.ts$/, '');
  if (conventions.extension === 'js') {
    return spec.replace(TS_EXT, (_m, _d, kind: string) => `.${kind}js`).replace(/\.jsx$/, '.js');
  }
  const bare = spec.replace(SOURCE_EXT, '');
  return conventions.explicitIndex ? bare : bare.replace(/\/index$/, '');
}

/** The specifier `fromFile` should use to import `targetFile` (both absolute). */
export function moduleSpecifierFor(
  fromFile: string,
  targetFile: string,
  conventions: ImportConventions,
): string {
  const dir = path.dirname(targetFile);
  const sameDir = path.dirname(fromFile) === dir;
  for (const alias of conventions.aliases) {
    const rel = path.relative(alias.dir, targetFile);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const aliased = ancestorsWithin(dir, alias.dir).some((d) => conventions.aliasedDirs.has(d));
    if (aliased && (!sameDir || !conventions.usesRelative))
      return styled(alias.prefix + toPosix(rel), conventions);
  }
  let rel = toPosix(path.relative(path.dirname(fromFile), targetFile));
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const spec = styled(rel, conventions);
  return spec === '.' || spec === '' ? './index' : spec;
}

/** `dir` and its parents, up to and including `top`. */
function ancestorsWithin(dir: string, top: string): string[] {
  const out: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    out.push(d);
    if (d === top || path.dirname(d) === d) return out;
  }
}
