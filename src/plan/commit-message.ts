/**
 * Conventional commit messages for a finding:
 * `<type>(<scope>): resolve <ID> — <subject>`, a body with the finding's facts, and
 * the trailer `Remedy-Finding: <ID>` that marks the finding as applied.
 */
import type { Finding } from '../findings/types.js';
import { FINDING_TRAILER } from '../git/repo.js';

const TYPE_RULES: readonly [RegExp, string][] = [
  [/secur|vulnerab|auth|bug|correct|leak/i, 'fix'],
  [/test/i, 'test'],
  [/perform|latenc|speed|cach/i, 'perf'],
  [/packag|depend|build|requirement/i, 'build'],
  [/doc/i, 'docs'],
  [/duplic|quality|architect|design|refactor|maintain|style|clean/i, 'refactor'],
];

/** Commit type from the finding's category (then its ID prefix and title). */
export function commitType(finding: Finding): string {
  for (const text of [finding.category ?? '', finding.id, finding.title]) {
    for (const [pattern, type] of TYPE_RULES) if (pattern.test(text)) return type;
  }
  return 'fix';
}

/** Scope from config, else the first path segment common to all touched files. */
export function commitScope(
  configScope: string | undefined,
  touched: readonly string[],
): string | undefined {
  if (configScope) return configScope;
  const firsts = new Set(touched.map((p) => (p.includes('/') ? p.split('/')[0]! : '')));
  if (firsts.size !== 1) return undefined;
  const [only] = [...firsts];
  return only || undefined;
}

export interface CommitMessageInput {
  readonly finding: Finding;
  readonly subject: string;
  readonly scope: string | undefined;
  readonly touched: readonly string[];
  readonly transform: string;
}

export function commitMessage(input: CommitMessageInput): string {
  const { finding } = input;
  const scope = input.scope ? `(${input.scope})` : '';
  const header = `${commitType(finding)}${scope}: resolve ${finding.id} — ${input.subject}`;
  const body = [
    `${finding.id}: ${finding.title}`,
    '',
    `Severity: ${finding.severity ?? 'unspecified'}`,
    `Document: ${finding.doc}:${finding.line}`,
    `Transform: ${input.transform}`,
    'Files:',
    ...input.touched.map((f) => `- ${f}`),
  ];
  return `${header}\n\n${body.join('\n')}\n\n${FINDING_TRAILER}: ${finding.id}\n`;
}
