/**
 * Python target versions (`py310`, `3.12`, `>=3.11` in requires-python), compared as
 * minor numbers of Python 3.
 */

export interface PythonVersion {
  readonly major: number;
  readonly minor: number;
}

/** Parse `py312`, `3.12`, `python3.12`; undefined when not recognised. */
export function parsePythonVersion(text: string): PythonVersion | undefined {
  const m = /^(?:py(?:thon)?)?3\.?(\d{1,2})$/i.exec(text.trim());
  if (!m) return undefined;
  return { major: 3, minor: Number(m[1]) };
}

/** The lowest version allowed by a `requires-python` specifier (`>=3.10`, `~=3.11`, `>3.9,<4`). */
export function minimumFromRequiresPython(spec: string): PythonVersion | undefined {
  let best: number | undefined;
  for (const part of spec.split(',')) {
    const m = /^\s*(>=|~=|==|>)\s*3\.(\d+)/.exec(part);
    if (!m) continue;
    const minor = Number(m[2]) + (m[1] === '>' ? 1 : 0);
    best = best === undefined ? minor : Math.max(best, minor);
  }
  return best === undefined ? undefined : { major: 3, minor: best };
}

export function atLeast(v: PythonVersion | undefined, minor: number): boolean {
  return v !== undefined && v.minor >= minor;
}
