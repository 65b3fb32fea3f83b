/**
 * Does a finding give a before/after pair of Python code? Then replace-snippet applies:
 * the first `before` block, the first `after` block following it, the file the blocks
 * are about (or the one file the finding modifies), and the function the finding names
 * with that file when it names exactly one.
 */
import type { CodeBlock, Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import { isPythonPath } from '../../src/python/files.js';
import type { ReplaceSnippetOptions } from './index.js';

const PYTHON_LANGS = new Set(['python', 'py', 'python3', 'py3']);

function isPythonBlock(block: CodeBlock): boolean {
  return block.lang === null || PYTHON_LANGS.has(block.lang);
}

function inferSnippetOptions(finding: Finding): ReplaceSnippetOptions | undefined {
  const blocks = finding.codeBlocks.filter(isPythonBlock);
  const beforeAt = blocks.findIndex((b) => b.role === 'before');
  if (beforeAt === -1) return undefined;
  const before = blocks[beforeAt]!;
  const after = blocks.slice(beforeAt + 1).find((b) => b.role === 'after');
  if (!after) return undefined;
  const file = after.file ?? before.file ?? onlyModifiedFile(finding);
  if (!file || !isPythonPath(file)) return undefined;
  const fn = onlySymbolOf(finding, file);
  return { file, ...(fn ? { function: fn } : {}), before: before.code, after: after.code };
}

function onlyModifiedFile(finding: Finding): string | undefined {
  const files = new Set(finding.fileRefs.filter((r) => r.role !== 'mention').map((r) => r.path));
  return files.size === 1 ? [...files][0] : undefined;
}

function onlySymbolOf(finding: Finding, file: string): string | undefined {
  const symbols = new Set(
    finding.fileRefs.filter((r) => r.path === file).flatMap((r) => r.symbols),
  );
  return symbols.size === 1 ? [...symbols][0] : undefined;
}

/** The planner's view of replace-snippet: which findings ask for it, with what options. */
export const recognizer: Recognizer<ReplaceSnippetOptions> = {
  transform: 'replace-snippet',
  infer: inferSnippetOptions,
};
