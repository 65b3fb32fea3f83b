/**
 * What `remedy plan` / `show` print under an extract-shared-helpers finding: how old
 * names pair with new ones (and the words they share), how the copies compare (all
 * identical, one `if` block apart and the parameter that will select it, or divergent
 * with a diff), and where the auditor's sketched signature differs from the code.
 */
import type { Finding } from '../../src/findings/types.js';
import { parsePython, type Tree } from '../../src/python/parser.js';
import { PythonProject } from '../../src/python/project/project.js';
import { classify, type GroupPlan } from './classify.js';
import { findCopies } from './copies.js';
import { DependencyResolver } from './dependencies.js';
import { moduleOfPath } from './importability.js';
import { oldHelperNames, proposedNames } from './infer.js';
import {
  type ExtractOptionsInput,
  type HelperGroup,
  helperGroups,
  helperNames,
  optionsSchema,
} from './options.js';
import { nameWords } from './pairing.js';
import { copyDiff } from './report.js';

function pairingLine(group: HelperGroup): string {
  const froms = [...new Set(group.sources.map((s) => s.from))];
  const parts = froms.map((from) => {
    if (from === group.to) return `\`${from}\` keeps its name`;
    const fresh = new Set(nameWords(group.to));
    const shared = [...new Set(nameWords(from).filter((w) => fresh.has(w)))];
    return `\`${from}\` -> \`${group.to}\`${shared.length ? ` (shared words: ${shared.join(', ')})` : ''}`;
  });
  const files = [...new Set(group.sources.map((s) => s.path))].join(', ');
  return `${parts.join('; ')} — from ${files}`;
}

function comparisonLines(plan: GroupPlan, read: (p: string) => string, target: string): string[] {
  const lines: string[] = [];
  if (plan.canonical.path === target && plan.shared.length > 1) {
    lines.push(
      `  ${target} keeps its copy as \`${plan.group.to}\`; the other copies are replaced by an import`,
    );
  }
  const others = plan.shared.filter((c) => c !== plan.canonical).map((c) => c.path);
  if (others.length > 0 && !plan.merge)
    lines.push(`  identical copies: ${[plan.canonical.path, ...others].join(', ')}`);
  if (plan.merge) {
    const m = plan.merge;
    const flip = m.defaultValue ? 'False' : 'True';
    lines.push(
      `  copies differ by one \`if\` block (line ${m.block.startPosition.row + 1} of ${m.base.path}): \`${plan.group.to}\` takes \`${m.parameter}\` (default ${m.defaultValue ? 'True' : 'False'}); ${m.passing.map((c) => c.path).join(', ')} will pass \`${m.parameter}=${flip}\``,
    );
  }
  for (const d of plan.divergent) {
    lines.push(`  divergent, left in place: \`${d.copy.name}\` in ${d.copy.path}`);
    lines.push(
      ...copyDiff(read, d.against, d.copy)
        .split('\n')
        .map((l) => `    ${l}`),
    );
  }
  return lines;
}

/** Where the sketch's parameter list differs from the code's. */
function sketchLines(finding: Finding, plan: GroupPlan): string[] {
  const sketch = proposedNames(finding, oldHelperNames(finding)).find(
    (p) => p.name === plan.group.to,
  );
  if (!sketch) return [];
  const params = plan.canonical.definition.childForFieldName('parameters');
  const code = (params?.namedChildren ?? [])
    .map((p) =>
      p?.type === 'identifier'
        ? p.text
        : (p?.childForFieldName('name')?.text ?? p?.namedChild(0)?.text ?? ''),
    )
    .filter(Boolean);
  const drawn = sketch.params
    .split(',')
    .map((p) => p.trim().split(/[=:]/)[0]!.trim())
    .filter((p) => p && p !== '...' && p !== plan.group.parameter);
  if (drawn.length === 0 || drawn.join(',') === code.join(',')) return [];
  return [
    `  the finding sketches \`${plan.group.to}(${sketch.params})\`; the code's parameters are kept: (${code.join(', ')})`,
  ];
}

/** Parse the files explain needs, run the comparison, free the trees. */
function withProject<T>(
  files: readonly string[],
  read: (p: string) => string | undefined,
  use: (p: PythonProject) => T,
): T {
  const trees = new Map<string, Tree | undefined>();
  const project = new PythonProject({
    files: files.filter((f) => read(f) !== undefined),
    readText: read,
    tree(file) {
      if (!trees.has(file)) {
        const text = read(file);
        trees.set(file, text === undefined ? undefined : parsePython(text));
      }
      return trees.get(file);
    },
  });
  try {
    return use(project);
  } finally {
    for (const tree of trees.values()) tree?.delete();
  }
}

export function explainExtraction(
  finding: Finding,
  raw: ExtractOptionsInput,
  read: (path: string) => string | undefined,
): string[] {
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) return [`options do not validate: ${parsed.error.issues[0]?.message ?? ''}`];
  const options = parsed.data;
  const { groups } = helperGroups(options);
  const lines = [
    `shared module: ${options.target}${read(options.target) === undefined ? ' (new)' : ''}`,
  ];
  const files = [
    ...new Set([options.target, ...groups.flatMap((g) => g.sources.map((s) => s.path))]),
  ];
  try {
    withProject(files, read, (project) => {
      const module = moduleOfPath(project, options.target)?.name ?? options.target;
      const resolver = new DependencyResolver(project, helperNames(groups, options.target));
      for (const group of groups) {
        lines.push(pairingLine(group));
        try {
          const found = findCopies(project, group, options.target, module);
          if (found.absent.length > 0) lines.push(`  not defined in: ${found.absent.join(', ')}`);
          const plan = classify(resolver, found, options.target);
          const text = (p: string) => read(p) ?? '';
          if (plan)
            lines.push(
              ...comparisonLines(plan, text, options.target),
              ...sketchLines(finding, plan),
            );
        } catch (error) {
          lines.push(`  (copies not compared: ${(error as Error).message})`);
        }
      }
    });
  } catch (error) {
    lines.push(...groups.map(pairingLine), `(copies not compared: ${(error as Error).message})`);
  }
  return lines;
}
