/**
 * Where hoisted imports go at module level, isort-style (ruff's defaults): merged into
 * an existing `from m import ...` (names sorted when they were), exact duplicates
 * dropped, aliased names on their own line unless the statement already combines
 * aliases, new statements in their section (future, stdlib, third-party, first-party),
 * `import x` before `from x import`, sorted by module; after the docstring otherwise.
 */
import { Edit } from '../../src/core/edit.js';
import {
  type ImportSection,
  importSection,
  importSpec,
  leadingImports,
  memberSortKey,
  statementSortKey,
} from '../../src/python/import-order.js';
import { type ImportStatement, topLevelImports } from '../../src/python/imports.js';
import { docstringOf } from '../../src/python/nodes.js';
import type { Node, Tree } from '../../src/python/parser.js';

export interface HoistRequest {
  readonly kind: 'import' | 'from';
  /** Dotted module with leading dots for a relative import. */
  readonly module: string;
  /** The imported name (`from` only). */
  readonly name?: string;
  readonly alias?: string;
}

function clause(req: HoistRequest): string {
  const name = req.kind === 'from' ? req.name! : req.module;
  return req.alias ? `${name} as ${req.alias}` : name;
}

function sameRequest(stmt: ImportStatement, req: HoistRequest): boolean {
  if (stmt.kind !== req.kind || stmt.wildcard) return false;
  if (req.kind === 'import')
    return stmt.names.some((n) => n.name === req.module && n.alias === req.alias);
  return (
    importSpec(stmt) === req.module &&
    stmt.names.some((n) => n.name === req.name && n.alias === req.alias)
  );
}

function lineStartOf(text: string, node: Node): number {
  return text.lastIndexOf('\n', node.startIndex - 1) + 1;
}

function lineEndOf(text: string, node: Node): number {
  const nl = text.indexOf('\n', node.endIndex);
  return nl === -1 ? text.length : nl + 1;
}

/** Rewrite a statement's names with the new ones merged in. */
function mergeEdit(
  text: string,
  stmt: ImportStatement,
  reqs: readonly HoistRequest[],
  eol: string,
): Edit {
  const first = stmt.names[0]!;
  const last = stmt.names[stmt.names.length - 1]!;
  const fresh = reqs.map(clause);
  if (stmt.node.descendantsOfType('comment').length > 0) {
    return Edit.insert(last.end, fresh.map((c) => `, ${c}`).join(''));
  }
  const existing = stmt.names.map((n) => text.slice(n.start, n.end));
  const keys = stmt.names.map((n) => memberSortKey(n.name));
  const sorted = keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
  let all = [...existing, ...fresh];
  if (sorted)
    all = all.sort((a, b) =>
      memberSortKey(a) < memberSortKey(b) ? -1 : memberSortKey(a) > memberSortKey(b) ? 1 : 0,
    );
  const multiline = text.slice(first.start, last.end).includes('\n');
  const indent = multiline ? /[ \t]*$/.exec(text.slice(0, first.start))![0] : '';
  return Edit.replace(first.start, last.end, all.join(multiline ? `,${eol}${indent}` : ', '));
}

interface NewStatement {
  readonly key: string;
  /** `from m import x as y` sorts before `from m import z` (ruff's isort). */
  readonly aliased: boolean;
  readonly section: ImportSection;
  readonly text: string;
}

