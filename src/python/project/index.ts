/**
 * The Python project model: import roots, module names <-> files, per-module scopes
 * (bindings and resolved references) and cross-module resolution and references.
 *
 * In a project transform, `ctx.project` is a `PythonProject` over every Python file of
 * the repository, sharing the parsed trees of `ctx.file(path)`:
 *
 * ```ts
 * const project = ctx.project;
 * project.moduleName('backend/src/app/db/engine.py');        // 'app.db.engine'
 * project.fileOf('app.db.connection')?.path;                // 'backend/src/app/db/connection.py'
 * project.category('sqlalchemy');                           // 'third-party'
 * const analysis = project.analysis(path);                  // ModuleAnalysis (scopes, bindings, references)
 * analysis.globalBindings('_use_iam_auth');                 // module-level bindings of a name
 * project.resolve('app.api._parse_body');                   // follows re-exports to the definition
 * const uses = findSymbolUses(project, { path, name });     // every use across the project
 * ```
 *
 * A file transform can analyze its own module without a project: `analyzeModule(ctx.tree)`.
 * Nodes in the model belong to the trees they came from: edit with their offsets.
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
