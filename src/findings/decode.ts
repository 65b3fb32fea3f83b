/**
 * Bytes of an audit document -> text, refusing what is not UTF-8 markdown: binary data,
 * UTF-16, invalid UTF-8 (a Latin-1 file would otherwise put U+FFFD into the code it
 * feeds to transforms), JSON and HTML. Errors name the file, the line and the fix.
 */
import { InputError } from '../core/errors.js';

/** The document's text (a UTF-8 byte-order mark dropped). */
export function decodeDocument(bytes: Uint8Array, docPath: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError('the document is UTF-16, not UTF-8', {
      location: { file: docPath, line: 1 },
      hint: `convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8 ${docPath} > converted.md`,
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError('the document is not text (binary content)', {
      location: { file: docPath, line: lineAt(bytes, nul) },
      hint: 'give a markdown (.md / .txt) audit document',
    });
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new InputError(`the document is not valid UTF-8 (byte 0x${byte})`, {
      location: { file: docPath, line: lineAt(bytes, bad) },
      hint: `it looks like Latin-1 or Windows-1252; convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 ${docPath} > converted.md`,
    });
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = new TextDecoder('utf-8').decode(bytes.subarray(start));
  rejectOtherFormats(text, docPath);
  return text;
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    if (length === 3 && !validThree(b, bytes[i + 1] ?? 0)) return i;
    if (length === 4 && !validFour(b, bytes[i + 1] ?? 0)) return i;
    i += length;
  }
  return -1;
}

/** No overlong forms (E0 80..9F) and no surrogates (ED A0..BF). */
function validThree(lead: number, next: number): boolean {
  if (lead === 0xe0) return next >= 0xa0;
  if (lead === 0xed) return next <= 0x9f;
  return true;
}

/** No overlong forms (F0 80..8F) and nothing past U+10FFFF (F4 90..). */
function validFour(lead: number, next: number): boolean {
  if (lead === 0xf0) return next >= 0x90;
  if (lead === 0xf4) return next <= 0x8f;
  return true;
}

function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** JSON and HTML are text but not markdown audits. */
function rejectOtherFormats(text: string, docPath: string): void {
  const start = text.trimStart();
  const format = /^<(!doctype html|html)\b/i.test(start)
    ? 'HTML'
    : /^[{[]/.test(start) && isJson(start)
      ? 'JSON'
      : null;
  if (format) {
    throw new InputError(`the document is ${format}, not markdown`, {
      location: { file: docPath, line: 1 },
      hint: 'give the audit as markdown (headings or tables with finding IDs)',
    });
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
