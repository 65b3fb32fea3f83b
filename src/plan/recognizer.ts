/**
 * The recognizer contract: how the planner learns which transform a finding asks for.
 * A recognizer belongs to one transform (`transforms/<id>/recognizer.ts`) and reads
 * only the finding (its prose, tables and code blocks); the transform itself never
 * sees findings. `transforms/recognizers.ts` lists them in the order inference tries them.
 */
import type { Finding } from '../findings/types.js';

export interface Recognizer<O = unknown> {
  /** The id of the transform whose options it infers. */
  readonly transform: string;
  /** Does this finding ask for the transform? Its options, or undefined. */
  infer(finding: Finding): O | undefined;
  /**
   * Extra facts `plan` and `show` print under the finding (how old names pair with new
   * ones, where the auditor's sketch disagrees with the code). `options` are the step's
   * raw options; `read` returns a repository file's text, or undefined.
   */
  explain?(
    finding: Finding,
    options: O,
    read: (path: string) => string | undefined,
  ): readonly string[];
  /**
   * Asked when no recognizer infers the finding: it asks for this transform's kind of
   * change but leaves out what only its author can give (a log message elided as `...`).
   * The reason it stays manual, said in the plan; undefined when that is not the case.
   */
  decline?(finding: Finding): string | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: the list holds recognizers of every option type
export type AnyRecognizer = Recognizer<any>;
