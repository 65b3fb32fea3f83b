/**
 * What a killed run (SIGKILL, power loss) leaves behind, and how the next run deals
 * with it:
 * - remedy's own temporary files (`.remedy-tmp-<pid>-...` of a dead pid) are removed;
 * - with `apply --continue`, the finding the killed run was working on: when every
 *   dirty path is a file of that finding, holding exactly its text before or after
 *   (computed afresh on a checkout of HEAD), the leftover is remedy's own. Complete and staged, it
 *   is committed as it is (verify had passed before staging); otherwise its files are
 *   restored and it is applied again. Anything else in the tree is never touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiskStore } from '../engine/store.js';
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
  const outcome = await nextChangeFromHead(session, repo, findings, applied, opts);
  if (!outcome || !isLeftoverOf(repo, outcome, dirty)) return undefined;
  if (await isStagedComplete(repo, outcome)) {
    const landed = await commitFinding(session, repo, outcome, opts.hooks);
    return { finding: outcome.finding, action: 'committed', landed };
  }
  await undoFinding(repo, outcome.files);
  return { finding: outcome.finding, action: 'restored' };
}

/**
 * The change of the first finding still to apply that changes anything, computed on
 * a checkout of HEAD in a temporary directory (so files the killed run created or
 * changed do not count), with paths relative to the repository.
 */
async function nextChangeFromHead(
  session: Session,
  repo: GitRepo,
  findings: readonly Finding[],
  applied: ReadonlyMap<string, string>,
  opts: ExecuteOptions,
): Promise<ChangedOutcome | undefined> {
  const head = fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-head-'));
  try {
    await repo.exportTree(head);
    const store = new DiskStore(head);
    for (const finding of findings) {
      if (applied.has(finding.id) || finding.status === 'resolved') continue;
      const outcome = await executeFinding(await session.plan(finding), store, opts);
      if (outcome.kind === 'changed') return outcome;
    }
    return undefined;
  } finally {
    fs.rmSync(head, { recursive: true, force: true });
  }
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
