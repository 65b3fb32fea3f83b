/**
 * An import block for a new module, laid out like isort / ruff: sections future,
 * stdlib, third-party, first-party; `import x` lines before `from x import ...` lines;
 * members of one module merged, constants then classes then the rest.
 */
import type { ImportRequest } from '../../src/python/import-edits.js';
import type { PythonProject } from '../../src/python/project/project.js';

const SECTIONS = ['future', 'stdlib', 'third-party', 'first-party'] as const;
const LINE_LENGTH = 100;

function memberKey(name: string): string {
  const kind = name.length > 1 && name === name.toUpperCase() ? 0 : /^[A-Z]/.test(name) ? 1 : 2;
  return `${kind}${name}`;
}

function clause(name: string, alias: string | undefined): string {
  return alias ? `${name} as ${alias}` : name;
}

function fromLine(module: string, members: readonly string[]): string {
  const flat = `from ${module} import ${members.join(', ')}`;
  if (flat.length <= LINE_LENGTH) return flat;
  return `from ${module} import (\n${members.map((m) => `    ${m},`).join('\n')}\n)`;
}

function sectionLines(requests: readonly ImportRequest[]): string[] {
  const plain = new Set<string>();
  const from = new Map<string, Map<string, string>>();
  for (const r of requests) {
    if (r.name === undefined) {
      plain.add(`import ${clause(r.module, r.alias)}`);
      continue;
    }
    const members = from.get(r.module) ?? new Map<string, string>();
    members.set(clause(r.name, r.alias), memberKey(r.name));
    from.set(r.module, members);
  }
  const sortedFrom = [...from].sort(([a], [b]) => (a < b ? -1 : 1));
  return [
    ...[...plain].sort(),
    ...sortedFrom.map(([module, members]) =>
      fromLine(
        module,
        [...members].sort(([, a], [, b]) => (a < b ? -1 : 1)).map(([text]) => text),
      ),
    ),
  ];
}

/** The import block (sections separated by blank lines), or '' when there is nothing to import. */
export function renderImports(project: PythonProject, requests: readonly ImportRequest[]): string {
  const sections = SECTIONS.map((section) =>
    sectionLines(requests.filter((r) => project.category(r.module) === section)),
  ).filter((lines) => lines.length > 0);
  return sections.map((lines) => `${lines.join('\n')}\n`).join('\n');
}
