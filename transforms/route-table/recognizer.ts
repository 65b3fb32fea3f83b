/**
 * Does a finding ask for a route table? It talks about routes and about a declarative
 * table / registry, or sketches one (`_ROUTES = [...]`), and names one file. The
 * dispatcher is the function the finding names with that file (default
 * `_match_handler`). `explainSketch` reports where the sketch disagrees with the code.
 */
import type { CodeBlock, Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import type { RouteTableOptions } from './index.js';
import { compareRouteSketch } from './sketch.js';

const TABLE_NAME = /^\s*([A-Za-z_]\w*)\s*(?::[^=\n]*)?=\s*[[(]/m;

function sketchBlock(finding: Finding): CodeBlock | undefined {
  return finding.codeBlocks.find(
    (b) =>
      (b.lang === null || b.lang.startsWith('py')) &&
      /\bfor\b[^\n]*\bin\b/.test(b.code) &&
      TABLE_NAME.test(b.code),
  );
}

function inferRouteTableOptions(finding: Finding): RouteTableOptions | undefined {
  const text = `${finding.title}\n${finding.body}`;
  if (!/\brout(e|es|ing)\b/i.test(text)) return undefined;
  const sketch = sketchBlock(finding);
  if (!sketch && !/\b(route table|declarative|registry)\b/i.test(text)) return undefined;
  const files = [
    ...new Set(
      finding.fileRefs
        .filter((r) => r.role !== 'mention' && /\.py$/.test(r.path))
        .map((r) => r.path),
    ),
  ];
  const file = sketch?.file ?? (files.length === 1 ? files[0] : undefined);
  if (!file) return undefined;
  const symbols = finding.fileRefs.filter((r) => r.path === file).flatMap((r) => r.symbols);
  const dispatcher = symbols.find((s) => !/^_?is_/.test(s)) ?? '_match_handler';
  const table = (sketch && TABLE_NAME.exec(sketch.code)?.[1]) || '_ROUTES';
  return { file, dispatcher, table };
}

/** For `plan` / `show`: where the finding's sketch and the code disagree. */
function explainSketch(
  finding: Finding,
  options: RouteTableOptions,
  read: (path: string) => string | undefined,
): string[] {
  const sketch = sketchBlock(finding);
  if (!sketch) return [];
  const source = read(options.file);
  if (source === undefined) return [`cannot read ${options.file} to compare with the sketch`];
  try {
    return compareRouteSketch(sketch.code, source, options.dispatcher);
  } catch (error) {
    return [`cannot compare the sketch with the code: ${(error as Error).message}`];
  }
}

/** The planner's view of route-table: which findings ask for it, with what options. */
export const recognizer: Recognizer<RouteTableOptions> = {
  transform: 'route-table',
  infer: inferRouteTableOptions,
  explain: explainSketch,
};
