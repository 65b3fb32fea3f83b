/**
 * What a finding is once read from an audit document. The JSON shape printed by
 * `remedy findings --json` is `FindingJson` (stable: scripts read it); the rest of
 * `Finding` (body, code blocks, tables) is for `show` and for transforms' `infer`.
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * The structure a finding was read from: an ID or numbered `heading`, a numbered heading
 * recognised by its `Field: value` lines (`fields`), a `table-row`, a task-list item
 * (`checklist`), or a list item (`bullet`).
 */
export type FindingSource = 'heading' | 'fields' | 'table-row' | 'checklist' | 'bullet';
export type FindingStatus = 'open' | 'resolved' | 'partially-resolved';

/** A file a finding names, with the line info and symbols found next to it. */
export interface FileRef {
  /** Repository-relative path, forward slashes, no line suffix. */
  readonly path: string;
  /** Line range given with the path (`:12`, `#L157`, `(lines 56-66)`), if any. */
  readonly lines?: { readonly start: number; readonly end: number };
  /** Functions/classes named with this file (`_safe_handler()` -> `_safe_handler`). */
  readonly symbols: readonly string[];
  /** How the document lists it. */
  readonly role: 'modify' | 'create' | 'mention';
  /** Every line range given for this path in the finding (`lines` is the first). */
  readonly ranges?: readonly { readonly start: number; readonly end: number }[];
  /** True when the document gives only a base name remedy could not match to a full path. */
  readonly unresolved?: boolean;
}

export type CodeBlockRole =
  /** The code as it is now (a "Problem" snippet). */
  | 'before'
  /** The code as it should be (a "Fix" snippet that is not a whole definition). */
  | 'after'
  /** Content for a file listed under "Files to create". */
  | 'new-file'
  /** A whole `def`/`class` replacing the one of the same name. */
  | 'definition'
  /** Anything else (shell commands, sketches, examples). */
  | 'other';

export interface CodeBlock {
  /** Info string language (`python`, `bash`), lower-case, or null. */
  readonly lang: string | null;
  readonly code: string;
  readonly role: CodeBlockRole;
  /** The file this block is about, when the document says so. */
  readonly file?: string;
  /** 1-based line of the opening fence in the document. */
  readonly line: number;
}

export interface FindingTable {
  readonly header: readonly string[];
  /** Cell texts with markdown emphasis and code ticks removed. */
  readonly rows: readonly (readonly string[])[];
  readonly line: number;
}

export interface Finding {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity | null;
  readonly priority: string | null;
  readonly category: string | null;
  readonly status: FindingStatus;
  /** Repository-relative paths, deduplicated, in document order. */
  readonly files: readonly string[];
  readonly fileRefs: readonly FileRef[];
  readonly symbols: readonly string[];
  readonly dependsOn: readonly string[];
  readonly phases: readonly string[];
  readonly aliases: readonly string[];
  /** The document path as given. */
  readonly doc: string;
  /** 1-based line of the finding's heading or row. */
  readonly line: number;
  /** True when the document has no ID for this finding and remedy made one up. */
  readonly idSynthesized: boolean;
  /** 1-based column of the heading or row (useful when a flattened doc is one line). */
  readonly column?: number;
  /** Effort as the document gives it (`S`, `M`, `1-2 days`), if it does. */
  readonly effort?: string | null;
  /** Every `key: value` fact the document states for the finding (table cells, labels). */
  readonly attributes?: Readonly<Record<string, string>>;
  /** The finding's own markdown, headings included. */
  readonly body: string;
  /** Named sections of the body (`Problem`, `Fix`, ...), as plain text. */
  readonly sections: Readonly<Record<string, string>>;
  readonly codeBlocks: readonly CodeBlock[];
  readonly tables: readonly FindingTable[];
  /** The structure the finding was read from. */
  readonly source?: FindingSource;
  /** Ruff rule codes the finding cites (`UP045`, `F401`), in order. */
  readonly ruffCodes?: readonly string[];
  /** The finding says to run `ruff check --fix` (with or without codes). */
  readonly ruffFix?: boolean;
}

export interface Phase {
  /** Stable id: `phase-1`, `tier-2`, `p0`, `step-3`, `high`... */
  readonly id: string;
  /** What kind of grouping: `phase`, `tier`, `week`, `sprint`, `step`, `priority`, `group`. */
  readonly kind?: string;
  readonly title: string;
  /** Finding IDs in the order the document gives. */
  readonly findings: readonly string[];
  readonly doc: string;
  readonly line: number;
}

export interface DocumentWarning {
  readonly message: string;
  readonly doc: string;
  readonly line?: number;
}

/** One `from` depends-on `to` edge and where the document says so. */
export interface DependencyEdge {
  readonly from: string;
  readonly to: string;
  readonly source: 'column' | 'wording' | 'graph';
  readonly doc: string;
  readonly line: number;
}

/** How one section of a document was read, for `remedy findings --explain`. */
export interface SectionReading {
  readonly line: number;
  /** Heading level (0 for the text before the first heading). */
  readonly level: number;
  readonly title: string;
  /** Findings defined here, and the structures they came from. */
  readonly findings: readonly string[];
  readonly sources: readonly FindingSource[];
  /** Why nothing here became a finding (when `findings` is empty). */
  readonly skipped?: string;
}

/** How a document was read: its sections, in order. */
export interface DocumentReading {
  readonly doc: string;
  readonly sections: readonly SectionReading[];
}

export interface FindingsSet {
  readonly findings: readonly Finding[];
  readonly phases: readonly Phase[];
  readonly warnings: readonly DocumentWarning[];
  /** Each cycle as a list of IDs, first repeated at the end. */
  readonly cycles: readonly (readonly string[])[];
  /** Every dependency edge kept in `dependsOn`, with its source. */
  readonly dependencies?: readonly DependencyEdge[];
  /** How each document was read (one per document). */
  readonly readings?: readonly DocumentReading[];
}

/** The stable `findings --json` shape of one finding. */
export interface FindingJson {
  id: string;
  title: string;
  severity: Severity | null;
  priority: string | null;
  category: string | null;
  status: FindingStatus;
  files: string[];
  symbols: string[];
  dependsOn: string[];
  phases: string[];
  aliases: string[];
  doc: string;
  line: number;
  /** The structure the finding was read from. */
  source: FindingSource;
  /** Ruff rule codes the finding cites. */
  ruffCodes: string[];
  /** The finding says to run `ruff check --fix`. */
  ruffFix: boolean;
}
