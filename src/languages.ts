/**
 * The languages remedy knows, registered with the engine (which knows none by itself).
 * Commands that run transforms call `registerBuiltinLanguages()` first; to add a
 * language, write its adapter (see `src/engine/language.ts`) and register it here.
 */
import { registerLanguage } from './engine/language.js';

export async function registerBuiltinLanguages(): Promise<void> {
  const { default: python } = await import('./python/adapter.js');
  registerLanguage(python);
}
