/**
 * Test support for the code-adding planners (add-code, settings, insert-guard-call,
 * consolidate-helpers): a fixture copied to a temporary directory and opened as a
 * Python project, a plan applied to it the way the engine does (edits, then import
 * requests, re-parsed; new files created), and the fixture's own unittest suite.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits } from '../../src/core/edit.js';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import type { Finding } from '../../src/findings/types.js';
import type { ChangePlan } from '../../src/python/change-plan.js';
import { planAddImport, planRemoveImportIfUnused } from '../../src/python/import-edits.js';
import { parsePython, syntaxProblems } from '../../src/python/parser.js';
import { openProject, type StandaloneProject } from '../../src/python/project/index.js';
import { copyTree, tempDir } from '../harness.js';
import { REPO_ROOT } from '../helpers.js';

export const FIXTURES = path.join(REPO_ROOT, 'fixtures');

function pythonFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!['__pycache__', 'node_modules', '.git'].includes(e.name))
        out.push(...pythonFiles(root, rel));
    } else if (e.name.endsWith('.py')) out.push(rel);
  }
  return out.sort();
}

/** A temporary copy of `fixtures/<name>`, opened as a project. */
export class FixtureProject {
  private opened: StandaloneProject | undefined;

  constructor(readonly dir: string) {}

  static copy(name: string): FixtureProject {
    const dir = tempDir(`remedy-${name}-`);
    copyTree(path.join(FIXTURES, name), dir);
    return new FixtureProject(dir);
  }

  /** The project over the copy as it is now (re-opened after `write`). */
  get project() {
    this.opened ??= openProject(this.dir, pythonFiles(this.dir));
    return this.opened.project;
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  /** Apply a plan: every file must re-parse; returns the new texts by path. */
  apply(plan: ChangePlan): Record<string, string> {
    const out: Record<string, string> = {};
    for (const change of plan.files) {
      let text = applyEdits(this.read(change.path), change.edits);
      for (const req of change.addImports)
        text = step(text, (t, tree) => planAddImport(t, tree, req));
      for (const req of change.dropImportsIfUnused) {
        text = step(text, (t, tree) => planRemoveImportIfUnused(t, tree, req));
      }
      out[change.path] = text;
    }
    for (const created of plan.creates) out[created.path] = created.text;
    for (const [file, text] of Object.entries(out)) {
      const tree = parsePython(text);
      const problems = syntaxProblems(tree);
      tree.delete();
      if (problems.length > 0) throw new Error(`${file} does not parse after the plan:\n${text}`);
      fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
      fs.writeFileSync(path.join(this.dir, file), text);
    }
    this.opened?.dispose();
    this.opened = undefined;
    return out;
  }

  /** `python3 -m unittest discover` in the copy. */
  unittest(): { ok: boolean; output: string } {
    const run = spawnSync('python3', ['-m', 'unittest', 'discover'], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.slice(-3000) };
  }

  dispose(): void {
    this.opened?.dispose();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function step(
  text: string,
  plan: (t: string, tree: ReturnType<typeof parsePython>) => ReturnType<typeof planAddImport>,
): string {
  const tree = parsePython(text);
  try {
    const edit = plan(text, tree);
    return edit ? applyEdits(text, [edit]) : text;
  } finally {
    tree.delete();
  }
}

const audits = new Map<string, readonly Finding[]>();

/** A finding of `fixtures/<name>/docs/AUDIT.md`. */
export function fixtureFinding(name: string, id: string): Finding {
  let findings = audits.get(name);
  if (!findings) {
    const doc = path.join(FIXTURES, name, 'docs/AUDIT.md');
    findings = parseFindingsDocument(fs.readFileSync(doc, 'utf8'), 'docs/AUDIT.md').findings;
    audits.set(name, findings);
  }
  const found = findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id} in fixtures/${name}/docs/AUDIT.md`);
  return found;
}
