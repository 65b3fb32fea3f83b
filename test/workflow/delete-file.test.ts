/**
 * `ctx.deleteFile`: a project-reading transform can delete a file. The diff shows the
 * deletion in git's form (`git apply` takes it), `run --write` removes the file, apply
 * commits the deletion, a failed verify restores it, unsafe deletions wait for
 * `--unsafe`, and a dry run's later steps no longer see the file. Real engine, real
 * workflow, real git; the transform is a test one (deleting-transform.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { ChangedFile } from '../../src/core/result.js';
import { writeResults } from '../../src/engine/apply-results.js';
import { unifiedDiff } from '../../src/engine/diff.js';
import { DiskStore, OverlayStore } from '../../src/engine/store.js';
import { GitRepo } from '../../src/git/repo.js';
import { registerBuiltinLanguages } from '../../src/languages.js';
import { withTransforms } from '../../src/plan/mapping.js';
import { type ApplyOptions, applyFindings } from '../../src/workflow/apply.js';
import { openSession, selectFindings } from '../../src/workflow/session.js';
import { loadCatalog } from '../../transforms/index.js';
import pep604 from '../../transforms/pep604-optional/index.js';
import { runIn } from '../harness.js';
import { git, makeGitRepo } from '../helpers.js';
import deleting from './deleting-transform.js';

const AUDIT = `# Audit

### Q-01 · LOW — Remove the legacy module

**File:** \`app/legacy.py\`

## Remediation Phases

### Phase 1: Clean-up

- **Q-01** — Remove the legacy module
`;

const FILES = {
  'docs/AUDIT.md': AUDIT,
  'remedy.config.json': JSON.stringify({
    docs: ['docs/AUDIT.md'],
    findings: {
      'Q-01': {
        transform: 'deleting-transform',
        options: { delete: 'app/legacy.py', touch: 'app/main.py' },
      },
    },
  }),
  'app/__init__.py': '',
  'app/legacy.py': 'OLD = 1\n',
  'app/main.py': 'MAIN = 2\n',
};

async function apply(root: string, verify: string | undefined) {
  const config = loadConfig(root);
  const catalog = await loadCatalog();
  const module = new URL('./deleting-transform.ts', import.meta.url).href;
  const session = await openSession(
    root,
    config,
    config.docs,
    withTransforms(catalog, [{ transform: deleting, module }]),
  );
  const { findings } = selectFindings(session, ['Q-01'], undefined);
  const options: ApplyOptions = {
    config,
    format: true,
    guard: true,
    allowUnsafe: false,
    commit: true,
    verify,
    verifyTimeout: 60,
    baseline: false,
    hooks: true,
    keepGoing: false,
    ignoreDeps: false,
    allowDirty: false,
    branch: undefined,
  };
  return applyFindings(session, await GitRepo.open(root), findings, options);
}

describe('ctx.deleteFile', () => {
  it('shows the deletion as a git diff, which git apply takes, and run --write removes the file', async () => {
    await registerBuiltinLanguages();
    const root = makeGitRepo(FILES);
    const outcome = await runIn(root, deleting, { options: { delete: 'app/legacy.py' } });
    const [result] = outcome.results;
    expect(result).toMatchObject({ kind: 'changed', path: 'app/legacy.py', deleted: true });
    const diff = unifiedDiff(result as ChangedFile);
    expect(diff).toBe(
      'diff --git a/app/legacy.py b/app/legacy.py\ndeleted file mode 100644\n--- a/app/legacy.py\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-OLD = 1\n',
    );
    fs.writeFileSync(path.join(root, '..', 'deletion.patch'), diff);
    git(root, 'apply', '--check', path.join(root, '..', 'deletion.patch'));
    expect(writeResults(root, outcome, 'project')).toBe(true);
    expect(fs.existsSync(path.join(root, 'app/legacy.py'))).toBe(false);
  });

  it('holds an unsafe deletion back unless --unsafe', async () => {
    await registerBuiltinLanguages();
    const root = makeGitRepo(FILES);
    const options = { delete: 'app/legacy.py', unsafe: true };
    const held = await runIn(root, deleting, { options });
    expect(held.results).toEqual([]);
    expect(held.heldBack).toBe(1);
    expect(held.diagnostics[0]!.message).toContain('delete app/legacy.py');
    const forced = await runIn(root, deleting, { options, allowUnsafe: true });
    expect(forced.results[0]).toMatchObject({ deleted: true });
  });

  it('apply commits the deletion with the other changes of the finding', async () => {
    const root = makeGitRepo(FILES);
    const report = await apply(root, undefined);
    expect(report.results[0]).toMatchObject({ kind: 'changed', commit: expect.any(String) });
    expect(git(root, 'show', '--name-status', '--format=', 'HEAD').trim().split('\n')).toEqual([
      'D\tapp/legacy.py',
      'M\tapp/main.py',
    ]);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('a failed verify restores the deleted file and the edited one, and commits nothing', async () => {
    const root = makeGitRepo(FILES);
    const report = await apply(root, 'exit 3');
    expect(report.results[0]).toMatchObject({ kind: 'failed' });
    expect(fs.readFileSync(path.join(root, 'app/legacy.py'), 'utf8')).toBe('OLD = 1\n');
    expect(fs.readFileSync(path.join(root, 'app/main.py'), 'utf8')).toBe('MAIN = 2\n');
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(git(root, 'log', '--format=%s').trim()).toBe('initial');
  });

  it('later steps of a dry run no longer see a deleted file', async () => {
    await registerBuiltinLanguages();
    const root = makeGitRepo({
      ...FILES,
      'app/legacy.py': 'from typing import Optional\nX: Optional[int] = None\n',
    });
    const store = new OverlayStore(new DiskStore(root));
    store.delete('app/legacy.py');
    expect(store.exists('app/legacy.py')).toBe(false);
    expect(store.read('app/legacy.py').ok).toBe(false);
    const outcome = await runIn(root, pep604, { store, allowUnsafe: true });
    expect(outcome.results.map((r) => r.path)).not.toContain('app/legacy.py');
    expect(outcome.results.every((r) => r.kind !== 'failed')).toBe(true);
  });
});
