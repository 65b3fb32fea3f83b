/**
 * Shared setup of the fault-injection suite: a small audited project in a real
 * temporary git repository, a snapshot of everything a failed run must leave as it
 * was (HEAD, branch, index, status, every byte of the tree), and the real ways to make
 * a file unwritable for root (`chattr +i`) or a command die.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { auditedProject } from '../audited-project.js';
import { tempDir } from '../harness.js';
import { type CliResult, git, hashTree, REMEDY_BIN } from '../helpers.js';

export { AUDIT, MODELS, SERVICES } from '../audited-project.js';
export { git } from '../helpers.js';

export const MODELS_FIXED =
  'from __future__ import annotations\n\n\nclass User:\n    name: str | None = None\n';

/** The audited project (test/audited-project.ts), committed on `main`. */
export const faultRepo = auditedProject;

/** Everything a failed or refused run must leave exactly as it was. */
export interface RepoState {
  readonly head: string;
  readonly branch: string;
  readonly index: string;
  readonly status: string;
  readonly tree: string;
}

export function repoState(repo: string): RepoState {
  const quiet = (...args: string[]) =>
    spawnSync('git', args, { cwd: repo, encoding: 'utf8' }).stdout.trim();
  return {
    head: quiet('rev-parse', '--verify', '-q', 'HEAD'),
    branch: quiet('symbolic-ref', '-q', 'HEAD'),
    index: quiet('ls-files', '--stage'),
    status: quiet('status', '--porcelain', '--untracked-files=all'),
    tree: hashTree(repo),
  };
}

/** A clear message: no "internal error", no stack trace. */
export function expectNoCrash(r: CliResult): void {
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

/** A clean outcome: no crash, exit `code`, and each of `says` in the messages. */
export function expectExit(r: CliResult, code: number, ...says: string[]): void {
  expectNoCrash(r);
  expect(r.code, r.stderr).toBe(code);
  for (const text of says) expect(r.stderr).toContain(text);
}

export function subjects(repo: string): string[] {
  return git(repo, 'log', '--format=%s').trim().split('\n');
}

/** An executable shell script outside any repository; returns its path. */
export function script(body: string, name = 'script.sh'): string {
  const file = path.join(tempDir('remedy-fault-bin-'), name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

/** Install a git hook in `repo`. */
export function hook(repo: string, name: string, body: string): void {
  const file = path.join(repo, '.git', 'hooks', name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

/**
 * Run `fn` with `paths` immutable (`chattr +i`): the one way to make a write fail for
 * root here (chmod does not stop root, and there is no read-only mount).
 */
export async function withImmutable<T>(paths: readonly string[], fn: () => Promise<T>): Promise<T> {
  const set = spawnSync('chattr', ['+i', ...paths], { encoding: 'utf8' });
  if (set.status !== 0) throw new Error(`chattr +i failed: ${set.stderr}`);
  try {
    return await fn();
  } finally {
    spawnSync('chattr', ['-i', ...paths]);
  }
}

/**
 * Run the real CLI (`node bin/remedy.js`) without blocking, so that the tests of a
 * file can run side by side (`describe.concurrent`) on both cores.
 */
export async function remedy(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  const run = startCli(args, cwd, env);
  const code = await run.exit;
  return { code: code ?? -1, stdout: run.stdout(), stderr: run.stderr() };
}

/** Start the CLI without waiting, collecting its output. */
export function startCli(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [REMEDY_BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => err.push(d));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => Buffer.concat(err).toString('utf8'),
    exit,
  };
}

/** Wait until `file` exists (a marker a verify command or hook writes). */
export async function waitForFile(file: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await sleep(25);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether `pid` runs (a zombie waiting to be reaped counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Wait for `pid` to be gone; false after `ms`. */
export async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** A promise that settles with the exit code, or undefined after `ms`. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, sleep(ms).then(() => undefined)]);
}
