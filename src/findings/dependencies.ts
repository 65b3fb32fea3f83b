/**
 * Dependencies between findings: `Depends On` columns, wording in a finding ("after
 * CF-12", "(CF-27, prerequisite)", "Implement 1.2 first", "Prerequisite for CF-03"),
 * and ASCII dependency graphs; plus cycle detection.
 */
import type { Code } from 'mdast';
import { knownIdsIn } from './ids.js';
import type { MarkdownDoc } from './markdown.js';
import type { IdIndex } from './references.js';
import type { IdRow } from './tables.js';
import type { DependencyEdge, DocumentWarning } from './types.js';

const DEPENDS_HEADER =
  /^(depends\s+on|dependencies|dependency|prerequisites?|blocked\s+by|requires|after)$/i;
const DEPENDS_SECTION = DEPENDS_HEADER;

export interface FindingText {
  readonly id: string;
  readonly line: number;
  readonly sections: Readonly<Record<string, string>>;
}

export interface DependencyInput {
  readonly doc: MarkdownDoc;
  readonly rows: readonly IdRow[];
  readonly index: IdIndex;
  readonly findings: readonly FindingText[];
  /** Code blocks that may hold a dependency graph. */
  readonly codeBlocks: readonly Code[];
}

/** Column and wording edges first; graph edges that contradict them are dropped with a warning. */
export function collectDependencies(
  input: DependencyInput,
  warnings: DocumentWarning[],
): DependencyEdge[] {
  const edges = new EdgeSet();
  for (const e of columnEdges(input)) edges.add(e);
  for (const e of wordingEdges(input)) edges.add(e);
  const graph = input.codeBlocks.flatMap((code) => graphEdges(input, code, warnings));
  for (const e of orient(graph, edges.all())) {
    const reverse = edges.find(e.to, e.from);
    if (reverse) {
      warnings.push({
        message: `dependency graph says ${e.from} comes after ${e.to}, but line ${reverse.line} says ${e.to} depends on ${e.from}; kept the ${reverse.source} edge`,
        doc: e.doc,
        line: e.line,
      });
      continue;
    }
    edges.add(e);
  }
  return edges.all();
}

class EdgeSet {
  private readonly edges: DependencyEdge[] = [];

  add(edge: DependencyEdge): void {
    if (edge.from !== edge.to && !this.find(edge.from, edge.to)) this.edges.push(edge);
  }

  find(from: string, to: string): DependencyEdge | undefined {
    return this.edges.find((e) => e.from === from && e.to === to);
  }

  all(): DependencyEdge[] {
    return [...this.edges];
  }
}

function columnEdges({ doc, rows, index }: DependencyInput): DependencyEdge[] {
  return rows.flatMap((row) => {
    const from = index.resolve(row.id);
    if (!from) return [];
    return row.header.flatMap((h, col) => {
      if (!DEPENDS_HEADER.test(h.trim())) return [];
      const targets = index.resolveAll(knownIdsIn(row.cells[col] ?? '', index.known));
      return targets.map((to) => ({
        from,
        to,
        source: 'column' as const,
        doc: doc.path,
        line: row.line,
      }));
    });
  });
}

const ID = String.raw`(?:[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+[a-z]?|\d+(?:\.\d+)+)`;
const ID_LIST = String.raw`${ID}(?:\s*(?:,|and|&|\+)\s*${ID})*`;
const FORWARD = [
  new RegExp(String.raw`\b(?:after|requires|depends\s+on|blocked\s+by|needs)\s+(${ID_LIST})`, 'gi'),
  new RegExp(String.raw`(${ID})\s*[,(]?\s*(?:is\s+(?:a\s+)?)?prerequisite\b(?!\s+for)`, 'g'),
  new RegExp(String.raw`\bprerequisites?\s*(?::|is|are)?\s+(${ID_LIST})`, 'gi'),
  new RegExp(String.raw`\bimplement\s+(${ID_LIST})\s+first\b`, 'gi'),
];
const REVERSE = new RegExp(String.raw`\bprerequisite\s+for\s+(${ID_LIST})`, 'gi');

