/**
 * The facts a transform adds about its finding (`explain`): how old names pair with
 * new ones, where the auditor's sketch disagrees with the code. Read-only.
 */
import { DiskStore } from '../engine/store.js';
import type { Finding } from '../findings/types.js';
import type { Step } from '../plan/mapping.js';
import { loadPython } from '../python/parser.js';

export async function explainStep(finding: Finding, step: Step, root: string): Promise<string[]> {
  if (step.kind !== 'transform' || !step.transform.explain) return [];
  await loadPython();
  const disk = new DiskStore(root);
  const read = (p: string) => {
    try {
      const r = disk.read(p);
      return r.ok ? r.text : undefined;
    } catch {
      return undefined;
    }
  };
  try {
    return [...step.transform.explain(finding, step.options, read)];
  } catch (error) {
    return [`(could not explain: ${(error as Error).message})`];
  }
}
