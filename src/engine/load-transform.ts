/**
 * Load a transform from the module that exports it, by URL: the engine (and each
 * worker thread) never imports the registry, so running one transform loads only its
 * own module, and a transform kept anywhere can run.
 */
import type { AnyTransform } from './contract.js';

function isTransform(value: unknown): value is AnyTransform {
  const t = value as Partial<AnyTransform> | undefined;
  return typeof t?.id === 'string' && typeof t.run === 'function' && t.options !== undefined;
}

/** The default export of the module at `url`; throws when it is not a transform. */
export async function loadTransformModule(url: string): Promise<AnyTransform> {
  const mod = (await import(url)) as { default?: unknown };
  if (!isTransform(mod.default)) throw new Error(`${url} does not export a transform by default`);
  return mod.default;
}
