/**
 * Changes the verify command makes to the working tree. A snapshot of every dirty
 * path (status and content hash) is taken before verify runs; afterwards, any
 * tracked or pre-existing path that changed, and any file of the finding that no
 * longer holds what remedy wrote (or a file it deleted that is back), is a stray change. New untracked files (caches,
 * reports) are not: no commit can pick them up, and nothing is lost by leaving them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { FileWrite } from '../engine/write.js';
import type { GitRepo } from '../git/repo.js';

export type TreeSnapshot = ReadonlyMap<string, string>;

function fingerprint(repo: GitRepo, relPath: string, status: string): string {
  let content: string;
  try {
    content = crypto
      .createHash('sha1')
      .update(fs.readFileSync(repo.absolute(relPath)))
      .digest('hex');
  } catch {
    content = 'unreadable';
  }
  return `${status} ${content}`;
}

/** Every dirty path with its status and a hash of its content. */
export async function treeSnapshot(repo: GitRepo): Promise<TreeSnapshot> {
  const snapshot = new Map<string, string>();
  for (const d of await repo.dirtyFiles())
    snapshot.set(d.path, fingerprint(repo, d.path, d.status));
  return snapshot;
}

/** Paths the verify command changed, compared with `before`, sorted. */
export async function strayChanges(
  repo: GitRepo,
  before: TreeSnapshot,
  written: readonly FileWrite[],
): Promise<string[]> {
  const mine = new Set(written.map((f) => f.path));
  const after = await treeSnapshot(repo);
  const stray = new Set<string>();
  for (const [p, print] of after) {
    if (mine.has(p)) continue;
    const was = before.get(p);
    if (was === undefined ? !print.startsWith('??') : was !== print) stray.add(p);
  }
  for (const p of before.keys()) if (!after.has(p) && !mine.has(p)) stray.add(p);
  for (const file of written) {
    let now: string | undefined;
    try {
      now = fs.readFileSync(repo.absolute(file.path), 'utf8');
    } catch {
      now = undefined;
    }
    if (file.deleted ? now !== undefined : now !== file.after) stray.add(file.path);
  }
  return [...stray].sort();
}
