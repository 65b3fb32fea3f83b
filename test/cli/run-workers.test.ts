/**
 * `remedy run` with worker threads (a shared file queue, guard batches, baseline-only
 * WebAssembly past 100 rewritten files) prints exactly what a single-threaded run prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers.js';

/** NODE_OPTIONS that log, in every thread, each module of a heavy package loaded, to `log`. */
function heavyModuleLogger(log: string): Record<string, string> {
  const dir = makeTree({
    'hooks.mjs': [
      "import fs from 'node:fs';",
      'export async function load(url, context, next) {',
      '  if (/node_modules\\/(ts-morph|typescript|jscodeshift|@ast-grep)\\//.test(url))',
      `    fs.appendFileSync(${JSON.stringify(log)}, url + '\\n');`,
      '  return next(url, context);',
      '}',
    ].join('\n'),
    'register.mjs': `import { register } from 'node:module';\nregister(${JSON.stringify(
      pathToFileURL('/HOOKS').href,
    )});\n`,
  });
  const hooks = pathToFileURL(path.join(dir, 'hooks.mjs')).href;
  const register = path.join(dir, 'register.mjs');
  fs.writeFileSync(register, fs.readFileSync(register, 'utf8').replace('file:///HOOKS', hooks));
  return { NODE_OPTIONS: `--import ${pathToFileURL(register).href}` };
}

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
    const r = runCli(['run', 'pep604-optional', '--workers', '1'], root, heavyModuleLogger(log));
    expect(r.stderr).toContain('3 changed');
    expect(r.stdout).toContain('+def f1(a: int | None');
    expect(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').toBe('');
  });
});
