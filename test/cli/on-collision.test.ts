/**
 * `remedy run rename-symbols` resolves collisions by default and says how; `--on-collision
 * refuse` (or `"collisions": "refuse"`) refuses as before; `--on-collision alias`, the
 * former flag, is `resolve`.
 */
import { describe, expect, it } from 'vitest';
import { makeGitRepo, runCli } from '../helpers.js';

const REQUEST = 'def _parse_cursor(cursor):\n    return cursor or None\n';
const COMMON = `from app.request import _parse_cursor


def parse_cursor(event):
    return _parse_cursor(event.get("cursor"))
`;
const OPTIONS = JSON.stringify({
  renames: [{ file: 'app/request.py', from: '_parse_cursor', to: 'parse_cursor' }],
});

describe('remedy run rename-symbols --on-collision', () => {
  const repo = makeGitRepo({
    'app/__init__.py': '',
    'app/request.py': REQUEST,
    'app/common.py': COMMON,
  });
  const run = (...extra: string[]) =>
    runCli(['run', 'rename-symbols', '--options', OPTIONS, ...extra], repo);

  it('resolves by default and with alias, listing the resolution; refuses with refuse', () => {
    const resolved = run();
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout).toContain(
      '+from app.request import parse_cursor as parse_request_cursor',
    );
    expect(resolved.stdout).toContain('+    return parse_request_cursor(event.get("cursor"))');
    expect(resolved.stderr).toContain(
      'app/common.py:1: warning: imported as `parse_cursor as parse_request_cursor`',
    );
    expect(resolved.stderr).toContain('[rename/resolved-alias]');
    expect(run('--on-collision', 'alias').stdout).toBe(resolved.stdout);
    const refused = run('--on-collision', 'refuse');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      'app/common.py:4: `parse_cursor` is already bound in the module scope',
    );
    expect(refused.stderr).toContain('collisions: "resolve" (the default; --on-collision resolve)');
  });
});
