/**
 * Ruff rules a finding cites (`UP045`, `W293`, `F401`, `PLR0913`) and whether it says to
 * run `ruff check --fix`, as facts the planner can map to a ruff-fix transform. Python
 * code blocks are left out (a `# noqa: F401` there is code, not the finding's request).
 */

/** Ruff's multi-letter rule prefixes (linters), longest first so `PLR` wins over `PL`. */
const PREFIXES = [
  'ASYNC',
  'FURB',
  'PERF',
  'FAST',
  'SLOT',
  'ANN',
  'ARG',
  'BLE',
  'COM',
  'CPY',
  'DJ',
  'DOC',
  'DTZ',
  'EM',
  'ERA',
  'EXE',
  'FA',
  'FBT',
  'FIX',
  'FLY',
  'ICN',
  'INP',
  'INT',
  'ISC',
  'LOG',
  'NPY',
  'PD',
  'PGH',
  'PIE',
  'PLC',
  'PLE',
  'PLR',
  'PLW',
  'PT',
  'PTH',
  'PYI',
  'RET',
  'RSE',
  'RUF',
  'SIM',
  'SLF',
  'TCH',
  'TC',
  'TD',
  'TID',
  'TRY',
  'UP',
  'YTT',
  'AIR',
  'C4',
  'C90',
  'T10',
  'T20',
].sort((a, b) => b.length - a.length);

/** Single-letter linters, within the ranges ruff uses (so `A100` GPUs and `B200` models stay text). */
const SINGLE =
  'A00\\d|B[0-9]\\d\\d|D[1-4]\\d\\d|E[1-9]\\d\\d|F[4-9]\\d\\d|G[0-2]\\d\\d|I00\\d|N[8-9]\\d\\d|Q00\\d|S[1-7]\\d\\d|W[1-6]\\d\\d';

const CODE = new RegExp(
  `(?<![\\w-])(?:(?:${PREFIXES.join('|')})\\d{3,4}|${SINGLE})(?![\\w-])`,
  'g',
);
const FIX_ALL = /\bruff(?:\s+check)?\b[^\n`]*?\s--fix\b/i;
const PYTHON_FENCE = /^( {0,3})(`{3,}|~{3,})\s*(py|python|python3)?\b[^\n]*\n[\s\S]*?^\1\2\s*$/gm;

export interface RuffFacts {
  readonly codes: string[];
  readonly fix: boolean;
}

/** The rule codes a finding's markdown cites (in order, once each) and the `--fix` request. */
export function ruffFacts(markdown: string): RuffFacts {
  const text = markdown.replace(PYTHON_FENCE, (block, _indent, _fence, lang) =>
    lang ? '' : block,
  );
  const codes = [...new Set([...text.matchAll(CODE)].map((m) => m[0]))];
  return { codes, fix: FIX_ALL.test(text) };
}
