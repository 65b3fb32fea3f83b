/**
 * Renders the rewritable sites of a file, each with the sites nested in it: the sites
 * form a forest by range (computed once, from numbers rather than tree queries), and a
 * site's text is its source with its nested sites' renderings spliced in.
 */
import { indentationAt } from '../../src/core/text.js';
import { isPrimaryOfPostfix } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import { renderSite, type Site } from './sites.js';

/** Operators that bind tighter than `|`: their operands must not be a bare union. */
const TIGHT_OPERATORS = new Set(['*', '/', '//', '%', '@', '+', '-', '<<', '>>', '&', '^', '**']);

/**
 * Whether a union written in place of `node` must be parenthesised: as the object of
 * an attribute, subscript or call (`Optional[int].__args__` -> `(int | None).__args__`),
 * or as an operand of an operator that binds tighter than `|` (`~`, `-`, `+`, `&`...).
 */
function needsParentheses(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (isPrimaryOfPostfix(node)) return true;
  switch (parent.type) {
    case 'unary_operator':
    case 'await':
      return true;
    case 'binary_operator':
      return TIGHT_OPERATORS.has(parent.childForFieldName('operator')?.type ?? '');
    default:
      return false;
  }
}

export class SiteForest {
  /** Sites not nested in another site, in document order. */
  readonly tops: Site[] = [];
  private readonly children = new Map<Site, Site[]>();
  private readonly byNode = new Map<number, Site>();

  constructor(
    private readonly text: string,
    private readonly eol: string,
    sites: readonly Site[],
  ) {
    const ordered = [...sites].sort((a, b) => a.start - b.start || b.end - a.end);
    const open: Site[] = [];
    for (const site of ordered) {
      this.byNode.set(site.node.id, site);
      this.children.set(site, []);
      while (open.length > 0 && open[open.length - 1]!.end < site.end) open.pop();
      const parent = open[open.length - 1];
      if (parent) this.children.get(parent)!.push(site);
      else this.tops.push(site);
      open.push(site);
    }
  }

  /** The site and every site nested in it. */
  family(site: Site): Site[] {
    return [site, ...this.children.get(site)!.flatMap((c) => this.family(c))];
  }

  /** The union text that replaces `site`, parenthesised where its context needs it. */
  render(site: Site): string {
    const indent = indentationAt(this.text, site.start);
    const hooks = {
      renderNode: (node: Node) => this.renderWithin(site, node),
      siteAt: (node: Node) => this.byNode.get(node.id),
    };
    const text = renderSite(site, hooks, indent, this.eol);
    // The multi-line form that keeps comments is already parenthesised.
    const wrapped = text.startsWith(`(${this.eol}`);
    return !wrapped && needsParentheses(site.node) ? `(${text})` : text;
  }

  /** The text of `node` (inside `site`) with the sites in it rewritten, itself included. */
  private renderWithin(site: Site, node: Node): string {
    const self = this.byNode.get(node.id);
    if (self) return this.render(self);
    const start = node.startIndex;
    const end = node.endIndex;
    let out = '';
    let cursor = start;
    for (const child of this.children.get(site)!) {
      if (child.start < start || child.end > end) continue;
      out += this.text.slice(cursor, child.start) + this.render(child);
      cursor = child.end;
    }
    return out + this.text.slice(cursor, end);
  }
}
