/**
 * remove-dead-code (TypeScript) — delete unused exports, components and whole files,
 * with their tests, after the language service finds no reference.
 *
 * What it does: deletes the named top-level declarations of a module (with their doc
 * comments), the imports only they used, and the module itself when nothing else is
 * left (or `deleteFile`); a test that refers only to that code (and test support) goes
 * with it. Import and re-export bindings of the deleted code that nothing uses go too
 * (an unused `import { X }`, a barrel's `export { X } from`, `export * from` a deleted
 * file). Every other reference — a use in code, a `vi.mock` path, a dynamic `import()`,
 * a side-effect import, a test that also covers live code — makes it refuse, listing
 * each as `file:line`. Next.js route conventions count as references (the default
 * export of `page.tsx`, `layout.tsx`, `error.tsx`...; a `route.ts`'s HTTP methods;
 * `middleware.ts`). Comments that mention a name are not references: they are reported.
 * Why: issue #14, fixture web-app F-03 (`PromoBanner` and its test).
 * Example: `{ "file": "src/components/marketing/PromoBanner.tsx", "names": ["PromoBanner"],
 * "deleteFile": true }` deletes PromoBanner.tsx and PromoBanner.test.tsx.
 * Fix safety: safe: code is removed only when no reference can be found; dynamic access
 * by computed names is the limit, as in the Python form.
 * Options: `file`; `names?` (default: the whole file); `deleteFile?`.
 */
import { ts } from 'ts-morph';
import { Edit } from '../../core/edit.js';
import { removeBindings } from '../import-bindings.js';
import { PlanTexts, problem, refuse, runPlanner, type TsPlanResult } from '../planning.js';
import type { TsProjectView } from '../project-view.js';
import {
  declaredNames,
  deletionRange,
  deletionRanges,
  isDefaultExport,
  topLevelDeclarations,
} from '../top-level.js';
import { frameworkEntries } from './entries.js';
import { reportNowUnused, unusedImportRemovals } from './leftovers.js';
import type { TsDeadCodeOptions } from './options.js';
import {
  commentMentions,
  type Deletion,
  type FoundReference,
  moduleReferences,
  nameReferences,
} from './references.js';
import { companionTests } from './tests.js';

export { deadCodeOptions, type TsDeadCodeOptions } from './options.js';

/** Plan the deletion; a refusal lists every reference with file:line. */
export function planRemoveDeadCode(view: TsProjectView, options: TsDeadCodeOptions): TsPlanResult {
  const texts = new PlanTexts((p) => view.text(p));
  return runPlanner(texts, () => plan(view, options, texts));
}

function plan(view: TsProjectView, options: TsDeadCodeOptions, texts: PlanTexts): void {
  const { file } = options;
  const sf = view.tsFile(file);
  if (!sf) refuse(missingFile(view, file));
  const whole = !options.names || options.deleteFile === true;
  const declarations = declarationsOf(sf, file, options.names, whole);
  frameworkEntries(view, sf, file, declarations, whole);
  const statements = [...new Set([...declarations.values()].flat())];
  const draft: Deletion = {
    file,
    whole,
    ranges: whole ? [] : deletionRanges(sf.text, statements, sf),
    skip: new Set(),
  };
  let refs = nameReferences(view, draft, declarations);
  if (whole) refs = [...refs, ...moduleReferences(view, draft)];
  const exported = whole ? 'all' : exportedNames(declarations);
  const companions = companionTests(
    view,
    file,
    exported,
    refs.map((r) => r.file),
  );
  const deletion: Deletion = { ...draft, skip: new Set(companions.tests) };
  refs = refs.filter((r) => !deletion.skip.has(r.file));
  refuseUses(file, declarations, refs, companions.kept);
  emit(view, texts, deletion, declarations, refs);
  for (const test of companions.tests) {
    texts.report({
      severity: 'info',
      code: 'dead-code/test-removed',
      message: `${test} tests only the deleted code: deleted with it`,
      file: test,
    });
  }
  reportMentions(view, texts, deletion, [...declarations.keys()]);
}

function missingFile(view: TsProjectView, file: string) {
  return view.text(file) === undefined
    ? problem(
        'dead-code/no-file',
        `there is no file ${file}: it was deleted already, or the document names a file that does not exist`,
      )
    : problem('dead-code/not-in-project', `${file} is not part of the TypeScript project`, file);
}

