/**
 * Run the verification command (from the CLI or config only — never from a document)
 * in the repository, capturing its output; a failure reports the output's tail.
 */
import { spawn } from 'node:child_process';

export interface VerifyResult {
  readonly ok: boolean;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The last lines of stdout+stderr. */
  readonly tail: string;
  readonly seconds: number;
}

const TAIL_LINES = 30;

export function tailOf(output: string, lines = TAIL_LINES): string {
  const all = output.replace(/\s+$/, '').split('\n');
  return all.slice(-lines).join('\n');
}

/** Run `command` through the shell in `cwd`. `abort` kills it (e.g. on Ctrl-C). */
export function runVerify(
  command: string,
  cwd: string,
  abort?: AbortSignal,
): Promise<VerifyResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, {
      cwd,
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
      detached: true,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    abort?.addEventListener('abort', kill, { once: true });
    child.on('error', (error) => {
      resolve({
        ok: false,
        code: null,
        signal: null,
        tail: `cannot run verify command: ${error.message}`,
        seconds: (Date.now() - started) / 1000,
      });
    });
    child.on('close', (code, signal) => {
      abort?.removeEventListener('abort', kill);
      resolve({
        ok: code === 0,
        code,
        signal,
        tail: tailOf(output),
        seconds: (Date.now() - started) / 1000,
      });
    });
  });
}
