/**
 * A 40-name rename on a generated 200-file project, through `remedy apply` on a temporary
 * git repository: one finding, one commit, verified by the project's own suite, with
 * every collision resolved (8 shadowing locals, 7 importers that define the new name)
 * and each resolution listed in the commit body.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELPERS, writeManyRenamesProject } from '../generated/many-renames.js';
import { tempDir } from '../harness.js';
import { git, initGitRepo, runCli } from '../helpers.js';
import { STEP_TIMEOUT, unittest } from '../integration/lambda-backend.js';

describe('a 40-name rename on a 200-file project', () => {
  let repo: string;

  beforeAll(() => {
    repo = tempDir('remedy-many-renames-');
    writeManyRenamesProject(repo);
    initGitRepo(repo);
    expect(unittest(repo).ok, 'the generated suite passes before').toBe(true);
  }, STEP_TIMEOUT);

  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it(
    'applies in one verified commit that lists every resolution',
    () => {
      const python = git(repo, 'ls-files', '*.py').trim().split('\n');
      expect(python).toHaveLength(200);
      const r = runCli(['apply', 'Q-01', '--json'], repo);
      expect(r.code, r.stderr).toBe(0);
      const [finding] = JSON.parse(r.stdout).findings as {
        status: string;
        verify: { ok: boolean };
        diagnostics: { code: string; message: string; file: string; line: number }[];
      }[];
      expect(finding).toMatchObject({ status: 'changed', verify: { ok: true } });
      expect(git(repo, 'rev-list', '--count', 'HEAD')).toBe('2\n');
      const resolutions = finding!.diagnostics.filter((d) => d.code.startsWith('rename/resolved-'));
      const count = (code: string) => resolutions.filter((d) => d.code === code).length;
      expect(count('rename/resolved-local')).toBe(8);
      expect(count('rename/resolved-alias')).toBe(7);
      const body = git(repo, 'log', '-1', '--format=%B');
      for (const d of resolutions) expect(body).toContain(`- ${d.file}:${d.line}: ${d.message}`);
      const left = python.filter((f) =>
        /\b_load_record_\d+\b/.test(fs.readFileSync(path.join(repo, f), 'utf8')),
      );
      expect(left).toEqual([]);
      const h00 = fs.readFileSync(path.join(repo, 'svc/helpers/h00.py'), 'utf8');
      expect(h00).toContain('    load_record = load_record_0(values[0]) if values else 0');
      const own = fs.readFileSync(path.join(repo, 'svc/handlers/m012.py'), 'utf8');
      expect(own).toContain('from svc.helpers.h06 import load_record_12 as load_h06_record_12');
      expect(own).toContain('def load_record_12(value):');
      expect(unittest(repo).ok).toBe(true);
      expect(git(repo, 'status', '--porcelain')).toBe('');
      expect(HELPERS).toBe(40);
    },
    STEP_TIMEOUT,
  );
});
