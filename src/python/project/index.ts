/**
 * The Python project model: import roots, module names <-> files, per-module scopes
 * (bindings and resolved references) and cross-module resolution and references.
 *
 * In a project transform, `ctx.project` is a `PythonProject` over every Python file of
 * the repository (not only the run's paths), sharing the parsed trees of `ctx.file(path)`.
 * Everything is computed on first use and cached: roots and the module map from the file
 * list; a file's `ModuleAnalysis` when something asks about it.
 *
 * ```ts
 * const project = ctx.project;
 * project.roots;                                            // [{ path: 'backend/src', source: 'sys-path', stub: false }, ...]
 * project.moduleName('backend/src/app/db/engine.py');       // 'app.db.engine'
 * project.fileOf('app.db.connection')?.path;                // 'backend/src/app/db/connection.py'
 * project.category('sqlalchemy');                           // 'stdlib' | 'first-party' | 'third-party' | 'future'
 * project.resolve('app.api._parse_body');                   // follows re-exports: { kind: 'symbol', module: 'app.api.admin_request', ... }
 * const analysis = project.analysis(path)!;                 // ModuleAnalysis: scopes, bindings, references
 * analysis.globalBindings('_use_iam_auth');                 // module-level bindings (binding.statement is the def)
 * analysis.lookup(scope, 'name');                           // what `name` would mean read in `scope`
 * project.qualifiedNames(path, reference);                  // ['app.db.connection._use_iam_auth']
 * const uses = findSymbolUses(project, { path, name });     // every use across the project
 * ```
 *
 * Recipes: to prove a definition dead, `findSymbolUses` must return no `imports`,
 * `names` (outside the definition itself), `attributes`, `strings`, `dynamic` or
 * `starImports`; to replace a definition, take `globalBindings(name)[i].statement`
 * (wrapped by `withDecorators` from `../nodes.js`); to move a helper, each `ImportUse`
 * says where and under which local name the old module's copy is imported.
 *
 * A file transform can analyze its own module without a project: `analyzeModule(ctx.tree)`.
 * Nodes in the model belong to the trees they came from: edit with their offsets
 * (`Reference.start`/`end` also cover names inside string annotations).
 */
export { isBuiltin } from './builtins.js';
export { analyzeModule, localQualifiedName, ModuleAnalysis } from './module-analysis.js';
export { type ModuleCategory, type ModuleFile, ModuleMap } from './module-map.js';
export {
  literalAll,
  type ProjectOptions,
  type ProjectSource,
  PythonProject,
  type Resolution,
} from './project.js';
export {
  type AttributeUse,
  type DynamicUse,
  exposesTarget,
  findSymbolUses,
  type ImportUse,
  type NameUse,
  type StringUse,
  type SymbolTarget,
  type SymbolUses,
} from './references.js';
export { type ImportRoot, inferImportRoots, type RootSource } from './roots.js';
export type {
  AttributeChain,
  Binding,
  BindingKind,
  ImportBinding,
  Reference,
  ReferenceContext,
  Scope,
  ScopeKind,
} from './scope-types.js';
export { openProject, type StandaloneProject } from './standalone.js';
