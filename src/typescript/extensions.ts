/**
 * The file extensions the TypeScript/JavaScript adapter owns, without loading
 * TypeScript: the engine's registry, discovery and the recognizers need only this.
 */

/** Extensions the adapter owns, with their dot. */
export const TYPESCRIPT_EXTENSIONS: readonly string[] = [
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
];

/** The extension of `path` (lower-cased, with its dot), `.d.ts` counted as `.ts`. */
export function extensionOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot).toLowerCase() : '';
}

/** Whether the TypeScript adapter owns this path (by extension). */
export function isTypeScriptPath(path: string): boolean {
  return TYPESCRIPT_EXTENSIONS.includes(extensionOf(path));
}
