/**
 * What the TypeScript/JavaScript language adapter owns: its file extensions, and the
 * TypeScript script kind of a path (which decides how a file parses: JSX or not, JS or TS).
 */
import { ts } from 'ts-morph';

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

const KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** The extension of `path` (lower-cased, with its dot), `.d.ts` counted as `.ts`. */
export function extensionOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot).toLowerCase() : '';
}

/** Whether the TypeScript adapter owns this path (by extension). */
export function isTypeScriptPath(path: string): boolean {
  return extensionOf(path) in KINDS;
}

/** Whether the file is JavaScript (no type syntax allowed). */
export function isJavaScriptPath(path: string): boolean {
  const kind = KINDS[extensionOf(path)];
  return kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX;
}

/** How TypeScript parses the file; `.js` parses with JSX allowed, as TypeScript does. */
export function scriptKindOf(path: string): ts.ScriptKind {
  return KINDS[extensionOf(path)] ?? ts.ScriptKind.TS;
}
