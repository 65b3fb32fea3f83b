/**
 * What the branch says about findings, read from git without writing anything: the
 * newest commit carrying each `Remedy-Finding` trailer (with its other trailers), a
 * commit's diff and diffstat, and a commit's tree extracted into a directory.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FINDING_TRAILER } from '../git/repo.js';
import type { FileStat, ReportCommit } from './model.js';

export interface FindingCommit extends ReportCommit {
  /** Every trailer of the commit, by key (values in order). */
  readonly trailers: ReadonlyMap<string, readonly string[]>;
}

/** git, read-only (no optional locks), output as text; throws on a non-zero exit. */
function git(root: string, args: readonly string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...env },
  });
}

function tryGit(root: string, args: readonly string[]): string | undefined {
  try {
    return git(root, args);
  } catch {
    return undefined;
  }
}

/** The current branch, or null when HEAD is detached or there is no repository. */
export function currentBranch(root: string): string | null {
  const name = tryGit(root, ['rev-parse', '--abbrev-ref', 'HEAD'])?.trim();
  return name && name !== 'HEAD' ? name : null;
}

export function headCommit(root: string): string | null {
  return tryGit(root, ['rev-parse', '--verify', 'HEAD'])?.trim() || null;
}

function parseTrailers(block: string): Map<string, string[]> {
  const trailers = new Map<string, string[]>();
  for (const line of block.split('\n')) {
    const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line.trim());
    if (!match) continue;
    const [, key, value] = match;
    trailers.set(key!, [...(trailers.get(key!) ?? []), value!.trim()]);
  }
  return trailers;
}

/** Finding ID -> the newest commit in HEAD's history whose trailers name it. */
export function findingCommits(root: string): Map<string, FindingCommit> {
  const commits = new Map<string, FindingCommit>();
  if (!headCommit(root)) return commits;
  const log = git(root, ['log', '--format=%H%x01%cI%x01%s%x01%(trailers:only,unfold)%x00', 'HEAD']);
  for (const record of log.split('\0')) {
    const [hash, date, subject, block] = record.replace(/^\n/, '').split('\x01');
    if (!hash || block === undefined) continue;
    const trailers = parseTrailers(block);
    for (const id of trailers.get(FINDING_TRAILER) ?? []) {
      if (id && !commits.has(id))
        commits.set(id, { hash, date: date ?? '', subject: subject ?? '', trailers });
    }
  }
  return commits;
}

/** The commit's patch against its first parent (`git show`), without colour. */
export function commitDiff(root: string, hash: string): string {
  return git(root, ['show', '--format=', '--patch', '--no-color', '--no-ext-diff', hash]);
}

/** Lines added and removed per file (binary files count 0). */
export function commitStat(root: string, hash: string): FileStat[] {
  const out = git(root, ['show', '--format=', '--numstat', '--no-renames', hash]);
  return out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [added, removed, ...rest] = line.split('\t');
      return {
        path: rest.join('\t'),
        added: Number(added) || 0,
        removed: Number(removed) || 0,
      };
    });
}

/**
 * Write the tree of `rev` into the empty directory `dir`, through a private index:
 * the repository's index, work tree and refs are untouched. False when `rev` does
 * not exist (e.g. the parent of a root commit).
 */
export function extractTree(root: string, rev: string, dir: string): boolean {
  if (tryGit(root, ['rev-parse', '--verify', '--quiet', `${rev}^{tree}`]) === undefined)
    return false;
  const index = path.join(dir, '.remedy-index');
  const env = { GIT_INDEX_FILE: index };
  git(root, ['read-tree', rev], env);
  git(root, ['checkout-index', '--all', '--force', `--prefix=${dir}${path.sep}`], env);
  fs.rmSync(index, { force: true });
  return true;
}
