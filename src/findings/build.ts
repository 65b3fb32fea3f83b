/**
 * Assembling a Finding from everything said about one ID: its body sections, files and
 * symbols, code blocks, tables, and the facts (severity, priority, status, category,
 * effort) from its heading, labels, table rows and the groups it sits in.
 */
import type { Nodes, Paragraph, RootContent } from 'mdast';
import { attributesOf } from './attributes.js';
import { codeBlocksIn } from './code-blocks.js';
import type { Draft } from './detect.js';
import { type FindingFacts, findingFacts } from './facts.js';
import { fileRefsIn, type RawFileRef } from './file-refs.js';
import { type MarkdownDoc, sourceOf } from './markdown.js';
import { descendants } from './outline.js';
import type { Group } from './phases.js';
import { findingFiles, mergeFileRefs, type PathResolver } from './resolve-paths.js';
import { ruffFacts } from './ruff.js';
import {
  fileFieldRole,
  type LabelledBlock,
  labelBlocks,
  paragraphLabel,
  sectionTexts,
} from './sections.js';
import { toFindingTable } from './tables.js';
import type { Finding, Severity } from './types.js';

export interface BuildContext {
  readonly doc: MarkdownDoc;
  readonly resolver: PathResolver;
  readonly groups: readonly Group[];
  /** Severity a priority label stands for, where the document defines it (`P1` -> critical). */
  readonly prioritySeverity: ReadonlyMap<string, Severity>;
  /** Sections that are categories (not groups, not the document title). */
  readonly categoryOf: (draft: Draft) => string | null;
}

/** The draft's body as labelled blocks: own section, attached items, synthesised item, evidence. */
export function labelledBody(draft: Draft): LabelledBlock[] {
  const own = labelBlocks(draft.heading?.blocks ?? draft.itemBlocks ?? []).map((b) =>
    b.label === draft.id ? { ...b, label: 'Description' } : b,
  );
  const attached = draft.attachments.flatMap((a) => relabel(a.blocks, a.name));
  const evidence = draft.evidence.map((node) => ({ label: 'Evidence', node }));
  return [...own, ...attached, ...evidence];
}

/** Blocks of an `**ID:** text` item, as a section named `name`. */
function relabel(blocks: readonly RootContent[], name: string): LabelledBlock[] {
  return blocks.map((node, i) => {
    const found = i === 0 && node.type === 'paragraph' ? paragraphLabel(node) : undefined;
    return found ? { label: name, node, rest: found.rest } : { label: name, node };
  });
}

/** Every raw file reference of a draft (body and its table rows). */
const rawRefsCache = new WeakMap<Draft, RawFileRef[]>();

export function rawFileRefs(draft: Draft): RawFileRef[] {
  const cached = rawRefsCache.get(draft);
  if (cached) return cached;
  const rowBlocks = draft.rows.flatMap((row) =>
    row.node.children.map((cell, i): LabelledBlock => {
      const node: Paragraph = { type: 'paragraph', children: cell.children };
      const header = row.header[i] ?? '';
      return fileFieldRole(header)
        ? { label: header, node, rest: cell.children }
        : { label: null, node };
    }),
  );
  const heading = draft.heading?.section.heading;
  const title: LabelledBlock[] = heading ? [{ label: null, node: heading }] : [];
  const refs = [...fileRefsIn(labelledBody(draft)), ...fileRefsIn(rowBlocks), ...fileRefsIn(title)];
  rawRefsCache.set(draft, refs);
  return refs;
}

export function buildFinding(draft: Draft, ctx: BuildContext): Finding {
  const labelled = labelledBody(draft);
  const fileRefs = mergeFileRefs(rawFileRefs(draft), ctx.resolver);
  const files = findingFiles(fileRefs);
  const symbols = [
    ...new Set(fileRefs.filter((r) => files.includes(r.path)).flatMap((r) => r.symbols)),
  ];
  const attributes = attributesOf(draft, labelled);
  const facts: FindingFacts = findingFacts(draft, attributes, ctx);
  const sections = { ...rowSections(draft), ...sectionTexts(labelled) };
  const body = bodyOf(draft, ctx.doc);
  const ruff = ruffFacts(body);
  return {
    id: draft.id,
    title: draft.title,
    severity: facts.severity,
    priority: facts.priority,
    category: facts.category,
    status: facts.status,
    files,
    fileRefs,
    symbols,
    dependsOn: [],
    phases: ctx.groups.filter((g) => g.members.includes(draft.id)).map((g) => g.id),
    aliases: [...draft.aliases],
    doc: ctx.doc.path,
    line: draft.line,
    column: draft.column,
    idSynthesized: draft.idSynthesized,
    source: draft.source,
    ...(ruff.codes.length > 0 ? { ruffCodes: ruff.codes } : {}),
    ...(ruff.fix ? { ruffFix: true } : {}),
    effort: facts.effort,
    attributes,
    body,
    sections,
    codeBlocks: codeBlocksIn(ctx.doc, labelled, {
      refs: fileRefs,
      symbols,
      resolver: ctx.resolver,
    }),
    tables: descendants(draft.heading?.blocks ?? draft.itemBlocks ?? [], 'table').map((t) =>
      toFindingTable(ctx.doc, t),
    ),
  };
}

/** Long-text columns of a row-defined finding (`Description`, `Verification`) as sections. */
function rowSections(draft: Draft): Record<string, string> {
  if (draft.heading) return {};
  const out: Record<string, string> = {};
  for (const row of draft.rows.slice(0, 1)) {
    row.header.forEach((h, i) => {
      if (i === row.idColumn) return;
      const value = row.cells[i]?.trim() ?? '';
      if (
        value &&
        /^(finding|title|improvement|item|issue|description|details|fix|remediation|notes?|verification)$/i.test(
          h.trim(),
        )
      ) {
        out[h.trim()] = value;
      }
    });
  }
  return out;
}

function bodyOf(draft: Draft, doc: MarkdownDoc): string {
  const parts: string[] = [];
  const slice = (nodes: readonly Nodes[]) => {
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    if (first && last) parts.push(sourceOf(doc, first, last));
  };
  if (draft.heading?.section.heading)
    slice([draft.heading.section.heading, ...draft.heading.blocks]);
  else if (draft.itemBlocks) slice(draft.itemBlocks);
  if (!draft.heading && draft.rows[0]) slice([draft.rows[0].node]);
  for (const a of draft.attachments) slice(a.blocks);
  return parts.join('\n\n').trim();
}
