/**
 * Facts about one match and what to do with it: rewrite it (safe or unsafe, and why),
 * leave it alone (a similar but different thing: a shadowed name, a type where the
 * replacement is a value, a property key), or call it ambiguous (inside a string, a
 * JSX attribute) — the planner refuses ambiguous matches unless told to skip them.
 */
import type { SgNode } from '@ast-grep/napi';
import type { Applicability } from '../core/fix.js';
import { isBuiltin } from '../python/project/builtins.js';
import type { CompiledPattern } from './compile.js';
import { KINDS, type LanguageFamily } from './languages.js';
import type { PatternMatch } from './match.js';
import { enclosingScopes, localBinderOf, scopeName } from './scopes.js';
import { kindOf } from './syntax.js';

export interface SiteFacts {
  /** In an annotation or a TS type: erased or only introspected, never executed as a value. */
  readonly inType: boolean;
  /** Inside a string (an f-string or template interpolation, an implicit concatenation). */
  readonly inString: boolean;
  /** The value of a JSX attribute (`title="HKD"`). */
  readonly jsxAttribute: boolean;
  /** The key of an object literal (`{ 'HKD': 1 }`). */
  readonly propertyKey: boolean;
  /** A Python default parameter value: evaluated once, when the function is defined. */
  readonly definitionTime: boolean;
  /** Not inside any function: evaluated at import. */
  readonly moduleLevel: boolean;
}

/** What the replacement of a rule is: the facts that decide where it may go. */
export interface ReplacementFacts {
  readonly template: string;
  /** Every name it refers to. */
  readonly names: readonly string[];
  /** Names it refers to that the pattern does not (`Any`, `request`, `getDefaultCurrencyCode`). */
  readonly newNames: readonly string[];
  /** It calls something where it stands. */
  readonly calls: boolean;
  /** It calls something and the pattern does not (a literal becomes a call): evaluation moves. */
  readonly addsCall: boolean;
  /** It is valid in a type position. */
  readonly fitsType: boolean;
}

const DEFAULT_VALUE_KINDS = new Set(['default_parameter', 'typed_default_parameter']);

export function siteFacts(match: PatternMatch, family: LanguageFamily): SiteFacts {
  const kinds = KINDS[family];
  const node = match.node;
  const ancestors = node.ancestors();
  const parent = node.parent();
  const inType = kinds.types.has(kindOf(node)) || ancestors.some((a) => kinds.types.has(kindOf(a)));
  const inString = ancestors.some((a) => kinds.strings.has(kindOf(a)));
  const parentKind = parent ? kindOf(parent) : '';
  const key =
    parent && parentKind === 'pair' ? (parent.field('key' as never) as SgNode | null) : null;
  return {
    inType,
    inString,
    jsxAttribute: family === 'typescript' && parentKind === 'jsx_attribute',
    propertyKey: key !== null && key.range().start.index === match.start,
    definitionTime: family === 'python' && isDefaultValue(node),
    moduleLevel: enclosingScopes(node, family).length === 0,
  };
}

/** Whether the node is (inside) the default value of a Python parameter. */
function isDefaultValue(node: SgNode): boolean {
  let child = node;
  for (const a of node.ancestors()) {
    if (DEFAULT_VALUE_KINDS.has(kindOf(a))) {
      const value = a.field('value' as never) as SgNode | null;
      return value !== null && value.range().start.index <= child.range().start.index;
    }
    if (kindOf(a) === 'function_definition' || kindOf(a) === 'lambda') return false;
    child = a;
  }
  return false;
}

/** Names JavaScript provides everywhere (no import needed). */
const JS_GLOBALS = new Set(
  `Array ArrayBuffer BigInt Boolean Date Error Intl JSON Map Math NaN Number Object Promise
  Proxy Reflect RegExp Set String Symbol TypeError URL URLSearchParams WeakMap WeakSet
  Infinity console crypto decodeURIComponent document encodeURIComponent fetch globalThis
  isNaN parseFloat parseInt process queueMicrotask setTimeout clearTimeout structuredClone
  undefined window Record Partial Readonly Required Pick Omit ReturnType Parameters
  Awaited NonNullable Exclude Extract unknown never any string number boolean void null`.split(
    /\s+/,
  ),
);

