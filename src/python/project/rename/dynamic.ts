/**
 * Names reached through a computed attribute lookup on a module:
 * `getattr(exports, "_render_" + fmt, None)`, `hasattr(mod, f"_check_{kind}")`,
 * `patch.object(mod, "_x_%s" % y)`. A name the pattern can spell cannot be renamed
 * without breaking that lookup: remedy cannot rewrite the string so that it still finds
 * the renamed name and nothing else. A rename of such a name is impossible (left undone).
 * A lookup with no literal part (`getattr(mod, name)`) says nothing and is not listed.
 */
import { dottedName, lineOf, stringLiteralValue } from '../../nodes.js';
import type { Node } from '../../parser.js';
import type { ModuleAnalysis } from '../module-analysis.js';
import type { PythonProject } from '../project.js';

export interface DynamicLookup {
  readonly path: string;
  readonly line: number;
  /** The call as written (`getattr(exports, "_render_" + fmt, None)`). */
  readonly text: string;
  /** The modules the looked-up object may be. */
  readonly modules: readonly string[];
  /** What the computed name can be. */
  readonly pattern: RegExp;
}

const CALLEE = /(?:^|\.)(?:object|setattr|getattr|hasattr|delattr)$/;
const HINT = /\b(?:getattr|hasattr|setattr|delattr|object)\s*\(/;

/** Literal pieces of a computed string, `null` where anything may stand. */
type Parts = (string | null)[];

function stringParts(node: Node, holes: RegExp | undefined): Parts {
  const out: Parts = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'string_start' || child.type === 'string_end') continue;
    if (child.type !== 'string_content' || child.text.includes('\\')) out.push(null);
    else if (!holes) out.push(child.text);
    else {
      child.text.split(holes).forEach((piece, i) => {
        if (i > 0) out.push(null);
        out.push(piece);
      });
    }
  }
  return out;
}

/** What an expression that computes an attribute name can spell. */
function partsOf(node: Node): Parts {
  if (node.type === 'parenthesized_expression' && node.namedChildren[0])
    return partsOf(node.namedChildren[0]);
  if (node.type === 'string') return stringParts(node, undefined);
  if (node.type === 'binary_operator') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const op = node.childForFieldName('operator')?.text;
    if (op === '+' && left && right) return [...partsOf(left), ...partsOf(right)];
    if (op === '%' && left?.type === 'string') return stringParts(left, /%[-#0 +]*\d*[sdri]/);
  }
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    if (object?.type === 'string' && fn?.childForFieldName('attribute')?.text === 'format')
      return stringParts(object, /\{[^}]*\}/);
  }
  return [null];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern of a computed name; undefined for a plain string or a bare expression. */
function patternOf(node: Node): RegExp | undefined {
  if (stringLiteralValue(node) !== undefined) return undefined;
  const parts = partsOf(node);
  if (!parts.includes(null) || parts.every((p) => p === null || p === '')) return undefined;
  return new RegExp(`^${parts.map((p) => (p === null ? '.*' : escapeRegExp(p))).join('')}$`);
}

/** The modules an expression (`exports`, `app.api.exports`) may denote. */
function modulesOf(project: PythonProject, path: string, analysis: ModuleAnalysis, expr: Node) {
  const dotted = dottedName(expr);
  if (!dotted) return [];
  let base: Node = expr;
  while (base.type === 'attribute') base = base.childForFieldName('object')!;
  const ref = analysis.referenceAt(base.startIndex);
  if (!ref) return [];
  const rest = dotted.split('.').slice(1);
  return project
    .resolveAttributes(path, ref, rest)
    .flatMap((r) => (r.kind === 'module' ? [r.module] : []));
}

function lookupsIn(project: PythonProject, path: string): DynamicLookup[] {
  const text = project.text(path);
  const analysis = text !== undefined && HINT.test(text) ? project.analysis(path) : undefined;
  if (!analysis) return [];
  const out: DynamicLookup[] = [];
  for (const call of analysis.tree.rootNode.descendantsOfType('call')) {
    const callee = call?.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
    if (!call || !CALLEE.test(callee)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((n) => n) ?? [];
    if (!args[0] || !args[1] || args[1].type === 'keyword_argument') continue;
    const pattern = patternOf(args[1]);
    const modules = pattern ? modulesOf(project, path, analysis, args[0]) : [];
    if (pattern && modules.length > 0)
      out.push({ path, line: lineOf(call), text: call.text, modules, pattern });
  }
  return out;
}

const cache = new WeakMap<PythonProject, DynamicLookup[]>();

/** Every computed attribute lookup on a repository module, in the whole project. */
export function dynamicLookups(project: PythonProject): readonly DynamicLookup[] {
  let found = cache.get(project);
  if (!found) {
    found = project.files.flatMap((path) => lookupsIn(project, path));
    cache.set(project, found);
  }
  return found;
}