function wordingEdges({ doc, index, findings }: DependencyInput): DependencyEdge[] {
  const out: DependencyEdge[] = [];
  for (const f of findings) {
    const edges = (from: readonly string[], to: readonly string[]) => {
      for (const a of from)
        for (const b of to)
          out.push({ from: a, to: b, source: 'wording', doc: doc.path, line: f.line });
    };
    const ids = (m: string | undefined) => index.resolveAll(knownIdsIn(m ?? '', index.known));
    for (const [name, text] of Object.entries(f.sections)) {
      if (DEPENDS_SECTION.test(name)) edges([f.id], ids(text));
      for (const pattern of FORWARD)
        for (const m of text.matchAll(pattern)) edges([f.id], ids(m[1]));
      for (const m of text.matchAll(REVERSE)) edges(ids(m[1]), [f.id]);
    }
  }
  return out;
}

const ARROW = /(?:[+`\\└├][-─]*>?|[-─=]+>|→)/;

/**
 * Edges of an ASCII graph where `A` above `+---> B` (or `A --> B`) means B comes after A.
 * A graph that lost its line breaks cannot be read; that is a warning.
 */
function graphEdges(
  { doc, index }: DependencyInput,
  code: Code,
  warnings: DocumentWarning[],
): DependencyEdge[] {
  const lines = code.value.split('\n');
  const line0 = doc.locate(code.position?.start.offset ?? 0).line;
  const idsIn = (text: string) => knownIdsIn(text, index.known);
  if (idsIn(code.value).length < 2 || !ARROW.test(code.value)) return [];
  if (lines.length < 2) {
    warnings.push({
      message: 'a dependency graph lost its line breaks; its edges were not read',
      doc: doc.path,
      line: line0,
    });
    return [];
  }
  const edges: DependencyEdge[] = [];
  const stack: { id: string; col: number }[] = [];
  lines.forEach((text, i) => {
    const edge = (before: string, after: string) =>
      edges.push({ from: after, to: before, source: 'graph', doc: doc.path, line: line0 + i + 1 });
    const nodes = [...text.matchAll(new RegExp(ID, 'g'))].filter((m) => idsIn(m[0]).length > 0);
    const first = nodes[0];
    if (!first) return;
    const prefix = text.slice(0, first.index);
    const branch = lastMatchIndex(prefix, ARROW);
    while (
      stack.length > 0 &&
      (stack[stack.length - 1]?.col ?? 0) >= (branch >= 0 ? branch : first.index)
    )
      stack.pop();
    const parent = stack[stack.length - 1];
    if (branch >= 0 && parent) edge(parent.id, first[0]);
    stack.push({ id: first[0], col: first.index });
    for (let k = 1; k < nodes.length; k++) {
      const prev = nodes[k - 1];
      const next = nodes[k];
      if (prev && next && ARROW.test(text.slice(prev.index + prev[0].length, next.index)))
        edge(prev[0], next[0]);
    }
  });
  return edges.flatMap((e) => {
    const from = index.resolve(e.from);
    const to = index.resolve(e.to);
    return from && to ? [{ ...e, from, to }] : [];
  });
}

function lastMatchIndex(text: string, pattern: RegExp): number {
  let last = -1;
  for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) last = m.index;
  return last;
}

/** Flip graph edges when most of those the document also states elsewhere point the other way. */
function orient(
  graph: readonly DependencyEdge[],
  explicit: readonly DependencyEdge[],
): DependencyEdge[] {
  const has = (from: string, to: string) => explicit.some((e) => e.from === from && e.to === to);
  const agree = graph.filter((e) => has(e.from, e.to)).length;
  const disagree = graph.filter((e) => has(e.to, e.from)).length;
  return disagree > agree ? graph.map((e) => ({ ...e, from: e.to, to: e.from })) : [...graph];
}

/** Every cycle in the dependency graph, as IDs with the first repeated at the end. */
export function findCycles(edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const state = new Map<string, 'active' | 'done'>();
  const path: string[] = [];
  const cycles = new Map<string, string[]>();
  const visit = (node: string) => {
    state.set(node, 'active');
    path.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === 'active') {
        const cycle = [...path.slice(path.indexOf(to)), to];
        cycles.set([...new Set(cycle)].sort().join(' '), cycle);
      } else if (!state.has(to)) visit(to);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of next.keys()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}
