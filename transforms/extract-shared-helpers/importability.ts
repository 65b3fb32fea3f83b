/**
 * Whether every source can import the shared module: the target must have a module
 * name under the import roots (a `lambda/` directory never does: `lambda` is a
 * keyword), that name must not be taken by another file, and each source must run
 * with the target's import root on its path (it lives under that root or already
 * imports from it) with nothing next to it shadowing the top-level package.
 */
import path from 'node:path/posix';
import { topLevelImports } from '../../src/python/imports.js';
import { PYTHON_KEYWORDS } from '../../src/python/names.js';
import { type ModuleFile, ModuleMap } from '../../src/python/project/module-map.js';
import type { PythonProject } from '../../src/python/project/project.js';

/** The module a (possibly new) file is, under the project's roots. */
export function moduleOfPath(project: PythonProject, file: string): ModuleFile | undefined {
  return project.modules.moduleOf(file) ?? new ModuleMap([file], project.roots).moduleOf(file);
}

function rootLabel(rootPath: string): string {
  return rootPath === '' ? 'the repository root' : rootPath;
}

/** Why `file` has no module name. */
function unnamedReason(project: PythonProject, file: string): string {
  const roots = project.roots.filter((r) => r.path === '' || file.startsWith(`${r.path}/`));
  const best = roots.sort((a, b) => b.path.length - a.path.length)[0];
  const roots_ = project.roots.map((r) => rootLabel(r.path)).join(', ');
  if (!best) return `${file} is not under any import root (${roots_})`;
  const rel = best.path ? file.slice(best.path.length + 1) : file;
  const parts = rel.replace(/\.py$/, '').split('/');
  const keyword = parts.find((p) => PYTHON_KEYWORDS.has(p));
  if (keyword) {
    return `${file} cannot be imported: \`${keyword}\` is a Python keyword, so no import statement can name that path`;
  }
  const invalid = parts.find((p) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p));
  return `${file} cannot be imported: \`${invalid}\` is not a valid module name`;
}

function sourceSeesRoot(project: PythonProject, source: string, rootPath: string): boolean {
  if (project.modules.moduleOf(source)?.root.path === rootPath) return true;
  const analysis = project.analysis(source);
  if (!analysis) return false;
  return topLevelImports(analysis.tree).some((stmt) => {
    const names =
      stmt.kind === 'from'
        ? [project.modules.resolveRelative(source, stmt.level, stmt.module)]
        : stmt.names.map((n) => n.name);
    return names.some((m) => !!m && project.fileOf(m)?.root.path === rootPath);
  });
}

/** A file or package next to a script source that shadows the target's top-level package. */
function shadowNextTo(project: PythonProject, source: string, top: string): string | undefined {
  if (project.modules.moduleOf(source)) return undefined;
  const dir = path.dirname(source);
  const prefix = dir === '.' ? '' : `${dir}/`;
  return project.files.find((f) => f === `${prefix}${top}.py` || f.startsWith(`${prefix}${top}/`));
}

/** The module of `source` when the (existing) target imports it at module level. */
function importsModuleOf(
  project: PythonProject,
  target: string,
  source: string,
): string | undefined {
  const sourceModule = project.moduleName(source);
  const analysis = sourceModule ? project.analysis(target) : undefined;
  if (!analysis) return undefined;
  const imported = topLevelImports(analysis.tree).some((stmt) => {
    const from = project.modules.resolveRelative(target, stmt.level, stmt.module);
    const names =
      stmt.kind === 'from'
        ? [from, ...stmt.names.map((n) => `${from}.${n.name}`)]
        : stmt.names.map((n) => n.name);
    return names.includes(sourceModule);
  });
  return imported ? sourceModule : undefined;
}

/** Why the target cannot be imported from every source; empty when it can. */
export function importabilityProblems(
  project: PythonProject,
  target: string,
  sources: readonly string[],
): string[] {
  const module = moduleOfPath(project, target);
  if (!module) return [unnamedReason(project, target)];
  const taken = project.fileOf(module.name);
  if (taken && taken.path !== target) {
    return [`\`${module.name}\` already names ${taken.path}, which comes first on the import path`];
  }
  const problems: string[] = [];
  const top = module.name.split('.')[0]!;
  for (const source of new Set(sources)) {
    if (source === target) continue;
    if (!sourceSeesRoot(project, source, module.root.path)) {
      problems.push(
        `${source} is not under ${rootLabel(module.root.path)} and imports nothing from it, so \`${module.name}\` may not be importable when it runs`,
      );
    }
    const shadow = shadowNextTo(project, source, top);
    if (shadow) problems.push(`${shadow} next to ${source} would shadow the package \`${top}\``);
    const cycle = importsModuleOf(project, target, source);
    if (cycle) {
      problems.push(
        `${target} imports \`${cycle}\` (${source}): importing ${module.name} there would be circular`,
      );
    }
  }
  return problems;
}
