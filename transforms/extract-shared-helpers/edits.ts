/**
 * The edits of one run, per file: collected from the planners, filtered (edits inside
 * a range that another edit rewrites are dropped), and packed as one fix per file.
 */
import type { Edit } from '../../src/core/edit.js';
import { type Applicability, Fix } from '../../src/core/fix.js';

export class Edits {
  private readonly byFile = new Map<string, Edit[]>();

  add(path: string, edits: readonly Edit[]): void {
    if (edits.length === 0) return;
    this.byFile.set(path, [...(this.byFile.get(path) ?? []), ...edits]);
  }

  /** Drop the edits of `path` inside the range of a `rewrite` edit (the rewrite wins). */
  dropInside(path: string, rewrites: readonly Edit[]): void {
    const edits = this.byFile.get(path);
    if (!edits || rewrites.length === 0) return;
    const overwritten = (e: Edit) =>
      !rewrites.includes(e) && rewrites.some((r) => e.start >= r.start && e.end <= r.end);
    this.byFile.set(
      path,
      edits.filter((e) => !overwritten(e)),
    );
  }

  /** One fix per file that has edits, all with the extraction's applicability. */
  fixes(title: (path: string) => string, applicability: Applicability): [string, Fix][] {
    return [...this.byFile]
      .filter(([, edits]) => edits.length > 0)
      .map(([path, edits]) => [path, Fix.of(title(path), edits, applicability)]);
  }
}
