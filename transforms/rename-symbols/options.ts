/**
 * rename-symbols options (zod) and their inference from a finding: a rename table
 * (`Current name | New name | File`) or wording like "rename to `use_iam_auth()`".
 */
import { z } from 'zod';
import type { Finding, FindingTable } from '../../src/findings/types.js';
import { isPythonPath } from '../../src/python/files.js';
import { pythonIdentifier as identifier } from '../../src/python/names.js';

export const renameSchema = z
  .strictObject({
    /** Dotted module that defines the name (`app.api.admin_request`). */
    module: z.string().min(1).optional(),
    /** Repository-relative path of the defining file, or a base name unique in the repository. */
    file: z.string().min(1).optional(),
    from: identifier,
    to: identifier,
  })
  .refine((r) => r.module !== undefined || r.file !== undefined, {
    message: 'give the defining `module` or `file`',
  })
  .refine((r) => r.from !== r.to, { message: '`from` and `to` are the same name' });

export const optionsSchema = z.strictObject({
  renames: z.array(renameSchema).min(1, 'give at least one rename'),
  /**
   * What to do when the new name is already bound in a module that imports the symbol:
   * `refuse` (default), or `alias` — keep the old local name there (`from m import new as old`).
   */
  onCollision: z.enum(['refuse', 'alias']).default('refuse'),
});

export type RenameRequest = z.infer<typeof renameSchema>;
export type RenameOptions = z.infer<typeof optionsSchema>;

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
export function inferRenames(finding: Finding): RenameOptions | undefined {
  const fromTables = finding.tables.flatMap((t) => renamesFromTable(finding, t));
  const renames = fromTables.length > 0 ? fromTables : renamesFromWording(finding);
  return renames.length > 0 ? { renames, onCollision: 'refuse' } : undefined;
}