function newStatements(
  reqs: readonly HoistRequest[],
  firstParty: ReadonlySet<string>,
): NewStatement[] {
  const out: NewStatement[] = [];
  const plainFrom = new Map<string, HoistRequest[]>();
  for (const req of reqs) {
    if (req.kind === 'from' && !req.alias) {
      plainFrom.set(req.module, [...(plainFrom.get(req.module) ?? []), req]);
      continue;
    }
    const text =
      req.kind === 'import' ? `import ${clause(req)}` : `from ${req.module} import ${clause(req)}`;
    out.push({
      key: statementSortKey(req.kind, req.module),
      aliased: !!req.alias,
      section: importSection(req.module, firstParty),
      text,
    });
  }
  for (const [module, list] of plainFrom) {
    const names = list.map(clause).sort((a, b) => (memberSortKey(a) < memberSortKey(b) ? -1 : 1));
    out.push({
      key: statementSortKey('from', module),
      aliased: false,
      section: importSection(module, firstParty),
      text: `from ${module} import ${names.join(', ')}`,
    });
  }
  const order = (s: NewStatement) => `${s.key}${s.aliased ? '' : '~'}${s.text}`;
  return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** Where a new statement goes: an offset and the text around it. */
function anchorFor(
  text: string,
  tree: Tree,
  block: readonly ImportStatement[],
  stmt: NewStatement,
  firstParty: ReadonlySet<string>,
) {
  const placed = block.map((s) => ({
    s,
    section: importSection(importSpec(s), firstParty),
    key: statementSortKey(s.kind, importSpec(s)),
  }));
  const same = placed.filter((p) => p.section === stmt.section);
  if (same.length > 0) {
    const next = same.find((p) => p.key > stmt.key || (stmt.aliased && p.key === stmt.key));
    if (next) return { at: lineStartOf(text, next.s.node), before: '', after: '' };
    return { at: lineEndOf(text, same[same.length - 1]!.s.node), before: '', after: '' };
  }
  const lower = placed.filter((p) => p.section < stmt.section);
  if (lower.length > 0)
    return { at: lineEndOf(text, lower[lower.length - 1]!.s.node), before: '\n', after: '' };
  const higher = placed.find((p) => p.section > stmt.section);
  if (higher) return { at: lineStartOf(text, higher.s.node), before: '', after: '\n' };
  const doc = docstringOf(tree.rootNode);
  const at = doc ? lineEndOf(text, doc) : 0;
  return { at, before: doc ? '\n' : '', after: blankLinesNeeded(text, at) };
}

/** PEP 8 spacing after a new import block: two blank lines before a definition, else one. */
function blankLinesNeeded(text: string, at: number): string {
  const rest = text.slice(at);
  if (rest.trim() === '') return '';
  const existing = /^(?:[ \t]*\r?\n)*/.exec(rest)![0].split('\n').length - 1;
  const next = rest.trimStart();
  const wanted = /^(def|class|async\s+def|@)\b|^@/.test(next) ? 2 : 1;
  return '\n'.repeat(Math.max(0, wanted - existing));
}

/** The edits that make every request available at module level. */
export function planModuleImports(
  text: string,
  tree: Tree,
  requests: readonly HoistRequest[],
  firstParty: ReadonlySet<string>,
  eol: '\n' | '\r\n',
): Edit[] {
  const top = topLevelImports(tree);
  const wanted = requests.filter(
    (r, i) =>
      !top.some((s) => sameRequest(s, r)) &&
      requests.findIndex(
        (o) => clause(o) === clause(r) && o.module === r.module && o.kind === r.kind,
      ) === i,
  );
  const block = leadingImports(tree);
  const merges = new Map<ImportStatement, HoistRequest[]>();
  const rest: HoistRequest[] = [];
  for (const req of wanted) {
    const target =
      req.kind === 'from'
        ? block.find(
            (s) =>
              s.kind === 'from' &&
              !s.wildcard &&
              !s.isFuture &&
              importSpec(s) === req.module &&
              (req.alias === undefined || s.names.some((n) => n.alias !== undefined)),
          )
        : undefined;
    if (target) merges.set(target, [...(merges.get(target) ?? []), req]);
    else rest.push(req);
  }
  const edits = [...merges].map(([stmt, reqs]) => mergeEdit(text, stmt, reqs, eol));
  const inserts = new Map<number, { before: string; after: string; lines: string[] }>();
  for (const stmt of newStatements(rest, firstParty)) {
    const anchor = anchorFor(text, tree, block, stmt, firstParty);
    const entry = inserts.get(anchor.at) ?? {
      before: anchor.before,
      after: anchor.after,
      lines: [],
    };
    inserts.set(anchor.at, { ...entry, lines: [...entry.lines, stmt.text] });
  }
  for (const [at, { before, after, lines }] of inserts) {
    const body = lines.map((l) => l + eol).join('');
    edits.push(Edit.insert(at, (before ? eol : '') + body + after.replace(/\n/g, eol)));
  }
  return edits;
}
