/**
 * The planner's side of add-missing-import: a finding that says a module uses a name it
 * never imports (`os.getenv(...)` used without importing `os`; `NameError: name 'os' is
 * not defined`; F821) maps to the imports that bind those names, in the files it names.
 * An import statement the finding gives (`import os`) is passed on to be checked
 * against the code, not trusted.
 */
import type { Finding } from '../../src/findings/types.js';

export interface MissingImportOptions {
  /** Undefined names to bind; every undefined name when absent. */
  readonly names?: readonly string[];
  /** Import statements to add (`import os`), each checked to bind an undefined name. */
  readonly imports?: readonly string[];
  /** Repository-relative files (or directories) to fix; the whole project when absent. */
  readonly paths?: readonly string[];
}

const NAME_PATTERNS = [
  /without import(?:ing)?\s+`(\w+)`/gi,
  /never imports?\s+`(\w+)`/gi,
  /NameError:\s*name\s+['"`](\w+)['"`]\s+is not defined/gi,
  /undefined name\s+`(\w+)`/gi,
  /`(\w+)`\s+is (?:not defined|undefined|never imported|not imported)/gi,
  /missing import (?:of\s+)?`(\w+)`/gi,
];
const STATEMENT =
  /`((?:from\s+\.*[\w.]*\s+)?import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)`/g;
const CONTEXT =
  /\b(?:crash\w*|NameError|F821|undefined|missing import|not imported|never imports?|without importing)\b/i;
const PYTHON_FENCE = /```(?:py|python|python3)\b[\s\S]*?```/g;

export function inferMissingImport(finding: Finding): MissingImportOptions | undefined {
  const text = `${finding.title}\n${finding.body}`.replace(PYTHON_FENCE, '');
  const names = [
    ...new Set(NAME_PATTERNS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!))),
  ];
  const statements = CONTEXT.test(text)
    ? [...new Set([...text.matchAll(STATEMENT)].map((m) => m[1]!.replace(/\s+/g, ' ')))]
    : [];
  if (names.length === 0 && statements.length === 0) return undefined;
  const paths = finding.fileRefs
    .filter((r) => r.role !== 'create' && /\.pyi?$/.test(r.path))
    .map((r) => r.path);
  return {
    ...(names.length > 0 ? { names } : {}),
    ...(statements.length > 0 ? { imports: statements } : {}),
    ...(paths.length > 0 ? { paths } : {}),
  };
}

export function explainMissingImport(_finding: Finding, options: MissingImportOptions): string[] {
  const where = options.paths?.length ? ` in ${options.paths.join(', ')}` : '';
  if (options.imports?.length)
    return [
      `adds ${options.imports.map((s) => `\`${s}\``).join(', ')}${where}, once the code shows each binds an undefined name`,
    ];
  const names = options.names?.length
    ? options.names.map((n) => `\`${n}\``).join(', ')
    : 'every undefined name (F821)';
  return [
    `imports ${names}${where} from the one standard-library or project module that provides it`,
  ];
}

export const recognizer = {
  transform: 'add-missing-import',
  infer: inferMissingImport,
  explain: explainMissingImport,
};
