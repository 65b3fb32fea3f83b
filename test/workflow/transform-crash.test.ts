/**
 * A transform that throws (a bug in it) fails its finding, never the run: a phase
 * stops there with the commits so far, and with keepGoing applies the other findings.
 * Real repository, real session and real git; the only invented part is the buggy
 * transform, mapped to finding Q-01 in the config.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { GitRepo } from '../../src/git/repo.js';
import { withTransforms } from '../../src/plan/mapping.js';
import { type ApplyOptions, applyFindings } from '../../src/workflow/apply.js';
import { openSession, selectFindings } from '../../src/workflow/session.js';
import { loadCatalog } from '../../transforms/index.js';
import { git, makeGitRepo } from '../helpers.js';
import crashing from './crashing-transform.js';

const AUDIT = `# Audit

### Q-01 · HIGH — Tidy the cache

**File:** \`app/cache.py\`

### Q-02 · LOW — Mixed Optional styles

**File:** \`app/models.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\`.

## Remediation Phases

### Phase 1: Clean-up

- **Q-01** — Tidy the cache
- **Q-02** — Mixed Optional styles
`;

const MODELS =
  'from __future__ import annotations\n\nfrom typing import Optional\n\n\nclass User:\n    name: Optional[str] = None\n';

async function applyPhase(keepGoing: boolean) {
  const root = makeGitRepo({
    'docs/AUDIT.md': AUDIT,
    'remedy.config.json': JSON.stringify({
      docs: ['docs/AUDIT.md'],
      findings: { 'Q-01': { transform: 'crashing-transform' } },
    }),
    'app/__init__.py': '',
    'app/cache.py': 'CACHE = {}\n',
    'app/models.py': MODELS,
  });
  const config = loadConfig(root);
  const catalog = await loadCatalog();
  const crashingModule = new URL('./crashing-transform.ts', import.meta.url).href;
  const session = await openSession(
    root,
    config,
    config.docs,
    withTransforms(catalog, [{ transform: crashing, module: crashingModule }]),
  );
  const { findings } = selectFindings(session, [], '1');
  const options: ApplyOptions = {
    config,
    format: true,
    guard: true,
    allowUnsafe: false,
    commit: true,
    verify: undefined,
    baseline: true,
    verifyTimeout: 60,
    hooks: true,
    keepGoing,
    ignoreDeps: false,
    allowDirty: false,
    branch: 'fix/clean-up',
  };
  const report = await applyFindings(session, await GitRepo.open(root), findings, options);
  return { root, report };
}

describe('a transform that throws', () => {
  it('fails its finding with the message, the place and the stack; the phase stops there', async () => {
    const { root, report } = await applyPhase(false);
    const [q01] = report.results;
    expect(q01).toMatchObject({ kind: 'failed', finding: { id: 'Q-01' } });
    const failed = q01 as Extract<typeof q01, { kind: 'failed' }>;
    expect(failed.reason).toMatch(
      /^internal error in crashing-transform: Cannot read properties of undefined \(reading 'size'\) \(at test\/workflow\/crashing-transform\.ts:\d+:\d+\)$/,
    );
    expect(failed.stack).toContain('at lookup');
    expect(failed.hint).toContain('--debug');
    expect(report.stoppedAt).toBe('Q-01');
    expect(report.notRun).toEqual(['Q-02']);
    expect(git(root, 'log', '--format=%s').trim().split('\n')).toEqual(['initial']);
  });

  it('with keepGoing, lets the phase apply and commit the other findings', async () => {
    const { root, report } = await applyPhase(true);
    expect(report.results.map((r) => `${r.finding.id}:${r.kind}`)).toEqual([
      'Q-01:failed',
      'Q-02:changed',
    ]);
    expect(report.stoppedAt).toBeUndefined();
    expect(git(root, 'log', '--format=%s').trim().split('\n')).toEqual([
      'refactor(app): resolve Q-02 — use X | None instead of Optional[X]',
      'initial',
    ]);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });
});
