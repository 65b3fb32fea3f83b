/**
 * What a code-adding planner hands back before anything is written: edits per file,
 * the imports each file needs afterwards, files to create, and typed diagnostics with
 * stable codes. A planner that must stop throws `PlanRefusal` with its problems (each
 * naming file and line); nothing of a refused plan is applied.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { Edit, editsConflict, isInsertion } from '../core/edit.js';
import type { ImportRequest } from './import-edits.js';

/** The engine's diagnostic shape: `{severity, code, message, file?, line?, hint?, undone?}`. */
export type PlanDiagnostic = Diagnostic;

export interface FileChange {
  readonly path: string;
  readonly edits: readonly Edit[];
  /** Imports the file must have after the edits. */
  readonly addImports: readonly ImportRequest[];
  /** `from module import name` clauses to drop once nothing uses the name. */
  readonly dropImportsIfUnused: readonly ImportRequest[];
  /** Why the change might alter behaviour the finding does not ask to alter (empty: safe). */
  readonly risks: readonly string[];
}

export interface NewFile {
  readonly path: string;
  readonly text: string;
}

export interface ChangePlan {
  readonly files: readonly FileChange[];
  readonly creates: readonly NewFile[];
  readonly diagnostics: readonly PlanDiagnostic[];
}

/** The planner stops: nothing is changed; `problems` say why (errors with file and line). */
export class PlanRefusal extends Error {
  constructor(
    readonly problems: readonly PlanDiagnostic[],
    readonly hint?: string,
  ) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'PlanRefusal';
  }
}

/**
 * The finding does not call for this transform after all (its block is a sketch, the
 * code it would add is not code): an inferred step becomes manual, with the reason.
 */
export class PlanNotApplicable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PlanNotApplicable';
  }
}

/** A problem (an error diagnostic). */
export function problem(
  code: string,
  message: string,
  where: { file?: string; line?: number; hint?: string } = {},
): PlanDiagnostic {
  return { severity: 'error', code, message, ...where };
}

/** Throw a refusal with one or more problems. */
export function refuse(problems: PlanDiagnostic | readonly PlanDiagnostic[], hint?: string): never {
  throw new PlanRefusal(Array.isArray(problems) ? problems : [problems as PlanDiagnostic], hint);
}

interface MutableChange {
  edits: Edit[];
  addImports: ImportRequest[];
  dropImportsIfUnused: ImportRequest[];
  risks: string[];
}

function sameRequest(a: ImportRequest, b: ImportRequest): boolean {
  return a.module === b.module && a.name === b.name && a.alias === b.alias;
}

/** Collects a plan; `build()` returns it with every file's edits checked for overlaps. */
export class PlanBuilder {
  private readonly changes = new Map<string, MutableChange>();
  private readonly created: NewFile[] = [];
  private readonly notes: PlanDiagnostic[] = [];

  private change(path: string): MutableChange {
    let found = this.changes.get(path);
    if (!found) {
      found = { edits: [], addImports: [], dropImportsIfUnused: [], risks: [] };
      this.changes.set(path, found);
    }
    return found;
  }

  edit(path: string, ...edits: Edit[]): this {
    this.change(path).edits.push(...edits);
    return this;
  }

  addImport(path: string, request: ImportRequest): this {
    const list = this.change(path).addImports;
    if (!list.some((r) => sameRequest(r, request))) list.push(request);
    return this;
  }

  dropImportIfUnused(path: string, request: ImportRequest): this {
    const list = this.change(path).dropImportsIfUnused;
    if (!list.some((r) => sameRequest(r, request))) list.push(request);
    return this;
  }

  /** A fact that makes the file's change unsafe (it might change behaviour not asked for). */
  risk(path: string, reason: string): this {
    const risks = this.change(path).risks;
    if (!risks.includes(reason)) risks.push(reason);
    return this;
  }

  create(path: string, text: string): this {
    this.created.push({ path, text });
    return this;
  }

  report(diagnostic: PlanDiagnostic): this {
    this.notes.push(diagnostic);
    return this;
  }

  info(code: string, message: string, where: { file?: string; line?: number } = {}): this {
    return this.report({ severity: 'info', code, message, ...where });
  }

  warn(code: string, message: string, where: { file?: string; line?: number } = {}): this {
    return this.report({ severity: 'warning', code, message, ...where });
  }

  /** Something the finding asks for that is left undone (a partial result). */
  undone(code: string, message: string, where: { file?: string; line?: number } = {}): this {
    return this.report({ severity: 'warning', code, message, undone: true, ...where });
  }

  /** Take over everything another (built) plan holds. */
  absorb(other: ChangePlan): this {
    for (const f of other.files) {
      this.edit(f.path, ...f.edits);
      for (const r of f.addImports) this.addImport(f.path, r);
      for (const r of f.dropImportsIfUnused) this.dropImportIfUnused(f.path, r);
      for (const r of f.risks) this.risk(f.path, r);
    }
    for (const c of other.creates) this.create(c.path, c.text);
    for (const d of other.diagnostics) this.report(d);
    return this;
  }

  /** Whether anything would change. */
  get isEmpty(): boolean {
    return (
      this.created.length === 0 && [...this.changes.values()].every((c) => c.edits.length === 0)
    );
  }

  build(): ChangePlan {
    const files: FileChange[] = [];
    for (const [path, c] of this.changes) {
      const edits = mergeInsertions(c.edits);
      for (let i = 1; i < edits.length; i++) {
        if (editsConflict(edits[i - 1]!, edits[i]!)) {
          throw new Error(`planned edits overlap in ${path} at offset ${edits[i]!.start}`);
        }
      }
      if (edits.length === 0 && c.addImports.length === 0) continue;
      files.push({
        path,
        edits,
        addImports: c.addImports,
        dropImportsIfUnused: c.dropImportsIfUnused,
        risks: c.risks,
      });
    }
    return { files, creates: [...this.created], diagnostics: [...this.notes] };
  }
}

/**
 * Sorted edits, with insertions at the same offset joined in the order they were
 * planned (two definitions appended at the end of a module are one insertion).
 */
function mergeInsertions(edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  const order = edits.map((e, i) => ({ e, i }));
  order.sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  for (const { e } of order) {
    const last = out[out.length - 1];
    if (last && isInsertion(last) && isInsertion(e) && last.start === e.start) {
      out[out.length - 1] = Edit.insert(e.start, last.text + e.text);
    } else out.push(e);
  }
  return out;
}
