/**
 * Does a finding ask for imports first (TS/JS)? It says a statement sits between or
 * among the imports, or asks for it below the import block, or names the
 * `import/first` rule — and names the TypeScript/JavaScript files (F-06, and wording
 * like "move a helper that was declared between imports to below the import block").
 */
import type { Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import { typeScriptFiles } from '../../src/typescript/finding-files.js';
import type { ImportsFirstOptions } from './index.js';

const WORDING = [
  /\b(?:declared|defined|sits?|placed|lives?)\b[^.\n]*\b(?:between|in the middle of|among|amid)\b[^.\n]*\bimports?\b/i,
  /\bbelow the (?:last )?import(?:s| block| statements)?\b/i,
  /\bafter the (?:last )?import(?:s| block)\b/i,
  /\bimport\/first\b/,
  /\bimports?[- ](?:first|at the top)\b/i,
];

/**
 * The imports-first options a finding asks for, if any (none: the files it runs on are
 * the finding's TypeScript/JavaScript files).
 */
export function inferImportsFirst(finding: Finding): ImportsFirstOptions | undefined {
  const text = `${finding.title}\n${finding.body}`;
  if (!WORDING.some((w) => w.test(text))) return undefined;
  return typeScriptFiles(finding).length > 0 ? {} : undefined;
}

export const recognizer: Recognizer<ImportsFirstOptions> = {
  transform: 'imports-first',
  infer: inferImportsFirst,
};
