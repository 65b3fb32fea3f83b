/**
 * The facts a recognizer adds about its finding (`explain`): how old names pair with
 * new ones, where the auditor's sketch disagrees with the code. Read-only.
 */
import { DiskStore } from '../engine/store.js';
import type { Finding } from '../findings/types.js';
import type { Step, TransformCatalog } from '../plan/mapping.js';
import { loadPython } from '../python/parser.js';

export async function explainStep(
  finding: Finding,
  step: Step,
  root: string,
  catalog: TransformCatalog,
): Promise<string[]> {
  if (step.kind !== 'transform') return [];
  const recognizer = catalog.recognizers.find((r) => r.transform === step.transform.id);
  if (!recognizer?.explain) return [];
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
    return [...recognizer.explain(finding, step.options, read)];
  } catch (error) {
    return [`(could not explain: ${(error as Error).message})`];
  }
}
