/**
 * The texts the TypeScript layer reads: an overlay of texts not yet written (earlier
 * findings of a dry run; `null` for a deleted file) over the disk, cached for the life
 * of one reader (one guard call), since files do not change under it.
 */
import fs from 'node:fs';

/** Absolute path -> text, or null when the file is deleted. */
export type Overlay = ReadonlyMap<string, string | null>;

export interface SourceReader {
  /** The file's text, or undefined when it does not exist (or cannot be read). */
  readText(abs: string): string | undefined;
  fileExists(abs: string): boolean;
}

export function sourceReader(overlay: Overlay = new Map()): SourceReader {
  const texts = new Map<string, string | undefined>();
  return {
    readText(abs) {
      if (overlay.has(abs)) return overlay.get(abs) ?? undefined;
      if (texts.has(abs)) return texts.get(abs);
      let text: string | undefined;
      try {
        text = fs.readFileSync(abs, 'utf8');
      } catch {
        text = undefined;
      }
      texts.set(abs, text);
      return text;
    },
    fileExists(abs) {
      if (overlay.has(abs)) return overlay.get(abs) !== null;
      if (texts.has(abs)) return texts.get(abs) !== undefined;
      return fs.statSync(abs, { throwIfNoEntry: false })?.isFile() ?? false;
    },
  };
}
