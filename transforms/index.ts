/**
 * The registry of transforms, by id: where each one's module is, so that running one
 * transform loads only that module (and worker threads can load it by URL). Add a
 * transform here (and its recognizer to `recognizers.ts`) to make it available.
 */
import { UsageError } from '../src/core/errors.js';
import type { AnyTransform, LoadedTransform } from '../src/engine/contract.js';
import type { TransformCatalog } from '../src/plan/mapping.js';

/** Each transform's module, imported on demand (the order is the order `remedy transforms` lists). */
const MODULES: Readonly<Record<string, () => Promise<{ default: AnyTransform }>>> = {
  'pep604-optional': () => import('./pep604-optional/index.js'),
  'extract-shared-helpers': () => import('./extract-shared-helpers/index.js'),
  'rename-symbols': () => import('./rename-symbols/index.js'),
  'hoist-imports': () => import('./hoist-imports/index.js'),
  'route-table': () => import('./route-table/index.js'),
  'remove-dead-code': () => import('./remove-dead-code/index.js'),
  'replace-definition': () => import('./replace-definition/index.js'),
  'replace-snippet': () => import('./replace-snippet/index.js'),
  'rewrite-pattern': () => import('./rewrite-pattern/index.js'),
  'create-file': () => import('./create-file/index.js'),
  'add-missing-import': () => import('./add-missing-import/index.js'),
  'ruff-fix': () => import('./ruff-fix/index.js'),
  'add-code': () => import('./add-code/index.js'),
  settings: () => import('./settings/index.js'),
  'insert-guard-call': () => import('./insert-guard-call/index.js'),
  'consolidate-helpers': () => import('./consolidate-helpers/index.js'),
  'imports-first': () => import('./imports-first/index.js'),
  jscodeshift: () => import('./jscodeshift/index.js'),
  'replace-type': () => import('./replace-type/index.js'),
};

const TRANSFORM_IDS: readonly string[] = Object.keys(MODULES);

/** Load one transform by id; UsageError (with the close matches) when there is none. */
export async function loadTransform(id: string): Promise<LoadedTransform> {
  const load = Object.hasOwn(MODULES, id) ? MODULES[id] : undefined;
  if (!load) {
    const close = TRANSFORM_IDS.filter((t) => t.includes(id) || id.includes(t.split('-')[0]!));
    throw new UsageError(`unknown transform "${id}"`, {
      hint: close.length
        ? `did you mean ${close.join(', ')}? ("remedy transforms" lists them all)`
        : 'run "remedy transforms" to list them',
    });
  }
  const transform = (await load()).default;
  return { transform, module: new URL(`./${id}/index.js`, import.meta.url).href };
}

/** Every transform, in registry order. */
export function loadAllTransforms(): Promise<LoadedTransform[]> {
  return Promise.all(TRANSFORM_IDS.map(loadTransform));
}

/**
 * The catalog the planner maps findings with: every recognizer, and every transform by
 * id, its module imported only when a finding maps to it.
 */
export async function loadCatalog(): Promise<TransformCatalog> {
  const { allRecognizers } = await import('./recognizers.js');
  const loaded = new Map<string, Promise<LoadedTransform>>();
  return {
    ids: TRANSFORM_IDS,
    recognizers: allRecognizers,
    load(id) {
      let transform = loaded.get(id);
      if (!transform) {
        transform = loadTransform(id);
        loaded.set(id, transform);
      }
      return transform;
    },
  };
}
