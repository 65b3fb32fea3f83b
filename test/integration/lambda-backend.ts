/**
 * Shared by the integration tests on `fixtures/lambda-backend`: a temporary copy of the
 * fixture, its audit's findings, running a transform on the copy the way `remedy apply`
 * does (guard and format on), and the two behaviour checks — the fixture's own unittest
 * suite, and pyright errors compared with the copy's baseline.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { AnyTransform } from '../../src/engine/contract.js';
import { type RunOutcome, runTransform } from '../../src/engine/run.js';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import type { Finding } from '../../src/findings/types.js';
import { allRecognizers } from '../../transforms/recognizers.js';
import { copyTree, tempDir } from '../harness.js';
import { REPO_ROOT } from '../helpers.js';

export const LAMBDA_BACKEND = path.join(REPO_ROOT, 'fixtures/lambda-backend');
/** Time for one finding: the transform, the fixture's suite and a pyright run. */
export const STEP_TIMEOUT = 180_000;
const PYRIGHT = path.join(REPO_ROOT, 'node_modules/.bin/pyright');

/** Error diagnostics as `file: rule: message` (positions dropped: edits move lines). */
export function pyrightErrors(dir: string): string[] {
  const run = spawnSync(PYRIGHT, ['-p', dir, '--outputjson'], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as {
    generalDiagnostics: { file: string; severity: string; message: string; rule?: string }[];
  };
  return report.generalDiagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${path.relative(dir, d.file)}: ${d.rule ?? ''}: ${d.message.split('\n')[0]}`);
}

/** `python3 -m unittest discover` in `dir`. */
export function unittest(dir: string): { ok: boolean; output: string } {
  const run = spawnSync('python3', ['-m', 'unittest', 'discover'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.slice(-3000) };
}

let audit: readonly Finding[] | undefined;

/** A finding of the fixture's own `docs/AUDIT.md`. */
export function auditFinding(id: string): Finding {
  audit ??= parseFindingsDocument(
    fs.readFileSync(path.join(LAMBDA_BACKEND, 'docs/AUDIT.md'), 'utf8'),
    'docs/AUDIT.md',
  ).findings;
  const found = audit.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id} in the fixture audit`);
  return found;
}

/** A temporary copy of the fixture whose suite passes, with its pyright baseline. */
/** The options `transform`'s recognizer infers for a finding of the fixture's audit. */
export function inferFor(transform: AnyTransform, id: string): unknown {
  const recognizer = allRecognizers.find((r) => r.transform === transform.id);
  return recognizer?.infer(auditFinding(id));
}

export class FixtureCopy {
  private constructor(
    readonly dir: string,
    private readonly baseline: readonly string[],
  ) {}

  static create(prefix: string): FixtureCopy {
    const dir = tempDir(prefix);
    copyTree(LAMBDA_BACKEND, dir);
    const tests = unittest(dir);
    expect(tests.ok, `the fixture's suite must pass before: ${tests.output}`).toBe(true);
    return new FixtureCopy(dir, pyrightErrors(dir));
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  /** Run a transform like `remedy apply` (guard and format on); no file may fail; write the changes. */
  async run(
    transform: AnyTransform,
    options: unknown,
    paths: readonly string[] = [],
  ): Promise<RunOutcome> {
    const outcome = await runTransform({
      root: this.dir,
      transform,
      options,
      paths,
      allowUnsafe: false,
      format: true,
      guard: true,
      workers: 0,
    });
    const failed = outcome.results.filter((r) => r.kind === 'failed');
    expect(failed, JSON.stringify(failed)).toEqual([]);
    for (const r of outcome.results) {
      if (r.kind === 'changed') fs.writeFileSync(path.join(this.dir, r.path), r.after);
    }
    return outcome;
  }

  /** The fixture's suite passes and pyright shows no error the baseline did not have. */
  expectSuiteAndPyright(): void {
    const tests = unittest(this.dir);
    expect(tests.ok, tests.output).toBe(true);
    const fresh = pyrightErrors(this.dir).filter((e) => !this.baseline.includes(e));
    expect(fresh, 'pyright errors introduced by the change').toEqual([]);
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Paths of the changed files of an outcome, sorted. */
export function changedPaths(outcome: RunOutcome): string[] {
  return outcome.results
    .filter((r) => r.kind === 'changed')
    .map((r) => r.path)
    .sort();
}
