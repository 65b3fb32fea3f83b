/**
 * A finding's code blocks with their role: `before` (Problem snippet), `after` (its Fix
 * counterpart), `definition` (a whole def/class replacing the one of the same name),
 * `new-file` (content for a file to create), or `other` (sketches, commands).
 */
import type { Code, RootContent } from 'mdast';
import { fileRefsIn } from './file-refs.js';
import type { MarkdownDoc } from './markdown.js';
import type { PathResolver } from './resolve-paths.js';
import { isFixLabel, isProblemLabel, type LabelledBlock } from './sections.js';
import type { CodeBlock, CodeBlockRole, FileRef } from './types.js';

interface CodeSite {
  readonly code: Code;
  readonly label: string | null;
  /** The paragraph right before the block (what it says the block is). */
  readonly lead: LabelledBlock | undefined;
}

export interface CodeContext {
  readonly refs: readonly FileRef[];
  readonly symbols: readonly string[];
  readonly resolver: PathResolver;
}

export function codeBlocksIn(
  doc: MarkdownDoc,
  blocks: readonly LabelledBlock[],
  ctx: CodeContext,
): CodeBlock[] {
  const sites = codeSites(blocks);
  let sawBefore = false;
  return sites.map((site) => {
    const file = leadFile(site, ctx);
    const role = roleOf(site, file, ctx, sawBefore);
    sawBefore ||= role === 'before';
    const target = file ?? singleListedFile(ctx.refs);
    return {
      lang: site.code.lang ? site.code.lang.toLowerCase() : null,
      code: site.code.value,
      role,
      ...(target ? { file: target } : {}),
      line: doc.locate(site.code.position?.start.offset ?? 0).line,
    };
  });
}

function codeSites(blocks: readonly LabelledBlock[]): CodeSite[] {
  const sites: CodeSite[] = [];
  const visit = (
    nodes: readonly RootContent[],
    label: string | null,
    lead: LabelledBlock | undefined,
  ) => {
    let previous = lead;
    for (const node of nodes) {
      if (node.type === 'code') sites.push({ code: node, label, lead: previous });
      else if (node.type === 'list')
        for (const item of node.children) visit(item.children, label, previous);
      else if (node.type === 'blockquote') visit(node.children, label, previous);
      if (node.type === 'paragraph') previous = { label, node };
    }
  };
  let previous: LabelledBlock | undefined;
  for (const b of blocks) {
    if (b.node.type === 'paragraph') {
      previous = b;
      continue;
    }
    visit([b.node], b.label, previous);
  }
  return sites;
}

/** The one file the paragraph before the block names, resolved against the finding's files. */
function leadFile(site: CodeSite, ctx: CodeContext): string | undefined {
  if (!site.lead) return undefined;
  const own = ctx.refs.map((r) => r.path);
  const named = [
    ...new Set(fileRefsIn([site.lead]).map((r) => ctx.resolver.resolve(r.path, own).path)),
  ];
  const created = named.filter((p) => ctx.refs.some((r) => r.path === p && r.role === 'create'));
  if (created.length === 1) return created[0];
  return named.length === 1 ? named[0] : undefined;
}

function singleListedFile(refs: readonly FileRef[]): string | undefined {
  const listed = refs.filter((r) => r.role !== 'mention');
  return listed.length === 1 ? listed[0]?.path : undefined;
}

function roleOf(
  site: CodeSite,
  file: string | undefined,
  ctx: CodeContext,
  sawBefore: boolean,
): CodeBlockRole {
  const lang = site.code.lang?.toLowerCase() ?? '';
  if (/^(bash|sh|shell|console|zsh|powershell|cmd)$/.test(lang)) return 'other';
  const created = ctx.refs.find((r) => r.path === file && r.role === 'create');
  if (created) return 'new-file';
  if (/^files?\s+to\s+create$/i.test(site.label ?? '')) return 'new-file';
  const sketch = isSketch(site.code.value);
  if (isProblemLabel(site.label)) return sketch ? 'other' : 'before';
  if (!isFixLabel(site.label)) return 'other';
  const defined = definedNames(site.code.value);
  if (defined.length > 0 && !sketch && ctx.symbols.includes(defined[0] ?? '')) return 'definition';
  return sketch || !sawBefore ? 'other' : 'after';
}

/** Elided code: `# ...`, a line of `...`. */
export function isSketch(code: string): boolean {
  return /#\s*\.\.\.|^\s*\.\.\.\s*$/m.test(code);
}

/**
 * Names of the top-level `def`/`class` when the block holds only definitions (and their
 * decorators); [] when anything else sits at the top level.
 */
export function definedNames(code: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const line of code.split('\n')) {
    const bare = line.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""').replace(/#.*$/, '');
    const topLevel = depth === 0 && /^\S/.test(line) && bare.trim() !== '';
    if (topLevel) {
      const m = /^(?:async\s+def|def|class)\s+([A-Za-z_]\w*)/.exec(line);
      if (m?.[1]) names.push(m[1]);
      else if (!line.startsWith('@')) return [];
    }
    for (const ch of bare) {
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    }
  }
  return names;
}
