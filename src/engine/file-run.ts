/**
 * A file-reading transform on one file: read it (or rule it out by the prefilter),
 * parse it once, run the transform until its fixes are stable (`fixUntilStable`; every
 * later tree comes from an incremental re-parse), then settle the file in the pipeline.
 */
import { appliedEdits, fixUntilStable } from '../core/apply.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Fix } from '../core/fix.js';
import type { FileResult } from '../core/result.js';
import { Emitted, FileRunContext, mergeImports, noImports, SkipFile } from './context.js';
import type { AnyTransform, TransformSettings } from './contract.js';
import { languageOf } from './language.js';
import {
  failedFile,
  heldBackDiagnostics,
  importsToResolve,
  runTransformCode,
  selectApplicable,
  settle,
  WorkingFile,
} from './pipeline.js';
import type { SourceStore } from './store.js';

export interface FileRunOptions {
  readonly settings: TransformSettings;
  /** Apply fixes marked unsafe (`--unsafe`). */
  readonly allowUnsafe: boolean;
}

/** Read `path` from the store and transform it (no guard or format yet). */
export function transformStoredFile(
  store: SourceStore,
  path: string,
  transform: AnyTransform,
  options: unknown,
  run: FileRunOptions,
): FileResult {
  const read = store.read(path);
  if (!read.ok) {
    return read.kind === 'binary'
      ? { kind: 'skipped', path, reason: read.reason, diagnostics: [] }
      : { kind: 'failed', path, error: read.reason, diagnostics: [] };
  }
  if (transform.prefilter && !transform.prefilter.test(read.text)) {
    return { kind: 'unchanged', path, diagnostics: [] };
  }
  return transformFile(path, read.text, transform, options, run);
}

/** Run a file-reading transform on one file's text. */
function transformFile(
  path: string,
  text: string,
  transform: AnyTransform,
  options: unknown,
  run: FileRunOptions,
): FileResult {
  const file = WorkingFile.parse(path, languageOf(path), text);
  try {
    const broken = file.syntaxError();
    if (broken) return failedFile(path, `${broken}; remedy only edits files that parse`, []);
    const imports = noImports();
    const diagnostics: Diagnostic[] = [];
    let heldBack: Fix[] = [];
    let applied: readonly Fix[];
    try {
      const produce = (_: string, iteration: number): Fix[] => {
        const emitted = new Emitted();
        const ctx = new FileRunContext(path, file.text, file.tree, options, run.settings, emitted);
        const returned = runTransformCode(transform, () => transform.run(ctx), path);
        const fixes = [
          ...((returned as readonly Fix[] | undefined) ?? []),
          ...(emitted.fixes.get(path) ?? []),
        ];
        mergeImports(imports, emitted.imports.get(path));
        const selection = selectApplicable(fixes, run.allowUnsafe);
        if (iteration === 1) {
          diagnostics.push(
            ...emitted.diagnostics,
            ...heldBackDiagnostics(path, text, selection.heldBack),
          );
          heldBack = selection.heldBack;
        }
        return selection.kept;
      };
      applied = fixUntilStable(text, produce, {
        onApplied: (_, result) => file.advance(appliedEdits(result.applied), result.output),
      }).applied;
    } catch (error) {
      if (error instanceof SkipFile)
        return { kind: 'skipped', path, reason: error.reason, diagnostics };
      return failedFile(path, error, diagnostics);
    }
    return settle(file, {
      before: text,
      applied,
      imports: importsToResolve(imports, applied, heldBack),
      diagnostics,
      heldBack: heldBack.length,
      created: false,
    });
  } finally {
    file.dispose();
  }
}
