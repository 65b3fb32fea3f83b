/**
 * Small syntax helpers over ast-grep trees shared by the pattern engine: metavariables
 * (`$X`, `$$$ARGS`) and their placeholders, syntax-error counting, node walks, and
 * the references (free names) of a snippet of code.
 */
import type { SgNode } from '@ast-grep/napi';
import { KINDS, type LanguageFamily } from './languages.js';

/** A metavariable of a pattern: `$X` (one node) or `$$$ARGS` (zero or more). */
export interface Metavariable {
  readonly name: string;
  readonly multi: boolean;
}

const METAVARIABLE = /\$\$\$([A-Z_][A-Z0-9_]*)?|\$([A-Z_][A-Z0-9_]*)/g;

/** The metavariables of a pattern or template, in order of first appearance. */
export function metavariablesOf(text: string): Metavariable[] {
  const out = new Map<string, Metavariable>();
  for (const m of text.matchAll(METAVARIABLE)) {
    const multi = m[0].startsWith('$$$');
    const name = (multi ? m[1] : m[2]) ?? '';
    if (name === '' || name === '_') continue;
    if (!out.has(name)) out.set(name, { name, multi });
  }
  return [...out.values()];
}

/** Replace each metavariable by `render(name, multi)`. */
export function substituteMetavariables(
  text: string,
  render: (name: string, multi: boolean) => string,
): string {
  return text.replace(METAVARIABLE, (whole, multiName: string | undefined, single?: string) => {
    const multi = whole.startsWith('$$$');
    return render((multi ? multiName : single) ?? '', multi);
  });
}

const PLACEHOLDER_PREFIX = '__mv_';

/** The snippet with each metavariable as a plain identifier, so that any parser reads it. */
export function withPlaceholders(text: string): string {
  return substituteMetavariables(
    text,
    (name, multi) => `${PLACEHOLDER_PREFIX}${multi ? 'm' : 's'}_${name || 'anon'}`,
  );
}

export function isPlaceholder(name: string): boolean {
  return name.startsWith(PLACEHOLDER_PREFIX);
}

/** A node's kind as a string (ast-grep's typings allow numeric kinds). */
export function kindOf(node: SgNode): string {
  return String(node.kind());
}

/** Depth-first walk; `visit` returns false to skip a node's children. */
export function walkNodes(root: SgNode, visit: (node: SgNode) => boolean | undefined): void {
  const stack: SgNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const children = node.children();
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Syntax errors: ERROR nodes and zero-width (missing) leaves. */
export function countSyntaxErrors(root: SgNode): number {
  let count = 0;
  walkNodes(root, (node) => {
    if (kindOf(node) === 'ERROR') count++;
    else if (node.isLeaf() && node.range().start.index === node.range().end.index && node !== root)
      count++;
    return undefined;
  });
  return count;
}

/** The first line (0-based) of a syntax error, or undefined. */
export function firstSyntaxErrorLine(root: SgNode): number | undefined {
  let line: number | undefined;
  walkNodes(root, (node) => {
    if (line !== undefined) return false;
    const r = node.range();
    if (
      kindOf(node) === 'ERROR' ||
      (node.isLeaf() && r.start.index === r.end.index && node !== root)
    )
      line = r.start.line;
    return undefined;
  });
  return line;
}

/** Whether an identifier node is a reference to a variable (not an attribute, key, or label). */
export function isReference(node: SgNode, family: LanguageFamily): boolean {
  if (!KINDS[family].identifiers.has(kindOf(node))) return false;
  const parent = node.parent();
  if (!parent) return true;
  const same = (other: SgNode | null) =>
    other !== null &&
    other.range().start.index === node.range().start.index &&
    kindOf(other) === kindOf(node);
  if (family === 'python') {
    if (kindOf(parent) === 'attribute' && same(parent.field('attribute'))) return false;
    if (kindOf(parent) === 'keyword_argument' && same(parent.field('name'))) return false;
    return true;
  }
  if (kindOf(parent) === 'pair' && same(parent.field('key'))) return false;
  if (kindOf(parent) === 'labeled_statement') return false;
  return true;
}

/** The names a snippet refers to (roots of attribute chains, called names, type names). */
export function referencedNames(root: SgNode, family: LanguageFamily): string[] {
  const out = new Set<string>();
  walkNodes(root, (node) => {
    if (isReference(node, family)) {
      const name = node.text();
      if (!isPlaceholder(name)) out.add(name);
    }
    return undefined;
  });
  return [...out];
}
