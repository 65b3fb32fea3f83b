/**
 * What a file plan checks and says besides its fixes: the diagnostics it gathers (an
 * ambiguous match is a refusal, or a warning with `onAmbiguous: skip`), mentions of a
 * pattern in comments and strings, and the two checks on the result — a replacement
 * must not match again, and the rewritten file must parse.
 */
import type { SgNode } from '@ast-grep/napi';
import { applyEdits } from '../core/edit.js';
import type { Fix } from '../core/fix.js';
import { wrapInForm } from './compile.js';
import { diagnostic, type PatternDiagnostic } from './diagnostics.js';
import type { PlanOptions, Site, SourceText } from './file-plan.js';
import { KINDS, type PatternLanguage, parseWith } from './languages.js';
import { findMatches, type PatternMatch } from './match.js';
import type { CompiledRule } from './rules.js';
import { countSyntaxErrors, firstSyntaxErrorLine, kindOf, walkNodes } from './syntax.js';

/** Gathers diagnostics for one file. */
export class Collector {
  readonly diagnostics: PatternDiagnostic[] = [];
  readonly problems: PatternDiagnostic[] = [];
  constructor(readonly file: string) {}
  note(d: PatternDiagnostic): void {
    this.diagnostics.push({ file: this.file, ...d });
  }
  problem(d: PatternDiagnostic): void {
    this.problems.push({ file: this.file, ...d });
  }
  /** An ambiguous match: a refusal, or (onAmbiguous: skip) a warning and the match is left. */
  ambiguous(d: PatternDiagnostic, options: PlanOptions): void {
    if (options.onAmbiguous === 'refuse') this.problem(d);
    else this.note({ ...d, severity: 'warning', undone: true });
  }
}

/** Comments and strings that quote a pattern are not code: say they were left alone. */
export function noteMentions(
  root: SgNode,
  rules: readonly CompiledRule[],
  matches: readonly PatternMatch[],
  out: Collector,
): void {
  const literal = rules.filter((r) => r.pattern.metavariables.length === 0);
  if (literal.length === 0) return;
  const kinds = KINDS[rules[0]!.pattern.family];
  walkNodes(root, (node) => {
    const kind = kindOf(node);
    if (!kinds.comments.has(kind) && !kinds.strings.has(kind)) return undefined;
    const start = node.range().start.index;
    if (matches.some((m) => m.start <= start && start < m.end)) return false;
    const rule = literal.find(
      (r) => node.text().includes(r.rule.pattern) && node.text() !== r.rule.pattern,
    );
    if (rule) {
      const where = kinds.comments.has(kind) ? 'a comment' : 'a string';
      out.note(
        diagnostic(
          'info',
          'pattern/in-comment',
          `\`${rule.rule.pattern}\` in ${where} is not code; left alone`,
          {
            line: node.range().start.line + 1,
          },
        ),
      );
    }
    return false;
  });
}

/** Each rendered replacement must not match any rule again (else a second run changes it). */
export function checkIdempotent(sites: readonly Site[], out: Collector): void {
  for (const site of sites) {
    const lang = site.rule.pattern.lang;
    const probe = parseWith(lang, wrapInForm(site.match.form, lang, site.text)).root();
    if (findMatches(probe, site.rule.pattern, site.rule.index).length > 0) {
      out.problem(
        diagnostic(
          'error',
          'pattern/not-idempotent',
          `the replacement \`${site.text}\` matches the pattern \`${site.rule.rule.pattern}\` again`,
          {
            line: site.match.line + 1,
            hint: 'make the pattern more specific than the replacement',
          },
        ),
      );
    }
  }
}

/** The rewritten file must parse (no more syntax errors than before). */
export function checkReparse(
  root: SgNode,
  file: SourceText,
  lang: PatternLanguage,
  fixes: readonly Fix[],
  out: Collector,
): void {
  if (fixes.length === 0) return;
  const after = applyEdits(
    file.text,
    fixes.flatMap((f) => f.edits),
  );
  const newRoot = parseWith(lang, after).root();
  if (countSyntaxErrors(newRoot) > countSyntaxErrors(root)) {
    const line = (firstSyntaxErrorLine(newRoot) ?? 0) + 1;
    out.problem(
      diagnostic(
        'error',
        'pattern/reparse',
        `the rewritten file would not parse (line ${line} after the rewrite)`,
        { hint: 'the replacement does not fit where the pattern matched; check the rule' },
      ),
    );
  }
}
