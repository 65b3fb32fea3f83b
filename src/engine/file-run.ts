/**
 * A file-reading transform on one file: read it (or rule it out by the prefilter),
 * parse it once, run the transform until its fixes are stable (`fixUntilStable`; every
 * later tree comes from an incremental re-parse), then settle the file in the pipeline.
 */
import { appliedEdits, fixUntilStable } from '../core/apply.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Fix } from '../core/fix.js';
import type { FileResult } from '../core/result.js';
import {
  Emitted,
  FileRunContext,
  type ImportRequests,
  mergeImports,
  noImports,
  SkipFile,
} from './context.js';
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

/** What the passes over one file gathered besides the fixes. */
interface FileGathered {
  readonly imports: ImportRequests;
  readonly diagnostics: Diagnostic[];
  heldBack: Fix[];
}

/** One pass: run the transform on the file as it is now; its selected fixes. */
function producer(
  file: WorkingFile,
  transform: AnyTransform,
  options: unknown,
  run: FileRunOptions,
  gathered: FileGathered,
): (text: string, iteration: number) => Fix[] {
  const { path } = file;
  return (_, iteration) => {
    const emitted = new Emitted();
    const ctx = new FileRunContext(path, file.text, file.tree, options, run.settings, emitted);
    const returned = runTransformCode(transform, () => transform.run(ctx), path);
    const fixes = [
      ...((returned as readonly Fix[] | undefined) ?? []),
      ...(emitted.fixes.get(path) ?? []),
    ];
    mergeImports(gathered.imports, emitted.imports.get(path));
    const selection = selectApplicable(fixes, run.allowUnsafe);
    if (iteration === 1) {
      const held = heldBackDiagnostics(path, file.text, selection.heldBack);
      gathered.diagnostics.push(...emitted.diagnostics, ...held);
      gathered.heldBack = selection.heldBack;
    }
    return selection.kept;
  };
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
  let result: FileResult | undefined;
  try {
    const broken = file.syntaxError();
    if (broken) return failedFile(path, `${broken}; remedy only edits files that parse`, []);
    const gathered: FileGathered = { imports: noImports(), diagnostics: [], heldBack: [] };
    let applied: readonly Fix[];
    try {
      applied = fixUntilStable(text, producer(file, transform, options, run, gathered), {
        onApplied: (_, result) => file.advance(appliedEdits(result.applied), result.output),
      }).applied;
    } catch (error) {
      const { diagnostics } = gathered;
      if (error instanceof SkipFile)
        return { kind: 'skipped', path, reason: error.reason, diagnostics };
      return failedFile(path, error, diagnostics);
    }
    result = settle(file, {
      env: { root: run.settings.root },
      before: text,
      applied,
      imports: importsToResolve(gathered.imports, applied, gathered.heldBack),
      diagnostics: gathered.diagnostics,
      heldBack: gathered.heldBack.length,
      created: false,
    });
    return result;
  } finally {
    file.dispose(result?.kind === 'changed');
  }
}
