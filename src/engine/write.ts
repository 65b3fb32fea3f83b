/**
 * Atomic writes: write a temporary file next to the target, then rename over it, so
 * an interrupted run leaves either the old file or the new one, never half of one.
 */
import fs from 'node:fs';
import path from 'node:path';

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
    `.remedy-tmp-${process.pid}-${Math.random().toString(36).slice(2)}-${path.basename(absPath)}`,
  );
  try {
    fs.writeFileSync(tmp, text, mode === undefined ? {} : { mode });
    fs.renameSync(tmp, absPath);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}
