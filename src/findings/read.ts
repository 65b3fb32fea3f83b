/**
 * Reading audit documents from disk into one FindingsSet: folders expand to the
 * markdown documents in them; clear errors for missing, unreadable, empty, non-UTF-8
 * or non-markdown files, and for documents in which no finding structure was found.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileErrorReason, InputError } from '../core/errors.js';
import { decodeDocument } from './decode.js';
import { findCycles } from './dependencies.js';
import { parseFindingsDocument } from './parse.js';
import type { DocumentWarning, FindingsSet, Phase } from './types.js';

export interface ReadOptions {
  /** Directory relative document paths are resolved against (default: the current directory). */
  readonly baseDir?: string;
  /** Return an empty set instead of failing when no document has findings (for --explain). */
  readonly allowEmpty?: boolean;
}

/** What the reader understands, for the error a document without findings gets. */
export const STRUCTURES_HINT =
  'remedy reads findings from ID headings (### B-SEC-01: Title, ### CRITICAL #1: Title), numbered headings with File / Problem / Status lines (### 7. Title), table rows with an ID or # column, checklists (- [ ] **Task 3:** Title) and list items under headings named Findings, Issues, Problems, Risks, Edge cases or Recommendations';

/** Read and parse every document (folders: every .md / .markdown / .txt file in them). */
export async function readFindings(
  docPaths: readonly string[],
  opts: ReadOptions = {},
): Promise<FindingsSet> {
  if (docPaths.length === 0) {
    throw new InputError('no audit document given', {
      hint: 'pass a document (remedy findings docs/audit.md), --doc FILE, or "docs" in remedy.config.json',
    });
  }
  const base = opts.baseDir ?? process.cwd();
  const docs = (await Promise.all(docPaths.map((d) => expandDocument(base, d)))).flat();
  const sets: FindingsSet[] = [];
  for (const docPath of docs) {
    const text = decodeDocument(await readBytes(path.resolve(base, docPath), docPath), docPath);
    sets.push(parseFindingsDocument(text, docPath));
  }
  const merged = mergeSets(sets);
  if (opts.allowEmpty) return merged;
  if (merged.findings.length === 0) throw noFindings(docs);
  const empty = docs.filter((_, i) => sets[i]?.findings.length === 0);
  return { ...merged, warnings: [...merged.warnings, ...empty.map(noFindingsWarning)] };
}

function noFindings(docs: readonly string[]): InputError {
  const which = docs.length === 1 ? (docs[0] ?? '') : `${docs.length} documents`;
  return new InputError(`no findings in ${which}`, {
    ...(docs.length === 1 ? { location: { file: docs[0] ?? '' } } : {}),
    hint: `${STRUCTURES_HINT}. See how it was read: remedy findings --explain ${docs.length === 1 ? docs[0] : docs.join(' ')}`,
  });
}

function noFindingsWarning(doc: string): DocumentWarning {
  return { message: `no findings in this document (see remedy findings --explain ${doc})`, doc };
}

const DOCUMENT_FILE = /\.(md|markdown|txt)$/i;

/** A file as given, or the documents of a folder (sorted, hidden folders and node_modules skipped). */
async function expandDocument(base: string, docPath: string): Promise<string[]> {
  const absolute = path.resolve(base, docPath);
  const stat = await fs.stat(absolute).catch((cause: unknown) => {
    throw unreadable(docPath, cause);
  });
  if (!stat.isDirectory()) return [docPath];
  const entries = (await fs.readdir(absolute, { recursive: true })) as string[];
  const found = entries
    .map((e) => e.split(path.sep).join('/'))
    .filter((e) => DOCUMENT_FILE.test(e) && !/(^|\/)(\.[^/]+|node_modules)\//.test(e))
    .sort();
  if (found.length === 0) {
    throw new InputError('the folder holds no markdown documents (.md, .markdown, .txt)', {
      location: { file: docPath },
      hint: 'give the folder that holds the audit documents, or a document',
    });
  }
  return found.map((e) => `${docPath.replace(/[\\/]+$/, '')}/${e}`);
}

async function readBytes(absolute: string, docPath: string): Promise<Buffer> {
  try {
    return await fs.readFile(absolute);
  } catch (cause) {
    throw unreadable(docPath, cause);
  }
}

function unreadable(docPath: string, cause: unknown): InputError {
  return new InputError(`cannot read the document: ${fileErrorReason(cause)}`, {
    location: { file: docPath },
    hint: 'check the path (relative paths are from the current directory)',
    cause,
  });
}

/** Several documents as one set: phases with the same id merge, cross-document duplicate IDs warn. */
export function mergeSets(sets: readonly FindingsSet[]): FindingsSet {
  if (sets.length === 1 && sets[0]) return sets[0];
  const findings = sets.flatMap((s) => s.findings);
  const dependencies = sets.flatMap((s) => s.dependencies ?? []);
  const warnings: DocumentWarning[] = sets.flatMap((s) => s.warnings);
  const seen = new Map<string, string>();
  for (const f of findings) {
    const other = seen.get(f.id);
    if (other && other !== f.doc)
      warnings.push({
        message: `${f.id} is also defined in ${other}; both kept`,
        doc: f.doc,
        line: f.line,
      });
    if (!other) seen.set(f.id, f.doc);
  }
  return {
    findings,
    phases: mergePhases(sets.flatMap((s) => s.phases)),
    warnings,
    cycles: findCycles(dependencies),
    dependencies,
    readings: sets.flatMap((s) => s.readings ?? []),
  };
}

function mergePhases(phases: readonly Phase[]): Phase[] {
  const byId = new Map<string, Phase>();
  for (const p of phases) {
    const prev = byId.get(p.id);
    byId.set(
      p.id,
      prev ? { ...prev, findings: [...new Set([...prev.findings, ...p.findings])] } : p,
    );
  }
  return [...byId.values()];
}
