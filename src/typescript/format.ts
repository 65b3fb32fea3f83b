/**
 * Region formatting: restyle only the text a change inserted — quotes, semicolons,
 * indentation, trailing commas, and imports longer than the print width — to the
 * file's style (style.ts). Text the change did not write is never touched, so a file
 * the repository does not keep formatted gets no unrelated churn in its diff.
 */
import { ts } from 'ts-morph';
import { applyEdits, Edit } from '../core/edit.js';
import { changedRegions, type Region } from '../core/text-edits.js';
import { parseTs } from './parse.js';
import { type CodeStyle, takesSemicolon } from './style.js';

/** `after` with the text it has beyond `before` restyled to `style`. */
export function formatChangedRegions(
  path: string,
  before: string,
  after: string,
  style: CodeStyle,
): string {
  const first = restyle(path, after, changedRegions(before, after), style);
  return wrapLongImports(path, first, changedRegions(before, first), style);
}

const inside = (regions: readonly Region[], start: number, end: number) =>
  regions.some((r) => start >= r.start && end <= r.end);

function restyle(path: string, text: string, regions: readonly Region[], style: CodeStyle): string {
  if (regions.length === 0) return text;
  const sf = parseTs(path, text).sourceFile;
  const edits: Edit[] = [...indentEdits(text, regions, style)];
  const visit = (node: ts.Node): void => {
    if (!regions.some((r) => node.getStart(sf) < r.end && node.end > r.start)) return;
    const start = node.getStart(sf);
    if (ts.isStringLiteral(node) && inside(regions, start, node.end))
      edits.push(...quoteEdit(text, node, sf, style));
    if (takesSemicolon(node)) edits.push(...semicolonEdit(text, node, regions, style));
    const list = trailingList(node);
    if (list && inside(regions, start, node.end))
      edits.push(...commaEdit(text, node, list, sf, style));
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return applyEdits(text, edits);
}

function quoteEdit(
  text: string,
  node: ts.StringLiteral,
  sf: ts.SourceFile,
  style: CodeStyle,
): Edit[] {
  if (ts.isJsxAttribute(node.parent)) return [];
  const start = node.getStart(sf);
  const raw = text.slice(start + 1, node.end - 1);
  const want = style.quote === 'single' ? "'" : '"';
  if (text[start] === want || /['"\\]/.test(raw)) return [];
  return [Edit.replace(start, node.end, `${want}${raw}${want}`)];
}

function semicolonEdit(
  text: string,
  node: ts.Node,
  regions: readonly Region[],
  style: CodeStyle,
): Edit[] {
  const end = node.end;
  const hasSemi = text[end - 1] === ';';
  if (style.semicolons && !hasSemi && inside(regions, end - 1, end)) return [Edit.insert(end, ';')];
  if (!style.semicolons && hasSemi && inside(regions, end - 1, end) && asiSafeAfter(text, end)) {
    return [Edit.delete(end - 1, end)];
  }
  return [];
}

/** Whether a statement may end without `;` here: a line break follows, and the next line cannot continue it. */
function asiSafeAfter(text: string, end: number): boolean {
  const rest = /^[ \t]*(\/\/[^\n]*)?(\r?\n|$)\s*(.?)/.exec(text.slice(end));
  return rest !== null && !/[([`+\-/]/.test(rest[3] ?? '');
}

function trailingList(node: ts.Node): ts.NodeArray<ts.Node> | undefined {
  if (ts.isObjectLiteralExpression(node)) return node.properties;
  if (ts.isArrayLiteralExpression(node)) return node.elements;
  if (ts.isNamedImports(node) || ts.isNamedExports(node)) return node.elements;
  return undefined;
}

function commaEdit(
  text: string,
  node: ts.Node,
  list: ts.NodeArray<ts.Node>,
  sf: ts.SourceFile,
  style: CodeStyle,
): Edit[] {
  const last = list[list.length - 1];
  if (!last || !text.slice(node.getStart(sf), node.end).includes('\n')) return [];
  if (style.trailingComma !== 'none' && !list.hasTrailingComma) return [Edit.insert(last.end, ',')];
  if (style.trailingComma === 'none' && list.hasTrailingComma) {
    const comma = text.indexOf(',', last.end);
    return [Edit.delete(comma, comma + 1)];
  }
  return [];
}

/** The width in columns of a run of indentation. */
function columns(lead: string, tabWidth: number): number {
  let n = 0;
  for (const ch of lead) n += ch === '\t' ? tabWidth : 1;
  return n;
}

/**
 * Re-indent lines whose indentation the change wrote, when it used another unit than
 * the file (4 spaces into a 2-space file, spaces into a tab file): the region's first
 * line is the base, each line keeps its level relative to it.
 */
function indentEdits(text: string, regions: readonly Region[], style: CodeStyle): Edit[] {
  const unit = style.indent.kind === 'tab' ? '\t' : ' '.repeat(style.indent.width);
  const edits: Edit[] = [];
  for (const region of regions) {
    const lines: { start: number; lead: string }[] = [];
    for (let at = text.lastIndexOf('\n', region.start - 1) + 1; at < region.end; ) {
      const lead = /^[ \t]*/.exec(text.slice(at, at + 400))![0];
      const nl = text.indexOf('\n', at);
      const blank = text.slice(at + lead.length, nl === -1 ? text.length : nl).trim() === '';
      if (!blank) lines.push({ start: at, lead });
      if (nl === -1) break;
      at = nl + 1;
    }
    const base = lines[0];
    if (!base) continue;
    const cols = (l: string) => columns(l, style.indent.width);
    const baseCols = cols(base.lead);
    const steps = lines.map((l) => cols(l.lead) - baseCols).filter((d) => d > 0);
    const step = steps.length > 0 ? Math.min(...steps) : style.indent.width;
    for (const line of lines) {
      const written = line.start >= region.start && line.start + line.lead.length <= region.end;
      const level = (cols(line.lead) - baseCols) / step;
      if (!written || level < 0 || !Number.isInteger(level)) continue;
      const baseLead =
        style.indent.kind === 'tab'
          ? '\t'.repeat(Math.round(baseCols / style.indent.width))
          : ' '.repeat(baseCols);
      const want = baseLead + unit.repeat(level);
      if (want !== line.lead)
        edits.push(Edit.replace(line.start, line.start + line.lead.length, want));
    }
  }
  return edits;
}

/** Imports the change touched that are longer than the print width, one name a line. */
function wrapLongImports(
  path: string,
  text: string,
  regions: readonly Region[],
  style: CodeStyle,
): string {
  if (regions.length === 0) return text;
  const sf = parseTs(path, text).sourceFile;
  const unit = style.indent.kind === 'tab' ? '\t' : ' '.repeat(style.indent.width);
  const edits: Edit[] = [];
  for (const stmt of sf.statements) {
    const named = ts.isImportDeclaration(stmt) ? stmt.importClause?.namedBindings : undefined;
    if (!named || !ts.isNamedImports(named) || named.elements.length < 2) continue;
    const start = stmt.getStart(sf);
    if (!regions.some((r) => start < r.end && stmt.end > r.start)) continue;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const braces = text.slice(named.getStart(sf), named.end);
    if (
      braces.includes('\n') ||
      columns(text.slice(lineStart, stmt.end), style.indent.width) <= style.printWidth
    )
      continue;
    const comma = style.trailingComma === 'none' ? '' : ',';
    const names = named.elements.map((e) => `${unit}${e.getText(sf)}`).join(',\n');
    edits.push(Edit.replace(named.getStart(sf), named.end, `{\n${names}${comma}\n}`));
  }
  return applyEdits(text, edits);
}
