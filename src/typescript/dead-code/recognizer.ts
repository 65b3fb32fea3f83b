/**
 * Does a TypeScript finding ask to delete dead code ("delete a dead component and its
 * test", "`PromoBanner` is dead code")? It must say the code is unused and ask for its
 * removal, and name one non-test module. The names are the symbols given with that
 * file and the identifiers in the title; the whole file goes when the document marks
 * it `(delete)` or says to delete the file/module/component. Pure: reads the finding only.
 */
import type { Finding } from '../../findings/types.js';
import {
  backtickedNames,
  fixText,
  isTestPath,
  isTypeScriptFinding,
  problemText,
  tsRefs,
} from '../recognize.js';
import type { TsDeadCodeOptions } from './options.js';

const UNUSED =
  /\bdead (?:code|component|module|file|export)s?\b|\bunused\b|\bnever (?:used|called|imported|referenced|rendered)\b|\bnot (?:imported|used|referenced|called|rendered) (?:by|in|anywhere)\b|\bnothing (?:imports|uses|references|renders) it\b|\bno (?:usages|callers|references|importers)\b|\bleftover\b/i;
const REMOVAL = /\b(?:remove|delete|drop)\b/i;
const WHOLE_FILE =
  /\b(?:delete|remove|drop)\s+(?:the|this|that)\s+(?:[\w-]+\s+)?(?:file|module|component)\b/i;

export function inferTsDeadCode(finding: Finding): TsDeadCodeOptions | undefined {
  if (!isTypeScriptFinding(finding)) return undefined;
  if (!UNUSED.test(problemText(finding)) || !REMOVAL.test(`${finding.title}\n${fixText(finding)}`))
    return undefined;
  const modules = tsRefs(finding).filter((r) => r.role !== 'mention' && !isTestPath(r.path));
  if (modules.length !== 1) return undefined;
  const ref = modules[0]!;
  const names = [...new Set([...ref.symbols, ...backtickedNames(finding.title)])];
  const marked = new RegExp(
    `${ref.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\`?\\s*\\((?:delete|deleted|remove|removed)\\)`,
    'i',
  );
  const deleteFile = marked.test(finding.body) || WHOLE_FILE.test(fixText(finding));
  if (names.length === 0 && !deleteFile) return undefined;
  return {
    file: ref.path,
    ...(names.length > 0 ? { names } : {}),
    ...(deleteFile ? { deleteFile: true } : {}),
  };
}
