/**
 * Submodules and nested repositories (issue #16 item 10): they belong to another
 * repository, so discovery skips them, nothing inside them is written, and no path
 * inside them is ever staged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, initGitRepo, makeTree } from '../helpers.js';
import { expectExit, faultRepo, MODELS, remedy, repoState, subjects } from './helpers.js';

const VENDORED = `# Audit

### V-01 · LOW — Optional in the models and the vendored helpers

**Files:** \`app/models.py\`, \`vendor/lib/util.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\`.
`;

function repoWithSubmodule(): { repo: string; sub: string } {
  const upstream = initGitRepo(makeTree({ 'util.py': MODELS }, 'remedy-fault-upstream-'));
  const repo = faultRepo({ 'docs/VENDORED.md': VENDORED });
  git(repo, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', upstream, 'vendor/lib');
  git(repo, 'commit', '-qm', 'vendor lib');
  return { repo, sub: path.join(repo, 'vendor/lib') };
}

describe.concurrent('submodules and nested repositories', () => {
  it('are skipped by discovery: run --write leaves them alone', async () => {
    const { repo, sub } = repoWithSubmodule();
    // A nested repository that is not a submodule (a checkout inside the work tree).
    const nested = path.join(repo, 'scratch');
    fs.mkdirSync(nested);
    fs.writeFileSync(path.join(nested, 'tool.py'), MODELS);
    initGitRepo(nested);
    const r = await remedy(['run', 'pep604-optional', '--write'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(sub, 'util.py'), 'utf8')).toBe(MODELS);
    expect(fs.readFileSync(path.join(nested, 'tool.py'), 'utf8')).toBe(MODELS);
    expect(git(sub, 'status', '--porcelain')).toBe('');
    expect(git(repo, 'status', '--porcelain')).toBe(
      ' M app/models.py\n M app/services.py\n?? scratch/\n',
    );
    // Named in this repository (--repo): refused. (Without --repo, a path inside the
    // submodule is worked on in the submodule's own repository, as git would.)
    const named = await remedy(
      ['run', 'pep604-optional', 'vendor/lib/util.py', '--write', '--repo', '.'],
      repo,
    );
    expectExit(named, 1, 'inside the submodule or nested repository vendor/lib');
    expect(fs.readFileSync(path.join(sub, 'util.py'), 'utf8')).toBe(MODELS);
  });

  it('are never staged: a finding naming a submodule file fails clearly, nothing changed', async () => {
    const { repo, sub } = repoWithSubmodule();
    const before = repoState(repo);
    const r = await remedy(['apply', 'V-01', '--doc', 'docs/VENDORED.md'], repo);
    expectExit(r, 1);
    expect(r.stderr).not.toContain('Pathspec');
    expect(r.stderr).toContain('vendor/lib/util.py');
    expect(r.stderr).toContain('submodule');
    expect(repoState(repo)).toEqual(before);
    expect(git(sub, 'status', '--porcelain')).toBe('');
    expect((await remedy(['apply', 'Q-01'], repo)).code).toBe(0);
    expect(subjects(repo)).toHaveLength(3);
  });
});
