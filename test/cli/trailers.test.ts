/**
 * Commit messages (#15 item 2): the type from the config before the guess, severity
 * from priority, and one trailer block (`Remedy-Finding`, `Remedy-Transform`,
 * `Remedy-Verified`) that `git interpret-trailers --parse` reads on real commits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/load.js';
import type { Finding } from '../../src/findings/types.js';
import { commitMessage, effectiveSeverity } from '../../src/plan/commit-message.js';
import { mapFinding } from '../../src/plan/mapping.js';
import { loadCatalog } from '../../transforms/index.js';
import { makeFinding } from '../finding-builder.js';
import { tempDir } from '../harness.js';
import { git, makeGitRepo, runCli } from '../helpers.js';
import { makeAuditProject } from './project.js';

const finding = (partial: Partial<Finding> = {}): Finding =>
  makeFinding({ id: 'X-1', severity: null, ...partial });

function parseTrailers(repo: string): string {
  const message = git(repo, 'log', '-1', '--format=%B');
  const file = path.join(tempDir(), 'message');
  fs.writeFileSync(file, message);
  return git(repo, 'interpret-trailers', '--parse', file);
}

describe('commit trailers', () => {
  it('writes one trailer block git reads, with Remedy-Verified when a command passed', () => {
    const repo = makeGitRepo({ 'a.py': 'x = 1\n' });
    fs.writeFileSync(path.join(repo, 'a.py'), 'x = 2\n');
    const message = commitMessage({
      finding: finding({ id: 'B-OPS-02', title: 'Retry AWS calls', priority: 'P1' }),
      subject: 'retry AWS calls',
      scope: undefined,
      touched: ['a.py'],
      transform: 'replace-definition',
      type: 'feat',
      verified: 'python3 -m pytest -q\n  --maxfail 1',
    });
    expect(message.split('\n')[0]).toBe('feat: resolve B-OPS-02 — retry AWS calls');
    expect(message).toContain('Severity: high');
    git(repo, 'commit', '-q', '-a', '-m', message);
    expect(parseTrailers(repo)).toBe(
      [
        'Remedy-Finding: B-OPS-02',
        'Remedy-Transform: replace-definition',
        'Remedy-Verified: python3 -m pytest -q --maxfail 1 (passed)',
        '',
      ].join('\n'),
    );
  });

  it('apply commits the finding and transform trailers, and the severity its priority implies', () => {
    const repo = makeAuditProject();
    const r = runCli(['apply', 'Q-01'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(parseTrailers(repo)).toBe('Remedy-Finding: Q-01\nRemedy-Transform: pep604-optional\n');
    const body = git(repo, 'log', '-1', '--format=%B');
    expect(body).toContain('Severity: high');
    expect(body).not.toContain('unspecified');
  });

  it('apply takes the type from the config and records the verify command that passed', () => {
    const repo = makeAuditProject({}, { findings: { 'Q-01': { type: 'refactor' } } });
    const r = runCli(['apply', 'Q-01', '--verify', 'python3 -c "pass"'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(git(repo, 'log', '-1', '--format=%s')).toMatch(/^refactor(\(.*\))?: resolve Q-01/);
    expect(parseTrailers(repo)).toBe(
      [
        'Remedy-Finding: Q-01',
        'Remedy-Transform: pep604-optional',
        'Remedy-Verified: python3 -c "pass" (passed)',
        '',
      ].join('\n'),
    );
  });
});

describe('severity and type', () => {
  it('takes severity from priority when the finding has none', () => {
    expect(effectiveSeverity(finding({ priority: 'P0' }))).toBe('critical');
    expect(effectiveSeverity(finding({ priority: 'P3 (nice to have)' }))).toBe('low');
    expect(effectiveSeverity(finding({ priority: 'High' }))).toBe('high');
    expect(effectiveSeverity(finding({ severity: 'medium', priority: 'P0' }))).toBe('medium');
    expect(effectiveSeverity(finding({ priority: 'soon' }))).toBeUndefined();
  });

  it('takes the type from the finding entry, then the category map, then the guess', async () => {
    const catalog = await loadCatalog();
    const root = tempDir();
    const config = checkConfig(root, path.join(root, 'remedy.config.json'), {
      commitTypes: { security: 'fix', 'code quality': 'style', 'B-PERF': 'perf' },
      findings: {
        'B-QUAL-03': { type: 'refactor' },
        'B-SEC-09': { transform: 'pep604-optional', type: 'chore' },
      },
    });
    const typeOf = async (f: Finding) => {
      const step = await mapFinding(f, config, catalog);
      return step.kind === 'transform' ? step.type : undefined;
    };
    const optional = { body: 'Replace `Optional[X]` with `X | None` in each file.' };
    expect(await typeOf(finding({ id: 'B-QUAL-03', category: 'Code Quality', ...optional }))).toBe(
      'refactor',
    );
    expect(await typeOf(finding({ id: 'B-SEC-09', category: 'Security' }))).toBe('chore');
    expect(await typeOf(finding({ id: 'B-QUAL-07', category: 'Code Quality', ...optional }))).toBe(
      'style',
    );
    expect(await typeOf(finding({ id: 'B-PERF-01', category: 'Speed', ...optional }))).toBe('perf');
    expect(await typeOf(finding({ id: 'X-1', category: 'Misc', ...optional }))).toBeUndefined();
  });

  it('rejects an unknown type, naming the key and the allowed values', () => {
    const root = tempDir();
    const file = path.join(root, 'remedy.config.json');
    expect(() => checkConfig(root, file, { commitTypes: { security: 'bugfix' } })).toThrow(
      /commitTypes\.security.*"fix"/,
    );
  });
});
