/**
 * The small audited project the workflow and fault-injection suites share: an audit
 * with two pep604 findings (Q-02 after Q-01) and a manual one in one phase, and the
 * two modules they fix, committed on `main` in a temporary repository.
 */
import { makeGitRepo } from './helpers.js';

export const AUDIT = `# Code audit

## Category 1 — Code Quality

### Q-01 · MEDIUM — Mixed Optional styles in the models

**File:** \`app/models.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\` and drop the unused import.

### Q-02 · LOW — Mixed Optional styles in the services

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
  'from __future__ import annotations\n\nfrom typing import Optional\n\n\nclass User:\n    name: Optional[str] = None\n';
export const SERVICES =
  'from __future__ import annotations\n\nfrom typing import Optional\n\n\ndef find(key: Optional[int]) -> Optional[str]:\n    return None\n';

/** The project in a new repository; `config` is merged into remedy.config.json. */
export function auditedProject(
  extra: Record<string, string> = {},
  config: Record<string, unknown> = {},
): string {
  return makeGitRepo({
    'docs/AUDIT.md': AUDIT,
    'remedy.config.json': JSON.stringify({ docs: ['docs/AUDIT.md'], ...config }),
    'app/__init__.py': '',
    'app/models.py': MODELS,
    'app/services.py': SERVICES,
    ...extra,
  });
}
