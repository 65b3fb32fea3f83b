/**
 * The settings class a settings step works on: an existing class of the project (found
 * by name; its `env_prefix` read from `model_config` or `class Config`), or a new one in
 * the new module the finding names (`TaskIQSettings(BaseSettings)` with
 * `SettingsConfigDict(env_prefix="TASKIQ_")`). A class the finding names that the project
 * does not have, in a module that exists, stops the plan: the document is wrong.
 */
import type { FieldSpec } from '../../src/python/add-fields.js';
import { type PlanBuilder, problem, refuse } from '../../src/python/change-plan.js';
import { findClasses } from '../../src/python/class-fields.js';
import { locateClass, unknownClass } from '../../src/python/code-target.js';
import { findNameSource } from '../../src/python/name-sources.js';
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';
import type { SettingsOptions } from './options.js';

export interface SettingsClass {
  readonly path: string;
  /** Dotted module of the class's file (for imports), when known. */
  readonly module: string | undefined;
  readonly name: string;
  readonly envPrefix: string;
  readonly created: boolean;
}

/** The env prefix a class declares (`env_prefix="DATABASE_"`), or ''. */
function envPrefixOf(classText: string): string {
  return /\benv_prefix\s*=\s*["']([^"']*)["']/.exec(classText)?.[1] ?? '';
}

/** The dotted module a new file will have: its sibling's package plus its own name. */
function newModuleName(project: PythonProject, path: string): string | undefined {
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  const sibling = project.files.find(
    (f) => f.startsWith(dir) && !f.slice(dir.length).includes('/'),
  );
  const module = sibling ? project.moduleName(sibling) : undefined;
  if (!module) return undefined;
  const isPackage = sibling!.endsWith('__init__.py');
  const pkg = isPackage ? module : module.split('.').slice(0, -1).join('.');
  const name = path.slice(dir.length).replace(/\.py$/, '');
  return pkg ? `${pkg}.${name}` : name;
}

function importLine(project: PythonProject, name: string, near: string, fallback: string): string {
  const source = findNameSource(project, name, near);
  const module =
    source.kind === 'import' && source.request.name === name ? source.request.module : fallback;
  return module;
}

/** The text of a new settings module with the class and its fields. */
function newModuleText(
  project: PythonProject,
  options: SettingsOptions,
  fields: readonly FieldSpec[],
): string {
  const path = options.file!;
  const baseModule = importLine(project, options.base, path, 'pydantic_settings');
  const configModule = importLine(project, 'SettingsConfigDict', path, baseModule);
  const imports =
    baseModule === configModule
      ? [`from ${baseModule} import ${[options.base, 'SettingsConfigDict'].sort().join(', ')}`]
      : [
          `from ${baseModule} import ${options.base}`,
          `from ${configModule} import SettingsConfigDict`,
        ].sort();
  const prefix = options.envPrefix ?? '';
  const where = prefix
    ? ` (environment variables prefixed \`\`${prefix}\`\`)`
    : ' (environment variables)';
  const config = prefix ? `SettingsConfigDict(env_prefix="${prefix}")` : 'SettingsConfigDict()';
  return [
    `"""Settings of this package${where}."""`,
    '',
    ...imports,
    '',
    '',
    `class ${options.class}(${options.base}):`,
    `    model_config = ${config}`,
    '',
    ...fields.map((f) => `    ${f.text}`),
    '',
  ].join('\n');
}

/** Whether the step creates the class (its module does not exist yet). */
export function createsClass(project: PythonProject, options: SettingsOptions): boolean {
  return !!options.file && project.text(options.file) === undefined;
}

/** Create the class in its new module, with its fields; refuses when it exists elsewhere. */
export function planNewSettingsClass(
  project: PythonProject,
  options: SettingsOptions,
  fields: readonly FieldSpec[],
  plan: PlanBuilder,
): SettingsClass {
  const file = options.file!;
  const elsewhere = findClasses(project, options.class);
  if (elsewhere.length > 0) {
    const where = elsewhere.map((c) => `${c.path}:${c.line}`).join(', ');
    refuse(
      problem(
        'settings/class-elsewhere',
        `\`${options.class}\` already exists (${where}); the finding asks to create it in ${file}`,
        { file },
      ),
    );
  }
  plan.create(file, newModuleText(project, options, fields));
  const what = `\`${options.class}(${options.base})\` and ${fields.length} field(s)`;
  plan.info('settings/created', `creates ${file} with ${what}`, { file });
  const module = newModuleName(project, file);
  return {
    path: file,
    module,
    name: options.class,
    envPrefix: options.envPrefix ?? '',
    created: true,
  };
}

/** The existing class; refuses when the document names a class that is not there. */
export function existingSettingsClass(
  project: PythonProject,
  options: SettingsOptions,
): SettingsClass & { readonly cls: Node } {
  const file = options.file;
  if (file && findClasses(project, options.class, [file]).length === 0) {
    refuse(unknownClass(project, options.class, file, 'settings'));
  }
  const located = locateClass(project, options.class, file, 'settings');
  const envPrefix = envPrefixOf(located.cls.text);
  const line = located.cls.startPosition.row + 1;
  if (options.envPrefix !== undefined && options.envPrefix !== envPrefix) {
    refuse(
      problem(
        'settings/env-prefix-differs',
        `\`${options.class}\` reads the prefix "${envPrefix}" (${located.path}:${line}); the finding says "${options.envPrefix}"`,
        { file: located.path, line },
      ),
    );
  }
  const module = project.moduleName(located.path);
  return {
    path: located.path,
    module,
    name: options.class,
    envPrefix,
    created: false,
    cls: located.cls,
  };
}
