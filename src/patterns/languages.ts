/**
 * The languages structural patterns work in, over @ast-grep/napi: which ast-grep
 * grammar parses a file, loading the Python grammar (`@ast-grep/lang-python`) once, and
 * the node kinds the pattern engine needs to know per language (strings, comments,
 * type positions). See docs/decisions/structural-patterns.md for the choice of ast-grep.
 */
import { createRequire } from 'node:module';
import { Lang, parse, registerDynamicLanguage, type SgRoot } from '@ast-grep/napi';
import { RemedyError } from '../core/errors.js';

/** The grammar a file is parsed with. */
export type PatternLanguage = 'python' | 'typescript' | 'tsx' | 'javascript';

/** The language family: one import system, one set of node kinds. */
export type LanguageFamily = 'python' | 'typescript';

const BY_EXTENSION: Readonly<Record<string, PatternLanguage>> = {
  '.py': 'python',
  '.pyi': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.jsx': 'tsx',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
};

/** The grammar for a path, or undefined when no pattern language owns its extension. */
export function patternLanguageOf(path: string): PatternLanguage | undefined {
  const m = /\.[A-Za-z]+$/.exec(path);
  return m ? BY_EXTENSION[m[0].toLowerCase()] : undefined;
}

export function familyOf(lang: PatternLanguage): LanguageFamily {
  return lang === 'python' ? 'python' : 'typescript';
}

/** Every grammar of a family (a pattern is compiled once per grammar it meets). */
export function languagesOf(family: LanguageFamily): readonly PatternLanguage[] {
  return family === 'python' ? ['python'] : ['typescript', 'tsx', 'javascript'];
}

let pythonRegistered = false;

/** Register the Python grammar with ast-grep (once per process). */
function ensurePython(): void {
  if (pythonRegistered) return;
  try {
    const require = createRequire(import.meta.url);
    const python = require('@ast-grep/lang-python') as Parameters<
      typeof registerDynamicLanguage
    >[0][string];
    registerDynamicLanguage({ python });
    pythonRegistered = true;
  } catch (error) {
    throw new RemedyError(
      `structural patterns for Python need @ast-grep/lang-python, which did not load: ${(error as Error).message}`,
      {
        hint: 'its prebuilt grammar covers glibc Linux, macOS and Windows; on musl (Alpine) use replace-snippet instead',
      },
    );
  }
}

function grammar(lang: PatternLanguage): Lang | string {
  switch (lang) {
    case 'python':
      ensurePython();
      return 'python';
    case 'typescript':
      return Lang.TypeScript;
    case 'tsx':
      return Lang.Tsx;
    case 'javascript':
      return Lang.JavaScript;
  }
}

/** Parse source text with the language's grammar. */
export function parseWith(lang: PatternLanguage, text: string): SgRoot {
  return parse(grammar(lang) as Lang, text);
}

/** Node kinds the engine reasons about, per family. */
export interface KindTable {
  /** String literals (a match inside one is in a string). */
  readonly strings: ReadonlySet<string>;
  readonly comments: ReadonlySet<string>;
  /** A node of one of these kinds (or below one) is in a type position. */
  readonly types: ReadonlySet<string>;
  /** Identifiers that name a variable (not an attribute or property). */
  readonly identifiers: ReadonlySet<string>;
}

export const KINDS: Readonly<Record<LanguageFamily, KindTable>> = {
  python: {
    strings: new Set(['string', 'concatenated_string']),
    comments: new Set(['comment']),
    types: new Set(['type']),
    identifiers: new Set(['identifier']),
  },
  typescript: {
    strings: new Set(['string', 'template_string']),
    comments: new Set(['comment']),
    types: new Set([
      'type_annotation',
      'type_arguments',
      'type_parameters',
      'literal_type',
      'union_type',
      'intersection_type',
      'generic_type',
      'object_type',
      'tuple_type',
      'array_type',
      'type_alias_declaration',
      'interface_body',
      'extends_type_clause',
      'implements_clause',
    ]),
    identifiers: new Set(['identifier', 'type_identifier', 'shorthand_property_identifier']),
  },
};