/** A name code can use without binding or importing it. */
export function isAmbient(name: string, family: LanguageFamily): boolean {
  return family === 'python' ? isBuiltin(name) : JS_GLOBALS.has(name);
}

/** Where the pattern's own names mean something else (a parameter called `os`): the scope that rebinds one. */
export function shadowingAt(
  match: PatternMatch,
  pattern: CompiledPattern,
  moduleNames: ReadonlySet<string>,
  cache: Map<number, Set<string>>,
): { name: string; scope: string } | undefined {
  for (const name of pattern.names) {
    if (!moduleNames.has(name) && !isAmbient(name, pattern.family)) continue;
    const scope = localBinderOf(match.node, name, pattern.family, cache);
    if (scope) return { name, scope: scopeName(scope) };
  }
  return undefined;
}

const DECLARATORS = new Set(['variable_declarator', 'assignment', 'assignment_expression', 'pair']);

/**
 * The name a function-like scope is defined under: its own (`def f`, `function f`), or
 * the variable an arrow or function expression is assigned to (`const f = () => ...`).
 */
function definedName(scope: SgNode): string | undefined {
  const own = scope.field('name' as never) as SgNode | null;
  if (own) return own.text();
  const parent = scope.parent();
  if (!parent || !DECLARATORS.has(kindOf(parent))) return undefined;
  const target = (parent.field('name' as never) ??
    parent.field('left' as never) ??
    parent.field('key' as never)) as SgNode | null;
  return target?.text();
}

/**
 * The function the match sits in that the replacement calls by name: rewriting there
 * would make that function call itself (`'HKD'` inside `getDefaultCurrencyCode()`,
 * the source of truth the finding wants the other sites to use).
 */
export function insideReplacementDefinition(
  match: PatternMatch,
  replacement: ReplacementFacts,
  family: LanguageFamily,
): string | undefined {
  if (replacement.newNames.length === 0) return undefined;
  return enclosingScopes(match.node, family)
    .map(definedName)
    .find((name) => name !== undefined && replacement.newNames.includes(name));
}

/** Equal but for quote style: the same value. */
function sameValue(matchText: string, replacement: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/'/g, '"');
  return norm(matchText) === norm(replacement);
}

export interface ApplicabilityVerdict {
  readonly applicability: Applicability;
  readonly reason: string;
}

/**
 * Safe when the rewrite cannot change behaviour (a type only; the identical value), or
 * when it is exactly the change the finding asks for (`intended`) and evaluates nothing
 * at another time than the code it replaces (a call where there was none, in a Python
 * default value or at module level, runs at definition or import). Unsafe otherwise.
 */
export function applicabilityOf(
  facts: SiteFacts,
  replacement: ReplacementFacts,
  matchText: string,
  rendered: string,
  intended: boolean,
): ApplicabilityVerdict {
  if (facts.inType) return { applicability: 'safe', reason: 'type annotations only' };
  if (sameValue(matchText, rendered)) return { applicability: 'safe', reason: 'identical value' };
  if (!intended) {
    return {
      applicability: 'unsafe',
      reason: 'changes what the code evaluates, and the finding does not say so',
    };
  }
  if (replacement.addsCall && facts.definitionTime) {
    return {
      applicability: 'unsafe',
      reason: 'the call runs once, when the function is defined, not at each call',
    };
  }
  if (replacement.addsCall && facts.moduleLevel) {
    return { applicability: 'unsafe', reason: 'the call runs at import time' };
  }
  return { applicability: 'safe', reason: 'the change the finding asks for' };
}
