/**
 * Does a finding ask for renames? A rename table (`Current name | New name | File`) or
 * wording like "rename `_x` to `y`" / "`path.py` — rename to `y()`" (B-QUAL-01, B-DUP-02).
 */
import type { Finding, FindingTable } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import { isPythonPath } from '../../src/python/files.js';
import type { RenameOptions, RenameRequest } from './options.js';

/** `_parse_body()` / `` `x` `` -> `_parse_body`. */
function bareName(cell: string): string | undefined {
  const m = /^[`*\s]*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(\))?[`*\s]*$/.exec(cell);
  return m?.[1];
}

/** The finding's full path for a file cell (`admin_request.py`), when it names one. */
function fullPath(finding: Finding, cell: string): string {
  const file = cell.replace(/[`*]/g, '').trim();
  const matches = finding.files.filter((f) => f === file || f.endsWith(`/${file}`));
  return matches.length === 1 ? matches[0]! : file;
}

function column(table: FindingTable, pattern: RegExp): number {
  return table.header.findIndex((h) => pattern.test(h));
}

/** Renames from a `Current name | New name | File` table. */
function renamesFromTable(finding: Finding, table: FindingTable): RenameRequest[] {
  const from = column(table, /\b(current|old|existing|from)\b/i);
  const to = column(table, /\b(new|to|renamed?)\b/i);
  const file = column(table, /\b(file|module|path)\b/i);
  if (from === -1 || to === -1 || from === to) return [];
  const out: RenameRequest[] = [];
  for (const row of table.rows) {
    const old = bareName(row[from] ?? '');
    const name = bareName(row[to] ?? '');
    const where = file === -1 ? finding.files[0] : fullPath(finding, row[file] ?? '');
    if (!old || !name || old === name || !where) continue;
    out.push(
      isPythonPath(where)
        ? { file: where, from: old, to: name }
        : { module: where, from: old, to: name },
    );
  }
  return out;
}

const RENAME_WORDING =
  /\brename(?:d)?\s+(?:`?([A-Za-z_]\w*)(?:\(\))?`?\s+)?to\s+`([A-Za-z_]\w*)(?:\(\))?`/gi;

/** "rename `_x` to `y`" / "`path.py` — rename to `y()` (remove underscore)". */
function renamesFromWording(finding: Finding): RenameRequest[] {
  const out: RenameRequest[] = [];
  for (const line of finding.body.split('\n')) {
    for (const m of line.matchAll(RENAME_WORDING)) {
      const to = m[2]!;
      const pathOnLine = /`([^`\s]+\.pyi?)`/.exec(line)?.[1];
      const refs = finding.fileRefs.filter(
        (r) => !pathOnLine || r.path === pathOnLine || r.path.endsWith(`/${pathOnLine}`),
      );
      const candidates = [...refs.flatMap((r) => r.symbols), ...finding.symbols];
      const from =
        m[1] ?? candidates.find((s) => s !== to && s.replace(/^_+/, '') === to.replace(/^_+/, ''));
      const file = pathOnLine
        ? fullPath(finding, pathOnLine)
        : refs.find((r) => r.symbols.includes(from ?? ''))?.path;
      if (!from || from === to || !file) continue;
      if (!out.some((r) => r.file === file && r.from === from)) out.push({ file, from, to });
    }
  }
  return out;
}

/** The rename options a finding asks for, if any. */
function inferRenames(finding: Finding): RenameOptions | undefined {
  const fromTables = finding.tables.flatMap((t) => renamesFromTable(finding, t));
  const renames = fromTables.length > 0 ? fromTables : renamesFromWording(finding);
  return renames.length > 0 ? { renames, onCollision: 'refuse' } : undefined;
}

export const recognizer: Recognizer<RenameOptions> = {
  transform: 'rename-symbols',
  infer: inferRenames,
};
