/**
 * remove-dead-code for a whole Python module (`deleteFile: true`): the file is deleted
 * once the project model shows that nothing imports or names it (imports absolute or
 * relative, `__init__` re-exports, `importlib.import_module("...")` and `mock.patch("...")`
 * strings, its file path in a string); otherwise it refuses, listing every importer as
 * file:line. The test modules the finding names (`tests`) go with it, and their own uses
 * of the module do not count; nothing else may import them either.
 */
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { locateModuleFile } from '../../src/python/project/locate.js';
import {
  findModuleImporters,
  type ModuleImporter,
} from '../../src/python/project/module-importers.js';
import type { DeadCodeOptions } from './options.js';

type Ctx = PythonProjectContext<DeadCodeOptions>;

/** Delete the module (and its named tests), or refuse naming what still imports them. */
export function runDeleteModule(ctx: Ctx): void {
  const { file } = ctx.options;
  if (!ctx.exists(file) && !ctx.project.files.some((f) => f.endsWith(`/${file}`))) {
    const message = `${file} does not exist (already deleted, or the document names another path); nothing to do`;
    ctx.report({ severity: 'info', code: 'dead-code/not-defined', message, file });
    return;
  }
  const path = locate(ctx, file);
  if (ctx.project.modules.moduleOf(path)?.isPackage) {
    const message = `refusing to delete ${path}: it is a package's __init__, and deleting it changes what the package is`;
    ctx.refuse({ code: 'dead-code/package-init', message, file: path });
  }
  const tests = (ctx.options.tests ?? []).map((t) => locate(ctx, t));
  const deleted = new Set([path, ...tests]);
  const importers = [path, ...tests].flatMap((p) =>
    findModuleImporters(ctx.project, p, deleted).map((i) => ({ ...i, of: p })),
  );
  if (importers.length > 0) refuseImported(ctx, importers, [...deleted]);
  reportUnimportable(ctx, path);
  for (const p of deleted) ctx.deleteFile(p);
}

/** The repository path of a module the options name; refuses when there is none. */
function locate(ctx: Ctx, file: string): string {
  const located = locateModuleFile(ctx.project, { file });
  if ('problem' in located) {
    const message = `refusing to delete ${file}: ${located.problem}`;
    ctx.refuse({ code: 'dead-code/module-not-found', message });
  }
  return located.path;
}

function refuseImported(
  ctx: Ctx,
  importers: readonly (ModuleImporter & { of: string })[],
  deleted: readonly string[],
): never {
  const module = (p: string) => ctx.project.moduleName(p) ?? p;
  ctx.refuse(
    importers.map((i) => ({
      code: 'dead-code/still-imported',
      message: `${i.what}${deleted.length > 1 ? ` (${module(i.of)})` : ''}`,
      file: i.path,
      line: i.line,
    })),
    {
      summary: `refusing to delete ${deleted.join(', ')}: ${importers
        .map((i) => `${i.path}:${i.line}`)
        .join(', ')} still import${importers.length === 1 ? 's' : ''} it, nothing changed`,
      hint: 'remove those imports first, or keep the module',
    },
  );
}

/** A module outside every import root can only be run as a script: say what was checked. */
function reportUnimportable(ctx: Ctx, path: string): void {
  if (ctx.project.moduleName(path) !== undefined) return;
  const message = `${path} is under no import root, so no import can reach it; only strings naming its file were looked for`;
  ctx.report({ severity: 'info', code: 'dead-code/not-importable', message, file: path });
}
