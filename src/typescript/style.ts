/**
 * The code style for text remedy inserts into a file: the repository's Prettier or
 * Biome settings when it has them (style-config.ts), else what the file itself does —
 * its quotes, semicolons, indentation and trailing commas, counted over its syntax tree.
 */
import { ts } from 'ts-morph';
import { parseTs } from './parse.js';
import { type CodeStyle, configuredStyle, PRETTIER_DEFAULTS } from './style-config.js';

export type { CodeStyle } from './style-config.js';

/** The style for `file` (absolute) with text `text`, under repository `root`. */
export function resolveCodeStyle(root: string, file: string, text: string): CodeStyle {
  const configured = configuredStyle(root, file);
  if (configured.kind === 'found') return configured.style;
  return inferCodeStyle(file, text);
}

/** Statements that end with a semicolon when the style has them. */
export function takesSemicolon(node: ts.Node): boolean {
  return (
    ts.isExpressionStatement(node) ||
    ts.isVariableStatement(node) ||
    ts.isReturnStatement(node) ||
    ts.isThrowStatement(node) ||
    ts.isImportDeclaration(node) ||
    (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) ||
    ts.isExportAssignment(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isBreakStatement(node) ||
    ts.isContinueStatement(node) ||
    ts.isPropertyDeclaration(node)
  );
}

interface Counts {
  single: number;
  double: number;
  semi: number;
  noSemi: number;
  comma: number;
  noComma: number;
}

/** Multi-line lists whose last element may take a trailing comma. */
function listOf(node: ts.Node): ts.NodeArray<ts.Node> | undefined {
  if (ts.isObjectLiteralExpression(node)) return node.properties;
  if (ts.isArrayLiteralExpression(node)) return node.elements;
  if (ts.isNamedImports(node) || ts.isNamedExports(node)) return node.elements;
  return undefined;
}

function count(sf: ts.SourceFile): Counts {
  const c: Counts = { single: 0, double: 0, semi: 0, noSemi: 0, comma: 0, noComma: 0 };
  const text = sf.text;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && !ts.isJsxAttribute(node.parent)) {
      const q = text[node.getStart(sf)];
      if (q === "'") c.single++;
      else if (q === '"') c.double++;
    }
    if (takesSemicolon(node)) {
      if (text[node.end - 1] === ';') c.semi++;
      else c.noSemi++;
    }
    const list = listOf(node);
    if (list && list.length > 0 && text.slice(node.getStart(sf), node.end).includes('\n')) {
      if (list.hasTrailingComma) c.comma++;
      else c.noComma++;
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return c;
}

/** Indentation: tabs or spaces, and the width of one level (the commonest step in). */
function inferIndent(text: string): CodeStyle['indent'] {
  let tabs = 0;
  let spaces = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || /^\s*\*/.test(line)) continue;
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead.startsWith('\t')) tabs++;
    else if (lead.length > 0) spaces++;
    const width = lead.includes('\t') ? 0 : lead.length;
    if (width > previous) steps.set(width - previous, (steps.get(width - previous) ?? 0) + 1);
    previous = width;
  }
  if (tabs > spaces) return { kind: 'tab', width: PRETTIER_DEFAULTS.indent.width };
  const best = [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return { kind: 'space', width: best && best[0] <= 8 ? best[0] : PRETTIER_DEFAULTS.indent.width };
}

/** The style a file's own code follows; Prettier's defaults where it shows none. */
export function inferCodeStyle(path: string, text: string): CodeStyle {
  const c = count(parseTs(path, text).sourceFile);
  const d = PRETTIER_DEFAULTS;
  const longest = Math.max(0, ...text.split('\n').map((l) => l.length));
  return {
    quote: c.single > c.double ? 'single' : c.double > c.single ? 'double' : d.quote,
    semicolons: c.semi + c.noSemi === 0 ? d.semicolons : c.semi >= c.noSemi,
    indent: inferIndent(text),
    trailingComma:
      c.comma + c.noComma === 0 ? d.trailingComma : c.comma >= c.noComma ? 'all' : 'none',
    printWidth: longest <= 80 ? 80 : longest <= 100 ? 100 : 120,
    source: 'inferred',
  };
}
