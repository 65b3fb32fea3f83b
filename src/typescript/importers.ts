/**
 * Which files of a config import a set of files: TypeScript's import pre-scan (no parse
 * tree, no type checking) on the files that mention a target's name, each specifier
 * resolved with the config's own options (`paths` aliases, extensions, index files).
 * Barrels that re-export a target count as targets in turn.
 */
import path from 'node:path';
import { ts } from 'ts-morph';
import type { SourceReader } from './source.js';
import type { TsConfigChoice } from './tsconfig.js';

/** How deep re-exports are followed (a barrel of barrels of barrels...). */
const MAX_REEXPORT_DEPTH = 4;

/** A word a specifier naming the file is bound to contain: its stem, or its folder for an index. */
function needleOf(file: string): string {
  const stem = path.basename(file).replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
  return stem === 'index' ? path.basename(path.dirname(file)) : stem;
}

/** Resolves module specifiers as the config does; one resolution cache per config. */
export class SpecifierResolver {
  private readonly cache: ts.ModuleResolutionCache;
  private readonly host: ts.ModuleResolutionHost;

  constructor(
    private readonly config: TsConfigChoice,
    reader: SourceReader,
  ) {
    this.cache = ts.createModuleResolutionCache(process.cwd(), (s) => s, config.options);
    this.host = {
      fileExists: (f) => reader.fileExists(f),
      readFile: (f) => reader.readText(f),
      directoryExists: ts.sys.directoryExists,
      realpath: ts.sys.realpath,
      getCurrentDirectory: () => process.cwd(),
    };
  }

  /** The absolute file `specifier` names from `containingFile`, if it resolves. */
  resolve(specifier: string, containingFile: string): string | undefined {
    const r = ts.resolveModuleName(
      specifier,
      containingFile,
      this.config.options,
      this.host,
      this.cache,
    );
    return r.resolvedModule?.resolvedFileName;
  }
}

/** A file's import specifiers, and which of them it re-exports (`export ... from`). */
export interface ImportScan {
  readonly text: string;
  readonly imports: readonly string[];
  readonly reexports: ReadonlySet<string>;
}

/** Scans by file, reused while the file's text is the same (a workspace keeps one across calls). */
export type ImportScanCache = Map<string, ImportScan>;

function scan(text: string): ImportScan {
  const info = ts.preProcessFile(text, true, true);
  const imports = info.importedFiles.map((f) => f.fileName);
  const reexports = new Set<string>();
  for (const m of text.matchAll(
    /export\s*(?:type\s*)?(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"]+)\1/g,
  )) {
    reexports.add(m[2]!);
  }
  return { text, imports, reexports };
}

/**
 * Files of `config` (besides the targets) that import one of `targets`, directly or
 * through a chain of re-exporting barrels.
 */
export function findImporters(
  config: TsConfigChoice,
  targets: ReadonlySet<string>,
  reader: SourceReader,
  resolver = new SpecifierResolver(config, reader),
  scans: ImportScanCache = new Map(),
): Set<string> {
  const importers = new Set<string>();
  const barrels = new Set<string>();
  let frontier = new Set(targets);
  for (let depth = 0; depth < MAX_REEXPORT_DEPTH && frontier.size > 0; depth++) {
    const needles = [...new Set([...frontier].map(needleOf))];
    const next = new Set<string>();
    for (const file of config.fileNames) {
      if (targets.has(file)) continue;
      const text = reader.readText(file);
      if (text === undefined || !needles.some((n) => text.includes(n))) continue;
      let info = scans.get(file);
      if (info?.text !== text) {
        info = scan(text);
        scans.set(file, info);
      }
      for (const spec of info.imports) {
        const resolved = resolver.resolve(spec, file);
        if (!resolved || !frontier.has(resolved)) continue;
        importers.add(file);
        if (info.reexports.has(spec) && !barrels.has(file)) {
          barrels.add(file);
          next.add(file);
        }
      }
    }
    frontier = next;
  }
  return importers;
}
