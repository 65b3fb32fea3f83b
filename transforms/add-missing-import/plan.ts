/**
 * The imports one file is missing: for each undefined name (F821) asked about, the
 * import that binds it (see `resolve.ts`), or the import statement the finding gives,
 * checked against the code — it must bind a name the file uses undefined. Pure: the
 * transform turns the plan into import requests, reports and refusals.
 */
import type { Applicability } from '../../src/core/fix.js';
import type { Report } from '../../src/engine/contract.js';
import { findExistingImport, type ImportRequest } from '../../src/python/import-edits.js';
import { describeImport } from '../../src/python/imports.js';
import { parsePython, type Tree } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/index.js';
import { type UndefinedName, undefinedNames } from '../../src/python/undefined-names.js';
import { importChain } from './cycle.js';
import { type Candidate, importText, resolveUndefinedName } from './resolve.js';

export interface PlannedImport {
  readonly request: ImportRequest;
  readonly applicability: Applicability;
  /** The undefined name it binds, and the 1-based line of its first use. */
  readonly name: string;
  readonly line: number;
}

/** A diagnostic of the plan, for the file planned, and the name it is about. */
export type PlanNote = Omit<Report, 'file' | 'at'> & { readonly name?: string };

export interface FilePlan {
  readonly imports: readonly PlannedImport[];
  readonly notes: readonly PlanNote[];
  /** Problems that must stop the whole finding (errors). */
  readonly problems: readonly PlanNote[];
  /** Every undefined name of the file (what F821 reports). */
  readonly undefined: readonly UndefinedName[];
}

export interface PlanInput {
  readonly project: PythonProject;
  readonly path: string;
  readonly text: string;
  readonly tree: Tree;
  readonly ruffBase?: Record<string, unknown>;
  /** Only these names (default: every undefined name). */
  readonly names?: readonly string[];
  /** Import statements the finding gives (`import os`); they replace name resolution. */
  readonly imports?: readonly string[];
}

/** The local name an import binds: the alias, the name, or the first part of the module. */
function boundName(req: ImportRequest): string {
  return req.alias ?? req.name ?? req.module.split('.')[0]!;
}

/** `import os` / `from a import b as c` -> requests; undefined when it is not one import statement. */
export function parseImportStatement(text: string): ImportRequest[] | undefined {
  const tree = parsePython(`${text.trim()}\n`);
  try {
    const nodes = tree.rootNode.namedChildren;
    const node = nodes[0];
    if (nodes.length !== 1 || !node || tree.rootNode.hasError) return undefined;
    if (node.type !== 'import_statement' && node.type !== 'import_from_statement') return undefined;
    const stmt = describeImport(node);
    if (stmt.wildcard) return undefined;
    const module = '.'.repeat(stmt.level) + stmt.module;
    return stmt.names.map((n) => {
      const alias = n.alias ? { alias: n.alias } : {};
      return stmt.kind === 'import'
        ? { module: n.name, ...alias }
        : { module, name: n.name, ...alias };
    });
  } finally {
    tree.delete();
  }
}

function applicabilityOf(
  input: PlanInput,
  candidate: Candidate,
): { applicability: Applicability; note?: PlanNote } {
  if (candidate.source === 'stdlib') return { applicability: 'safe' };
  const importer = input.project.moduleName(input.path);
  const chain = importer
    ? importChain(input.project, candidate.request.module, importer)
    : undefined;
  if (!chain) return { applicability: 'safe' };
  return {
    applicability: 'unsafe',
    note: {
      severity: 'warning',
      code: 'missing-import/cycle',
      message: `\`${importText(candidate.request)}\` closes an import cycle (${[...chain, chain[0]].join(' -> ')})`,
      hint: 'it is held back unless --unsafe; an import inside the function that uses the name avoids the cycle',
    },
  };
}

