/**
 * add-missing-import and ruff-fix through the real CLI on a copy of inventory-service:
 * TD-001 applied and verified (the three skipped Sentry tests now run), a config entry
 * whose import statement is wrong against the code refused with nothing changed, and
 * MR-001's diff holding back the string-operand site and the unsafe docstring fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, runCli } from '../helpers.js';
import { fixtureRepo, suite, VERIFY } from './phase-run.js';

let dir: string;
const head = () => git(dir, 'rev-parse', 'HEAD').trim();

beforeAll(() => {
  dir = fixtureRepo('inventory-service').dir;
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('add-missing-import and ruff-fix through the CLI (inventory-service)', () => {
  it("MR-001's diff leaves orm.py:45 (a string operand of |) and holds back the docstring W293", () => {
    const r = runCli(['diff', 'MR-001', '--doc', 'docs/AUDIT.md'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '+    email: Mapped[str | None] = mapped_column(String(254), nullable=True)',
    );
    expect(r.stdout).not.toContain('"SupplierRow" | None');
    expect(r.stdout).not.toContain('inventory_service.py');
    expect(r.stderr).toContain('backend/models/orm.py:45: warning: UP045 left as it is');
    expect(r.stderr).toContain('[ruff-fix/string-operand]');
    expect(r.stderr).toContain('1 unsafe fix held back; --unsafe to include');
  });

  it('refuses a config entry whose import does not define the undefined name, changing nothing', () => {
    const before = head();
    const config = {
      findings: {
        'TD-001': {
          transform: 'add-missing-import',
          options: { imports: ['from os import getenv'], paths: ['backend/main.py'] },
        },
      },
    };
    fs.writeFileSync(path.join(dir, 'remedy.config.json'), JSON.stringify(config));
    try {
      const r = runCli(['apply', 'TD-001', '--doc', 'docs/AUDIT.md', '--allow-dirty'], dir);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain(
        "the finding's `from os import getenv` binds `getenv`, which the file does not use undefined; the undefined names there are `os`",
      );
      expect(head()).toBe(before);
      expect(git(dir, 'status', '--porcelain', 'backend')).toBe('');
    } finally {
      fs.rmSync(path.join(dir, 'remedy.config.json'));
    }
  });

  it('applies TD-001 with the suite as verify: `import os`, and the Sentry tests run', () => {
    const r = runCli(
      ['apply', 'TD-001', '--doc', 'docs/AUDIT.md', '--verify', VERIFY, '--json'],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const [finding] = JSON.parse(r.stdout).findings;
    expect(finding).toMatchObject({ id: 'TD-001', status: 'changed', verify: { ok: true } });
    const message = git(dir, 'log', '-1', '--format=%B');
    expect(message).toContain('Remedy-Finding: TD-001');
    expect(message).toContain('Remedy-Transform: add-missing-import');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('backend/main.py');
    expect(fs.readFileSync(path.join(dir, 'backend/main.py'), 'utf8')).toContain(
      'import logging\nimport os\nfrom collections.abc import AsyncIterator\n',
    );
    expect(suite(dir).summary).toBe('OK');
    const again = runCli(['apply', 'TD-001', '--doc', 'docs/AUDIT.md'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%B')).toBe(message);
  });
});
