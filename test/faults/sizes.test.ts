/**
 * A big source file (issue #16 item 12): a 1 MB module with a change in every
 * function took 113 s (jsdiff's O(N·D) edit search, an O(F²) conflict check) and 5 MB
 * overflowed the stack. The diff of a generated 1.5 MB module must come out, and apply
 * exactly. How fast is measured by `npm run bench:sizes`, not here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateModule } from '../../scripts/bench-sizes.js';
import { diffLineOps } from '../../src/core/line-diff.js';
import { git, makeGitRepo, REMEDY_BIN } from '../helpers.js';
import { expectNoCrash } from './helpers.js';

describe.concurrent('a 1.5 MB source file', () => {
  it('gets a diff that git applies, turning every annotation', () => {
    const text = generateModule(1.5);
    const functions = text.split('\ndef ').length - 1;
    const repo = makeGitRepo({
      'app/big.py': text,
      'remedy.config.json': JSON.stringify({ python: { targetVersion: 'py312' } }),
    });
    const run = spawnSync(process.execPath, [REMEDY_BIN, 'run', 'pep604-optional', 'app/big.py'], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const r = { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
    expectNoCrash(r);
    expect(r.code, r.stderr.slice(0, 2000)).toBe(0);
    const patch = path.join(repo, '..', `${path.basename(repo)}.patch`);
    fs.writeFileSync(patch, r.stdout);
    git(repo, 'apply', patch);
    const after = fs.readFileSync(path.join(repo, 'app/big.py'), 'utf8');
    expect(after).not.toContain('Optional[');
    expect(
      after.split('(event: dict | None, context: str | None = None) -> int | None:'),
    ).toHaveLength(functions + 1);
    expect(after.split('    value: int | str = ')).toHaveLength(functions + 1);
  });
});

/** Rebuild `b` from `a` and the ops, checking that kept lines really are equal. */
function replay(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let ia = 0;
  let ib = 0;
  for (const op of diffLineOps(a, b)) {
    if (op.kind === '=') {
      expect(a.slice(ia, ia + op.count)).toEqual(b.slice(ib, ib + op.count));
      out.push(...a.slice(ia, ia + op.count));
      ia += op.count;
      ib += op.count;
    } else if (op.kind === '-') ia += op.count;
    else {
      out.push(...b.slice(ib, ib + op.count));
      ib += op.count;
    }
  }
  expect([ia, ib]).toEqual([a.length, b.length]);
  return out;
}

describe.concurrent('the line diff behind it', () => {
  it('turns any old text into the new one, repeated lines and no common line included', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    for (let t = 0; t < 2000; t++) {
      const a = Array.from({ length: random(40) }, () => `l${random(6)}\n`);
      const b = [...a];
      for (let e = random(6); e > 0; e--)
        b.splice(random(b.length + 1), random(3), `n${random(6)}\n`);
      expect(replay(a, b)).toEqual(b);
    }
    const same = Array.from({ length: 50_000 }, () => 'pass\n');
    const changed = [...same];
    changed[25_000] = 'return\n';
    expect(replay(same, changed)).toEqual(changed);
    const fresh = Array.from({ length: 20_000 }, (_, i) => `x${i}\n`);
    expect(replay(same.slice(0, 20_000), fresh)).toEqual(fresh);
  });
});
