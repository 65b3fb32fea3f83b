/**
 * Find a repository's audit documents: markdown files under docs/, audits/ and the
 * like, or named like an audit (`*AUDIT*`, `*REVIEW*`, `*REMEDIATION*`,
 * `*TECH-DEBT*` …), each confirmed by reading findings from it. Git-ignored files
 * are left out.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { toPosix } from '../core/paths.js';
import { readFindings } from '../findings/read.js';

export interface DocumentCandidate {
  /** Repository-relative path. */
  readonly path: string;
  /** Findings read from it (0 when it was rejected). */
  readonly findings: number;
  /** Why it was rejected, when it was. */
  readonly rejected?: string;
}

const MARKDOWN = /\.(md|markdown)$/i;
const DOC_DIRS = /^(docs?|audits?|reviews?|reports?)\//i;
const AUDIT_NAME =
  /audit|review|remediation|tech[-_ ]?debt|findings|assessment|security|improvement|refactor|code[-_ ]?quality|issues/i;
const SKIP = new Set(['node_modules', '.git', '.venv', 'venv', 'dist', 'build', '__pycache__']);
const MAX_CANDIDATES = 200;

/** Files of the repository, git-ignored ones left out (a bounded walk outside git). */
function listFiles(root: string): string[] {
  try {
    const out = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      },
    );
    return out.split('\0').filter(Boolean);
  } catch {
    return walk(root);
  }
}

function walk(root: string, dir = root, depth = 0, found: string[] = []): string[] {
  if (depth > 6 || found.length > 20_000) return found;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const e of entries) {
    if (SKIP.has(e.name)) continue;
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) walk(root, abs, depth + 1, found);
    else if (e.isFile()) found.push(toPosix(path.relative(root, abs)));
  }
  return found;
}

/** Markdown files that look like audit documents, those in document folders first. */
export function candidateDocuments(root: string): string[] {
  const markdown = listFiles(root).filter(
    (f) => MARKDOWN.test(f) && !f.split('/').some((part) => SKIP.has(part)),
  );
  const inDocDirs = markdown.filter((f) => DOC_DIRS.test(f));
  const named = markdown.filter((f) => !DOC_DIRS.test(f) && AUDIT_NAME.test(path.basename(f)));
  return [...inDocDirs.sort(), ...named.sort()].slice(0, MAX_CANDIDATES);
}

/** Read findings from each candidate; keep those that have some. */
export async function confirmDocuments(
  root: string,
  candidates: readonly string[],
): Promise<DocumentCandidate[]> {
  const results: DocumentCandidate[] = [];
  for (const doc of candidates) {
    try {
      const set = await readFindings([doc], { baseDir: root, allowEmpty: true });
      results.push(
        set.findings.length > 0
          ? { path: doc, findings: set.findings.length }
          : { path: doc, findings: 0, rejected: 'no findings in it' },
      );
    } catch (error) {
      results.push({ path: doc, findings: 0, rejected: (error as Error).message });
    }
  }
  return results;
}
