/** A finding being assembled from everything a document says about it (before `buildFinding`). */
import type { RootContent } from 'mdast';
import type { IdHeading } from './ids.js';
import type { Section } from './outline.js';
import type { IdRow } from './tables.js';
import type { FindingSource } from './types.js';

/** A finding being assembled from everything the document says about one ID. */
export interface Draft {
  readonly id: string;
  title: string;
  readonly idSynthesized: boolean;
  line: number;
  column: number;
  /** Where the finding is defined: its own section (heading) or the table's (row). */
  home: Section;
  readonly heading?: {
    readonly section: Section;
    readonly parsed: IdHeading;
    readonly blocks: RootContent[];
  };
  /** Table rows whose ID cell is this ID, in document order. */
  readonly rows: IdRow[];
  /** Extra text the document gives elsewhere (`- **CF-05:** Add ...`), by section name. */
  readonly attachments: { readonly name: string; readonly blocks: RootContent[] }[];
  /** Blocks of the list item a synthesised finding was made from. */
  readonly itemBlocks?: RootContent[];
  /** A task-list item marked done (`- [x] ...`). */
  readonly checked?: boolean;
  /** The item's ID and title are struck through (`~~**Task 4: ...**~~`). */
  readonly struck?: boolean;
  /** Severity and status markers of a list item that defines the finding. */
  readonly marker?: IdHeading;
  /** Analysis elsewhere in the document that a synthesised finding was linked to. */
  readonly evidence: RootContent[];
  readonly aliases: string[];
  /** The priority the item itself states (`(P3)`), when it does. */
  readonly priority?: string;
  /** A resolution section (`Fixes Applied`, `✅ Completed`) holds or names it. */
  resolvedInDoc?: boolean;
  /** The structure the finding was read from. */
  readonly source: FindingSource;
}
