/**
 * extract-shared-helpers' recognizer for both languages: a TypeScript finding's options
 * (src/typescript/extract/recognizer.ts) first, else the Python recognizer's; `explain`
 * answers for the language of the options (the Python one compares Python copies).
 */
import type { Recognizer } from '../../src/plan/recognizer.js';
import { isTypeScriptPath } from '../../src/typescript/extensions.js';
import type { TsExtractOptions } from '../../src/typescript/extract/options.js';
import { inferTsExtraction } from '../../src/typescript/extract/recognizer.js';

function explainTs(
  options: TsExtractOptions,
  read: (path: string) => string | undefined,
): string[] {
  const names = options.helpers.map((h) =>
    h.to && h.to !== h.from ? `${h.from} -> ${h.to}` : h.from,
  );
  const sources = [...new Set(options.helpers.flatMap((h) => h.sources))];
  return [
    `shared module: ${options.target}${read(options.target) === undefined ? ' (new)' : ''}`,
    `helpers: ${names.join(', ')}; copies looked for in ${sources.join(', ')}`,
  ];
}

export function withTypeScript<O>(python: Recognizer<O>): Recognizer<O | TsExtractOptions> {
  return {
    // Python's own `explain` and `decline` stay; TypeScript findings are inferred first.
    ...python,
    infer: (finding) => inferTsExtraction(finding) ?? python.infer(finding),
    explain: (finding, options, read) =>
      isTypeScriptPath((options as { target?: string }).target ?? '')
        ? explainTs(options as TsExtractOptions, read)
        : (python.explain?.(finding, options as O, read) ?? []),
  };
}
