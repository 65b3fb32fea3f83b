/**
 * Test harness for the TypeScript planners: apply a plan to a temporary project, check
 * the invariants (every output parses, the TypeScript guard finds no new error, a
 * second plan on the result changes nothing), and read the results.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { formatTsDiagnostic } from '../../src/typescript/diagnostics.js';
import { guardTypeScript } from '../../src/typescript/guard.js';
import { checkTsSyntax, describeSyntaxProblems } from '../../src/typescript/parse.js';
import { applyPlan, type TsPlan, type TsPlanResult } from '../../src/typescript/planning.js';
import { copyTree, tempDir } from '../harness.js';
import { REPO_ROOT } from '../helpers.js';

/** The plan of a result that must be planned (the refusal's problems otherwise). */
export function planned(result: TsPlanResult): TsPlan {
  if (result.kind === 'refused') {
    throw new Error(
      `refused: ${result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; ')}`,
    );
  }
  return result.plan;
}

/** The refusal's problems of a result that must be refused. */
export function refusal(result: TsPlanResult) {
  if (result.kind !== 'refused') throw new Error('expected a refusal, got a plan');
  return result;
}

const read = (root: string) => (rel: string) => {
  try {
    return fs.readFileSync(path.join(root, rel), 'utf8');
  } catch {
    return undefined;
  }
};

/** Path -> new text (null: deleted) of a plan on the files under `root`. */
export function planTexts(root: string, plan: TsPlan): Map<string, string | null> {
  return applyPlan(plan, read(root));
}

/** Every output parses and the guard finds no new TypeScript error; returns the new texts. */
export function checkPlan(root: string, plan: TsPlan): Map<string, string | null> {
  const texts = planTexts(root, plan);
  for (const [rel, text] of texts) {
    if (text !== null)
      expect(describeSyntaxProblems(checkTsSyntax(rel, text)), rel).toBeUndefined();
  }
  const changes = [...texts].map(([rel, after]) => ({
    path: rel,
    before: read(root)(rel) ?? null,
    after,
  }));
  const result = guardTypeScript(root, changes);
  expect(result.errors.map(formatTsDiagnostic)).toEqual([]);
  return texts;
}

/** Write the plan's results under `root` (created files, edits, deletions). */
export function writePlan(root: string, plan: TsPlan): void {
  for (const [rel, text] of planTexts(root, plan)) {
    const abs = path.join(root, rel);
    if (text === null) fs.rmSync(abs);
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
    }
  }
}

/** The overlay (absolute path -> text) a second plan sees the first one's results through. */
export function overlayOf(root: string, plan: TsPlan): Map<string, string | null> {
  return new Map([...planTexts(root, plan)].map(([rel, t]) => [path.join(root, rel), t]));
}

/** Whether a plan changes nothing. */
export function isEmptyPlan(plan: TsPlan): boolean {
  return plan.edits.size === 0 && plan.created.size === 0 && plan.deleted.length === 0;
}

/** The tsconfig of the small test projects: strict, bundler resolution, JSX preserved, `src/`. */
export const SMALL_TSCONFIG = JSON.stringify({
  compilerOptions: {
    strict: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    jsx: 'preserve',
    noEmit: true,
  },
  include: ['src'],
});

/** A fresh copy of fixtures/web-app in a temporary directory; its root. */
export function webAppCopy(prefix: string): string {
  const root = path.join(tempDir(prefix), 'web-app');
  copyTree(path.join(REPO_ROOT, 'fixtures', 'web-app'), root);
  return root;
}
