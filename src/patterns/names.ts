/**
 * The names a replacement brings in (`Any`, `getDefaultCurrencyCode`, `request`): for
 * each match, is the name already defined there (a local, a module binding, a builtin),
 * or must an import provide it, and from where? A name nothing provides, or one a local
 * would shadow at a match while others need the import, makes that match ambiguous:
 * the replacement's meaning would depend on context the pattern does not pin.
 */
import { diagnostic, type PatternDiagnostic } from './diagnostics.js';
import type { PlanOptions } from './file-plan.js';
import { describeImport, type ImportNeed } from './imports.js';
import type { LanguageFamily } from './languages.js';
import type { PatternMatch } from './match.js';
import type { CompiledRule } from './rules.js';
import { localBinderOf, scopeName } from './scopes.js';
import { isAmbient, type SiteFacts } from './sites.js';

interface NamedSite {
  readonly match: PatternMatch;
  readonly rule: CompiledRule;
  readonly facts: SiteFacts;
}

export interface NameResolution {
  readonly imports: ImportNeed[];
  readonly problems: PatternDiagnostic[];
  /** Start offsets of the matches that must not be rewritten. */
  readonly blocked: Set<number>;
}

/** Resolve every new name of every site of one file. */
export function resolveNames(
  file: string,
  sites: readonly NamedSite[],
  moduleNames: ReadonlySet<string>,
  family: LanguageFamily,
  sources: Pick<PlanOptions, 'resolveImport' | 'checkImport'>,
): NameResolution {
  const cache = new Map<number, Set<string>>();
  const result: NameResolution = { imports: [], problems: [], blocked: new Set() };
  const needs = new Map<string, { need: ImportNeed; typeOnly: boolean }>();
  const local = new Map<string, NamedSite[]>();
  for (const site of sites) {
    for (const name of site.rule.replacement.newNames) {
      if (localBinderOf(site.match.node, name, family, cache)) {
        local.set(name, [...(local.get(name) ?? []), site]);
        continue;
      }
      if (moduleNames.has(name) || isAmbient(name, family)) continue;
      const need = needs.get(name)?.need ?? sources.resolveImport(name, family);
      const broken = need && !needs.has(name) ? sources.checkImport?.(need, family) : undefined;
      if (!need || broken) {
        result.blocked.add(site.match.start);
        result.problems.push(
          need
            ? unknownImport(file, site, need, family, broken!)
            : unbound(file, site, name, family),
        );
        continue;
      }
      const typeOnly = (needs.get(name)?.typeOnly ?? true) && site.facts.inType;
      needs.set(name, { need, typeOnly });
    }
  }
  for (const [name, { need }] of needs) {
    for (const site of local.get(name) ?? []) {
      result.blocked.add(site.match.start);
      result.problems.push(
        diagnostic(
          'error',
          'pattern/ambiguous',
          `the replacement's \`${name}\` would be the local \`${name}\` here, not the imported one (${describeImport(need, family)})`,
          { file, line: site.match.line + 1, hint: 'rename the local, or leave this match out' },
        ),
      );
    }
  }
  for (const { need, typeOnly } of needs.values()) {
    result.imports.push(family === 'typescript' && typeOnly ? { ...need, typeOnly } : need);
  }
  return result;
}

function unknownImport(
  file: string,
  site: NamedSite,
  need: ImportNeed,
  family: LanguageFamily,
  why: string,
): PatternDiagnostic {
  return diagnostic(
    'error',
    'pattern/unknown-import',
    `the replacement needs \`${describeImport(need, family)}\`, but ${why}`,
    {
      file,
      line: site.match.line + 1,
      hint: 'the document may name the wrong module or function: give the right one in "imports"',
    },
  );
}

function unbound(
  file: string,
  site: NamedSite,
  name: string,
  family: LanguageFamily,
): PatternDiagnostic {
  const scope = enclosingName(site, family);
  return diagnostic(
    'error',
    'pattern/unbound-name',
    `the replacement needs \`${name}\`, which is not defined ${scope} and no import provides it`,
    {
      file,
      line: site.match.line + 1,
      hint: `the pattern matched where \`${name}\` does not exist; narrow "files", or give its source in "imports"`,
    },
  );
}

function enclosingName(site: NamedSite, family: LanguageFamily): string {
  const scope = site.match.node
    .ancestors()
    .find((a) =>
      family === 'python'
        ? String(a.kind()) === 'function_definition'
        : /function|method_definition|arrow_function/.test(String(a.kind())),
    );
  return scope ? `in \`${scopeName(scope)}\`` : 'at module level';
}
