/**
 * Reading source files: bytes -> text, refusing binary and non-UTF-8 content with a
 * reason rather than guessing (a wrong guess would corrupt the file on write).
 */
import fs from 'node:fs';
import { fileErrorReason } from '../core/errors.js';

export type ReadOutcome =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly kind: 'binary' | 'encoding' | 'unreadable';
      readonly reason: string;
    };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode file bytes as UTF-8 (a BOM is kept in the text, so it survives a rewrite). */
export function decodeSource(bytes: Uint8Array): ReadOutcome {
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0))
    return { ok: false, kind: 'binary', reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = countLines(bytes, offset);
    return {
      ok: false,
      kind: 'encoding',
      reason: `not valid UTF-8 (first bad byte at line ${line}); remedy edits UTF-8 files only`,
    };
  }
}

export function readSource(absPath: string): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absPath);
  } catch (error) {
    return { ok: false, kind: 'unreadable', reason: `cannot read: ${fileErrorReason(error)}` };
  }
  return decodeSource(bytes);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest invalid prefix (decoding is fatal on a bad sequence).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), {
        stream: true,
      });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
