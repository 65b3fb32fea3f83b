/** A Finding for tests: every field defaulted, `files` and `symbols` derived from `fileRefs`. */
import type { Finding } from '../src/findings/types.js';

export function makeFinding(partial: Partial<Finding> & { id: string }): Finding {
  const refs = partial.fileRefs ?? [];
  return {
    title: `title of ${partial.id}`,
    severity: 'medium',
    priority: null,
    category: null,
    status: 'open',
    files: refs.map((r) => r.path),
    fileRefs: refs,
    symbols: refs.flatMap((r) => r.symbols),
    dependsOn: [],
    phases: [],
    aliases: [],
    doc: 'audit.md',
    line: 1,
    idSynthesized: false,
    body: '',
    sections: {},
    codeBlocks: [],
    tables: [],
    ...partial,
  };
}
