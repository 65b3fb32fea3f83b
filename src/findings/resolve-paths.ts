/**
 * Base names and partial paths (`config.py`, `migrations/utils.py`) matched to the full
 * paths the document gives elsewhere, then one FileRef per path with roles merged.
 */
import type { RawFileRef } from './file-refs.js';
import type { FileRef } from './types.js';

const ROLE_RANK = { create: 3, modify: 2, mention: 1 } as const;

/** Full paths for short names: the finding's own paths first, then the document's. */
export class PathResolver {
  /** The document's full paths by base name (`config.py` -> every `.../config.py`). */
  private readonly byName = new Map<string, string[]>();

  constructor(allRefs: readonly RawFileRef[]) {
    const paths = new Set(
      allRefs.map((r) => r.path).filter((p) => p.includes('/') && !p.endsWith('/')),
    );
    for (const p of paths) {
      const name = baseName(p);
      this.byName.set(name, [...(this.byName.get(name) ?? []), p]);
    }
  }

  resolve(path: string, own: readonly string[]): { path: string; unresolved: boolean } {
    if (path.endsWith('/')) return { path, unresolved: false };
    const ownFull = own.filter((p) => p.includes('/'));
    const match =
      uniqueSuffixMatch(path, ownFull) ??
      uniqueSuffixMatch(path, this.byName.get(baseName(path)) ?? []);
    if (match) return { path: match, unresolved: false };
    return { path, unresolved: !path.includes('/') };
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function uniqueSuffixMatch(path: string, candidates: readonly string[]): string | undefined {
  const matches = candidates.filter((c) => c !== path && c.endsWith(`/${path}`));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Resolve and merge a finding's raw references: one FileRef per path. When the finding
 * lists files, those come first and only they give symbols (prose may name new ones).
 */
export function mergeFileRefs(raw: readonly RawFileRef[], resolver: PathResolver): FileRef[] {
  const own = raw.map((r) => r.path);
  const listed = raw.some((r) => r.explicit);
  const ordered = listed
    ? [...raw.filter((r) => r.explicit), ...raw.filter((r) => !r.explicit)]
    : raw;
  const byPath = new Map<string, FileRef>();
  for (const ref of ordered) {
    const { path, unresolved } = resolver.resolve(ref.path, own);
    const prev = byPath.get(path);
    const counts = !listed || ref.explicit;
    const ranges = [...(prev?.ranges ?? []), ...ref.ranges];
    const role = prev && ROLE_RANK[prev.role] >= ROLE_RANK[ref.role] ? prev.role : ref.role;
    const first = ranges[0];
    byPath.set(path, {
      path,
      ...(first ? { lines: first } : {}),
      ...(ranges.length > 0 ? { ranges: uniqueRanges(ranges) } : {}),
      symbols: [...new Set([...(prev?.symbols ?? []), ...(counts ? ref.symbols : [])])],
      role,
      ...(unresolved ? { unresolved } : {}),
    });
  }
  return [...byPath.values()];
}

function uniqueRanges(
  ranges: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const seen = new Set<string>();
  return ranges.filter((r) => {
    const key = `${r.start}-${r.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The paths a finding is about: its file fields when it has any, else everything it names. */
export function findingFiles(refs: readonly FileRef[]): string[] {
  const listed = refs.filter((r) => r.role !== 'mention');
  return (listed.length > 0 ? listed : refs).map((r) => r.path);
}
