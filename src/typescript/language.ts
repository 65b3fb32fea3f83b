/**
 * How TypeScript reads a path: the script kind of its extension, which decides how the
 * file parses (JSX or not, JS or TS). The extensions themselves are in extensions.ts.
 */
import { ts } from 'ts-morph';
import { extensionOf } from './extensions.js';

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

/** Whether the file is JavaScript (no type syntax allowed). */
export function isJavaScriptPath(path: string): boolean {
  const kind = KINDS[extensionOf(path)];
  return kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX;
}

/** How TypeScript parses the file; `.js` parses with JSX allowed, as TypeScript does. */
export function scriptKindOf(path: string): ts.ScriptKind {
  return KINDS[extensionOf(path)] ?? ts.ScriptKind.TS;
}
