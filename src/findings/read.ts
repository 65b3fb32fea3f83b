/**
 * Reading audit documents from disk into one FindingsSet: clear errors for missing,
 * unreadable, empty or non-markdown files; sets of several documents merged.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileErrorReason, InputError } from '../core/errors.js';
import { findCycles } from './dependencies.js';
import { parseFindingsDocument } from './parse.js';
import type { DocumentWarning, FindingsSet, Phase } from './types.js';

export interface ReadOptions {
  /** Directory relative document paths are resolved against (default: the current directory). */
  readonly baseDir?: string;
}

/** Read and parse every document; findings keep their document's path as given. */
export async function readFindings(
  docPaths: readonly string[],
  opts: ReadOptions = {},
): Promise<FindingsSet> {
  if (docPaths.length === 0) {
    throw new InputError('no audit document given', {
      hint: 'pass a document (remedy findings docs/audit.md), --doc FILE, or "docs" in remedy.config.json',
    });
  }
  const sets: FindingsSet[] = [];
  for (const docPath of docPaths) {
    const text = await readDocument(path.resolve(opts.baseDir ?? process.cwd(), docPath), docPath);
    sets.push(parseFindingsDocument(text, docPath));
  }
  return mergeSets(sets);
}

async function readDocument(absolute: string, docPath: string): Promise<string> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(absolute);
    if (stat.isDirectory())
      throw new InputError('the document is a directory', {
        location: { file: docPath },
        hint: 'give a markdown file',
      });
    bytes = await fs.readFile(absolute);
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    const why = fileErrorReason(cause);
    throw new InputError(`cannot read the document: ${why}`, {
      location: { file: docPath },
      hint: 'check the path (relative paths are from the current directory)',
      cause,
    });
  }
  if (bytes.includes(0)) {
    throw new InputError('the document is not text (binary content)', {
      location: { file: docPath },
      hint: 'give a markdown (.md / .txt) audit document',
    });
  }
  const text = bytes.toString('utf8');
  rejectOtherFormats(text, docPath);
  return text;
}

/** JSON and HTML are text but not markdown audits. */
function rejectOtherFormats(text: string, docPath: string): void {
  const start = text.trimStart();
  const format = /^<(!doctype html|html)\b/i.test(start)
    ? 'HTML'
    : /^[{[]/.test(start) && isJson(start)
      ? 'JSON'
      : null;
  if (format) {
    throw new InputError(`the document is ${format}, not markdown`, {
      location: { file: docPath, line: 1 },
      hint: 'give the audit as markdown (headings or tables with finding IDs)',
    });
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
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
