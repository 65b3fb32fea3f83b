/**
 * Symbols named inside string literals: dotted targets (`mock.patch("pkg.mod.name")`,
 * `monkeypatch.setattr("pkg.mod.name", ...)`, `"pkg.mod:name"`), attribute names passed
 * with their module (`patch.object(mod, "name")`, `getattr(mod, "name")`) and `__all__`
 * entries. A name in a string remedy cannot tie to a module is reported as dynamic.
 */
import { dottedName, stringLiteralValue } from '../nodes.js';
import type { Node } from '../parser.js';
import type { ModuleAnalysis } from './module-analysis.js';
import type { PythonProject, Resolution } from './project.js';

export interface StringUse {
  readonly path: string;
  /** The string literal. */
  readonly node: Node;
  /** Range of the name inside the file's text. */
  readonly start: number;
  readonly end: number;
  /** The module whose attribute the name is, and the name. */
  readonly module: string;
  readonly name: string;
  readonly kind: 'dotted' | 'attribute-name' | 'all';
}

export interface DynamicUse {
  readonly path: string;
  readonly node: Node;
  /** 1-based line. */
  readonly line: number;
  readonly name: string;
  readonly why: string;
}

/** A dotted name, optionally `module:attr` (entry-point style). */
export const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?::[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)?$/;
const ATTRIBUTE_CALLS = /(?:^|\.)(?:object|setattr|getattr|hasattr|delattr)$/;

/** The single content part of a plain string, for exact offsets. */
function contentStart(node: Node): number | undefined {
  const parts = node.namedChildren.filter(
    (c) => c && c.type !== 'string_start' && c.type !== 'string_end',
  );
  return parts.length === 1 && parts[0]!.type === 'string_content'
    ? parts[0]!.startIndex
    : undefined;
}

/** Whether a string is a statement of its own (a docstring, or a bare string). */
export function isDocstring(node: Node): boolean {
  const stmt = node.parent;
  return stmt?.type === 'expression_statement' && stmt.namedChildCount === 1;
}

/** Whether the string is an entry of a module-level `__all__` list or call. */
function isAllEntry(node: Node): boolean {
  const container = node.parent;
  if (!container || !['list', 'tuple', 'argument_list'].includes(container.type)) return false;
  const owner = container.parent;
  if (!owner) return false;
  if (owner.type === 'assignment' || owner.type === 'augmented_assignment') {
    return owner.childForFieldName('left')?.text === '__all__';
  }
  if (owner.type === 'call') {
    const fn = owner.childForFieldName('function')?.text ?? '';
    return fn === '__all__.append' || fn === '__all__.extend';
  }
  if (owner.type === 'argument_list') return isAllEntry(container);
  return false;
}

type Exposes = (module: string, name: string) => boolean;

/** Something that is certainly not a module: an external name, or a class or function. */
function isKnownOther(r: Resolution): boolean {
  if (r.kind === 'external') return true;
  return (
    r.kind === 'symbol' &&
    r.member.length === 0 &&
    r.bindings.every((b) => b.kind === 'class' || b.kind === 'function')
  );
}

class StringScanner {
  readonly uses: StringUse[] = [];
  readonly dynamic: DynamicUse[] = [];

  constructor(
    private readonly project: PythonProject,
    private readonly path: string,
    private readonly analysis: ModuleAnalysis,
    private readonly known: ReadonlySet<string>,
    private readonly exposes: Exposes,
  ) {}

  scan(): void {
    for (const node of this.analysis.tree.rootNode.descendantsOfType('string')) {
      if (!node || isDocstring(node)) continue;
      const value = stringLiteralValue(node);
      if (value === undefined || !DOTTED.test(value)) continue;
      if (![...this.known].some((n) => value.includes(n))) continue;
      const start = contentStart(node);
      if (start === undefined) continue;
      if (value.includes('.') || value.includes(':')) this.dotted(node, value, start);
      else if (this.known.has(value)) this.bareName(node, value, start);
    }
  }

  private use(node: Node, start: number, module: string, name: string, kind: StringUse['kind']) {
    this.uses.push({ path: this.path, node, start, end: start + name.length, module, name, kind });
  }

  /** `pkg.mod.name[.member]` or `pkg.mod:name`: the name where a module prefix exposes it. */
  private dotted(node: Node, value: string, start: number): void {
    const [modulePart, attrPart] = value.split(':');
    const parts = [...modulePart!.split('.'), ...(attrPart ? attrPart.split('.') : [])];
    let offset = 0;
    const offsets = parts.map((p) => {
      const at = offset;
      offset += p.length + 1;
      return at;
    });
    for (let i = 1; i < parts.length; i++) {
      if (!this.known.has(parts[i]!)) continue;
      const prefix = this.project.resolve(parts.slice(0, i).join('.'));
      if (prefix.kind === 'module' && this.exposes(prefix.module, parts[i]!)) {
        this.use(node, start + offsets[i]!, prefix.module, parts[i]!, 'dotted');
        return;
      }
    }
  }

  /** `"name"`: in `__all__`, as the attribute of `patch.object(mod, "name")`, or dynamic. */
  private bareName(node: Node, value: string, start: number): void {
    const module = this.project.moduleName(this.path);
    const call = node.parent?.type === 'argument_list' ? node.parent.parent : undefined;
    const args = call ? node.parent!.namedChildren.filter((n) => n?.type !== 'comment') : [];
    const callee = call?.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
    if (call && ATTRIBUTE_CALLS.test(callee) && args[1]?.id === node.id && args[0]) {
      const owners = this.resolveExpression(args[0]);
      const owner = owners.find((r) => r.kind === 'module');
      if (owner?.kind === 'module') {
        if (this.exposes(owner.module, value))
          this.use(node, start, owner.module, value, 'attribute-name');
        return;
      }
      if (owners.length > 0 && owners.every(isKnownOther)) return;
      this.dynamicUse(
        node,
        value,
        `${callee}() on \`${args[0].text}\`, which remedy cannot resolve`,
      );
      return;
    }
    if (isAllEntry(node)) {
      if (module && this.exposes(module, value)) this.use(node, start, module, value, 'all');
      return;
    }
    this.dynamicUse(node, value, 'a string with the same text (maybe a dynamic lookup)');
  }

  private dynamicUse(node: Node, name: string, why: string): void {
    this.dynamic.push({ path: this.path, node, line: node.startPosition.row + 1, name, why });
  }

  /** What a name or attribute chain expression denotes. */
  private resolveExpression(expr: Node): Resolution[] {
    const dotted = dottedName(expr);
    if (!dotted) return [];
    const [base, ...rest] = dotted.split('.');
    let baseNode: Node = expr;
    while (baseNode.type === 'attribute') baseNode = baseNode.childForFieldName('object')!;
    const ref = this.analysis.referenceAt(baseNode.startIndex);
    if (!ref || ref.name !== base) return [];
    return this.project.resolveAttributes(this.path, ref, rest);
  }
}

/** String uses of the names in `known` in one file. */
export function collectStringUses(
  project: PythonProject,
  path: string,
  analysis: ModuleAnalysis,
  known: ReadonlySet<string>,
  exposes: Exposes,
): { uses: StringUse[]; dynamic: DynamicUse[] } {
  const scanner = new StringScanner(project, path, analysis, known, exposes);
  scanner.scan();
  return { uses: scanner.uses, dynamic: scanner.dynamic };
}
