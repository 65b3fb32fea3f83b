/** The real CLI (`node bin/remedy.js`): run, transforms, help, exit codes. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, hashTree, makeGitRepo, makeTree, runCli } from '../helpers.js';

const SOURCE = [
  'from __future__ import annotations',
  '',
  'from typing import Dict, Optional, Union',
  '',
  '',
  'def find(name: Optional[str] = None) -> Dict[str, Union[int, str]]:',
  '    """Look a name up."""',
  '    return {}',
  '',
].join('\n');

const BROKEN = 'from typing import Optional\ndef f(x: Optional[int]:\n  pass\n';

describe('remedy --help / transforms', () => {
  it('prints help and the registry', () => {
    const help = runCli(['--help'], process.cwd());
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('remedy run <transform> [paths...]');
    const list = runCli(['transforms', '--json'], process.cwd());
    expect(list.code).toBe(0);
    const ids = (JSON.parse(list.stdout) as { transforms: { id: string }[] }).transforms.map(
      (t) => t.id,
    );
    expect(ids).toContain('pep604-optional');
  });

  it('exits 2 with a hint on bad usage', () => {
    const unknown = runCli(['run', 'no-such-transform'], process.cwd());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown transform "no-such-transform"');
    expect(unknown.stderr).toContain('hint:');
    expect(runCli(['frobnicate'], process.cwd()).code).toBe(2);
    const badJson = runCli(['run', 'pep604-optional', '--options', '{nope'], process.cwd());
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('--options is not valid JSON');
    const badKey = runCli(['run', 'pep604-optional', '--options', '{"unions": 3}'], process.cwd());
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('"unions"');
  });
});

describe('remedy run', () => {
  it('prints a git-apply-able diff and writes nothing; --write applies it; a second run prints nothing', () => {
    const repo = makeGitRepo({ 'app/models.py': SOURCE, 'app/other.py': 'x = 1\n' });
    const before = hashTree(repo, true);
    const dry = runCli(['run', 'pep604-optional', 'app'], repo);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      '-def find(name: Optional[str] = None) -> Dict[str, Union[int, str]]:',
    );
    expect(dry.stdout).toContain('+def find(name: str | None = None) -> Dict[str, int | str]:');
    expect(dry.stderr).toContain(
      'pep604-optional: 1 changed, 1 unchanged, 0 skipped, 0 failed (dry run',
    );
    expect(hashTree(repo, true)).toBe(before);

    fs.writeFileSync(path.join(repo, 'fix.patch'), dry.stdout);
    git(repo, 'apply', '--check', 'fix.patch');
    fs.rmSync(path.join(repo, 'fix.patch'));

    const write = runCli(['run', 'pep604-optional', 'app', '--write'], repo);
    expect(write.code).toBe(0);
    const written = fs.readFileSync(path.join(repo, 'app/models.py'), 'utf8');
    expect(written).toContain('from typing import Dict\n');
    expect(written).toContain('def find(name: str | None = None) -> Dict[str, int | str]:');

    const again = runCli(['run', 'pep604-optional', 'app'], repo);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('0 changed, 2 unchanged');
  });

  it('reports bad files one by one, still changes the good ones, and exits 1', () => {
    const repo = makeTree({
      'good.py': SOURCE,
      'broken.py': BROKEN,
      'untouched_broken.py': 'def g(:\n  pass\n',
      'latin1.py': Buffer.from([0x78, 0x3d, 0x22, 0xe9, 0x22, 0x0a]),
      'blob.py': Buffer.from([0, 1, 2, 3]),
    });
    const r = runCli(['run', 'pep604-optional', '.', 'nope.py', '--write'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.py: failed: syntax error at line 2');
    expect(r.stderr).toContain('latin1.py: failed: not valid UTF-8');
    expect(r.stderr).toContain('blob.py: skipped: binary file');
    expect(r.stderr).toContain('nope.py: failed: cannot read: no such file or directory');
    expect(fs.readFileSync(path.join(repo, 'good.py'), 'utf8')).toContain('str | None');
    expect(fs.readFileSync(path.join(repo, 'broken.py'), 'utf8')).toBe(BROKEN);
    // A file without Optional/Union is not parsed at all: nothing to do there.
    expect(r.stderr).not.toContain('untouched_broken.py');
  });

  it('prints JSON with --json and a diffstat with --stat', () => {
    const repo = makeTree({ 'm.py': SOURCE });
    const json = runCli(['run', 'pep604-optional', '--json'], repo);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      counts: Record<string, number>;
      results: { path: string; status: string; diff?: string }[];
    };
    expect(parsed.counts).toEqual({ changed: 1, unchanged: 0, skipped: 0, failed: 0 });
    expect(parsed.results[0]).toMatchObject({ path: 'm.py', status: 'changed' });
    expect(parsed.results[0]!.diff).toContain('+++ b/m.py');
    const stat = runCli(['run', 'pep604-optional', '--stat'], repo);
    expect(stat.stdout).toContain(' m.py | +2 -2');
  });

  it('creates a file of a language the transform does not read (a .tsx from create-file), checked by its parser', () => {
    const repo = makeTree({ 'package.json': '{"name": "x"}\n', 'm.py': SOURCE });
    const page = 'export default function NotFound() {\n  return <main>gone</main>\n}\n';
    const create = (content: string) =>
      runCli(
        ['run', 'create-file', '--options', JSON.stringify({ path: 'src/not-found.tsx', content })],
        repo,
      );
    const ok = create(page);
    expect(ok.stderr).not.toContain('internal error');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('+++ b/src/not-found.tsx');
    const broken = create('export default function NotFound( {\n');
    expect(broken.stderr).not.toContain('internal error');
    expect(broken.stdout + broken.stderr).toContain('does not parse');
  });

  it('refuses paths outside the repository given with --repo, with exit 2', () => {
    const repo = makeTree({ 'm.py': SOURCE });
    const r = runCli(['run', '--repo', '.', 'pep604-optional', '../elsewhere'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('outside the repository');
  });

  it('formats only the edited regions with --format', () => {
    const messy =
      'from typing import Optional\nx = {  "keep":1 }\ndef f(a:Optional[int]=None): return a\n';
    const repo = makeTree({ 'm.py': messy, 'ruff.toml': 'target-version = "py311"\n' });
    const r = runCli(['run', 'pep604-optional', '--format', '--write'], repo);
    expect(r.code).toBe(0);
    const out = fs.readFileSync(path.join(repo, 'm.py'), 'utf8');
    expect(out).toContain('x = {  "keep":1 }');
    expect(out).toContain('def f(a: int | None = None):\n    return a\n');
  });
});

describe('remedy run: diagnostics', () => {
  const GUARDED = [
    'def load():',
    '    try:',
    '        import json',
    '    except ImportError:',
    '        json = None',
    '    return json',
    '',
  ].join('\n');
  const MIXED = [
    'from typing import Optional, cast',
    '',
    'x: Optional["Later"] = None',
    'y = cast(Optional[int], 1)',
    '',
  ].join('\n');

  it('prints errors and warnings, counts the infos it hides; -v shows them, -q only errors', () => {
    const repo = makeTree({ 'm.py': GUARDED });
    const normal = runCli(['run', 'hoist-imports'], repo);
    expect(normal.code).toBe(0);
    expect(normal.stderr).toContain('1 info message not shown; -v to show them');
    expect(normal.stderr).not.toContain('left `import json`');
    const verbose = runCli(['run', 'hoist-imports', '-v'], repo);
    expect(verbose.stderr).toContain(
      'm.py:3: info: left `import json` in load in place: it is inside `try`/`except ImportError` (an optional import) [hoist/guarded-import-error]',
    );
    expect(verbose.stderr).not.toContain('not shown');
    const warned = makeTree({ 'm.py': MIXED, 'ruff.toml': 'target-version = "py39"\n' });
    const warning = runCli(['run', 'pep604-optional'], warned);
    expect(warning.stderr).toContain('m.py:3: warning: left Optional["Later"] as it is');
    expect(warning.stderr).toContain('[pep604/string-operand]');
    const quiet = runCli(['run', 'pep604-optional', '-q'], warned);
    expect(quiet.stderr).not.toContain('warning:');
    expect(quiet.stderr).not.toContain('not shown');
  });

  it('says how many unsafe fixes it held back, in text and JSON, and --unsafe applies them', () => {
    const repo = makeTree({ 'm.py': MIXED, 'ruff.toml': 'target-version = "py39"\n' });
    const held = runCli(['run', 'pep604-optional'], repo);
    expect(held.code).toBe(0);
    expect(held.stdout).toBe('');
    expect(held.stderr).toContain('1 unsafe fix held back; --unsafe to include');
    const json = JSON.parse(runCli(['run', 'pep604-optional', '--json'], repo).stdout) as {
      heldBack: number;
      results: {
        heldBack?: number;
        diagnostics: { severity: string; code: string; line?: number }[];
      }[];
    };
    expect(json.heldBack).toBe(1);
    expect(json.results[0]!.heldBack).toBe(1);
    expect(json.results[0]!.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'fix/unsafe-held-back', line: 4 }),
    );
    const forced = runCli(['run', 'pep604-optional', '--unsafe'], repo);
    expect(forced.stdout).toContain('+y = cast(int | None, 1)');
    expect(forced.stderr).not.toContain('held back');
  });
});
