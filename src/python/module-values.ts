/**
 * Whether a module-level value can be copied into another module without changing
 * behaviour: literals and immutable expressions, loggers and other known pure
 * factories, and containers nothing mutates. A copy of anything else (a client, a
 * cache, a sentinel `object()`) would be a second, separate object.
 */
import { dottedName } from './nodes.js';
import type { Node } from './parser.js';
import type { Binding } from './project/scope-types.js';

const LITERALS = new Set([
  'string',
  'concatenated_string',
  'integer',
  'float',
  'true',
  'false',
  'none',
  'ellipsis',
  'identifier',
  'attribute',
]);

const COMPOSITES = new Set([
  'tuple',
  'parenthesized_expression',
  'unary_operator',
  'binary_operator',
  'boolean_operator',
  'comparison_operator',
  'not_operator',
  'conditional_expression',
  'interpolation',
  'keyword_argument',
  'argument_list',
]);

const CONTAINERS = new Set([
  'list',
  'dictionary',
  'set',
  'list_comprehension',
  'dictionary_comprehension',
  'set_comprehension',
  'pair',
]);

/** Calls that build an immutable value or look up a shared registry entry. */
const PURE_FACTORIES = new Set([
  'logging.getLogger',
  'getLogger',
  're.compile',
  'frozenset',
  'tuple',
  'datetime.timedelta',
  'timedelta',
  'decimal.Decimal',
  'Decimal',
  'os.getenv',
  'os.environ.get',
]);

const MUTATING_METHODS = new Set([
  'append',
  'extend',
  'insert',
  'remove',
  'pop',
  'popitem',
  'clear',
  'update',
  'setdefault',
  'add',
  'discard',
  'sort',
  'reverse',
  '__setitem__',
  '__delitem__',
]);

/** Why the value of a module-level assignment cannot be copied, or undefined when it can. */
export function uncopyableValue(value: Node, binding: Binding): string | undefined {
  const problem = valueProblem(value);
  if (problem === 'container') {
    const mutation = mutationOf(binding);
    return mutation ? `it is a mutable container that ${mutation}` : undefined;
  }
  return problem;
}

function valueProblem(node: Node): string | undefined | 'container' {
  if (LITERALS.has(node.type)) return undefined;
  let container = false;
  if (node.type === 'call') {
    const callee = dottedName(node.childForFieldName('function')!) ?? '';
    if (!PURE_FACTORIES.has(callee)) return `it is the result of \`${callee || 'a call'}(...)\``;
  } else if (CONTAINERS.has(node.type)) container = true;
  else if (!COMPOSITES.has(node.type)) return `it is a \`${node.type}\` expression`;
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (node.type === 'call' && child.id === node.childForFieldName('function')?.id) continue;
    const inner = valueProblem(child);
    if (inner === 'container') container = true;
    else if (inner) return inner;
  }
  return container ? 'container' : undefined;
}

/** How the module mutates the binding's container (`is updated at line 12`), if it does. */
function mutationOf(binding: Binding): string | undefined {
  for (const ref of binding.references) {
    const parent = ref.node.parent;
    if (!parent) continue;
    const line = ref.node.startPosition.row + 1;
    if (ref.context === 'augmented' || ref.context === 'del') return `is changed at line ${line}`;
    if (parent.type === 'subscript' && parent.childForFieldName('value')?.id === ref.node.id) {
      const holder = parent.parent;
      const isTarget =
        (holder?.type === 'assignment' || holder?.type === 'augmented_assignment') &&
        holder.childForFieldName('left')?.id === parent.id;
      if (isTarget || holder?.type === 'delete_statement') return `has items set at line ${line}`;
    }
    if (parent.type === 'attribute' && parent.childForFieldName('object')?.id === ref.node.id) {
      const method = parent.childForFieldName('attribute')?.text ?? '';
      if (MUTATING_METHODS.has(method) && parent.parent?.type === 'call')
        return `is changed with \`.${method}()\` at line ${line}`;
    }
  }
  return undefined;
}
