/**
 * The transform test harness. `defineFixtureTests(transform, dir)` runs every case in
 * `__testfixtures__/` through the real engine on a temporary directory and checks the
 * invariants (expected output, output parses, second run is a no-op);
 * `assertTransform(before, after, options)` does the same for an inline case.
 *
 * File-transform cases: `<case>.input.py` + `<case>.output.py` (no output file means
 * "must stay unchanged"; `.ts`, `.tsx`, `.js`... work the same way and run as
 * `case.<ext>`), optional `<case>.options.json`: `{ "options": {...},
 * "targetVersion": "py39", "unsafe": true, "notes": ["substring", ...] }`.
 *
 * Project-transform cases: a directory `<case>/` with `input/` (a small repository),
 * `output/` (the expected tree; absent = unchanged; a file it lacks was deleted), and optional `case.json`:
 * `{ "options": {...}, "paths": [...], "refusal": "substring of the error" }`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { RefusalError } from '../src/core/errors.js';
import type { FileResult } from '../src/core/result.js';
import { stripIndent } from '../src/core/text.js';
import type { AnyTransform } from '../src/engine/contract.js';
import { type RunOutcome, type RunRequest, runTransform } from '../src/engine/run.js';
import { loadPython, parsePython, syntaxProblems } from '../src/python/parser.js';
import { parsePythonVersion } from '../src/python/version.js';
import { checkTsSyntax } from '../src/typescript/parse.js';

export interface CaseSettings {
  readonly options?: Record<string, unknown>;
  readonly targetVersion?: string;
  readonly unsafe?: boolean;
  /** Substrings that must appear in the notes or failure messages. */
  readonly notes?: readonly string[];
  /** Project cases: paths to run on (default: the whole input tree). */
  readonly paths?: readonly string[];
  /** Project cases: the run must fail/refuse with a message containing this. */
  readonly refusal?: string;
  /** Run the semantic guard (default true). */
  readonly guard?: boolean;
  /** Format edited regions with ruff (default false). */
  readonly format?: boolean;
}

