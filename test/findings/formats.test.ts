/** Other ways audits are written: findings as list items, fact labels, table columns, task boxes. */
import { describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';

describe('other document shapes', () => {
  it('reads findings written as list items with bold IDs', () => {
    const md = `# Security review

## Findings

- **SEC-1** (High): SQL injection in \`app/db.py\` — \`run_query()\` formats user input.
- [x] **SEC-2:** Debug mode enabled in \`app/settings.py\`. Turn it off.
- SEC-3 — Missing rate limit on \`app/api/login.py\`

## Suggested order

1. **SEC-2** — quick win
2. **SEC-1** — needs tests
`;
    const set = parseFindingsDocument(md, 'review.md');
    expect(set.findings.map((f) => [f.id, f.title, f.severity, f.status, f.files])).toEqual([
      [
        'SEC-1',
        'SQL injection in `app/db.py` — `run_query()` formats user input',
        'high',
        'open',
        ['app/db.py'],
      ],
      ['SEC-2', 'Debug mode enabled in `app/settings.py`', null, 'resolved', ['app/settings.py']],
      ['SEC-3', 'Missing rate limit on `app/api/login.py`', null, 'open', ['app/api/login.py']],
    ]);
    expect(set.findings[0]?.symbols).toEqual(['run_query']);
    expect(set.findings[1]?.sections.Description).toContain('Turn it off.');
    expect(set.phases).toEqual([
      {
        id: 'step-1',
        kind: 'step',
        title: 'quick win',
        findings: ['SEC-2'],
        doc: 'review.md',
        line: 11,
      },
      expect.objectContaining({ id: 'step-2', findings: ['SEC-1'] }),
    ]);
  });

  it('reads severity and status labels and a table of findings with file and status columns', () => {
    const md = `# Audit

### AUTH-01: Tokens never expire

**Severity:** Critical
**Status:** Fixed

**Files:** \`auth/tokens.py\`

| ID | Title | Severity | Status | File |
|----|-------|----------|--------|------|
| AUTH-02 | Weak hashing | Medium | Partial | \`auth/hash.py\` |
| AUTH-03 | No lockout | Low | Open | \`auth/login.py:40\` |
`;
    const set = parseFindingsDocument(md, 'audit.md');
    expect(set.findings.map((f) => [f.id, f.severity, f.status, f.files])).toEqual([
      ['AUTH-01', 'critical', 'resolved', ['auth/tokens.py']],
      ['AUTH-02', 'medium', 'partially-resolved', ['auth/hash.py']],
      ['AUTH-03', 'low', 'open', ['auth/login.py']],
    ]);
    expect(set.findings[2]?.fileRefs[0]?.lines).toEqual({ start: 40, end: 40 });
    expect(set.findings[0]?.attributes).toEqual({ Severity: 'Critical', Status: 'Fixed' });
  });
});
