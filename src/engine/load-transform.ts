/**
 * Load one transform by id without importing the whole registry: a transform lives in
 * `transforms/<id>/index.js`, so running one does not pay for loading every other
 * transform and its dependencies. Anything else (an unknown id, a transform kept
 * elsewhere) goes through the registry, which also words the errors.
 */
import type { AnyTransform } from './contract.js';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export async function loadTransform(id: string): Promise<AnyTransform> {
  if (KEBAB.test(id)) {
    const url = new URL(`../../transforms/${id}/index.js`, import.meta.url).href;
    const own = await import(url).then(
      (mod: { default?: AnyTransform }) => mod.default,
      () => undefined,
    );
    if (own?.id === id) return own;
  }
  const { getTransform } = await import('../../transforms/index.js');
  return getTransform(id);
}
