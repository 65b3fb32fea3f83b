/**
 * `remedy run` with worker threads (a shared file queue, guard batches, baseline-only
 * WebAssembly past 100 rewritten files) prints exactly what a single-threaded run prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, moduleLogger, runCli } from '../helpers.js';

function module(i: number): string {
  const future = i % 3 === 0 ? 'from __future__ import annotations\n\n' : '';
  return [
    `"""Module ${i}: Grüße 🎉."""`,
    `${future}from typing import Dict, Optional, Union`,
    '',
    '',
    `def f${i}(a: Optional[int], b: Union[str, bytes] = b"") -> Dict[str, Optional[int]]:`,
    `    return {"k": a}`,
    '',
    '',
    `class M${i}:`,
    `    x: Optional["M${i}"] = None`,
    `    y: "Optional[int]" = None`,
    '',
  ].join('\n');
}

describe('remedy run --workers', () => {
  it('gives the same diff, messages and summary with and without worker threads', () => {
    const files: Record<string, string | Uint8Array> = {
      'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.10"\n',
      'broken.py': 'from typing import Optional\ndef f(x: Optional[int]:\n    pass\n',
      'binary.py': Buffer.from([0, 1, 2]),
      'plain.py': 'x = 1\n',
    };
    for (let i = 0; i < 130; i++) files[`pkg/m${String(i).padStart(3, '0')}.py`] = module(i);
    const root = makeTree(files);
    const single = runCli(['run', 'pep604-optional', '--workers', '0'], root);
    const threaded = runCli(['run', 'pep604-optional', '--workers', '1'], root);
    expect(single.code).toBe(1);
    expect(single.stderr).toContain('130 changed, 1 unchanged, 1 skipped, 1 failed');
    expect(threaded.code).toBe(single.code);
    expect(threaded.stdout).toBe(single.stdout);
    expect(threaded.stderr).toBe(single.stderr);
    const json = runCli(['run', 'pep604-optional', '--workers', '1', '--json'], root);
    const parsed = JSON.parse(json.stdout) as { results: { path: string }[] };
    expect(parsed.results.map((r) => r.path)).toEqual(
      [...parsed.results.map((r) => r.path)].sort(),
    );
  });

  it('loads no TypeScript machinery (ts-morph, jscodeshift, ast-grep) in any thread of a Python run', () => {
    const root = makeTree({
      'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.10"\n',
      'a.py': module(1),
      'b.py': module(2),
      'c.py': module(3),
    });
    const log = path.join(makeTree({}), 'heavy.log');
    const r = runCli(['run', 'pep604-optional', '--workers', '1'], root, moduleLogger(log));
    expect(r.stderr).toContain('3 changed');
    expect(r.stdout).toContain('+def f1(a: int | None');
    expect(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').toBe('');
  });

  it('plans and diffs a Python finding without loading ts-morph, typescript or jscodeshift', () => {
    const root = makeTree({
      'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.10"\n',
      'a.py': module(1),
      'AUDIT.md':
        '# Audit\n\n### S-01 · LOW — Optional\n\n**File:** `a.py`\n\n**Fix:** Replace `Optional[X]` with `X | None`.\n',
    });
    const log = path.join(makeTree({}), 'heavy.log');
    const env = moduleLogger(log);
    expect(runCli(['plan', '--doc', 'AUDIT.md'], root, env).stdout).toContain('pep604-optional');
    expect(runCli(['diff', 'S-01', '--doc', 'AUDIT.md'], root, env).stdout).toContain(
      '+def f1(a: int | None',
    );
    // ast-grep (a 5 ms native module) may load: the rewrite-pattern recognizer reads patterns with it.
    const heavy = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    expect(heavy.split('\n').filter((url) => url && !url.includes('@ast-grep'))).toEqual([]);
  });

  it('starts no thread ahead for a few files named one by one, and one for a directory', () => {
    const root = makeTree({
      'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.10"\n',
      'pkg/a.py': module(1),
    });
    const threads = (paths: string[]) => {
      const log = path.join(makeTree({}), 'threads.log');
      const r = runCli(
        ['run', 'pep604-optional', ...paths],
        root,
        moduleLogger(log, /engine\/worker\.js$/),
      );
      expect(r.stderr).toContain('1 changed');
      return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').length : 0;
    };
    expect(threads(['pkg/a.py'])).toBe(0);
    expect(threads(['pkg'])).toBe(1);
  });
});
