/**
 * A small audited project for the CLI tests: an audit with an automatable phase
 * (two pep604 findings, a hoist-imports one) and a manual finding, the config at the
 * top level, committed in a temporary git repository.
 */
import { spawn } from 'node:child_process';
import { type CliResult, makeGitRepo, REMEDY_BIN } from '../helpers.js';

export const AUDIT = `# Code audit

## Category 1 — Code Quality

### Q-01 — Mixed Optional styles in the models

**Priority:** P1

**Category:** Code Quality

**File:** \`app/models.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\` and drop the unused import.

### Q-02 · MEDIUM — Mixed Optional styles in the services

**File:** \`app/services.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\`. Do this after Q-01.

### Q-03 · LOW — Rethink the retry policy

**File:** \`app/services.py\`

**Fix:** Decide on a retry budget with the team.

## Remediation Phases

### Phase 1: Annotations

- **Q-01** — Mixed Optional styles in the models
- **Q-02** — Mixed Optional styles in the services
- **Q-03** — Rethink the retry policy
`;

export const MODELS =
  'from __future__ import annotations\n\nfrom typing import Optional\n\n\nclass User:\n    name: Optional[str] = None\n    email: Optional[str] = None\n';
export const SERVICES =
  'from __future__ import annotations\n\nfrom typing import Optional\n\n\ndef find(key: Optional[int]) -> Optional[str]:\n    return None\n';

/** The project as a committed git repository; `extra` adds or replaces files. */
export function makeAuditProject(
  extra: Record<string, string> = {},
  config: Record<string, unknown> = {},
): string {
  return makeGitRepo({
    'docs/AUDIT.md': AUDIT,
    'remedy.config.json': JSON.stringify({ docs: ['docs/AUDIT.md'], ...config }, null, 2),
    'app/__init__.py': '',
    'app/models.py': MODELS,
    'app/services.py': SERVICES,
    'app/sub/__init__.py': '',
    ...extra,
  });
}

/** `runCli` without blocking, so read-only runs can overlap. */
export function runCliAsync(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [REMEDY_BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
