/**
 * Shared by the whole-phase tests: a fixture copied into a temporary git repository,
 * `remedy apply --phase P` run there through the real CLI with the fixture's own suite
 * as the verify command (so every commit was green when it was made), and what the run
 * left: per-finding statuses, the commits with their trailers, the final suite and the
 * pyright errors compared with the baseline.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { copyTree, tempDir } from '../harness.js';
import { git, initGitRepo, REPO_ROOT, runCli } from '../helpers.js';
import { pyrightErrors } from './lambda-backend.js';

export { pyrightErrors };

export const VERIFY = 'python3 -m unittest discover';
/** Time for a phase: each finding's transform, its verify run, and two pyright runs. */
export const PHASE_TIMEOUT = 300_000;

export interface AppliedFinding {
  readonly id: string;
  readonly status: string;
  readonly transform?: string | null;
  readonly commit?: string | null;
  readonly reason?: string;
  readonly diagnostics?: readonly { readonly message: string }[];
  readonly verify?: { readonly ok: boolean; readonly tail?: string };
}

export interface PhaseRun {
  readonly code: number;
  readonly findings: readonly AppliedFinding[];
  readonly stderr: string;
}

/** `python3 -m unittest discover` in `dir`: passed, and the summary line (`OK (skipped=3)`). */
export function suite(dir: string): { ok: boolean; summary: string; output: string } {
  const run = spawnSync('python3', ['-m', 'unittest', 'discover'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  const output = `${run.stdout}${run.stderr}`;
  const summary = /\n(OK.*|FAILED.*)\s*$/.exec(output)?.[1] ?? '';
  return { ok: run.status === 0, summary, output: output.slice(-3000) };
}

/** A committed copy of `fixtures/<name>` whose suite passes, with its pyright baseline. */
export function fixtureRepo(name: string): { dir: string; pyright: string[] } {
  const dir = tempDir(`remedy-phase-${name}-`);
  copyTree(path.join(REPO_ROOT, 'fixtures', name), dir);
  initGitRepo(dir);
  const before = suite(dir);
  expect(before.ok, before.output).toBe(true);
  return { dir, pyright: pyrightErrors(dir) };
}

/** `remedy apply --phase <phase> --json`, verified by the suite, going on past failures. */
export function applyPhase(dir: string, phase: string, extra: readonly string[] = []): PhaseRun {
  return applySelection(dir, ['--phase', phase], extra);
}

/** `remedy apply <selection> --json` (IDs, or `--phase P`), verified, going on past failures. */
export function applySelection(
  dir: string,
  selection: readonly string[],
  extra: readonly string[] = [],
): PhaseRun {
  const r = runCli(
    [
      'apply',
      ...selection,
      '--doc',
      'docs/AUDIT.md',
      '--verify',
      VERIFY,
      '--keep-going',
      '--json',
      ...extra,
    ],
    dir,
  );
  const parsed = JSON.parse(r.stdout || '{"findings": []}') as { findings: AppliedFinding[] };
  return { code: r.code, findings: parsed.findings, stderr: r.stderr };
}

/** A finding's status, `applied` for one whose change was committed. */
function statusOf(f: AppliedFinding): string {
  return f.status === 'changed' && f.commit ? 'applied' : f.status;
}

/** Whether a finding that ends with `status` has a commit: applied, or applied in part. */
export function committedStatus(status: string | undefined): boolean {
  return status === 'applied' || status === 'partial';
}

/** `id -> status` of a run (`applied`, `manual`, `no-op`, `failed`, ...). */
export function statuses(run: PhaseRun): Record<string, string> {
  return Object.fromEntries(run.findings.map((f) => [f.id, statusOf(f)]));
}

/** The finding each commit since `base` resolves (its `Remedy-Finding` trailer), oldest first. */
export function committedFindings(dir: string, base: string): string[] {
  const log = git(
    dir,
    'log',
    '--reverse',
    '--format=%(trailers:key=Remedy-Finding,valueonly)%x00',
    `${base}..HEAD`,
  );
  return log
    .split('\0')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Applied findings whose verify run (the suite) did not pass — none, when every commit was green. */
export function unverified(run: PhaseRun): string[] {
  return run.findings
    .filter((f) => f.status === 'applied' && f.verify?.ok !== true)
    .map((f) => f.id);
}
