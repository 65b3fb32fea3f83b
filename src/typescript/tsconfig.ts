/**
 * Which compiler options govern a file: the nearest `tsconfig.json` (or `jsconfig.json`)
 * above it, with `extends` and `compilerOptions.paths` resolved by TypeScript itself; a
 * solution-style config hands the file to the referenced config that includes it
 * (`tsconfig.app.json`); a file no config covers gets defaults for a modern web app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { InputError } from '../core/errors.js';
import { isJavaScriptPath } from './language.js';

/** The options a file is checked with. */
export interface TsConfigChoice {
  /** Absolute path of the config, or undefined for the defaults. */
  readonly configPath: string | undefined;
  readonly options: ts.CompilerOptions;
  /** Absolute paths of the files the config includes (empty for the defaults). */
  readonly fileNames: ReadonlySet<string>;
  /** One ts-morph project per key: the config, and whether JS was allowed on top of it. */
  readonly key: string;
}

/** Options for files outside every config: what a bundler-built TS/JS app uses. */
export const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  allowJs: true,
  checkJs: false,
  esModuleInterop: true,
  resolveJsonModule: true,
  strict: false,
};

/** What the guard always sets: no emit, no checking of declaration files. */
const FORCED: ts.CompilerOptions = { noEmit: true, skipLibCheck: true, incremental: false };

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/** Finds and parses configs under one root; caches every parse. */
export class TsConfigResolver {
  private readonly parsed = new Map<string, ts.ParsedCommandLine>();
  private readonly files = new Map<string, ReadonlySet<string>>();
  private readonly nearest = new Map<string, string | undefined>();

  constructor(readonly root: string) {}

  /** The config (or defaults) for an absolute file path. */
  configFor(file: string): TsConfigChoice {
    const abs = path.resolve(file);
    const near = this.nearestConfig(path.dirname(abs));
    if (!near) return this.defaults();
    const owner = this.owningConfig(near, abs, new Set()) ?? near;
    const options = { ...this.parse(owner).options, ...FORCED };
    let key = owner;
    if (isJavaScriptPath(abs) && !options.allowJs) {
      options.allowJs = true;
      key += '#allowJs';
    }
    return { configPath: owner, options, fileNames: this.filesOf(owner), key };
  }

  private defaults(): TsConfigChoice {
    return {
      configPath: undefined,
      options: { ...DEFAULT_COMPILER_OPTIONS, ...FORCED },
      fileNames: new Set(),
      key: '#defaults',
    };
  }

  /** The nearest config at or above `dir`, not above the root. */
  private nearestConfig(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    let found: string | undefined;
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) {
        found = candidate;
        break;
      }
    }
    const parent = path.dirname(dir);
    const atTop = dir === parent || path.relative(this.root, dir) === '';
    if (!found && !atTop && !path.relative(this.root, dir).startsWith('..')) {
      found = this.nearestConfig(parent);
    }
    this.nearest.set(dir, found);
    return found;
  }

  /** `config` when it includes the file, else the first referenced config that does. */
  private owningConfig(config: string, file: string, seen: Set<string>): string | undefined {
    if (seen.has(config)) return undefined;
    seen.add(config);
    if (this.filesOf(config).has(file)) return config;
    for (const ref of this.parse(config).projectReferences ?? []) {
      const owner = this.owningConfig(ts.resolveProjectReferencePath(ref), file, seen);
      if (owner) return owner;
    }
    return undefined;
  }

  /** The files a config includes, as a set. */
  private filesOf(config: string): ReadonlySet<string> {
    let files = this.files.get(config);
    if (!files) {
      files = new Set(this.parse(config).fileNames);
      this.files.set(config, files);
    }
    return files;
  }

  /** Parse a config with TypeScript's own reader (`extends`, `paths`, globs). */
  parse(config: string): ts.ParsedCommandLine {
    const cached = this.parsed.get(config);
    if (cached) return cached;
    const read = ts.readConfigFile(config, ts.sys.readFile);
    if (read.error) {
      const message = ts.flattenDiagnosticMessageText(read.error.messageText, '\n');
      throw new InputError(`cannot read ${config}: ${message}`, { location: { file: config } });
    }
    const parsed = ts.parseJsonConfigFileContent(
      read.config,
      ts.sys,
      path.dirname(config),
      undefined,
      config,
    );
    this.parsed.set(config, parsed);
    return parsed;
  }
}
