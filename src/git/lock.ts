/**
 * One remedy process per repository: a lock file under `.git/` holding the owner's
 * pid. A lock left by a process that no longer runs is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';

export const LOCK_FILE = 'remedy.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
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
