/**
 * The languages remedy knows, registered with the engine (which knows none by itself).
 * Commands that run transforms call `registerBuiltinLanguages()` first; to add a
 * language, write its adapter (see `src/engine/language.ts`) and register it here.
 */
import { registerLanguage } from './engine/language.js';

export async function registerBuiltinLanguages(): Promise<void> {
  const { default: python } = await import('./python/adapter.js');
  registerLanguage(python);
  registerLanguage((await import('./typescript/adapter.js')).default);
}

/**
 * The adapters worker threads started ahead of a run load before they know their job
 * (the same URLs the adapters report as `module`): Python only, since it is cheap; the
 * TypeScript adapter loads ts-morph, so a worker loads it only for a TypeScript job.
 */
export function languageModulesToLoadAhead(): string[] {
  return [new URL('./python/adapter.js', import.meta.url).href];
}
