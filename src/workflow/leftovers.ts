/**
 * What a killed run (SIGKILL, power loss) leaves behind, and how the next run deals
 * with it:
 * - remedy's own temporary files (`.remedy-tmp-<pid>-...` of a dead pid) are removed;
 * - with `apply --continue`, the finding the killed run was working on: when every
 *   dirty path is a file of that finding, holding exactly its text before or after
 *   (computed afresh from HEAD), the leftover is remedy's own. Complete and staged, it
 *   is committed as it is (verify had passed before staging); otherwise its files are
 *   restored and it is applied again. Anything else in the tree is never touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ReadOutcome } from '../engine/source.js';
import { DiskStore, type SourceStore } from '../engine/store.js';
import { TEMP_PREFIX } from '../engine/write.js';
import type { Finding } from '../findings/types.js';
import { isAlive } from '../git/lock.js';
import type { DirtyFile, GitRepo } from '../git/repo.js';
import { type ExecuteOptions, executeFinding } from './execute.js';
import { type ChangedOutcome, commitFinding, type LandedFinding, undoFinding } from './land.js';
import type { Session } from './session.js';

/** Remove temporary files of dead remedy processes; returns the dirty files left. */
export function removeDeadTempFiles(repo: GitRepo, dirty: readonly DirtyFile[]): DirtyFile[] {
  return dirty.filter((d) => {
    const match = new RegExp(`^${TEMP_PREFIX.replace('.', '\\.')}(\\d+)-`).exec(
      path.posix.basename(d.path),
    );
    if (d.status !== '??' || !match || isAlive(Number(match[1]))) return true;
    fs.rmSync(repo.absolute(d.path), { force: true });
    return false;
  });
}

/** The disk, except that `head` paths read as HEAD has them (undefined: absent at HEAD). */
class HeadStore implements SourceStore {
  private readonly disk: DiskStore;
  constructor(
    readonly root: string,
    private readonly head: ReadonlyMap<string, string | undefined>,
  ) {
    this.disk = new DiskStore(root);
  }
  read(relPath: string): ReadOutcome {
    if (!this.head.has(relPath)) return this.disk.read(relPath);
    const text = this.head.get(relPath);
    return text === undefined
      ? { ok: false, kind: 'unreadable', reason: 'cannot read: no such file' }
      : { ok: true, text };
  }
  exists(relPath: string): boolean {
    return this.head.has(relPath)
      ? this.head.get(relPath) !== undefined
      : this.disk.exists(relPath);
  }
  extraFiles(): readonly string[] {
    return [...this.head]
      .filter(([p, t]) => t !== undefined && !this.disk.exists(p))
      .map(([p]) => p);
  }
  overlayEntries(): readonly (readonly [string, string])[] {
    return [...this.head].filter((e): e is [string, string] => e[1] !== undefined);
  }
}

export interface Resumed {
  readonly finding: Finding;
  /** `committed`: it was complete and staged; `restored`: it will be applied again. */
  readonly action: 'committed' | 'restored';
  readonly landed?: LandedFinding;
}

/**
 * If the dirty tree is the leftover of the first finding still to apply, finish it
 * (commit) or clear it (restore); undefined, touching nothing, when it is not.
 */
export async function resumeLeftover(
  session: Session,
  repo: GitRepo,
  findings: readonly Finding[],
  applied: ReadonlyMap<string, string>,
  dirty: readonly DirtyFile[],
  opts: ExecuteOptions & { readonly hooks: boolean },
): Promise<Resumed | undefined> {
  const head = new Map<string, string | undefined>();
  for (const d of dirty) head.set(d.path, await repo.showHead(d.path));
  const store = new HeadStore(repo.root, head);
  for (const finding of findings) {
    if (applied.has(finding.id) || finding.status === 'resolved') continue;
    const outcome = await executeFinding(session.plan(finding), store, opts);
    if (outcome.kind !== 'changed') continue;
    if (!isLeftoverOf(repo, outcome, dirty)) return undefined;
    if (await isStagedComplete(repo, outcome)) {
      const landed = await commitFinding(session, repo, outcome, opts.hooks);
      return { finding, action: 'committed', landed };
    }
    await undoFinding(repo, outcome.files);
    return { finding, action: 'restored' };
  }
  return undefined;
}

function readOrUndefined(abs: string): string | undefined {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every dirty path is a file of the finding, and each file holds its text before or after. */
function isLeftoverOf(
  repo: GitRepo,
  outcome: ChangedOutcome,
  dirty: readonly DirtyFile[],
): boolean {
  const files = new Map(outcome.files.map((f) => [f.path, f]));
  if (!dirty.every((d) => files.has(d.path))) return false;
  return outcome.files.every((f) => {
    const now = readOrUndefined(repo.absolute(f.path));
    return now === f.after || (f.created ? now === undefined : now === f.before);
  });
}

/** Every file holds its text after, in the tree and in the index. */
async function isStagedComplete(repo: GitRepo, outcome: ChangedOutcome): Promise<boolean> {
  for (const f of outcome.files) {
    if (readOrUndefined(repo.absolute(f.path)) !== f.after) return false;
    if ((await repo.showIndex(f.path)) !== f.after) return false;
  }
  return true;
}
