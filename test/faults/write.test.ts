/**
 * Faults when writing (issue #16 items 3, 6, 7): a write that fails half-way through a
 * project transform, symlinked files, and symlinked directories that lead outside
 * the repository. Writes are all or nothing, links stay links, and nothing outside
 * the root is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../harness.js';
import {
  expectExit,
  faultRepo,
  git,
  MODELS,
  MODELS_FIXED,
  remedy,
  repoState,
  withImmutable,
} from './helpers.js';

const HELPERS = 'def helper():\n    return 1\n';
const USER = 'from app.helpers import helper\n\n\ndef use():\n    return helper()\n';

describe.concurrent('run --write of a project transform', () => {
  it('is all or nothing: a later file that cannot be written rolls back the earlier ones', async () => {
    const repo = faultRepo({ 'app/helpers.py': HELPERS, 'app/user.py': USER });
    const options = JSON.stringify({
      renames: [{ file: 'app/helpers.py', from: 'helper', to: 'shared_helper' }],
    });
    const dry = await remedy(['run', 'rename-symbols', '--options', options], repo);
    expect(dry.stdout).toContain('+def shared_helper():');
    expect(dry.stdout).toContain('+from app.helpers import shared_helper');
    const before = repoState(repo);
    const r = await withImmutable([path.join(repo, 'app/user.py')], () =>
      remedy(['run', 'rename-symbols', '--options', options, '--write'], repo),
    );
    expectExit(r, 1, 'cannot write app/user.py: permission denied', 'nothing was written');
    expect(repoState(repo)).toEqual(before);
  });
});

describe.concurrent('a symlinked Python file inside the repository', () => {
  it('is fixed in its target, and the link stays a link (mode 120000)', async () => {
    const repo = faultRepo();
    fs.symlinkSync('models.py', path.join(repo, 'app/alias.py'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'alias');
    const r = await remedy(['run', 'pep604-optional', 'app/alias.py', '--write'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.lstatSync(path.join(repo, 'app/alias.py')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(repo, 'app/models.py'), 'utf8')).toBe(MODELS_FIXED);
    git(repo, 'checkout', '--', '.');
  });

  it('is committed as its target by apply, the link untouched', async () => {
    const repo = faultRepo();
    fs.renameSync(path.join(repo, 'app/models.py'), path.join(repo, 'app/real_models.py'));
    fs.symlinkSync('real_models.py', path.join(repo, 'app/models.py'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'models behind a link');
    const r = await remedy(['apply', 'Q-01'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(git(repo, 'ls-files', '-s', 'app/models.py')).toMatch(/^120000 /);
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('app/real_models.py');
    expect(fs.readFileSync(path.join(repo, 'app/real_models.py'), 'utf8')).toBe(MODELS_FIXED);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('is refused when it points outside the repository', async () => {
    const outside = path.join(tempDir('remedy-fault-outside-'), 'models.py');
    fs.writeFileSync(outside, MODELS);
    const repo = faultRepo();
    fs.rmSync(path.join(repo, 'app/models.py'));
    fs.symlinkSync(outside, path.join(repo, 'app/models.py'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'models outside');
    const before = repoState(repo);
    const r = await remedy(['apply', 'Q-01'], repo);
    expectExit(r, 1, 'app/models.py', 'outside the repository');
    expect(fs.readFileSync(outside, 'utf8')).toBe(MODELS);
    expect(repoState(repo)).toEqual(before);
  });
});

describe.concurrent('a symlinked directory that leads outside the repository', () => {
  function linkedRepo(config: Record<string, unknown> = {}) {
    const outside = tempDir('remedy-fault-outside-');
    fs.writeFileSync(path.join(outside, 'ext.py'), MODELS);
    const repo = faultRepo({}, config);
    fs.symlinkSync(outside, path.join(repo, 'app/ext'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'link to a shared directory');
    return { repo, outside };
  }

  it('is never written through by run --write', async () => {
    const { repo, outside } = linkedRepo();
    const before = repoState(repo);
    // Named in this repository (--repo): refused. (A path named without --repo is
    // worked on in the project it really lies in, as git would.)
    for (const target of ['app/ext', 'app/ext/ext.py']) {
      const r = await remedy(['run', 'pep604-optional', target, '--write', '--repo', '.'], repo);
      expectExit(r, 2, 'outside the repository');
    }
    // The whole repository: the link is not followed.
    const all = await remedy(['run', 'pep604-optional', '--write'], repo);
    expectExit(all, 0);
    expect(fs.readFileSync(path.join(outside, 'ext.py'), 'utf8')).toBe(MODELS);
    git(repo, 'checkout', '--', '.');
    expect(repoState(repo)).toEqual(before);
  });

  it('is never written through by create-file, from run or from a finding', async () => {
    const options = { path: 'app/ext/created.py', content: 'x = 1\n' };
    const { repo, outside } = linkedRepo({
      findings: { 'Q-03': { transform: 'create-file', options } },
    });
    const before = repoState(repo);
    const run = await remedy(
      ['run', 'create-file', '--options', JSON.stringify(options), '--write'],
      repo,
    );
    expectExit(run, 2, 'app/ext/created.py', 'outside the repository');
    const apply = await remedy(['apply', 'Q-03'], repo);
    expectExit(apply, 1, 'outside the repository');
    expect(fs.readdirSync(outside)).toEqual(['ext.py']);
    expect(repoState(repo)).toEqual(before);
  });
});
