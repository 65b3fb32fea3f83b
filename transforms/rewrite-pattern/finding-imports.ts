/**
 * Where a finding says the replacement's names come from: import lines in its code
 * blocks or inline code (`import { getDefaultCurrencyCode } from '@/lib/config'`,
 * `from typing import Any`), and prose such as "add `x` to the file's import from
 * `@/lib/config`" or "`Any` from `typing`".
 */
import type { Finding } from '../../src/findings/types.js';
import type { RewritePatternOptions } from './options.js';

type ImportSource = NonNullable<RewritePatternOptions['imports']>[number];

const IDENT = '[A-Za-z_$][\\w$]*';

function fromTsLine(line: string): ImportSource[] {
  const m = /^\s*import\s+(type\s+)?\{([^}]*)\}\s*from\s*(['"])([^'"]+)\3/.exec(line);
  if (!m) return [];
  const typeOnly = m[1] !== undefined;
  return m[2]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((spec) => {
      const s = new RegExp(`^(type\\s+)?(${IDENT})(?:\\s+as\\s+(${IDENT}))?$`).exec(spec);
      if (!s) return [];
      return [
        {
          module: m[4]!,
          name: s[2]!,
          ...(s[3] ? { alias: s[3] } : {}),
          ...(typeOnly || s[1] ? { typeOnly: true } : {}),
        },
      ];
    });
}

function fromPythonLine(line: string): ImportSource[] {
  const m = /^\s*from\s+([\w.]+)\s+import\s+\(?([^)#]+)\)?/.exec(line);
  if (!m) return [];
  return m[2]!
    .split(',')
    .map((s) => s.trim())
    .flatMap((spec) => {
      const s = /^(\w+)(?:\s+as\s+(\w+))?$/.exec(spec);
      return s ? [{ module: m[1]!, name: s[1]!, ...(s[2] ? { alias: s[2] } : {}) }] : [];
    });
}

function fromProse(prose: string): ImportSource[] {
  const out: ImportSource[] = [];
  const add = new RegExp(
    `\\badd\\s+\`(${IDENT})\`\\s+to\\s+(?:the\\s+)?(?:file's\\s+|module's\\s+|existing\\s+)?imports?\\s+from\\s+\`([^\`]+)\``,
    'gi',
  );
  for (const m of prose.matchAll(add)) out.push({ module: m[2]!, name: m[1]! });
  const from = new RegExp(`\`(${IDENT})\`\\s+from\\s+\`([\\w.@/-]+)\``, 'g');
  for (const m of prose.matchAll(from)) out.push({ module: m[2]!, name: m[1]! });
  return out;
}

/** Every import source the finding states, first statement wins per local name. */
export function findingImports(finding: Finding): ImportSource[] {
  const lines = [
    ...finding.codeBlocks.flatMap((b) => b.code.split('\n')),
    ...[...finding.body.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!),
  ];
  const all = [
    ...lines.flatMap((l) => [...fromTsLine(l), ...fromPythonLine(l)]),
    ...fromProse(finding.body),
  ];
  const seen = new Set<string>();
  return all.filter((i) => {
    const key = i.alias ?? i.name ?? i.module;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
