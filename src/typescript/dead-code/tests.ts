/**
 * Tests that go with dead code. A test file that refers to the code being deleted is
 * its companion — deleted with it, its references not counting as uses — when every
 * project module it imports is that code (only names being deleted) or test support
 * (a module in a test directory, or one only test files import). A test that also
 * covers live code is not a companion: its references keep the code alive.
 */
import path from 'node:path/posix';
import { ts } from 'ts-morph';
import type { TsProjectView } from '../project-view.js';

const TEST_FILE = /(^|\/)__tests__\/|\.(test|spec)\.[cm]?[jt]sx?$/;
const SUPPORT_DIRS = new Set([
  'test',
  'tests',
  'testing',
  '__tests__',
  '__mocks__',
  'test-utils',
  'testutils',
]);

export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file);
}

/** What is deleted from the module: some of its exports (by exported name), or all of it. */
export type DeletedExports = ReadonlySet<string> | 'all';

export interface Companions {
  /** Test files that go with the code. */
  readonly tests: readonly string[];
  /** Test files that refer to it but test other code too, with what else they import. */
  readonly kept: ReadonlyMap<string, string>;
}

/** Which of `candidates` (files referring to the dead code) are its companion tests. */
export function companionTests(
  view: TsProjectView,
  file: string,
  deleted: DeletedExports,
  candidates: Iterable<string>,
): Companions {
  const tests: string[] = [];
  const kept = new Map<string, string>();
  const support = new Map<string, boolean>();
  for (const test of new Set(candidates)) {
    if (!isTestFile(test) || test === file) continue;
    const other = otherImport(view, test, file, deleted, support);
    if (other) kept.set(test, other);
    else tests.push(test);
  }
  return { tests: tests.sort(), kept };
}

/** The first import of `test` that is neither the dead code nor test support, described. */
function otherImport(
  view: TsProjectView,
  test: string,
  file: string,
  deleted: DeletedExports,
  support: Map<string, boolean>,
): string | undefined {
  const sf = view.tsFile(test);
  if (!sf) return undefined;
  for (const s of sf.statements) {
    if (!(ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) || !s.moduleSpecifier) continue;
    if (!ts.isStringLiteral(s.moduleSpecifier)) continue;
    const target = view.resolve(s.moduleSpecifier.text, test);
    if (!target || target.endsWith('.d.ts') || !view.tsFile(target)) continue;
    if (target === file) {
      const live = liveNames(s, deleted);
      if (live.length > 0)
        return `it also imports \`${live.join('`, `')}\` from ${file}, which stay`;
      continue;
    }
    let isSupport = support.get(target);
    if (isSupport === undefined) {
      isSupport = isTestSupport(view, target);
      support.set(target, isSupport);
    }
    if (!isSupport) return `it also imports ${target}`;
  }
  return undefined;
}

/** Names an import of the dead module binds that are not being deleted. */
function liveNames(
  s: ts.ImportDeclaration | ts.ExportDeclaration,
  deleted: DeletedExports,
): string[] {
  if (deleted === 'all') return [];
  const names: string[] = [];
  const clause = ts.isImportDeclaration(s) ? s.importClause : undefined;
  if (clause?.name) names.push('default');
  const bindings = ts.isImportDeclaration(s) ? clause?.namedBindings : s.exportClause;
  if (!bindings || ts.isNamespaceImport(bindings) || ts.isNamespaceExport(bindings)) return ['*'];
  for (const e of bindings.elements) names.push((e.propertyName ?? e.name).text);
  return names.filter((n) => !deleted.has(n));
}

/** A module in a test directory, or one that only test files import. */
function isTestSupport(view: TsProjectView, module: string): boolean {
  if (isTestFile(module)) return true;
  if (
    path
      .dirname(module)
      .split('/')
      .some((d) => SUPPORT_DIRS.has(d))
  )
    return true;
  const sf = view.sourceFile(module);
  const importers = sf?.getReferencingSourceFiles() ?? [];
  return importers.length > 0 && importers.every((i) => isTestFile(view.rel(i.getFilePath())));
}
