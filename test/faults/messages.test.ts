/**
 * Input mistakes and the messages that answer them (issue #16 items 8, 17, 18): a
 * config finding ID that matches nothing, a dependency cycle run by ID, a global
 * option before the command word, and a continue hint that keeps the IDs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectExit, faultRepo, git, remedy, repoState, subjects } from './helpers.js';

describe.concurrent('a config finding ID that matches no finding', () => {
  it('is an error naming the ID, the config file and line, and the closest IDs', async () => {
    const repo = faultRepo();
    const config = `{\n  "docs": ["docs/AUDIT.md"],\n  "findings": {\n    "Q-3": { "manual": true }\n  }\n}\n`;
    fs.writeFileSync(path.join(repo, 'remedy.config.json'), config);
    git(repo, 'commit', '-qam', 'config');
    const before = repoState(repo);
    for (const command of [['plan'], ['apply', '--phase', '1']]) {
      const r = await remedy(command, repo);
      expectExit(
        r,
        2,
        '"Q-3" in remedy.config.json matches no finding',
        'remedy.config.json:4',
        'did you mean Q-03',
      );
    }
    expect(repoState(repo)).toEqual(before);
  });
});

const CYCLE = `# Audit

### C-01 · LOW — Optional in the models

**File:** \`app/models.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\`. Do this after C-02.

### C-02 · LOW — Optional in the services

**File:** \`app/services.py\`

**Fix:** Replace \`Optional[X]\` with \`X | None\`. Do this after C-01.
`;

describe.concurrent('a dependency cycle', () => {
  it('hints at --ignore-deps, and the hint works with several IDs', async () => {
    const repo = faultRepo({ 'docs/CYCLE.md': CYCLE }, { docs: ['docs/CYCLE.md'] });
    const r = await remedy(['apply', 'C-01', 'C-02'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dependency cycle among C-01, C-02');
    expect(r.stderr).toContain('--ignore-deps');
    const ignored = await remedy(['apply', 'C-01', 'C-02', '--ignore-deps'], repo);
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(subjects(repo)).toHaveLength(3);
  });
});

describe.concurrent('the command line', () => {
  it('does not take the command word for a --doc value', async () => {
    const repo = faultRepo();
    const r = await remedy(['--doc', 'docs/AUDIT.md', 'plan'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Q-01');
    const twice = await remedy(['--doc', 'docs/AUDIT.md', '--doc', 'docs/AUDIT.md', 'plan'], repo);
    expect(twice.code, twice.stderr).toBe(0);
  });

  it('keeps the IDs (and the branch) in the continue hint', async () => {
    const repo = faultRepo();
    const one = await remedy(['apply', 'Q-01', '--no-baseline', '--verify', 'exit 1'], repo);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain("then run: remedy apply Q-01 --verify 'exit 1' --no-baseline\n");
    const two = await remedy(
      ['apply', 'Q-01', 'Q-02', '--branch', 'fix/q', '--verify', 'exit 1', '--no-baseline'],
      repo,
    );
    expect(two.code).toBe(1);
    expect(two.stderr).toContain(
      "then run: remedy apply Q-01 Q-02 --branch fix/q --verify 'exit 1' --no-baseline --continue\n",
    );
  });
});
