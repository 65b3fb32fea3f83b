/**
 * Text out of mdast nodes: inline text (code kept in backticks or not), inline tokens
 * (text / code / link) for file and symbol extraction, and plain text of whole blocks.
 */
import type { Nodes, PhrasingContent, RootContent, Table } from 'mdast';

export type InlineToken =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'code'; readonly value: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string };

export interface TextOptions {
  /** Keep inline code in backticks (default true). */
  readonly backticks?: boolean;
}

/** Inline text of a node: emphasis dropped, code in backticks, whitespace collapsed. */
export function inlineText(node: Nodes, opts: TextOptions = {}): string {
  return collapse(rawInline(node, opts.backticks ?? true));
}

function rawInline(node: Nodes, backticks: boolean): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
      return backticks ? `\`${node.value}\`` : node.value;
    case 'break':
      return ' ';
    case 'image':
      return node.alt ?? '';
    case 'code':
    case 'html':
      return node.value;
    default:
      if ('children' in node)
        return (node.children as Nodes[]).map((c) => rawInline(c, backticks)).join('');
      return '';
  }
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Inline tokens of a run of phrasing content; emphasis is flattened. */
export function inlineTokens(nodes: readonly PhrasingContent[]): InlineToken[] {
  const tokens: InlineToken[] = [];
  const visit = (node: PhrasingContent) => {
    if (node.type === 'text') tokens.push({ kind: 'text', value: node.value.replace(/\s+/g, ' ') });
    else if (node.type === 'inlineCode') tokens.push({ kind: 'code', value: node.value });
    else if (node.type === 'link')
      tokens.push({ kind: 'link', text: inlineText(node, { backticks: false }), url: node.url });
    else if (node.type === 'break') tokens.push({ kind: 'text', value: ' ' });
    else if ('children' in node) (node.children as PhrasingContent[]).forEach(visit);
  };
  nodes.forEach(visit);
  return tokens;
}

/** Plain text of block content: paragraphs, lists (`- `), code fenced, tables as rows. */
export function blockText(nodes: readonly RootContent[]): string {
  return nodes
    .map((n) => blockToText(n, ''))
    .filter((t) => t !== '')
    .join('\n\n');
}

function blockToText(node: RootContent, indent: string): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return indent + inlineText(node);
    case 'list':
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
          const [first, ...rest] = item.children.map((c) =>
            blockToText(c, `${indent}  `).trimStart(),
          );
          return [indent + marker + (first ?? ''), ...rest.map((r) => `${indent}  ${r}`)].join(
            '\n',
          );
        })
        .join('\n');
    case 'code':
      return `${indent}\`\`\`${node.lang ?? ''}\n${node.value}\n${indent}\`\`\``;
    case 'table':
      return tableRows(node)
        .map((row) => `${indent}| ${row.join(' | ')} |`)
        .join('\n');
    case 'blockquote':
      return node.children.map((c) => blockToText(c, `${indent}> `)).join('\n');
    case 'thematicBreak':
      return '';
    default:
      return 'children' in node ? indent + inlineText(node) : '';
  }
}

/** Table cells as text without backticks or emphasis: header row first. */
export function tableRows(table: Table): string[][] {
  return table.children.map((row) =>
    row.children.map((cell) => cleanCell(inlineText(cell, { backticks: false }))),
  );
}

function cleanCell(text: string): string {
  return text.replace(/\\\|/g, '|').trim();
}
