/**
 * Does a finding ask for imports first (TS/JS)? It says a statement sits between or
 * among the imports, or asks for it below the import block, or names the
 * `import/first` rule — and names the TypeScript/JavaScript files (F-06, and wording
 * like "move a helper that was declared between imports to below the import block").
 */
import type { Finding } from '../../src/findings/types.js';
import { typeScriptFiles } from '../../src/typescript/finding-files.js';

export interface ImportsFirstOptions {
  readonly files: readonly string[];
}

const WORDING = [
  /\b(?:declared|defined|sits?|placed|lives?)\b[^.\n]*\b(?:between|in the middle of|among|amid)\b[^.\n]*\bimports?\b/i,
  /\bbelow the (?:last )?import(?:s| block| statements)?\b/i,
  /\bafter the (?:last )?import(?:s| block)\b/i,
  /\bimport\/first\b/,
  /\bimports?[- ](?:first|at the top)\b/i,
];

/** The imports-first options a finding asks for, if any. */
export function inferImportsFirst(finding: Finding): ImportsFirstOptions | undefined {
  const text = `${finding.title}\n${finding.body}`;
  if (!WORDING.some((w) => w.test(text))) return undefined;
  const files = typeScriptFiles(finding);
  return files.length > 0 ? { files } : undefined;
}
