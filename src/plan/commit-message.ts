/**
 * Conventional commit messages for a finding:
 * `<type>(<scope>): resolve <ID> — <subject>`, a body with the finding's facts, and
 * one trailer block — `Remedy-Finding: <ID>` (marks the finding as applied),
 * `Remedy-Transform: <id>`, `Remedy-Verified: <command> (passed)` — that
 * `git interpret-trailers --parse` reads. The type comes from the config when it
 * names one, else it is guessed from the finding.
 */
import type { Finding, Severity } from '../findings/types.js';
import { FINDING_TRAILER } from '../git/repo.js';

export const TRANSFORM_TRAILER = 'Remedy-Transform';
export const VERIFIED_TRAILER = 'Remedy-Verified';

const TYPE_RULES: readonly [RegExp, string][] = [
  [/secur|vulnerab|auth|bug|correct|leak/i, 'fix'],
  [/test/i, 'test'],
  [/perform|latenc|speed|cach/i, 'perf'],
  [/packag|depend|build|requirement/i, 'build'],
  [/doc/i, 'docs'],
  [/duplic|quality|architect|design|refactor|maintain|style|clean/i, 'refactor'],
];

/**
 * The type a `commitTypes` map gives a finding: a key matches when the finding's
 * category contains it as words (`"security"` ~ `Category 1 — Security`) or its ID
 * starts with it (`"B-SEC"`). Case-insensitive; the longest matching key wins.
 */
export function configuredType(
  finding: Finding,
  map: ReadonlyMap<string, string>,
): string | undefined {
  let best: [string, string] | undefined;
  for (const [key, type] of map) {
    const words = new RegExp(`(^|\\W)${escapeRegExp(key)}($|\\W)`, 'i');
    const hit =
      words.test(finding.category ?? '') || finding.id.toLowerCase().startsWith(key.toLowerCase());
    if (hit && (!best || key.length > best[0].length)) best = [key, type];
  }
  return best?.[1];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Commit type guessed from the finding's category (then its ID prefix and title). */
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

const PRIORITY_SEVERITY: Record<string, Severity> = {
  '0': 'critical',
  '1': 'high',
  '2': 'medium',
  '3': 'low',
};

/** The finding's severity, else the one its priority implies (P0 critical … P3 low). */
export function effectiveSeverity(finding: Finding): Severity | undefined {
  if (finding.severity) return finding.severity;
  const priority = finding.priority ?? '';
  const level = /\bP([0-3])\b/i.exec(priority)?.[1];
  if (level) return PRIORITY_SEVERITY[level];
  const word = /\b(critical|high|medium|low)\b/i.exec(priority)?.[1];
  return word ? (word.toLowerCase() as Severity) : undefined;
}

export interface CommitMessageInput {
  readonly finding: Finding;
  readonly subject: string;
  readonly scope: string | undefined;
  readonly touched: readonly string[];
  readonly transform: string;
  /** The type the config gives (`findings.<ID>.type` or `commitTypes`); else guessed. */
  readonly type?: string;
  /** The verify command that passed before the commit, if one ran. */
  readonly verified?: string;
}

/** One line: a trailer value may not span lines. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

export function commitMessage(input: CommitMessageInput): string {
  const { finding } = input;
  const scope = input.scope ? `(${input.scope})` : '';
  const type = input.type ?? commitType(finding);
  const header = `${type}${scope}: resolve ${finding.id} — ${input.subject}`;
  const body = [
    `${finding.id}: ${finding.title}`,
    '',
    `Severity: ${effectiveSeverity(finding) ?? 'unspecified'}`,
    `Document: ${finding.doc}:${finding.line}`,
    `Transform: ${input.transform}`,
    'Files:',
    ...input.touched.map((f) => `- ${f}`),
  ];
  const trailers = [
    `${FINDING_TRAILER}: ${finding.id}`,
    `${TRANSFORM_TRAILER}: ${input.transform}`,
    ...(input.verified ? [`${VERIFIED_TRAILER}: ${oneLine(input.verified)} (passed)`] : []),
  ];
  return `${header}\n\n${body.join('\n')}\n\n${trailers.join('\n')}\n`;
}