/** The imports the finding's statements add, checked against the undefined names. */
function planGivenImports(
  input: PlanInput,
  statements: readonly string[],
  undefinedByName: Map<string, UndefinedName>,
): Pick<FilePlan, 'imports' | 'notes' | 'problems'> {
  const imports: PlannedImport[] = [];
  const notes: PlanNote[] = [];
  const problems: PlanNote[] = [];
  for (const statement of statements) {
    const requests = parseImportStatement(statement);
    if (!requests) {
      problems.push({
        severity: 'error',
        code: 'missing-import/bad-statement',
        message: `\`${statement}\` is not an import statement`,
      });
      continue;
    }
    for (const request of requests) {
      const name = boundName(request);
      const undefinedName = undefinedByName.get(name);
      if (undefinedName) {
        const source =
          request.module.startsWith('.') || input.project.modules.isLocal(request.module)
            ? 'project'
            : 'stdlib';
        const { applicability, note } = applicabilityOf(input, { request, source });
        imports.push({ request, applicability, name, line: undefinedName.uses[0]!.line });
        if (note) notes.push(note);
      } else if (findExistingImport(input.tree, request)) {
        notes.push({
          severity: 'info',
          code: 'missing-import/present',
          name,
          message: `\`${importText(request)}\` is already there`,
        });
      } else {
        problems.push(notGivenName(statement, name, [...undefinedByName.keys()]));
      }
    }
  }
  return { imports, notes, problems };
}

function notGivenName(
  statement: string,
  name: string,
  undefinedNames: readonly string[],
): PlanNote {
  const there =
    undefinedNames.length > 0
      ? `the undefined names there are ${undefinedNames.map((n) => `\`${n}\``).join(', ')}`
      : 'nothing is undefined there';
  return {
    severity: 'error',
    code: 'missing-import/not-undefined',
    name,
    message: `the finding's \`${statement}\` binds \`${name}\`, which the file does not use undefined; ${there}`,
    hint: 'correct the import in the finding (or the config entry\'s "imports" option)',
  };
}

/** Resolve each undefined name asked about to the one import that binds it. */
function planResolvedImports(
  input: PlanInput,
  names: readonly UndefinedName[],
  explicit: boolean,
): Pick<FilePlan, 'imports' | 'notes' | 'problems'> {
  const imports: PlannedImport[] = [];
  const notes: PlanNote[] = [];
  const problems: PlanNote[] = [];
  for (const name of names) {
    const line = name.uses[0]!.line;
    const resolution = resolveUndefinedName(input.project, input.path, name);
    if (resolution.kind === 'resolved') {
      const { applicability, note } = applicabilityOf(input, resolution.candidate);
      imports.push({ request: resolution.candidate.request, applicability, name: name.name, line });
      if (note) notes.push({ ...note, line });
    } else if (resolution.kind === 'ambiguous') {
      const list = resolution.candidates.map(
        (c) => `\`${importText(c.request)}\`${c.file ? ` (${c.file})` : ''}`,
      );
      problems.push({
        severity: 'error',
        code: 'missing-import/ambiguous',
        name: name.name,
        message: `\`${name.name}\` is undefined and could come from ${list.length} places: ${list.join(', ')}`,
        line,
        hint: 'name the import in the finding or in the config entry: {"options": {"imports": ["..."]}}',
      });
    } else {
      const note: PlanNote = {
        severity: explicit ? 'error' : 'warning',
        code: 'missing-import/unresolved',
        name: name.name,
        message: `\`${name.name}\` is undefined and no standard-library or project module defines it`,
        line,
        ...(explicit ? {} : { undone: true }),
      };
      (explicit ? problems : notes).push(note);
    }
  }
  return { imports, notes, problems };
}

/** Plan the missing imports of one file. */
export function planMissingImports(input: PlanInput): FilePlan {
  const found = undefinedNames(input.text, input.tree, input.ruffBase);
  const byName = new Map(found.map((n) => [n.name, n]));
  if (input.imports && input.imports.length > 0)
    return { ...planGivenImports(input, input.imports, byName), undefined: found };
  const asked = input.names ? found.filter((n) => input.names!.includes(n.name)) : found;
  return { ...planResolvedImports(input, asked, input.names !== undefined), undefined: found };
}
