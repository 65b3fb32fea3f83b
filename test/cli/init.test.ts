/**
 * `remedy init` (#15 item 5) with the real CLI: it finds the root, the audit documents
 * (confirmed by their findings), the test command; shows a config that loads; writes
 * nothing without --write; never replaces a config without --force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTestCommand } from '../../src/init/test-command.js';
import { hashTree, makeGitRepo, makeTree, runCli } from '../helpers.js';
import { AUDIT, MODELS, SERVICES } from './project.js';

const TECH_DEBT = `# Tech debt

### TD-001 · LOW — Standard library import inside function body unnecessarily

**File:** \`app/services.py\` — \`dump()\`

**Problem:**
\`\`\`python
def dump(value):
    import json
\`\`\`

**Fix:**
Move \`import json\` to the module-level imports.
`;

function project(extra: Record<string, string> = {}): string {
  return makeGitRepo({
    'docs/AUDIT.md': AUDIT,
    'docs/README.md': '# Docs\n\nHow to build the docs.\n',
    'TECH-DEBT.md': TECH_DEBT,
    'NOTES.md': '# Notes\n\n### N-1 — not an audit by name\n',
    'pyproject.toml':
      '[project]\nname = "app"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
    'app/__init__.py': '',
    'app/models.py': MODELS,
    'app/services.py': `${SERVICES}\n\ndef dump(value):\n    import json\n\n    return json.dumps(value)\n`,
    ...extra,
  });
}

interface InitJson {
  version: number;
  root: string;
  documents: { path: string; findings: number; rejected?: string }[];
  verify: { command: string; evidence: string } | null;
  findings: { id: string; kind: string; transform: string | null }[];
  config: {
    docs: string[];
    verify?: string;
    findings: Record<string, { subject?: string; type?: string }>;
    suggestions: Record<string, { reason: string; next: string }>;
  };
  written: string | null;
}

describe('remedy init', () => {
  it('proposes docs, verify and mappings from a subdirectory, and writes nothing', () => {
    const repo = project();
    const before = hashTree(repo, true);
    const r = runCli(['init', '--json'], path.join(repo, 'app'));
    expect(r.code, r.stderr).toBe(0);
    const init = JSON.parse(r.stdout) as InitJson;
    expect(init).toMatchObject({ version: 1, root: fs.realpathSync(repo), written: null });
    expect(init.config.docs).toEqual(['docs/AUDIT.md', 'TECH-DEBT.md']);
    expect(init.documents).toContainEqual({
      path: 'docs/README.md',
      findings: 0,
      rejected: 'no findings in it',
    });
    expect(init.documents.map((d) => d.path)).not.toContain('NOTES.md');
    expect(init.verify).toEqual({
      command: 'python3 -m pytest -q',
      evidence: 'pyproject.toml [tool.pytest.ini_options]',
    });
    expect(Object.keys(init.config.findings).sort()).toEqual(['Q-01', 'Q-02', 'TD-001']);
    expect(init.config.findings['Q-01']).toMatchObject({
      subject: 'use X | None instead of Optional[X]',
      type: 'refactor',
    });
    expect(Object.keys(init.config.suggestions)).toEqual(['Q-03']);
    expect(init.config.suggestions['Q-03']!.next).toContain('By hand: Decide on a retry budget');
    expect(hashTree(repo, true)).toBe(before);
    const text = runCli(['init'], repo);
    expect(JSON.parse(text.stdout)).toEqual(JSON.parse(JSON.stringify(init.config)));
    expect(text.stderr).toContain('nothing written: run "remedy init --write"');
  });

  it('--write writes a config that loads and plans the same; refuses to overwrite without --force', () => {
    const repo = project();
    const written = runCli(['init', '--write'], repo);
    expect(written.code, written.stderr).toBe(0);
    const file = path.join(repo, 'remedy.config.json');
    const config = fs.readFileSync(file, 'utf8');
    const plan = JSON.parse(runCli(['plan', '--json'], repo).stdout) as {
      findings: { id: string; transform: string; status: string }[];
    };
    expect(plan.findings.map((f) => [f.id, f.transform, f.status])).toEqual([
      ['Q-01', 'pep604-optional', 'pending'],
      ['Q-02', 'pep604-optional', 'pending'],
      ['Q-03', 'manual', 'manual'],
      ['TD-001', 'hoist-imports', 'pending'],
    ]);
    const again = runCli(['init', '--write'], repo);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('remedy.config.json already exists');
    expect(again.stderr).toContain('--force');
    fs.writeFileSync(file, '{"docs": ["docs/AUDIT.md"]}\n');
    expect(runCli(['init', '--write', '--force'], repo).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(config);
  });

  it('says so when there is no audit document and no test command', () => {
    const repo = makeGitRepo({ 'README.md': '# App\n', 'app.py': 'x = 1\n' });
    const r = runCli(['init'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('no audit document found');
    expect(r.stderr).toContain('no test command found');
  });
});

describe('findTestCommand', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ['pytest.ini', { 'pytest.ini': '[pytest]\n' }, 'python3 -m pytest -q', 'pytest.ini [pytest]'],
    [
      'setup.cfg',
      { 'setup.cfg': '[tool:pytest]\n' },
      'python3 -m pytest -q',
      'setup.cfg [tool:pytest]',
    ],
    ['tox.ini', { 'tox.ini': '[tox]\nenvlist = py312\n' }, 'tox', 'tox.ini'],
    [
      'a unittest package',
      { 'tests/__init__.py': '', 'tests/test_a.py': '' },
      'python3 -m unittest discover -q',
      'tests/test_*.py',
    ],
    [
      'unittest files',
      { 'test/test_a.py': '' },
      'python3 -m unittest discover -q -s test -t .',
      'test/test_*.py',
    ],
    [
      'npm',
      { 'package.json': '{"scripts":{"test":"vitest run"}}' },
      'npm test',
      'package.json scripts.test (vitest run)',
    ],
    ['make', { Makefile: 'all:\n\ntest: all\n\tpytest\n' }, 'make test', 'Makefile target "test"'],
    [
      'a subproject',
      { 'backend/pytest.ini': '[pytest]\n' },
      'cd backend && python3 -m pytest -q',
      'backend/pytest.ini [pytest]',
    ],
  ];
  it.each(cases)('finds %s', (_, files, command, evidence) => {
    expect(findTestCommand(makeTree(files))).toEqual({ command, evidence });
  });

  it('ignores the npm placeholder script', () => {
    const dir = makeTree({
      'package.json': '{"scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}',
    });
    expect(findTestCommand(dir)).toBeUndefined();
  });
});
