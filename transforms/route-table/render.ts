/**
 * The text of the route table and of the loop that replaces the if-chain. Entries are
 * `(qualifiers..., path, handler)` when every route matches the same way, `(qualifiers...,
 * path, kind, handler)` otherwise; the loop keeps the chain's matching semantics and order.
 */
import type { Subject } from './dispatcher.js';
import type { TableEntry, TablePlan } from './entries.js';

const LINE_LENGTH = 88;

export interface LoopNames {
  readonly table: string;
  /** The local holding the normalised path, when the predicates normalise. */
  readonly normalised: string | undefined;
  /** One loop variable per qualifier (`route_method`). */
  readonly qualifiers: readonly string[];
  readonly route: string;
  readonly kind: string;
  readonly handler: string;
}

/** Quote character the file's path literals use. */
function quoteOf(plan: TablePlan): string {
  const literal = plan.entries[0]?.literal ?? '"';
  return /^[rRuU]*'/.test(literal) ? "'" : '"';
}

function uniformKind(plan: TablePlan): TableEntry['kind'] | undefined {
  const kinds = new Set(plan.entries.map((e) => e.kind));
  return kinds.size === 1 ? plan.entries[0]!.kind : undefined;
}

/** `_ROUTES = (...)` at `indent`, with a comment saying how entries match. */
export function renderTable(plan: TablePlan, name: string, indent: string, eol: string): string {
  const q = quoteOf(plan);
  const uniform = uniformKind(plan);
  const inner = `${indent}    `;
  const lines = [`${indent}${tableComment(plan, uniform, q)}`, `${indent}${name} = (`];
  for (const e of plan.entries) {
    for (const comment of e.comments) lines.push(`${inner}${comment}`);
    const keys = [...e.qualifiers.map((x) => x.literal), e.literal];
    const parts = uniform ? [...keys, e.callable] : [...keys, `${q}${e.kind}${q}`, e.callable];
    const oneLine = `${inner}(${parts.join(', ')}),`;
    if (oneLine.length <= LINE_LENGTH) lines.push(oneLine);
    else lines.push(`${inner}(`, ...parts.map((p) => `${inner}    ${p},`), `${inner}),`);
  }
  lines.push(`${indent})`);
  return lines.join(eol);
}

const KIND_WORDS: Record<TableEntry['kind'], string> = {
  exact: 'matches the path',
  prefix: 'also the paths below it',
  startswith: 'any path that starts with it',
  regex: 'a pattern the path must match',
};

function tableComment(plan: TablePlan, uniform: TableEntry['kind'] | undefined, q: string): string {
  if (uniform === 'prefix')
    return '# Routes, tried in order; each matches its path and the paths below it.';
  if (uniform === 'exact') return '# Routes, tried in order; each matches its path exactly.';
  if (uniform === 'startswith')
    return '# Routes, tried in order; each matches any path that starts with it.';
  if (uniform === 'regex') {
    const matcher = plan.entries[0]!.branch.paths[0]!.matcher;
    return `# Routes, tried in order; each is a pattern the path must match (${matcher}).`;
  }
  const present = new Set(plan.entries.map((e) => e.kind));
  const kinds = (['exact', 'prefix', 'startswith'] as const).filter((k) => present.has(k));
  return `# Routes, tried in order: ${kinds.map((k) => `${q}${k}${q} ${KIND_WORDS[k]}`).join(', ')}.`;
}

/** The statements replacing the chain (first line unindented: it goes where the chain began). */
export function renderLoop(
  plan: TablePlan,
  subject: Subject,
  qualifiers: readonly string[],
  names: LoopNames,
  fallback: string | undefined,
  indent: string,
  eol: string,
): string {
  const uniform = uniformKind(plan);
  const lines: string[] = [];
  let value: string;
  if (subject.kind === 'normalised') {
    lines.push(`${names.normalised} = ${subject.expr}`);
    value = names.normalised!;
  } else value = isPrimary(subject.node.type) ? subject.text : `(${subject.text})`;
  if (plan.scope === 'function')
    lines.push(...renderTable(plan, names.table, '', '\n').split('\n'));
  const target = [
    ...names.qualifiers,
    names.route,
    ...(uniform ? [] : [names.kind]),
    names.handler,
  ];
  lines.push(`for ${target.join(', ')} in ${names.table}:`);
  lines.push(`    if ${condition(plan, value, qualifiers, names, uniform)}:`);
  lines.push(`        return ${handlerResult(plan, names.handler)}`);
  if (fallback !== undefined) lines.push(...fallback.split('\n'));
  return lines.map((l, i) => (i === 0 || l === '' ? l : indent + l)).join(eol);
}

function condition(
  plan: TablePlan,
  value: string,
  qualifiers: readonly string[],
  names: LoopNames,
  uniform: TableEntry['kind'] | undefined,
): string {
  const path = pathCondition(plan, value, names, uniform);
  if (qualifiers.length === 0) return path;
  const equal = qualifiers.map((q, i) => `${q} == ${names.qualifiers[i]}`);
  return [...equal, path.includes(' or ') ? `(${path})` : path].join(' and ');
}

function pathCondition(
  plan: TablePlan,
  value: string,
  names: LoopNames,
  uniform: TableEntry['kind'] | undefined,
): string {
  const q = quoteOf(plan);
  const r = names.route;
  const exact = `${value} == ${r}`;
  const below = `${value}.startswith(${r} + ${q}/${q})`;
  const starts = `${value}.startswith(${r})`;
  if (uniform === 'exact') return exact;
  if (uniform === 'prefix') return `${exact} or ${below}`;
  if (uniform === 'startswith') return starts;
  if (uniform === 'regex') return `${plan.entries[0]!.branch.paths[0]!.matcher}(${r}, ${value})`;
  // Mixed string kinds: equality matches every kind; the others add what they match.
  const kinds = new Set(plan.entries.map((e) => e.kind));
  const extra: string[] = [];
  if (kinds.has('prefix')) extra.push(`(${names.kind} == ${q}prefix${q} and ${below})`);
  if (kinds.has('startswith')) extra.push(`(${names.kind} == ${q}startswith${q} and ${starts})`);
  return [exact, ...extra].join(' or ');
}

function handlerResult(plan: TablePlan, handler: string): string {
  if (plan.scope === 'function') return plan.style === 'lambda' ? handler : `${handler}()`;
  const call = `${handler}(${plan.invocation})`;
  return plan.style === 'lambda' ? `lambda: ${call}` : call;
}

/** Whether an expression of this node type can be followed by `.attr` or `==` unparenthesised. */
export function isPrimary(type: string): boolean {
  return [
    'identifier',
    'attribute',
    'subscript',
    'call',
    'parenthesized_expression',
    'string',
  ].includes(type);
}
