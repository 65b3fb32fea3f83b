/** Ruff rule codes and `ruff check --fix` requests read from findings, as facts for the planner. */
import { describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import { ruffFacts } from '../../src/findings/ruff.js';

describe('ruffFacts', () => {
  it('reads rule codes once each, in order', () => {
    expect(
      ruffFacts('Fix UP045 and W293 (trailing whitespace); F401 twice: F401. PLR0913 too.'),
    ).toEqual({
      codes: ['UP045', 'W293', 'F401', 'PLR0913'],
      fix: false,
    });
  });

  it('leaves look-alikes alone: GPUs, standards, TypeScript errors, Python noqa comments', () => {
    const text =
      'Runs on an A100 with ISO8601 dates, RFC7807 bodies and TS2345 errors.\n\n```python\nimport os  # noqa: F401\n```\n';
    expect(ruffFacts(text)).toEqual({ codes: [], fix: false });
  });

  it('sees a request to run ruff check --fix, with or without codes', () => {
    expect(ruffFacts('Run `ruff check --fix` on `app/`.')).toEqual({ codes: [], fix: true });
    expect(ruffFacts('```bash\nruff check --select UP045 --fix backend/\n```')).toEqual({
      codes: ['UP045'],
      fix: true,
    });
  });
});

describe('findings with ruff codes', () => {
  it('carries them on the finding', () => {
    const md = `# Lint audit

### L-1: Optional annotations (UP045)

**File:** \`app/models.py\`

**Fix:** run \`ruff check --select UP045 --fix app/\`.

### L-2: Unused imports

**File:** \`app/api.py:3, 9\`

**Fix:** remove them (F401).

### L-3: Docstrings

**File:** \`app/util.py\`
`;
    const [l1, l2, l3] = parseFindingsDocument(md, 'lint.md').findings;
    expect(l1).toMatchObject({ ruffCodes: ['UP045'], ruffFix: true });
    expect(l2).toMatchObject({ ruffCodes: ['F401'] });
    expect(l2?.ruffFix).toBeUndefined();
    expect(l2?.fileRefs[0]?.ranges).toEqual([
      { start: 3, end: 3 },
      { start: 9, end: 9 },
    ]);
    expect(l3?.ruffCodes).toBeUndefined();
  });
});
