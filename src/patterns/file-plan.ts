/**
 * Plan the rewrite of one file: find every rule's matches, decide each one (rewrite,
 * leave alone, ambiguous), compose nested matches, render the replacements, work out
 * the imports the replacement needs and those the pattern may leave unused, and check
 * the result re-parses and would not match again.
 */
import type { SgNode } from '@ast-grep/napi';
import { Edit } from '../core/edit.js';
import { type Applicability, Fix } from '../core/fix.js';
import { Collector, checkIdempotent, checkReparse, noteMentions } from './checks.js';
import { diagnostic, type PatternDiagnostic } from './diagnostics.js';
import { type ImportNeed, moduleImports } from './imports.js';
import { type LanguageFamily, parseWith } from './languages.js';
import { findMatches, type PatternMatch } from './match.js';
import { resolveNames } from './names.js';
import type { CompiledRule } from './rules.js';
import { scopeBindings } from './scopes.js';
import {
  applicabilityOf,
  insideReplacementDefinition,
  type SiteFacts,
  shadowingAt,
  siteFacts,
} from './sites.js';
import { kindOf } from './syntax.js';
import { type RenderedEdit, renderReplacement, uncomposable } from './template.js';

export interface SourceText {
  /** Repository-relative path. */
  readonly path: string;
  readonly text: string;
}

export interface PlanOptions {
  /** The finding (or config) asks for exactly this change: value rewrites are safe. */
  readonly intended: boolean;
  /** Ambiguous matches: refuse the whole rewrite (default) or leave them and go on. */
  readonly onAmbiguous: 'refuse' | 'skip';
  /** Where names the replacement needs come from (see names.ts). */
  readonly resolveImport: (name: string, family: LanguageFamily) => ImportNeed | undefined;
  /** Why an import cannot work (its module does not define the name), if it cannot. */
  readonly checkImport?: (need: ImportNeed, family: LanguageFamily) => string | undefined;
}

/** A match that will be rewritten. */
export interface Site {
  readonly match: PatternMatch;
  readonly rule: CompiledRule;
  readonly facts: SiteFacts;
  /** The replacement text, nested rewrites included. */
  readonly text: string;
  readonly applicability: Applicability;
  /** Why it is safe or unsafe. */
  readonly reason: string;
}

export interface FilePlan {
  readonly path: string;
  readonly family: LanguageFamily;
  readonly sites: readonly Site[];
  readonly fixes: readonly Fix[];
  readonly imports: readonly ImportNeed[];
  /** Imports the pattern used: drop each if nothing uses it after the rewrite. */
  readonly removals: readonly ImportNeed[];
  /** Rule indexes that matched anything here (rewritten or not). */
  readonly matchedRules: ReadonlySet<number>;
  readonly diagnostics: readonly PatternDiagnostic[];
  readonly problems: readonly PatternDiagnostic[];
}

interface Decided {
  readonly match: PatternMatch;
  readonly rule: CompiledRule;
  readonly facts: SiteFacts;
}

interface Rendered extends Decided {
  readonly text: string;
}

/** Match, decide and render one file. */
export function planFile(
  file: SourceText,
  rules: readonly CompiledRule[],
  options: PlanOptions,
  root: SgNode = parseWith(rules[0]!.pattern.lang, file.text).root(),
): FilePlan {
  const family = rules[0]!.pattern.family;
  const out = new Collector(file.path);
  const matches = rules.flatMap((rule) =>
    findMatches(root, rule.pattern, rule.index)
      .filter((match) => !rule.reference || !isCallee(match.node))
      .map((match) => ({ match, rule })),
  );
  const moduleNames = scopeBindings(root, family);
  const kept = decideAll(matches, moduleNames, out, options);
  const rendered = renderAll(file.text, kept, out);
  const names = resolveNames(file.path, rendered, moduleNames, family, options);
  for (const p of names.problems) out.ambiguous(p, options);
  const sites = rendered
    .filter((s) => !names.blocked.has(s.match.start))
    .map((s) => withVerdict(s, options.intended));
  checkIdempotent(sites, out);
  noteMentions(
    root,
    rules,
    matches.map((m) => m.match),
    out,
  );
  const fixes = sites.map(toFix);
  checkReparse(root, file, rules[0]!.pattern.lang, fixes, out);
  return {
    path: file.path,
    family,
    sites,
    fixes,
    imports: sites.length > 0 ? names.imports : [],
    removals: sites.length > 0 ? removalsFor(root, family, sites) : [],
    matchedRules: new Set(matches.map((m) => m.rule.index)),
    diagnostics: out.diagnostics,
    problems: out.problems,
  };
}

/** The function of a call (`f` of `f()`): a reference companion rule leaves it to the call rule. */
function isCallee(node: SgNode): boolean {
  const parent = node.parent();
  if (!parent || !['call', 'call_expression'].includes(kindOf(parent))) return false;
  const fn = parent.field('function' as never) as SgNode | null;
  return fn !== null && fn.range().start.index === node.range().start.index;
}

