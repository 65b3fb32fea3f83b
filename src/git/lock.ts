/**
 * One remedy process per repository: a lock file under `.git/` holding the owner's
 * pid. A lock left by a process that no longer runs is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileErrorReason, InputError } from '../core/errors.js';

export const LOCK_FILE = 'remedy.lock';

/** Whether a process with this pid runs (EPERM: it does, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The first line of the lock (the owner's pid), or '' when it cannot be read. */
function readOwner(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n')[0] ?? '';
  } catch {
    return '';
  }
}

export interface RepoLock {
  release(): void;
}

/** Take the lock or throw InputError naming the process that holds it. */
export function acquireLock(gitDir: string): RepoLock {
  const file = path.join(gitDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        fs.rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new InputError(`cannot create the lock file ${file}: ${fileErrorReason(error)}`, {
          location: { file },
          hint: 'remedy needs to write in the git directory: check its permissions and attributes (ls -ld, lsattr -d)',
          cause: error,
        });
      }
      if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
        throw new InputError(`${path.join('.git', LOCK_FILE)} is a directory, not remedy's lock`, {
          location: { file },
          hint: `remove it (rmdir "${file}") if nothing of yours is in it, then run again`,
        });
      }
      const owner = Number.parseInt(readOwner(file), 10);
      if (Number.isFinite(owner) && owner !== process.pid && isAlive(owner)) {
        throw new InputError(
          `another remedy process (pid ${owner}) is working on this repository`,
          {
            location: { file },
            hint: 'wait for it to finish; if it is gone, delete the lock file',
          },
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new InputError('could not take the repository lock', { location: { file } });
}
