/**
 * Which files rewrite-pattern reads: the files the finding (or `files`) names — each
 * must exist and be Python or TS/JS — or, when none are named, the run's files of the
 * requested language whose text contains every word of some rule's pattern (a text
 * prefilter: most files are never parsed).
 */
import type { ProjectContext } from '../../src/engine/contract.js';
import { compilePattern } from '../../src/patterns/compile.js';
import { familyOf, type LanguageFamily, patternLanguageOf } from '../../src/patterns/languages.js';
import { mayContain } from '../../src/patterns/match.js';
import type { RewriteRequest, SourceText } from '../../src/patterns/rewrite.js';
import type { RewritePatternOptions } from './options.js';

export interface FileSelection {
  readonly files: SourceText[];
  readonly scope: RewriteRequest['scope'];
}

function named(
  ctx: ProjectContext<RewritePatternOptions>,
  paths: readonly string[],
  families: readonly LanguageFamily[],
): SourceText[] {
  return paths.map((path) => {
    const text = ctx.readText(path);
    if (text === undefined) {
      ctx.refuse(
        { code: 'pattern/no-file', message: `${path} does not exist`, file: path },
        {
          hint: 'the document may name a file that moved or was renamed: give the right one in "files"',
        },
      );
    }
    const lang = patternLanguageOf(path);
    if (!lang || !families.includes(familyOf(lang))) {
      const what = lang
        ? `a ${familyOf(lang)} file, and this build edits ${families.join(', ')} only`
        : 'not a Python or TypeScript/JavaScript file';
      ctx.refuse({ code: 'pattern/unsupported-file', message: `${path} is ${what}`, file: path });
    }
    return { path, text };
  });
}

function searched(
  ctx: ProjectContext<RewritePatternOptions>,
  families: readonly LanguageFamily[],
): SourceText[] {
  const { rules, language } = ctx.options;
  const anchors = new Map<string, ((text: string) => boolean) | undefined>();
  const out: SourceText[] = [];
  for (const path of ctx.files) {
    const lang = patternLanguageOf(path);
    if (!lang || !families.includes(familyOf(lang)) || (language && familyOf(lang) !== language))
      continue;
    if (!anchors.has(lang)) {
      const compiled = rules.map((r) => compilePattern(r.pattern, lang));
      const ok = compiled.flatMap((c) => (c.ok ? [c.pattern] : []));
      anchors.set(lang, ok.length ? (t) => ok.some((p) => mayContain(t, p)) : undefined);
    }
    const text = ctx.readText(path);
    if (text !== undefined && anchors.get(lang)?.(text)) out.push({ path, text });
  }
  return out;
}

/** The files to rewrite, of the language families this build can edit. */
export function selectFiles(
  ctx: ProjectContext<RewritePatternOptions>,
  families: readonly LanguageFamily[],
): FileSelection {
  const paths = ctx.options.files;
  return paths
    ? { files: named(ctx, paths, families), scope: 'named' }
    : { files: searched(ctx, families), scope: 'searched' };
}
