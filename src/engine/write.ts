/**
 * Writing inside a repository, safely:
 * - atomic per file: a temporary file next to the target, renamed over it, so an
 *   interrupted run leaves the old file or the new one, never half of one;
 * - contained: the real path (symlinks resolved) must be inside the real root, so a
 *   symlinked directory never leads a write outside the repository;
 * - links kept: a symlinked file is written in its target, the link stays a link;
 * - all or nothing for a set of files (deletions included): a failure puts back what
 *   was already written or deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileErrorReason, InputError, RemedyError } from '../core/errors.js';
import { resolveInRepo } from '../core/paths.js';

/** Temporary files are named `.remedy-tmp-<pid>-...`: a killed run's leftovers are recognisable. */
export const TEMP_PREFIX = '.remedy-tmp-';

/** One file of a set to write: its text before (to restore) and after. */
export interface FileWrite {
  /** Repository-relative path. */
  readonly path: string;
  readonly before: string;
  readonly after: string;
  /** The file did not exist before (restoring deletes it). */
  readonly created?: boolean;
  /** The file is to be deleted (`after` is empty; restoring writes `before` back). */
  readonly deleted?: boolean;
}

/** A write failed; every file written before it was put back (or the message says which not). */
export class WriteError extends RemedyError {
  constructor(
    readonly file: string,
    cause: unknown,
    restored: number,
    unrestored: readonly string[],
  ) {
    const after =
      unrestored.length > 0
        ? `; could not restore ${unrestored.join(', ')}: check them by hand (git diff)`
        : restored > 0
          ? `; the ${restored} file(s) written before it were restored, nothing was written`
          : '; nothing was written';
    super(`cannot write ${file}: ${fileErrorReason(cause)}${after}`, {
      exitCode: 1,
      hint: 'check the permissions and attributes of the file and its directory (ls -l, lsattr)',
      cause,
    });
  }
}

/** Write `text` to `absPath` atomically, keeping the file's mode. */
export function writeFileAtomic(absPath: string, text: string): void {
  const dir = path.dirname(absPath);
  fs.mkdirSync(dir, { recursive: true });
  let mode: number | undefined;
  try {
    mode = fs.statSync(absPath).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const tmp = path.join(
    dir,
    `${TEMP_PREFIX}${process.pid}-${Math.random().toString(36).slice(2)}-${path.basename(absPath)}`,
  );
  try {
    fs.writeFileSync(tmp, text, mode === undefined ? {} : { mode });
    fs.renameSync(tmp, absPath);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

function isInside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** The real path `abs` stands for: symlinks resolved, missing trailing parts kept as given. */
function realPathOf(abs: string): string {
  try {
    return fs.realpathSync(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (fs.lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink())
      return path.resolve(path.dirname(abs), fs.readlinkSync(abs));
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPathOf(parent), path.basename(abs));
  }
}

/**
 * Where a write to `relPath` lands: its real path, after checking that it stays inside
 * the real root. InputError when a symlink leads outside the repository.
 */
export function writeTarget(root: string, relPath: string): string {
  const real = realPathOf(resolveInRepo(root, relPath));
  const realRoot = fs.realpathSync(root);
  if (isInside(realRoot, real)) return real;
  throw new InputError(
    `refusing to write ${relPath}: a symbolic link leads it to ${real}, outside the repository ${root}`,
    { hint: 'remedy never writes through links that leave the repository; edit that file there' },
  );
}

/** Write `text` to the repository file `relPath` (contained, atomic, links kept). */
export function writeInRepo(root: string, relPath: string, text: string): void {
  writeFileAtomic(writeTarget(root, relPath), text);
}

/**
 * Write every file or none. Containment is checked for all files before the first
 * write; when a write fails, the files already written are put back and WriteError
 * says so.
 */
export function writeAllOrNothing(root: string, files: readonly FileWrite[]): void {
  const targets = files.map((f) => writeTarget(root, f.path));
  const done: FileWrite[] = [];
  files.forEach((file, i) => {
    try {
      if (file.deleted) fs.rmSync(targets[i]!, { force: true });
      else writeFileAtomic(targets[i]!, file.after);
    } catch (error) {
      throw new WriteError(file.path, error, done.length, restoreFiles(root, done));
    }
    done.push(file);
  });
}

/**
 * Put files back as they were before (delete the created ones). Returns the paths
 * that could not be restored, with the reason; an empty list when all were.
 */
export function restoreFiles(root: string, files: readonly FileWrite[]): string[] {
  const failed: string[] = [];
  for (const file of files) {
    try {
      if (file.created) fs.rmSync(writeTarget(root, file.path), { force: true });
      else writeInRepo(root, file.path, file.before);
    } catch (error) {
      failed.push(`${file.path} (${fileErrorReason(error)})`);
    }
  }
  return failed;
}
