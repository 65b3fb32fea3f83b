/** runTransform: one failing file never stops the batch; options are validated; unsafe fixes wait for --unsafe. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import type { RunRequest } from '../../src/engine/run.js';
import pep604 from '../../transforms/pep604-optional/index.js';
import { runIn } from '../harness.js';
import { makeTree } from '../helpers.js';

const GOOD =
  'from __future__ import annotations\n\nfrom typing import Optional\n\n\ndef f(x: Optional[int]) -> None: ...\n';

function run(root: string, extra: Partial<RunRequest> = {}) {
  return runIn(root, pep604, extra);
}

describe('runTransform', () => {
  it('processes every file and reports each bad one with a reason', async () => {
    const root = makeTree({
      'a_good.py': GOOD,
      'b_broken.py': 'from typing import Optional\ndef f(x: Optional[int]:\n    pass\n',
      'c_binary.py': Buffer.from([0x00, 0x01, 0x02]),
      'd_latin1.py': Buffer.from([0x78, 0x3d, 0x22, 0xe9, 0x22, 0x0a]),
      'e_plain.py': 'x = 1\n',
    });
    const { results } = await run(root, { paths: ['.', 'missing.py'] });
    const byPath = Object.fromEntries(results.map((r) => [r.path, r]));
    expect(byPath['a_good.py']!.kind).toBe('changed');
    expect(byPath['b_broken.py']).toMatchObject({ kind: 'failed' });
    expect(byPath['b_broken.py']!.kind === 'failed' && byPath['b_broken.py']!.error).toMatch(
      /line 2.*only edits files that parse/,
    );
    expect(byPath['c_binary.py']).toMatchObject({
      kind: 'skipped',
      reason: expect.stringContaining('binary'),
    });
    expect(byPath['d_latin1.py']).toMatchObject({
      kind: 'failed',
      error: expect.stringContaining('UTF-8'),
    });
    expect(byPath['e_plain.py']!.kind).toBe('unchanged');
    expect(byPath['missing.py']).toMatchObject({
      kind: 'failed',
      error: expect.stringContaining('no such file'),
    });
  });

  it('validates options with the transform schema, naming the key', async () => {
    const root = makeTree({ 'a.py': GOOD });
    await expect(run(root, { options: { unions: 'yes' } })).rejects.toThrow(UsageError);
    await expect(run(root, { options: { bogus: 1 } })).rejects.toThrow(/bogus|Unrecognized/);
  });

  it('holds back unsafe fixes unless allowed, and reads the target from pyproject', async () => {
    const runtime = 'from typing import Optional, cast\n\ny = cast(Optional[int], 1)\n';
    const root = makeTree({ 'a.py': runtime });
    const held = await run(root);
    expect(held.results[0]!.kind).toBe('unchanged');
    expect(held.results[0]!.diagnostics.map((n) => n.message).join('\n')).toContain('use --unsafe');
    const forced = await run(root, { allowUnsafe: true });
    expect(forced.results[0]!.kind === 'changed' && forced.results[0]!.after).toContain(
      'cast(int | None, 1)',
    );
    const modern = makeTree({
      'a.py': runtime,
      'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.11"\n',
    });
    const safe = await run(modern);
    expect(safe.results[0]!.kind === 'changed' && safe.results[0]!.after).toContain(
      'cast(int | None, 1)',
    );
  });
});
