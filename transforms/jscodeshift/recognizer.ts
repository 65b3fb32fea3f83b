/**
 * Does a finding say to run a jscodeshift codemod? Its code (a shell block, or inline
 * code) runs `jscodeshift -t <module>`: the module, `--parser`, `--extensions` and the
 * options passed through to the transform (`--source=@/lib/analytics`) are read from
 * the command, as the jscodeshift CLI reads them (F-07's command, for example).
 */
import type { Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';

/** The transform's options as a recognizer writes them (validated by the transform). */
export interface JscodeshiftRequest {
  readonly module: string;
  readonly parser?: string;
  readonly extensions?: readonly string[];
  readonly options?: Readonly<Record<string, string | boolean>>;
  readonly paths?: readonly string[];
}

/** Flags of the jscodeshift CLI itself (not passed to the transform). */
const CLI_FLAGS = new Set(
  'dry d print p run-in-band verbose v silent s ignore-pattern ignore-config gitignore cpus c fail-on-error stdin babel no-babel help h version'.split(
    ' ',
  ),
);

function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The options of one `jscodeshift ...` command line. */
export function parseJscodeshiftCommand(line: string): JscodeshiftRequest | undefined {
  const argv = words(line.slice(line.search(/\bjscodeshift(?:\.js)?\b/)));
  let module: string | undefined;
  let parser: string | undefined;
  let extensions: string[] | undefined;
  const options: Record<string, string | boolean> = {};
  const paths: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      if (/^[\w.@[\]()/-]+$/.test(arg)) paths.push(arg.replace(/^\.\/?/, '') || '.');
      continue;
    }
    const [, key, inline] = m as unknown as [string, string, string | undefined];
    const takesValue = ['t', 'transform', 'parser', 'extensions'].includes(key);
    const value = inline ?? (takesValue ? argv[++i] : undefined);
    if (key === 't' || key === 'transform') module = value;
    else if (key === 'parser') parser = value;
    else if (key === 'extensions') extensions = value?.split(',').map((e) => e.trim());
    else if (!CLI_FLAGS.has(key)) options[key] = value ?? true;
  }
  if (!module) return undefined;
  return {
    module: module.replace(/^\.\//, ''),
    ...(parser ? { parser } : {}),
    ...(extensions ? { extensions } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
    ...(paths.length > 0 ? { paths } : {}),
  };
}

/** The jscodeshift options a finding asks for, if it gives the command. */
export function inferJscodeshift(finding: Finding): JscodeshiftRequest | undefined {
  // Paths come from code blocks only: after an inline command, prose follows.
  const texts = [
    ...finding.codeBlocks.map((b) => [b.code, true] as const),
    [finding.body, false] as const,
  ];
  for (const [text, isCode] of texts) {
    for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
      if (!/\bjscodeshift\b/.test(line) || !/\s-(?:t|-transform)\b/.test(line)) continue;
      const parsed = parseJscodeshiftCommand(
        isCode ? line : (/`([^`]*jscodeshift[^`]*)`/.exec(line)?.[1] ?? ''),
      );
      if (!parsed) continue;
      const { paths: _, ...withoutPaths } = parsed;
      return isCode ? parsed : withoutPaths;
    }
  }
  return undefined;
}

export const recognizer: Recognizer<JscodeshiftRequest> = {
  transform: 'jscodeshift',
  infer: inferJscodeshift,
};
