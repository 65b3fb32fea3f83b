/**
 * rewrite-pattern end to end through the CLI (`remedy plan` / `diff` / `apply`) on
 * temporary git copies of the fixtures, each finding verified by the fixture's own
 * unittest suite before its commit: B-QUAL-02 on lambda-backend; 1.4, CF-15 and 3.8 on
 * fastapi-platform; SEC-001 and TD-004 on inventory-service; and a finding whose pattern is not in
 * the code it names (refused, nothing changed). docs/EXPECTED.md of each fixture gives the exact changes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyTree, tempDir } from '../harness.js';
import { git, initGitRepo, REPO_ROOT, runCli } from '../helpers.js';

const VERIFY = 'python3 -m unittest discover -q';
const copies: string[] = [];

function copyFixture(name: string): string {
  const dir = tempDir(`remedy-rewrite-${name}-`);
  copyTree(path.join(REPO_ROOT, 'fixtures', name), dir);
  const config = { docs: ['docs/AUDIT.md'], verify: VERIFY };
  fs.writeFileSync(path.join(dir, 'remedy.config.json'), JSON.stringify(config));
  copies.push(dir);
  return initGitRepo(dir);
}

const read = (repo: string, file: string) => fs.readFileSync(path.join(repo, file), 'utf8');

function applied(repo: string, ids: readonly string[], ...extra: string[]) {
  const r = runCli(['apply', ...ids, ...extra], repo);
  expect(r.code, r.stderr).toBe(0);
  const trailers = git(repo, 'log', '--format=%(trailers:key=Remedy-Finding,valueonly)', 'HEAD');
  return trailers.split('\n').filter(Boolean).reverse();
}

afterAll(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

describe('rewrite-pattern through the CLI', () => {
  it('lambda-backend B-QUAL-02: plan maps it, diff shows it, apply commits it with the suite green', () => {
    const repo = copyFixture('lambda-backend');
    const plan = JSON.parse(runCli(['plan', '--json'], repo).stdout) as {
      findings: { id: string; transform?: string; options?: { files?: string[] } }[];
    };
    const step = plan.findings.find((f) => f.id === 'B-QUAL-02')!;
    expect(step.transform).toBe('rewrite-pattern');
    expect(step.options?.files).toEqual([
      'backend/src/app/api/assets/user_assets.py',
      'backend/src/app/api/assets/public_assets.py',
    ]);
    const diff = runCli(['diff', 'B-QUAL-02'], repo);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('+from typing import Any, Callable, Mapping, Optional');
    expect(diff.stdout).toContain('+from typing import Any, Mapping');
    expect(diff.stdout).toContain(
      '+def handle_user_assets_request(event: Mapping[str, Any], method: str, path: str) -> dict[str, Any]:',
    );
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(applied(repo, ['B-QUAL-02'])).toEqual(['B-QUAL-02']);
    for (const file of ['user_assets.py', 'public_assets.py']) {
      expect(read(repo, `backend/src/app/api/assets/${file}`)).not.toMatch(
        /(dict|Mapping)\[str, object\]/,
      );
    }
    expect(git(repo, 'diff', '--stat', 'HEAD~1', 'HEAD')).toContain('2 files changed');
  });

  it('fastapi-platform 1.4, CF-15 and 3.8: one commit each, the suite green at every one', () => {
    const repo = copyFixture('fastapi-platform');
    // 1.4 depends on CF-05 (a validator, another family): applied here on its own.
    expect(applied(repo, ['1.4', 'CF-15', '3.8'], '--ignore-deps')).toEqual([
      '1.4',
      'CF-15',
      '3.8',
    ]);
    const main = read(repo, 'backend/app/main.py');
    expect(main).toContain('allow_methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],');
    expect(main).toContain('allow_headers=["Authorization", "Content-Type", "Accept"],');
    const settings = read(repo, 'packages/infra-fastapi/src/praecepta/infra/fastapi/settings.py');
    expect(settings).toContain('["*"]');
    const handlers = read(
      repo,
      'packages/infra-fastapi/src/praecepta/infra/fastapi/error_handlers.py',
    );
    expect(handlers).toContain('if request.app.debug:');
    expect(handlers).not.toMatch(/^import os$/m);
    expect(main).toContain('os.getenv("DEBUG")');
    for (const router of ['catalog', 'bookmarks']) {
      const text = read(repo, `backend/app/routers/${router}.py`);
      expect(text).not.toContain('dict[str, object]');
      expect(text).toMatch(/^from typing import (Any|Any, Optional)$/m);
    }
    expect(read(repo, 'backend/app/services/catalog_service.py')).toContain('dict[str, object]');
  });

  it('inventory-service SEC-001 and TD-004: an except clause from a code pair; each file in its own import style', () => {
    const repo = copyFixture('inventory-service');
    expect(applied(repo, ['SEC-001', 'TD-004'])).toEqual(['SEC-001', 'TD-004']);
    const orders = read(repo, 'backend/api/orders.py');
    expect(orders).toContain(
      '    except Exception:\n        logger.exception("Unhandled error")\n        raise HTTPException(status_code=500, detail="Internal server error")\n',
    );
    expect(orders).toContain('raise HTTPException(status_code=409, detail=str(e))');
    expect(read(repo, 'backend/services/cache.py')).toContain(
      'from datetime import datetime, timedelta, timezone',
    );
    expect(read(repo, 'backend/models/orm.py')).toContain(
      'default=lambda: datetime.now(timezone.utc)',
    );
    const service = read(repo, 'backend/services/purchase_order_service.py');
    expect(service).toContain('created_at=datetime.datetime.now(datetime.timezone.utc),');
    expect(service).toContain('logger.warning("PO number %s taken, trying the next one", number)');
    const strict = spawnSync(
      'python3',
      ['-W', 'error::DeprecationWarning', '-m', 'unittest', 'discover', '-q'],
      {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      },
    );
    expect(strict.status, strict.stderr.slice(-2000)).toBe(0);
  });

  it('refuses a finding whose pattern is not in the file it names, and changes nothing', () => {
    const repo = copyFixture('fastapi-platform');
    fs.writeFileSync(
      path.join(repo, 'docs/EXTRA.md'),
      '# Extra\n\n### X-1: Mapping annotations\n\n**Fix:** Replace `Mapping[str, object]` with `Mapping[str, Any]` in `backend/app/routers/catalog.py`.\n',
    );
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'extra doc');
    const r = runCli(['apply', 'X-1', '--doc', 'docs/EXTRA.md'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '`Mapping[str, object]` matches nothing in backend/app/routers/catalog.py',
    );
    expect(r.stderr).toContain('the document may be wrong about the code');
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(git(repo, 'log', '--oneline').split('\n').filter(Boolean)).toHaveLength(2);
  });
});