function decideAll(
  matches: readonly { match: PatternMatch; rule: CompiledRule }[],
  moduleNames: ReadonlySet<string>,
  out: Collector,
  options: PlanOptions,
): Decided[] {
  const cache = new Map<number, Set<string>>();
  const kept: Decided[] = [];
  for (const { match, rule } of matches) {
    const facts = siteFacts(match, rule.pattern.family);
    const line = match.line + 1;
    const what = `\`${match.node.text()}\``;
    if (facts.propertyKey || (facts.inType && !rule.replacement.fitsType)) {
      const where = facts.propertyKey ? 'a property key' : 'a type';
      out.note(
        diagnostic('info', 'pattern/wrong-position', `${what} here is ${where}; left alone`, {
          line,
        }),
      );
      continue;
    }
    if (facts.inString || facts.jsxAttribute) {
      const where = facts.inString ? 'inside a string' : 'a JSX attribute value';
      const code = facts.inString ? 'pattern/in-string' : 'pattern/ambiguous';
      out.ambiguous(
        diagnostic('error', code, `${what} is ${where}: rewriting it there is ambiguous`, {
          line,
          hint: 'narrow the "files" option, or set "onAmbiguous": "skip" to leave such matches',
        }),
        options,
      );
      continue;
    }
    const definer = insideReplacementDefinition(match, rule.replacement, rule.pattern.family);
    if (definer) {
      out.note(
        diagnostic(
          'info',
          'pattern/inside-replacement',
          `${what} is inside \`${definer}\`, which the replacement calls: rewriting it would make \`${definer}\` call itself; left alone`,
          { line },
        ),
      );
      continue;
    }
    const shadow = shadowingAt(match, rule.pattern, moduleNames, cache);
    if (shadow) {
      out.note(
        diagnostic(
          'info',
          'pattern/shadowed',
          `${what}: \`${shadow.name}\` is rebound in \`${shadow.scope}\`, so this is something else; left alone`,
          { line },
        ),
      );
      continue;
    }
    kept.push({ match, rule, facts });
  }
  return kept;
}

const contains = (o: Decided, d: Decided) =>
  o !== d && o.match.start <= d.match.start && d.match.end <= o.match.end;

/** Render outermost matches, composing those nested in a capture; overlaps are refused. */
function renderAll(text: string, decided: readonly Decided[], out: Collector): Rendered[] {
  const sorted = [...decided].sort(
    (a, b) => a.match.start - b.match.start || b.match.end - a.match.end,
  );
  const clashes = sorted.filter((d, i) =>
    sorted.some(
      (o, j) =>
        j < i &&
        d.match.start < o.match.end &&
        (d.match.end > o.match.end ||
          (d.match.start === o.match.start && d.match.end === o.match.end)),
    ),
  );
  for (const d of clashes) out.problem(overlap(d, 'overlaps another match'));
  const usable = sorted.filter((d) => !clashes.includes(d));
  const rendered = new Map<Decided, RenderedEdit>();
  // Innermost first: a nested match is rendered before the match that contains it.
  for (const d of [...usable].reverse()) {
    const nested = usable.filter((o) => contains(d, o)).map((o) => rendered.get(o)!);
    if (uncomposable(d.match, nested).length > 0) {
      out.problem(overlap(d, 'contains another match outside its metavariables'));
    }
    const t = renderReplacement(text, d.rule.replacement.template, d.match, nested);
    rendered.set(d, {
      start: d.match.start,
      end: d.match.end,
      text: indentLike(text, d.match.start, t),
    });
  }
  return usable
    .filter((d) => !usable.some((o) => contains(o, d)))
    .map((d) => ({ ...d, text: rendered.get(d)!.text }));
}

/** A multi-line replacement's later lines, indented like the line the match starts on. */
function indentLike(text: string, at: number, replacement: string): string {
  if (!replacement.includes('\n')) return replacement;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, at))![0];
  return replacement.replace(/\n(?=[^\n])/g, `\n${indent}`);
}

function overlap(d: Decided, what: string): PatternDiagnostic {
  return diagnostic(
    'error',
    'pattern/overlap',
    `\`${d.match.node.text()}\` ${what}: the rewrites would overlap`,
    { line: d.match.line + 1, hint: 'rewrite one pattern at a time' },
  );
}

function withVerdict(site: Rendered, intended: boolean): Site {
  const text = site.match.node.text();
  return {
    ...site,
    ...applicabilityOf(site.facts, site.rule.replacement, text, site.text, intended),
  };
}

function toFix(site: Site): Fix {
  const line = site.match.line + 1;
  const title = `line ${line}: \`${site.match.node.text()}\` -> \`${site.text}\` (${site.reason})`;
  return Fix.of(
    title,
    [Edit.replace(site.match.start, site.match.end, site.text)],
    site.applicability,
  );
}

/** Imports of names the pattern used and the replacement does not: dropped if unused after. */
function removalsFor(root: SgNode, family: LanguageFamily, sites: readonly Site[]): ImportNeed[] {
  const dropped = new Set<string>();
  for (const s of sites) {
    const kept = new Set(s.rule.replacement.names);
    for (const n of s.rule.pattern.names) if (!kept.has(n)) dropped.add(n);
  }
  return moduleImports(root, family)
    .filter((b) => dropped.has(b.local))
    .map((b) => ({ module: b.module, ...(b.name !== undefined ? { name: b.name } : {}) }));
}
