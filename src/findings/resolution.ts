/**
 * Sections that say work is done — `Fixes Applied`, `Resolved`, `What Was Done`,
 * `✅ Completed`, `Summary of changes` — mark the findings they hold, restate by ID, or
 * describe (same identifiers, most of the same words) as resolved in the document.
 */
import type { Draft } from './draft.js';
import { knownIdsIn } from './ids.js';
import { allSections, descendants, type Section } from './outline.js';
import { isWithin } from './references.js';
import { contentWords } from './similarity.js';
import { inlineText } from './text.js';

const RESOLUTION =
  /^(fix(es)?\s+applied|applied\s+fixes|resolved|fixed|what\s+(was|we|has been)\s+(done|fixed|changed)|completed?|done|changes?\s+(made|applied)|summary\s+of\s+(changes|fixes)|changelog|already\s+(fixed|done|resolved|complete[d]?)|previously\s+fixed)\b/i;

/** A heading that says its content is done (`## ✅ COMPLETED (All Verified)`). */
export function isResolutionTitle(title: string): boolean {
  return RESOLUTION.test(title.replace(/^[^\p{L}]+/u, '').trim());
}

/** How much of a finding's title an item must cover to count as its fix. */
const MIN_COVERAGE = 0.6;

/** Set `resolvedInDoc` on every finding a resolution section holds, restates or describes. */
export function markResolvedInDoc(drafts: readonly Draft[], outline: Section): void {
  const sections = allSections(outline).filter((s) => isResolutionTitle(s.title));
  if (sections.length === 0) return;
  const known = drafts.map((d) => d.id);
  const titles = new Map(drafts.map((d) => [d, titleFacts(d.title)]));
  for (const section of sections) {
    for (const d of drafts) {
      const inside =
        isWithin(d.home, section) || d.rows.some((row) => isWithin(row.section, section));
      if (inside) d.resolvedInDoc = true;
    }
    const outside = drafts.filter((d) => !isWithin(d.home, section));
    for (const item of descendants(sectionNodes(section), 'listItem')) {
      const text = item.children[0] ? inlineText(item.children[0]) : '';
      const ids = knownIdsIn(text, known);
      const named =
        ids.length > 0
          ? drafts.filter((d) => ids.includes(d.id))
          : described(text, outside, titles);
      for (const d of named) d.resolvedInDoc = true;
    }
  }
}

function sectionNodes(section: Section) {
  return allSections(section).flatMap((s) => s.blocks);
}

interface TitleFacts {
  readonly identifiers: readonly string[];
  readonly words: readonly string[];
}

function titleFacts(title: string): TitleFacts {
  return {
    identifiers: identifiers(title),
    words: contentWords(title.replace(/`[^`]*`/g, ' ')),
  };
}

/** Findings whose title identifiers the text names, or whose title words it mostly repeats. */
function described(
  text: string,
  drafts: readonly Draft[],
  titles: ReadonlyMap<Draft, TitleFacts>,
): Draft[] {
  const lower = text.toLowerCase();
  const words = new Set(contentWords(text));
  return drafts.filter((d) => {
    const title = titles.get(d);
    if (!title) return false;
    if (title.identifiers.some((i) => lower.includes(i))) return true;
    if (title.words.length < 2) return false;
    const hits = title.words.filter((w) => words.has(w)).length;
    return hits / title.words.length >= MIN_COVERAGE;
  });
}

/** `SECRET_KEY`, `db.sqlite3`, `app/core.py`: names with `_`, `.` or `/`, the strong matches. */
function identifiers(text: string): string[] {
  const found = [...text.matchAll(/[A-Za-z][\w-]*(?:[_./][\w-]+)+/g)].map((m) =>
    m[0].toLowerCase(),
  );
  return [...new Set(found.filter((s) => s.length > 3))];
}
