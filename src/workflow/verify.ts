/**
 * Run the verification command (from the CLI or config only — never from a document)
 * in the repository, capturing its output; a failure reports the output's tail.
 *
 * The command runs in its own process group, so remedy can stop all of it: SIGTERM on
 * the first Ctrl-C or at the timeout, SIGKILL on a second Ctrl-C or when SIGTERM did
 * not end it within 2 s of the timeout, and SIGKILL to whatever is left once the
 * command has exited. A watchdog in the group kills the group if remedy itself dies
 * (SIGKILL), so no orphan keeps running.
 */
import { spawn } from 'node:child_process';

/** Seconds a verify command may run unless the config or `--verify-timeout` says otherwise. */
export const DEFAULT_VERIFY_TIMEOUT = 900;

const KILL_GRACE_MS = 2000;

export interface VerifyOptions {
  /** The first interrupt: SIGTERM to the command's process group. */
  readonly abort?: AbortSignal;
  /** The second interrupt: SIGKILL to the group. */
  readonly force?: AbortSignal;
  /** Seconds before the command is stopped; 0 or undefined for none. */
  readonly timeoutSeconds?: number;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The last lines of stdout+stderr. */
  readonly tail: string;
  readonly seconds: number;
  /** Stopped because it ran longer than the timeout. */
  readonly timedOut: boolean;
}

const TAIL_LINES = 30;

export function tailOf(output: string, lines = TAIL_LINES): string {
  const all = output.replace(/\s+$/, '').split('\n');
  return all.slice(-lines).join('\n');
}

/**
 * The shell around the command: a watchdog that kills the process group once remedy
 * (REMEDY_PID) is gone, then the command in a shell of its own (`exec`, so the
 * command's `wait` does not wait for the watchdog).
 */
const WRAPPER = [
  `(trap '' INT TERM HUP; while kill -0 "$REMEDY_PID" 2>/dev/null; do sleep 1; done; kill -KILL 0) </dev/null >/dev/null 2>&1 &`,
  'exec /bin/sh -c "$1"',
].join('\n');

/** Run `command` through the shell in `cwd`, in its own process group. */
export function runVerify(
  command: string,
  cwd: string,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', WRAPPER, 'remedy-verify', command], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REMEDY_PID: String(process.pid) },
      detached: true,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const group = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const stops = stopOn(opts, group);
    child.on('exit', () => group('SIGKILL'));
    const finish = (code: number | null, signal: NodeJS.Signals | null, tail: string) => {
      stops.dispose();
      const seconds = (Date.now() - started) / 1000;
      const timedOut = stops.timedOut();
      resolve({ ok: code === 0 && !timedOut, code, signal, tail, seconds, timedOut });
    };
    child.on('error', (error) => finish(null, null, `cannot run verify command: ${error.message}`));
    child.on('close', (code, signal) => finish(code, signal, tailOf(output)));
  });
}

/** Wire interrupts and the timeout to signals for the group. */
function stopOn(opts: VerifyOptions, group: (signal: NodeJS.Signals) => void) {
  const timers: NodeJS.Timeout[] = [];
  let timedOut = false;
  // The first interrupt asks (the command may need to clean up); the second insists.
  const terminate = () => group('SIGTERM');
  const kill = () => group('SIGKILL');
  if (opts.timeoutSeconds && opts.timeoutSeconds > 0) {
    timers.push(
      setTimeout(() => {
        timedOut = true;
        terminate();
        timers.push(setTimeout(kill, KILL_GRACE_MS));
      }, opts.timeoutSeconds * 1000),
    );
  }
  opts.abort?.addEventListener('abort', terminate, { once: true });
  opts.force?.addEventListener('abort', kill, { once: true });
  if (opts.force?.aborted) kill();
  else if (opts.abort?.aborted) terminate();
  return {
    timedOut: () => timedOut,
    dispose() {
      for (const t of timers) clearTimeout(t);
      opts.abort?.removeEventListener('abort', terminate);
      opts.force?.removeEventListener('abort', kill);
    },
  };
}
