/**
 * The planner's side of ruff-fix: a finding that cites ruff rule codes (`UP045`,
 * `W293`) or asks to run `ruff check --fix` maps to ruff's own fixes for exactly those
 * codes, on the paths its `ruff check` command names (`backend/`), else on the files it
 * names, else on the whole project. A finding that names no code gets the project's
 * configured rules. The reader finds the codes and the `--fix` request (`ruffCodes`,
 * `ruffFix`); codes alone count only where the finding speaks of ruff.
 */
import type { Finding } from '../../src/findings/types.js';

export interface RuffFixOptions {
  /** Rule codes or prefixes to fix; the project's configured rules when absent. */
  readonly select?: readonly string[];
  /** Repository-relative files or directories (`backend/`); everything when absent. */
  readonly paths?: readonly string[];
}

const PYTHON_FENCE = /```(?:py|python|python3)\b[\s\S]*?```/g;
const COMMAND = /`(ruff\s+check\b[^`]*)`/g;
/** Options of `ruff check` that take a value. */
const VALUED = new Set([
  '--select',
  '--extend-select',
  '--ignore',
  '--extend-ignore',
  '--config',
  '--target-version',
  '--line-length',
  '--exclude',
  '--extend-exclude',
  '--per-file-ignores',
  '--output-format',
]);

function prose(finding: Finding): string {
  return `${finding.title}\n${finding.body}`.replace(PYTHON_FENCE, '');
}

/** The `ruff check` commands the finding quotes, those with `--fix` first. */
function commands(text: string): string[] {
  const all = [...text.matchAll(COMMAND)].map((m) => m[1]!);
  return [...all.filter((c) => /\s--fix\b/.test(c)), ...all.filter((c) => !/\s--fix\b/.test(c))];
}

/** The path arguments of a `ruff check` command. */
export function commandPaths(command: string): string[] {
  const words = command.split(/\s+/).slice(2);
  const paths: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (VALUED.has(word)) i++;
    else if (!word.startsWith('-') && word !== '.') paths.push(word.replace(/\/+$/, ''));
  }
  return paths;
}

export function inferRuffFix(finding: Finding): RuffFixOptions | undefined {
  const text = prose(finding);
  const codes = finding.ruffCodes ?? [];
  const fix = finding.ruffFix ?? false;
  if (!fix && (codes.length === 0 || !/\bruff\b/i.test(text))) return undefined;
  const command = commands(text)[0];
  const fromCommand = command ? commandPaths(command) : [];
  const files = finding.fileRefs.filter((r) => r.role !== 'create').map((r) => r.path);
  const paths = fromCommand.length > 0 ? fromCommand : files;
  return {
    ...(codes.length > 0 ? { select: codes } : {}),
    ...(paths.length > 0 ? { paths } : {}),
  };
}

export function explainRuffFix(finding: Finding, options: RuffFixOptions): string[] {
  const rules = options.select?.length
    ? options.select.join(', ')
    : "the project's configured rules";
  const where = options.paths?.length ? ` in ${options.paths.join(', ')}` : '';
  const lines = [
    `ruff's own fixes for ${rules}${where}; unsafe ones are held back unless --unsafe`,
  ];
  if (/--unsafe-fixes\b/.test(prose(finding)))
    lines.push(
      'the finding asks for --unsafe-fixes: run with --unsafe (or "unsafe": true in its config entry)',
    );
  return lines;
}

export const recognizer = {
  transform: 'ruff-fix',
  infer: inferRuffFix,
  explain: explainRuffFix,
};
