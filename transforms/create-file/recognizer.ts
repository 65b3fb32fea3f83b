/**
 * Does a finding give the content of a file it lists under "Files to create"? Then
 * create-file applies, with the first such block (a file the finding only mentions
 * or modifies is not created).
 */
import type { Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import type { CreateFileOptions } from './index.js';

function inferCreateFileOptions(finding: Finding): CreateFileOptions | undefined {
  const toCreate = new Set(finding.fileRefs.filter((r) => r.role === 'create').map((r) => r.path));
  for (const block of finding.codeBlocks) {
    if (block.role !== 'new-file' || !block.file || !toCreate.has(block.file)) continue;
    if (block.code.trim() === '') continue;
    return { path: block.file, content: block.code };
  }
  return undefined;
}

/** The planner's view of create-file: which findings ask for it, with what options. */
export const recognizer: Recognizer<CreateFileOptions> = {
  transform: 'create-file',
  infer: inferCreateFileOptions,
};