export function tempDir(prefix = 'remedy-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

/** Every file of a directory tree as { relativePath: text }. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '__pycache__') walk(abs);
      } else out[path.relative(dir, abs).split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** `runTransform` over the whole of `root` as tests run it: safe fixes, guard on, no formatting, one thread. */
export function runIn(
  root: string,
  transform: AnyTransform,
  extra: Partial<RunRequest> = {},
): Promise<RunOutcome> {
  return runTransform({
    root,
    transform,
    options: {},
    paths: [],
    allowUnsafe: false,
    format: false,
    guard: true,
    workers: 0,
    ...extra,
  });
}

function runOn(
  root: string,
  transform: AnyTransform,
  settings: CaseSettings,
  paths: readonly string[],
): Promise<RunOutcome> {
  const targetVersion = settings.targetVersion
    ? parsePythonVersion(settings.targetVersion)
    : undefined;
  return runIn(root, transform, {
    options: settings.options ?? {},
    paths,
    allowUnsafe: !!settings.unsafe,
    format: !!settings.format,
    guard: settings.guard !== false,
    ...(targetVersion ? { targetVersion } : {}),
  });
}

/** Everything a run said (diagnostics, failures, skips), as text. */
function messages(outcome: RunOutcome): string {
  const parts: string[] = outcome.diagnostics.map((n) => n.message);
  for (const r of outcome.results) {
    parts.push(...r.diagnostics.map((n) => n.message));
    if (r.kind === 'failed') parts.push(r.error);
    if (r.kind === 'skipped') parts.push(r.reason);
  }
  return parts.join('\n');
}

/** A run's error as the CLI prints it: a refusal with its problems one per line. */
function errorText(error: Error): string {
  return error instanceof RefusalError ? error.detail() : error.message;
}

/** TS/JS paths (parsed with TypeScript); `<case>.input.<ext>` is a TS/JS file case. */
const SCRIPT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const isScriptCase = (name: string) => SCRIPT.test(name) && name.includes('.input.');

/** The output must parse: as TS/JS when `label` is such a path, else as Python. */
function expectParses(text: string, label: string): void {
  if (SCRIPT.test(label)) {
    expect(checkTsSyntax(label, text), `${label} must parse`).toEqual([]);
    return;
  }
  const tree = parsePython(text);
  try {
    expect(syntaxProblems(tree), `${label} must parse`).toEqual([]);
  } finally {
    tree.delete();
  }
}

function onlyResult(outcome: RunOutcome): FileResult {
  // A project transform that touches nothing reports no file at all: unchanged.
  if (outcome.results.length === 0) return { kind: 'unchanged', path: 'case.py', diagnostics: [] };
  expect(outcome.results).toHaveLength(1);
  return outcome.results[0]!;
}

/** Run a file transform on `before`; return the output text and the outcome. */
export async function transformText(
  transform: AnyTransform,
  before: string,
  settings: CaseSettings = {},
  fileName = 'case.py',
): Promise<{ output: string; outcome: RunOutcome }> {
  await loadPython();
  const root = tempDir();
  try {
    fs.writeFileSync(path.join(root, fileName), before);
    const outcome = await runOn(root, transform, settings, [fileName]);
    const result = onlyResult(outcome);
    const output = result.kind === 'changed' ? result.after : before;
    return { output, outcome };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Check one file case: expected output, parses, idempotent, expected notes. */
export async function checkFileCase(
  transform: AnyTransform,
  before: string,
  expected: string,
  settings: CaseSettings = {},
  fileName = 'case.py',
): Promise<void> {
  const first = await transformText(transform, before, settings, fileName);
  const result = onlyResult(first.outcome);
  expect(result.kind, `unexpected failure: ${messages(first.outcome)}`).not.toBe('failed');
  expect(first.output).toBe(expected);
  expect(result.kind).toBe(expected === before ? 'unchanged' : 'changed');
  expectParses(first.output, fileName);
  for (const note of settings.notes ?? []) expect(messages(first.outcome)).toContain(note);
  if (result.kind === 'changed') {
    const second = await transformText(transform, first.output, settings, fileName);
    expect(second.output, 'a second run must change nothing (idempotence)').toBe(first.output);
  }
}

/** Inline case: `assertTransform(transform, before, after, settings)`, both dedented. */
export function assertTransform(
  transform: AnyTransform,
  before: string,
  after: string,
  settings: CaseSettings = {},
): Promise<void> {
  return checkFileCase(transform, stripIndent(before), stripIndent(after), settings);
}

/** Inline "leave this alone" case. */
export function assertUnchanged(
  transform: AnyTransform,
  source: string,
  settings: CaseSettings = {},
): Promise<void> {
  const text = stripIndent(source);
  return checkFileCase(transform, text, text, settings);
}

function readSettings(file: string): CaseSettings {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as CaseSettings) : {};
}

/**
 * The fixture cases of a transform directory (`transforms/<id>`): Python file cases by
 * name, TS/JS file cases by input file name (`literal.input.tsx`), project cases by name.
 */
export function fixtureCases(dir: string): {
  fileCases: string[];
  scriptCases: string[];
  projectCases: string[];
} {
  const fixtures = path.join(dir, '__testfixtures__');
  if (!fs.existsSync(fixtures)) return { fileCases: [], scriptCases: [], projectCases: [] };
  const entries = fs.readdirSync(fixtures, { withFileTypes: true });
  return {
    fileCases: entries
      .filter((e) => e.name.endsWith('.input.py'))
      .map((e) => e.name.replace(/\.input\.py$/, ''))
      .sort(),
    scriptCases: entries
      .filter((e) => isScriptCase(e.name))
      .map((e) => e.name)
      .sort(),
    projectCases: entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort(),
  };
}

/** One test per fixture case of `transforms/<id>/__testfixtures__`. */
export function defineFixtureTests(transform: AnyTransform, dir: string): void {
  const fixtures = path.join(dir, '__testfixtures__');
  const { fileCases, scriptCases, projectCases } = fixtureCases(dir);
  if (fileCases.length + scriptCases.length + projectCases.length === 0)
    throw new Error(`no fixture cases in ${fixtures}`);
  it.each(fileCases)('fixture %s', async (name) => {
    const before = fs.readFileSync(path.join(fixtures, `${name}.input.py`), 'utf8');
    const outputFile = path.join(fixtures, `${name}.output.py`);
    const expected = fs.existsSync(outputFile) ? fs.readFileSync(outputFile, 'utf8') : before;
    await checkFileCase(
      transform,
      before,
      expected,
      readSettings(path.join(fixtures, `${name}.options.json`)),
    );
  });
  it.each(scriptCases)('fixture %s', async (input) => {
    const ext = input.slice(input.lastIndexOf('.'));
    const name = input.slice(0, -`.input${ext}`.length);
    const before = fs.readFileSync(path.join(fixtures, input), 'utf8');
    const outputFile = path.join(fixtures, `${name}.output${ext}`);
    const expected = fs.existsSync(outputFile) ? fs.readFileSync(outputFile, 'utf8') : before;
    const settings = readSettings(path.join(fixtures, `${name}.options.json`));
    await checkFileCase(transform, before, expected, settings, `case${ext}`);
  });
  it.each(projectCases)('project fixture %s', async (name) => {
    await checkProjectCase(transform, path.join(fixtures, name));
  });
}

/** Check a project case directory (input/, output/, case.json). */
export async function checkProjectCase(transform: AnyTransform, caseDir: string): Promise<void> {
  await loadPython();
  const settings = readSettings(path.join(caseDir, 'case.json'));
  const root = tempDir();
  try {
    copyTree(path.join(caseDir, 'input'), root);
    const before = readTree(root);
    const outcome = await runOn(root, transform, settings, settings.paths ?? []).catch(
      (error: Error) => error,
    );
    if (settings.refusal !== undefined) {
      const text = outcome instanceof Error ? errorText(outcome) : messages(outcome);
      expect(text).toContain(settings.refusal);
      if (!(outcome instanceof Error))
        expect(outcome.results.some((r) => r.kind === 'failed')).toBe(true);
      return;
    }
    if (outcome instanceof Error) throw outcome;
    const failures = outcome.results.filter((r) => r.kind === 'failed');
    expect(failures, messages(outcome)).toEqual([]);
    const expectedDir = path.join(caseDir, 'output');
    const expected = fs.existsSync(expectedDir) ? readTree(expectedDir) : before;
    const after = { ...before };
    for (const r of outcome.results) if (r.kind === 'changed') after[r.path] = r.after;
    for (const r of outcome.results) if (r.kind === 'changed' && r.deleted) delete after[r.path];
    expect(after).toEqual(expected);
    for (const [file, text] of Object.entries(after))
      if (file.endsWith('.py') || SCRIPT.test(file)) expectParses(text, file);
    for (const note of settings.notes ?? []) expect(messages(outcome)).toContain(note);
    // Idempotence: apply, run again, nothing changes.
    for (const r of outcome.results) {
      if (r.kind === 'changed' && r.deleted) fs.rmSync(path.join(root, r.path));
      else if (r.kind === 'changed') fs.writeFileSync(path.join(root, r.path), r.after);
    }
    const again = await runOn(root, transform, settings, settings.paths ?? []);
    expect(
      again.results.filter((r) => r.kind !== 'unchanged').map((r) => `${r.path}: ${r.kind}`),
      'second run must be a no-op',
    ).toEqual([]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
