/**
 * Facts a document states once for all its findings: what each priority label means
 * (`P1 -- ...: CRITICAL and HIGH severity items`) and which sections are categories.
 */
import type { Draft } from './detect.js';
import { parseGroupLabel, severitiesIn } from './labels.js';
import { allSections, ancestry, descendants, type Section } from './outline.js';
import { isContainerTitle } from './phases.js';
import { inlineText, tableRows } from './text.js';
import type { Severity } from './types.js';

/**
 * `P1 -> critical` where a list item or table row starting with the label names
 * severities; the highest named wins (a P1 of "CRITICAL and HIGH" items may be critical).
 */
export function prioritySeverities(outline: Section): Map<string, Severity> {
  const out = new Map<string, Severity>();
  const consider = (text: string) => {
    const m = /^\s*(P\d)\b(.*)$/s.exec(text);
    const severity = m?.[2] ? severitiesIn(m[2])[0] : undefined;
    if (m?.[1] && severity && !out.has(m[1])) out.set(m[1], severity);
  };
  for (const section of allSections(outline)) {
    for (const item of descendants(section.blocks, 'listItem')) {
      const first = item.children[0];
      if (first?.type === 'paragraph') consider(inlineText(first, { backticks: false }));
    }
    for (const table of descendants(section.blocks, 'table')) {
      for (const row of tableRows(table).slice(1)) consider(row.join(' '));
    }
  }
  return out;
}

const META_TITLE =
  /^((table of contents|contents|overview|summary|executive summary|introduction|context|scope|appendix|references|verification|how to use|background|glossary)\b|(detailed )?(findings|issues)( by \w+)?$)/i;

/** The nearest enclosing section that names a category: `## Category 1 — Security` -> `Security`. */
export function categoryFinder(
  outline: Section,
  findingSections: ReadonlySet<Section>,
): (draft: Draft) => string | null {
  const title = outline.children[0];
  const docTitle = title?.level === 1 ? title : undefined;
  return (draft) => {
    for (const section of ancestry(draft.home)) {
      if (findingSections.has(section) || section === docTitle) continue;
      if (
        parseGroupLabel(section.title) ||
        isContainerTitle(section.title) ||
        META_TITLE.test(section.title)
      )
        continue;
      if (section.parent && isContainerTitle(section.parent.title)) continue;
      return cleanCategory(section.title);
    }
    return null;
  };
}

function cleanCategory(title: string): string {
  return title
    .replace(/^(category|section|part|area)\s*\d*\s*[—–:.-]+\s*/i, '')
    .replace(/^\d+[.)]\s*/, '')
    .trim();
}
