/**
 * Unsafe fixes in the workflow, with the real CLI: diff and plan hold them back and say
 * how many; `--unsafe`, or `"unsafe": true` on the finding's config entry, includes them.
 */
import { describe, expect, it } from 'vitest';
import { makeGitRepo, runCli } from '../helpers.js';

const AUDIT = `# Audit

### Q-01 · LOW — Mixed Optional styles

**File:** \`app/models.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\`.
`;

/** A runtime use of Optional: rewriting it needs Python 3.10, and the target is 3.9. */
const MODELS = 'from typing import Optional, cast\n\nLIMIT = cast(Optional[int], None)\n';

function project(findings: Record<string, unknown> = {}): string {
  return makeGitRepo({
    'docs/AUDIT.md': AUDIT,
    'remedy.config.json': JSON.stringify({ docs: ['docs/AUDIT.md'], findings }),
    'ruff.toml': 'target-version = "py39"\n',
    'app/__init__.py': '',
    'app/models.py': MODELS,
  });
}

describe('unsafe fixes in diff and plan', () => {
  it('are held back, counted, and included with --unsafe', () => {
    const repo = project();
    const held = runCli(['diff', 'Q-01'], repo);
    expect(held.code, held.stderr).toBe(0);
    expect(held.stdout).toBe('');
    expect(held.stderr).toContain('Q-01 Mixed Optional styles [pep604-optional]: no-op');
    expect(held.stderr).toContain('1 unsafe fix held back; --unsafe to include');
    const plan = JSON.parse(runCli(['plan', '--json'], repo).stdout) as {
      findings: { id: string; status: string; heldBack: number }[];
    };
    expect(plan.findings[0]).toMatchObject({ id: 'Q-01', status: 'no-op', heldBack: 1 });
    const forced = runCli(['diff', 'Q-01', '--unsafe'], repo);
    expect(forced.stdout).toContain('+LIMIT = cast(int | None, None)');
    expect(forced.stderr).not.toContain('held back');
  });

  it('are included for a finding whose config entry says "unsafe": true', () => {
    const repo = project({ 'Q-01': { unsafe: true } });
    const diff = runCli(['diff', 'Q-01', '--json'], repo);
    const parsed = JSON.parse(diff.stdout) as {
      findings: { status: string; heldBack: number; files: { diff: string }[] }[];
    };
    expect(parsed.findings[0]).toMatchObject({ status: 'changed', heldBack: 0 });
    expect(parsed.findings[0]!.files[0]!.diff).toContain('+LIMIT = cast(int | None, None)');
  });
});
