/**
 * The text of the route table and of the loop that replaces the if-chain. Entries are
 * `(path, handler)` when every route matches the same way, `(path, "exact" | "prefix",
 * handler)` otherwise; the loop keeps the chain's matching semantics and order.
 */
import type { Subject } from './dispatcher.js';
import type { TableEntry, TablePlan } from './entries.js';

const LINE_LENGTH = 88;

export interface LoopNames {
  readonly table: string;
  /** The local holding the normalised path, when the predicates normalise. */
  readonly normalised: string | undefined;
  readonly route: string;
  readonly kind: string;
  readonly handler: string;
}

/** Quote character the file's path literals use. */
function quoteOf(plan: TablePlan): string {
  const literal = plan.entries[0]?.literal ?? '"';
  return /^[rRuU]?'/.test(literal) ? "'" : '"';
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
  const lines = [`${indent}${tableComment(uniform, q)}`, `${indent}${name} = (`];
  for (const e of plan.entries) {
    for (const comment of e.comments) lines.push(`${inner}${comment}`);
    const parts = uniform ? [e.literal, e.callable] : [e.literal, `${q}${e.kind}${q}`, e.callable];
    const oneLine = `${inner}(${parts.join(', ')}),`;
    if (oneLine.length <= LINE_LENGTH) lines.push(oneLine);
    else lines.push(`${inner}(`, ...parts.map((p) => `${inner}    ${p},`), `${inner}),`);
  }
  lines.push(`${indent})`);
  return lines.join(eol);
}

function tableComment(uniform: TableEntry['kind'] | undefined, q: string): string {
  if (uniform === 'prefix')
    return '# Routes, tried in order; each matches its path and the paths below it.';
  if (uniform === 'exact') return '# Routes, tried in order; each matches its path exactly.';
  return `# Routes, tried in order: ${q}exact${q} matches the path, ${q}prefix${q} also the paths below it.`;
}

/** The statements replacing the chain (first line unindented: it goes where the chain began). */
export function renderLoop(
  plan: TablePlan,
  subject: Subject,
  names: LoopNames,
  fallback: { text: string | undefined; comments: readonly string[] },
  indent: string,
  eol: string,
): string {
  const q = quoteOf(plan);
  const uniform = uniformKind(plan);
  const lines: string[] = [];
  let value: string;
  if (subject.kind === 'normalised') {
    lines.push(`${names.normalised} = ${subject.expr}`);
    value = names.normalised!;
  } else value = isPrimary(subject) ? subject.text : `(${subject.text})`;
  if (plan.scope === 'function')
    lines.push(...renderTable(plan, names.table, '', '\n').split('\n'));
  const target = uniform
    ? `${names.route}, ${names.handler}`
    : `${names.route}, ${names.kind}, ${names.handler}`;
  lines.push(`for ${target} in ${names.table}:`);
  lines.push(`    if ${matchCondition(value, names, uniform, q)}:`);
  lines.push(`        return ${handlerResult(plan, names.handler)}`);
  lines.push(...fallback.comments);
  if (fallback.text !== undefined) lines.push(fallback.text);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join(eol);
}

function matchCondition(
  value: string,
  names: LoopNames,
  uniform: TableEntry['kind'] | undefined,
  q: string,
): string {
  const exact = `${value} == ${names.route}`;
  const below = `${value}.startswith(${names.route} + ${q}/${q})`;
  if (uniform === 'exact') return exact;
  if (uniform === 'prefix') return `${exact} or ${below}`;
  return `${exact} or (${names.kind} == ${q}prefix${q} and ${below})`;
}

function handlerResult(plan: TablePlan, handler: string): string {
  if (plan.scope === 'function') return plan.style === 'lambda' ? handler : `${handler}()`;
  const call = `${handler}(${plan.invocation})`;
  return plan.style === 'lambda' ? `lambda: ${call}` : call;
}

function isPrimary(subject: Extract<Subject, { kind: 'expression' }>): boolean {
  return ['identifier', 'attribute', 'subscript', 'call', 'parenthesized_expression'].includes(
    subject.node.type,
  );
}
