/**
 * A file that makes ruff's WebAssembly trap (issue #16 item 13): 5,000 nested `+`
 * overflow ruff's recursive checker. The trap leaks the instance's stack, so a later
 * file that ruff could handle when fresh (1,000 nested `+`) then fails with "memory
 * access out of bounds", and so does every call after it. The trapping file fails
 * alone, the instance is recreated, and the other files and findings go on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectExit,
  expectNoCrash,
  faultRepo,
  git,
  MODELS_FIXED,
  remedy,
  subjects,
} from './helpers.js';

const nested = (n: number) =>
  `from typing import Optional\n\ntotal: Optional[int] = ${Array(n).fill('1').join(' + ')}\n`;
// A string that names `Optional` may be an annotation, so nothing proves the rewrite
// harmless and the semantic guard must run on it: that is where ruff traps.
const DEEP = `${nested(5000)}LABEL = "Optional totals"\n`;

const TRAP = `# Audit

### D-01 · LOW — Optional in the generated totals

**File:** \`app/deep.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\`.

### D-02 · LOW — Optional in the models

**File:** \`app/models.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\` and drop the unused import.

## Phases

### Phase 1: Annotations

- **D-01** — Optional in the generated totals
- **D-02** — Optional in the models
`;

function trapRepo(): string {
  return faultRepo(
    { 'app/deep.py': DEEP, 'app/format_trap.py': nested(1000), 'docs/TRAP.md': TRAP },
    { docs: ['docs/TRAP.md'], python: { targetVersion: 'py312' } },
  );
}

describe.concurrent('a file that traps ruff', () => {
  it('fails alone in run, and ruff works again for the next file in the same thread', async () => {
    const repo = trapRepo();
    for (const workers of ['0', '1']) {
      const r = await remedy(
        ['run', 'pep604-optional', 'app', '--format', '--workers', workers],
        repo,
      );
      expectExit(r, 1);
      expect(r.stderr).toMatch(/app\/deep\.py: .*ruff could not check this file/);
      expect(r.stderr).not.toContain('app/format_trap.py');
      expect(r.stderr).not.toContain('app/models.py');
      expect(r.stdout).toContain('+    name: str | None = None');
      expect(r.stdout).toContain('+total: int | None = (\n+    1\n+    + 1\n');
      expect(r.stdout).not.toContain('deep.py');
    }
  });

  it('fails only its finding in plan and apply --phase', async () => {
    const repo = trapRepo();
    const plan = await remedy(['plan', '--json'], repo);
    expectNoCrash(plan);
    const findings = (JSON.parse(plan.stdout) as { findings: { id: string; status: string }[] })
      .findings;
    expect(findings.find((f) => f.id === 'D-02')?.status).toBe('pending');
    const r = await remedy(['apply', '--phase', '1', '--keep-going'], repo);
    expectExit(r, 1, '[1/2] D-01 pep604-optional failed', '[2/2] D-02 pep604-optional committed');
    expect(subjects(repo)).toHaveLength(2);
    expect(fs.readFileSync(path.join(repo, 'app/models.py'), 'utf8')).toBe(MODELS_FIXED);
    expect(fs.readFileSync(path.join(repo, 'app/deep.py'), 'utf8')).toBe(DEEP);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });
});
