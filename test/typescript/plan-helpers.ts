/**
 * Helpers for the TypeScript planner tests: apply a plan to the texts of a directory
 * (without writing), check what came out parses and type-checks no worse than before,
 * and a compact line diff to assert on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { structuredPatch } from 'diff';
import { expect } from 'vitest';
import { applyEdits } from '../../src/core/edit.js';
import { formatTsDiagnostic } from '../../src/typescript/diagnostics.js';
import { TsWorkspace } from '../../src/typescript/guard.js';
import { checkTsSyntax, describeSyntaxProblems } from '../../src/typescript/parse.js';
import type { TsPlan } from '../../src/typescript/plan.js';

/** The tsconfig of the small test projects: strict, bundler resolution, no ambient types. */
export const SMALL_TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', types: [] },
  include: ['src'],
});

export interface Change {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/** The plan's edits applied to the files' texts (overlay first, then the disk). */
export function applyPlan(
  root: string,
  plan: TsPlan,
  overlay: ReadonlyMap<string, string> = new Map(),
): Change[] {
  return [...plan.edits].map(([rel, edits]) => {
    const before = overlay.get(rel) ?? fs.readFileSync(path.join(root, rel), 'utf8');
    return { path: rel, before, after: applyEdits(before, edits) };
  });
}

/** Every changed file parses, and the type checker finds no error the change introduced. */
export function expectParsesAndTypeChecks(root: string, changes: readonly Change[]): void {
  for (const c of changes) {
    expect(describeSyntaxProblems(checkTsSyntax(c.path, c.after)), c.path).toBeUndefined();
  }
  const errors = new TsWorkspace(root).guard(changes).errors;
  expect(errors.map(formatTsDiagnostic)).toEqual([]);
}

/** `-old` / `+new` lines of a change, in order (no context). */
export function changedLines(change: Change | undefined): string[] {
  if (!change) return [];
  const patch = structuredPatch('a', 'b', change.before, change.after, '', '', { context: 0 });
  return patch.hunks.flatMap((h) => h.lines);
}

/** The changes as an overlay for a second plan (repo-relative path -> text). */
export function overlayOf(changes: readonly Change[]): Map<string, string> {
  return new Map(changes.map((c) => [c.path, c.after]));
}
