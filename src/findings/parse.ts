/**
 * One document's text -> FindingsSet: detect findings (or synthesise IDs), link
 * restatements, collect phases and dependencies, build each finding, check cycles.
 */
import { InputError } from '../core/errors.js';
import { linkRestatements } from './aliases.js';
import { type BuildContext, buildFinding, rawFileRefs } from './build.js';
import { bulletFindings } from './bullets.js';
import { collectDependencies, findCycles } from './dependencies.js';
import { type Draft, detectFindings } from './detect.js';
import { categoryFinder, prioritySeverities } from './document-facts.js';
import { type MarkdownDoc, parseMarkdown } from './markdown.js';
import { allSections, buildOutline, descendants, type Section } from './outline.js';
import { collectGroups, type Group } from './phases.js';
import { describeReading } from './reading.js';
import { collectReferences, IdIndex, insideFinding } from './references.js';
import { markResolvedInDoc } from './resolution.js';
import { PathResolver } from './resolve-paths.js';
import { synthesizeFindings } from './synthesize.js';
import type { IdRow } from './tables.js';
import type { DocumentWarning, FindingsSet, Phase } from './types.js';

/** Parse one document. Throws InputError when it is empty or not text. */
export function parseFindingsDocument(text: string, docPath: string): FindingsSet {
  checkText(text, docPath);
  const doc = parseMarkdown(text, docPath);
  const outline = buildOutline(doc);
  const warnings: DocumentWarning[] = doc.plainLines.map((line) => ({
    message: 'a paragraph with too many emphasis markers to resolve was read as plain text',
    doc: docPath,
    line,
  }));
  const { drafts, rows } = readDrafts(doc, outline, warnings);
  const index = new IdIndex(drafts);
  const findingSections = new Set(drafts.flatMap((d) => (d.heading ? [d.heading.section] : [])));
  const refs = collectReferences(outline, drafts, rows, index);
  const groups = collectGroups({ doc, outline, refs, index, findingSections });
  const ctx: BuildContext = {
    doc,
    resolver: new PathResolver(drafts.flatMap(rawFileRefs)),
    groups,
    prioritySeverity: prioritySeverities(outline),
    categoryOf: categoryFinder(outline, findingSections),
  };
  const built = drafts.map((d) => buildFinding(d, ctx));
  const codeBlocks = allSections(outline)
    .filter((s) => !insideFinding(s, findingSections))
    .flatMap((s) => descendants(s.blocks, 'code'));
  const dependencies = collectDependencies(
    { doc, rows, index, findings: built, codeBlocks },
    warnings,
  );
  const findings = built.map((f) => ({
    ...f,
    dependsOn: dependencies.filter((e) => e.from === f.id).map((e) => e.to),
  }));
  warnings.push(...duplicateWarnings(drafts, docPath));
  const cycles = findCycles(dependencies);
  for (const c of cycles)
    warnings.push({ message: `dependency cycle: ${c.join(' -> ')}`, doc: docPath });
  const reading = describeReading({ doc: docPath, outline, drafts, refs, groups });
  return {
    findings,
    phases: phasesOf(groups, docPath),
    warnings,
    cycles,
    dependencies,
    readings: [reading],
  };
}

/**
 * The findings' drafts: ID and numbered headings, rows and items first; for documents
 * with none, prioritised recommendation lists (seed 003), then findings-like lists.
 */
function readDrafts(
  doc: MarkdownDoc,
  outline: Section,
  warnings: DocumentWarning[],
): { drafts: Draft[]; rows: IdRow[] } {
  const detected = detectFindings(doc, outline);
  let drafts = linkRestatements(detected.drafts, doc.path, warnings);
  if (drafts.length === 0) drafts = synthesizeFindings(doc, outline);
  if (drafts.length === 0) drafts = bulletFindings(doc, outline);
  markResolvedInDoc(drafts, outline);
  return { drafts, rows: detected.rows };
}

function phasesOf(groups: readonly Group[], docPath: string): Phase[] {
  return groups.map((g) => ({
    id: g.id,
    kind: g.kind,
    title: g.title,
    findings: [...g.members],
    doc: docPath,
    line: g.line,
  }));
}

function checkText(text: string, docPath: string): void {
  if (text.trim() === '') {
    throw new InputError('the document is empty', {
      location: { file: docPath },
      hint: 'give a markdown audit document with findings (headings or tables with IDs)',
    });
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0 || controlShare(text) > 0.1) {
    const line = nul >= 0 ? text.slice(0, nul).split('\n').length : 1;
    throw new InputError('the document is not text (binary content)', {
      location: { file: docPath, line },
      hint: 'give a markdown (.md / .txt) audit document',
    });
  }
}

function controlShare(text: string): number {
  const sample = text.slice(0, 4096);
  const control = sample.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return control / sample.length;
}

function duplicateWarnings(drafts: readonly Draft[], doc: string): DocumentWarning[] {
  const lines = new Map<string, number[]>();
  for (const d of drafts) lines.set(d.id, [...(lines.get(d.id) ?? []), d.line]);
  return [...lines]
    .filter(([, at]) => at.length > 1)
    .map(([id, at]) => ({
      message: `duplicate ID ${id} at lines ${at.join(', ')}; all kept`,
      doc,
      line: at[1] ?? at[0] ?? 1,
    }));
}
