/**
 * Which paths a finding's transform runs on: the Python files the finding names
 * (that exist), for file-scoped transforms; the whole repository for cross-module
 * transforms, or when the finding says its list is partial.
 */
import type { AnyTransform } from '../engine/contract.js';
import type { Finding } from '../findings/types.js';

export function stepPaths(
  finding: Finding,
  transform: AnyTransform,
  exists: (path: string) => boolean,
): string[] {
  if (transform.scope === 'project') return [];
  if (/partial list|all files (?:using|that|with)/i.test(finding.body)) return [];
  const files = finding.fileRefs
    .filter((ref) => ref.role !== 'create' && /\.pyi?$/.test(ref.path) && exists(ref.path))
    .map((ref) => ref.path);
  return [...new Set(files)];
}