/** The statements per name to delete; refuses names the file does not declare. */
function declarationsOf(
  sf: ts.SourceFile,
  file: string,
  names: readonly string[] | undefined,
  whole: boolean,
): Map<string, ts.Statement[]> {
  const all = whole ? sf.statements.flatMap(declaredNames) : [];
  const wanted = [...new Set([...(names ?? []), ...all])];
  const out = new Map<string, ts.Statement[]>();
  const absent: string[] = [];
  for (const name of wanted) {
    const found = topLevelDeclarations(sf, name);
    if (found.length === 0) absent.push(name);
    else out.set(name, found);
  }
  if (absent.length > 0) {
    refuse(
      absent.map((n) =>
        problem(
          'dead-code/no-such-name',
          `${file} declares no top-level \`${n}\`: it was removed already, or the document is wrong about the code`,
          file,
        ),
      ),
    );
  }
  return out;
}

/** The export names of the deleted declarations (`default` for a default export). */
function exportedNames(declarations: ReadonlyMap<string, readonly ts.Statement[]>): Set<string> {
  const out = new Set<string>();
  for (const [name, statements] of declarations) {
    out.add(name);
    if (statements.some(isDefaultExport)) out.add('default');
  }
  return out;
}

/** Refuse when any reference is a use, listing every one of them (file, line, the line's code). */
function refuseUses(
  file: string,
  declarations: ReadonlyMap<string, readonly ts.Statement[]>,
  refs: readonly FoundReference[],
  kept: ReadonlyMap<string, string>,
): void {
  const uses = refs.filter((r) => r.kind === 'use');
  if (uses.length === 0) return;
  const names = [...declarations.keys()].map((n) => `\`${n}\``).join(', ');
  const seen = new Set<string>();
  const problems = uses
    .filter((u) => !seen.has(`${u.file}:${u.line}`) && seen.add(`${u.file}:${u.line}`))
    .map((u) => {
      const test = kept.has(u.file) ? ` (a test that is kept: ${kept.get(u.file)})` : '';
      return problem(
        'dead-code/referenced',
        `refers to ${names} of ${file}: ${u.text}${test}`,
        u.file,
        u.line,
      );
    });
  refuse(problems, 'remove or rewrite those references first, or leave these names out');
}

/** The edits: the code (or file), its tests, and the bindings of it that nothing uses. */
function emit(
  view: TsProjectView,
  texts: PlanTexts,
  d: Deletion,
  declarations: ReadonlyMap<string, readonly ts.Statement[]>,
  refs: readonly FoundReference[],
): void {
  const perFile = new Map<string, Edit[]>();
  const add = (file: string, edits: readonly Edit[]) =>
    perFile.set(file, [...(perFile.get(file) ?? []), ...edits]);
  const byDeclaration = new Map<
    ts.ImportDeclaration | ts.ExportDeclaration,
    { file: string; parts: Set<ts.Node> | 'all' }
  >();
  for (const r of refs) {
    if (r.kind !== 'binding' || !r.declaration) continue;
    const entry = byDeclaration.get(r.declaration) ?? { file: r.file, parts: new Set<ts.Node>() };
    if (!r.binding || entry.parts === 'all') entry.parts = 'all';
    else entry.parts.add(r.binding);
    byDeclaration.set(r.declaration, entry);
  }
  for (const [decl, { file, parts }] of byDeclaration) {
    const sf = decl.getSourceFile();
    if (parts !== 'all') add(file, removeBindings(sf.text, sf, decl, parts));
    else {
      const range = deletionRange(sf.text, decl, decl, sf);
      add(file, [Edit.delete(range.start, range.end)]);
    }
  }
  if (!d.whole) {
    const sf = view.tsFile(d.file)!;
    add(
      d.file,
      d.ranges.map((r) => Edit.delete(r.start, r.end)),
    );
    add(d.file, unusedImportRemovals(view, d, sf));
    reportNowUnused(view, texts, d, sf, declarations);
  }
  for (const [file, edits] of perFile) texts.edit(file, edits);
  if (d.whole || onlyImportsLeft(texts, d.file)) texts.delete(d.file);
  for (const test of d.skip) texts.delete(test);
}

/** Whether a module is left with nothing but imports (and comments). */
function onlyImportsLeft(texts: PlanTexts, file: string): boolean {
  const parsed = texts.parsed(file);
  return !!parsed && parsed.sourceFile.statements.every((s) => ts.isImportDeclaration(s));
}

function reportMentions(
  view: TsProjectView,
  texts: PlanTexts,
  d: Deletion,
  names: readonly string[],
): void {
  for (const name of names) {
    for (const m of commentMentions(view, d, name)) {
      texts.report({
        severity: 'info',
        code: 'dead-code/mentioned',
        message: `a comment mentions \`${name}\` (not a reference; left as it is)`,
        file: m.file,
        line: m.line,
      });
    }
  }
}
