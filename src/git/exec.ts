/**
 * Running git for the operations that change something (add, commit, reset, switch):
 * the exit status and the signal are checked here, because simple-git treats a git
 * that dies without writing to stderr (killed by Ctrl-C, a signing program killed) as
 * a success.
 */
import { spawn } from 'node:child_process';
import { RemedyError } from '../core/errors.js';

/** What a git command did. */
export interface GitRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A git command that changes the repository failed; `reason` says how. */
export class GitCommandError extends RemedyError {
  constructor(
    readonly command: string,
    readonly reason: string,
  ) {
    super(`${command} ${reason}`, { exitCode: 1 });
  }
}

/** Run `git args...` in `cwd` with `env`, feeding `input` on stdin. Never rejects. */
export function runGit(
  cwd: string,
  args: readonly string[],
  env: Record<string, string>,
  input?: string,
): Promise<GitRun> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const text = (parts: Buffer[]) => Buffer.concat(parts).toString('utf8');
    child.on('error', (error) =>
      resolve({ code: null, signal: null, stdout: '', stderr: `cannot run git: ${error.message}` }),
    );
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: text(out), stderr: text(err) }),
    );
    child.stdin.on('error', () => {
      // git may exit before reading its input; the exit status says what happened.
    });
    child.stdin.end(input ?? '');
  });
}

/**
 * How a run failed, as a predicate for "git commit ...": `was killed by SIGINT`,
 * `failed: <git's last words>`, `exited with status 1 without a message`; undefined
 * when it succeeded.
 */
export function failureReason(run: GitRun): string | undefined {
  if (run.signal) return `was killed by ${run.signal}`;
  if (run.code === 0) return undefined;
  const words = run.stderr.trim();
  if (words) return `failed: ${words.split('\n').slice(-12).join('\n')}`;
  return run.code === null
    ? 'could not be started'
    : `exited with status ${run.code} without a message`;
}
