/**
 * Does a finding give a whole definition to paste? Then replace-definition applies: a
 * Python block the findings reader marks `definition`, else a fix block whose top level
 * is exactly one `def` (so that a definition the file lacks, like B-DUP-04's new
 * `paginate_response`, is refused with a reason instead of silently left manual). The
 * file is the block's file, else the file the finding names with that symbol, else the
 * one file it modifies. A fix block of several definitions (1.3's two `async def`s)
 * counts only when the prose names each one as existing code (`get_recommendations`),
 * so a block of new fixtures is not taken for replacements; its file may also be the
 * one Python file the finding cites.
 */
import type { CodeBlock, Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import { isPythonPath } from '../../src/python/files.js';
import type { ReplaceDefinitionOptions } from './index.js';

const PYTHON_LANGS = new Set(['python', 'py', 'python3', 'py3']);

function isPython(block: CodeBlock): boolean {
  return block.lang === null || PYTHON_LANGS.has(block.lang);
}

function inferDefinitionOptions(finding: Finding): ReplaceDefinitionOptions | undefined {
  const blocks = finding.codeBlocks.filter(isPython);
  const block =
    blocks.find((b) => b.role === 'definition') ??
    blocks.find((b) => (b.role === 'after' || b.role === 'other') && soleFunctionName(b.code));
  if (!block) return inferSeveralDefinitions(finding, blocks);
  const name = soleFunctionName(block.code) ?? soleDefinitionName(block.code);
  if (!name) return undefined;
  const file = block.file ?? fileNaming(finding, name) ?? onlyModifiedFile(finding);
  if (!file || !isPythonPath(file)) return undefined;
  return { file, code: block.code };
}

/** A fix block of several definitions that the prose names, all in one Python file. */
function inferSeveralDefinitions(
  finding: Finding,
  blocks: readonly CodeBlock[],
): ReplaceDefinitionOptions | undefined {
  const prose = finding.body.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  const named = (name: string) => new RegExp(`\`${name}(?:\\(\\))?\``).test(prose);
  for (const block of blocks) {
    if (block.role !== 'after' && block.role !== 'other') continue;
    const names = topLevelDefinitions(block.code).map((d) => d.name);
    if (names.length < 2 || !names.every(named)) continue;
    const file =
      block.file ??
      fileNamingAll(finding, names) ??
      onlyModifiedFile(finding) ??
      onlyPythonFile(finding);
    if (file && isPythonPath(file)) return { file, code: block.code };
  }
  return undefined;
}

/** The name of the one top-level `def` when the block is that def (with decorators). */
function soleFunctionName(code: string): string | undefined {
  const names = topLevelDefinitions(code);
  const only = names.length === 1 ? names[0] : undefined;
  return only?.kind === 'def' ? only.name : undefined;
}

function soleDefinitionName(code: string): string | undefined {
  const names = topLevelDefinitions(code);
  return names.length === 1 ? names[0]!.name : undefined;
}

/**
 * Top-level `def` / `class` names; [] when anything other than definitions, decorators,
 * imports and comments sits at the top level.
 */
function topLevelDefinitions(code: string): { kind: 'def' | 'class'; name: string }[] {
  const out: { kind: 'def' | 'class'; name: string }[] = [];
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  let depth = 0;
  for (const raw of lines) {
    const line = raw.slice(indent);
    if (depth === 0 && /^\S/.test(line) && !line.startsWith('#')) {
      const m = /^(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)/.exec(line);
      if (m) out.push({ kind: m[1] as 'def' | 'class', name: m[2]! });
      else if (!/^(@|import\s|from\s|[)\]}])/.test(line)) return [];
    }
    depth = Math.max(0, depth + bracketBalance(line));
  }
  return out;
}

function bracketBalance(line: string): number {
  const bare = line.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""').replace(/#.*$/, '');
  let balance = 0;
  for (const ch of bare) {
    if ('([{'.includes(ch)) balance++;
    else if (')]}'.includes(ch)) balance--;
  }
  return balance;
}

function fileNaming(finding: Finding, name: string): string | undefined {
  const files = new Set(
    finding.fileRefs.filter((r) => r.symbols.includes(name)).map((r) => r.path),
  );
  return files.size === 1 ? [...files][0] : undefined;
}

function fileNamingAll(finding: Finding, names: readonly string[]): string | undefined {
  const files = finding.fileRefs.filter((r) => names.every((n) => r.symbols.includes(n)));
  return new Set(files.map((r) => r.path)).size === 1 ? files[0]!.path : undefined;
}

function onlyPythonFile(finding: Finding): string | undefined {
  const files = new Set(finding.fileRefs.map((r) => r.path).filter(isPythonPath));
  return files.size === 1 ? [...files][0] : undefined;
}

function onlyModifiedFile(finding: Finding): string | undefined {
  const files = new Set(finding.fileRefs.filter((r) => r.role !== 'mention').map((r) => r.path));
  return files.size === 1 ? [...files][0] : undefined;
}

/** The planner's view of replace-definition: which findings ask for it, with what options. */
export const recognizer: Recognizer<ReplaceDefinitionOptions> = {
  transform: 'replace-definition',
  infer: inferDefinitionOptions,
};
