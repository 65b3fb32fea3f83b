/**
 * Which paths a finding's transform runs on: the files of the transform's languages
 * the finding names (that exist), for transforms that read one file at a time; the
 * whole repository for those that read the project, or when the finding says its
 * list is partial.
 */
import type { AnyTransform } from '../engine/contract.js';
import { languageOf } from '../engine/language.js';
import type { Finding } from '../findings/types.js';

export function stepPaths(
  finding: Finding,
  transform: AnyTransform,
  exists: (path: string) => boolean,
): string[] {
  if (transform.reads === 'project') return [];
  if (/partial list|all files (?:using|that|with)/i.test(finding.body)) return [];
  const ours = (path: string) => transform.languages.includes(languageOf(path)?.id ?? '');
  const files = finding.fileRefs
    .filter((ref) => ref.role !== 'create' && ours(ref.path) && exists(ref.path))
    .map((ref) => ref.path);
  return [...new Set(files)];
}
