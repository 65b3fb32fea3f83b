/**
 * What a TypeScript planner (extract-shared-helpers, remove-dead-code, replace-type)
 * returns, and how it builds it: per-file edits, files to create and to delete, typed
 * diagnostics with stable codes — or a refusal that changes nothing. A planner works
 * in stages on the current text of each file (`PlanTexts`: edit, re-parse, edit again),
 * and the plan's edits are the minimal ones from the original text to the final one,
 * so later stages (import edits) see what earlier stages did. Every text it produces
 * must parse; a planner that would produce one that does not is a bug and throws.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { Edit } from '../core/edit.js';
import { applyEdits } from '../core/edit.js';
import { editsFromTexts } from '../core/text-edits.js';
import { describeSyntaxProblems, type ParsedTs, parseTs, tsSyntaxProblems } from './parse.js';

/** A diagnostic in the engine's typed shape (`{severity, code, message, file?, line?, hint?}`). */
export type PlanDiagnostic = Omit<Diagnostic, 'undone'>;

/** What to change: edits per existing file, files to create, files to delete. */
export interface TsPlan {
  /** Repository path -> edits on its current text (sorted, non-overlapping). */
  readonly edits: ReadonlyMap<string, readonly Edit[]>;
  /** Repository path -> text of a file to create. */
  readonly created: ReadonlyMap<string, string>;
  readonly deleted: readonly string[];
  readonly diagnostics: readonly PlanDiagnostic[];
}

export type TsPlanResult =
  | { readonly kind: 'planned'; readonly plan: TsPlan }
  | {
      readonly kind: 'refused';
      /** Each reason, with file and line where there is one (severity `error`). */
      readonly problems: readonly PlanDiagnostic[];
      /** Other things found on the way (warnings, infos). */
      readonly diagnostics: readonly PlanDiagnostic[];
      readonly hint?: string;
    };

/** Thrown inside a planner to refuse; `runPlanner` turns it into a `refused` result. */
export class PlanRefusal extends Error {
  constructor(
    readonly problems: readonly PlanDiagnostic[],
    readonly hint?: string,
  ) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/** An error diagnostic (a refusal's reason). */
export function problem(
  code: string,
  message: string,
  file?: string,
  line?: number,
): PlanDiagnostic {
  return { severity: 'error', code, message, ...(file ? { file } : {}), ...(line ? { line } : {}) };
}

/** Refuse with these problems (nothing is changed). */
export function refuse(problems: PlanDiagnostic | readonly PlanDiagnostic[], hint?: string): never {
  throw new PlanRefusal(Array.isArray(problems) ? problems : [problems as PlanDiagnostic], hint);
}

/** The current texts of the files a plan touches, edited in stages. */
export class PlanTexts {
  private readonly originals = new Map<string, string>();
  private readonly current = new Map<string, string>();
  private readonly created = new Map<string, string>();
  private readonly deleted = new Set<string>();
  readonly diagnostics: PlanDiagnostic[] = [];

  /** `read` gives the text of an existing file (undefined: none). */
  constructor(private readonly read: (path: string) => string | undefined) {}

  /** The file's text as the plan has it now (undefined when absent or deleted). */
  text(path: string): string | undefined {
    if (this.deleted.has(path)) return undefined;
    return this.created.get(path) ?? this.current.get(path) ?? this.read(path);
  }

  /** The file parsed as it is now. */
  parsed(path: string): ParsedTs | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : parseTs(path, text);
  }

  /** Apply edits (in the offsets of the file's current text). */
  edit(path: string, edits: readonly (Edit | undefined)[]): void {
    const list = edits.filter((e): e is Edit => e !== undefined);
    if (list.length === 0) return;
    const text = this.text(path);
    if (text === undefined) throw new Error(`cannot edit ${path}: the plan has no such file`);
    this.setText(path, applyEdits(text, list));
  }

  /** Apply edits computed from the file's current parse, one stage at a time. */
  editWith(path: string, plan: (parsed: ParsedTs) => readonly (Edit | undefined)[]): void {
    const parsed = this.parsed(path);
    if (parsed) this.edit(path, plan(parsed));
  }

  create(path: string, text: string): void {
    this.deleted.delete(path);
    this.created.set(path, text);
  }

  delete(path: string): void {
    this.created.delete(path);
    this.current.delete(path);
    this.deleted.add(path);
  }

  report(d: PlanDiagnostic): void {
    this.diagnostics.push(d);
  }

  private setText(path: string, text: string): void {
    if (this.created.has(path)) {
      this.created.set(path, text);
      return;
    }
    if (!this.originals.has(path)) this.originals.set(path, this.read(path) ?? '');
    this.current.set(path, text);
  }

  /** The plan: minimal edits from each original text to its final one; every text must parse. */
  finish(): TsPlan {
    const edits = new Map<string, readonly Edit[]>();
    for (const [path, after] of this.current) {
      const before = this.originals.get(path) ?? '';
      assertParses(path, after);
      if (after !== before) edits.set(path, editsFromTexts(before, after));
    }
    for (const [path, text] of this.created) assertParses(path, text);
    return {
      edits,
      created: new Map(this.created),
      deleted: [...this.deleted].sort(),
      diagnostics: [...this.diagnostics],
    };
  }
}

function assertParses(path: string, text: string): void {
  const broken = describeSyntaxProblems(tsSyntaxProblems(parseTs(path, text)));
  if (broken)
    throw new Error(`internal error: the planned text of ${path} does not parse: ${broken}`);
}

/** Run a planner: its refusal becomes a `refused` result (with what it reported so far). */
export function runPlanner(texts: PlanTexts, plan: () => void): TsPlanResult {
  try {
    plan();
  } catch (error) {
    if (!(error instanceof PlanRefusal)) throw error;
    return {
      kind: 'refused',
      problems: error.problems,
      diagnostics: texts.diagnostics,
      ...(error.hint ? { hint: error.hint } : {}),
    };
  }
  return { kind: 'planned', plan: texts.finish() };
}

/** A plan applied to texts (tests, dry runs): path -> new text, null for a deleted file. */
export function applyPlan(
  plan: TsPlan,
  read: (path: string) => string | undefined,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const [path, edits] of plan.edits) out.set(path, applyEdits(read(path) ?? '', edits));
  for (const [path, text] of plan.created) out.set(path, text);
  for (const path of plan.deleted) out.set(path, null);
  return out;
}
