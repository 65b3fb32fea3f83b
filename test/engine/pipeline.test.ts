/**
 * The one pipeline, driven by small transforms written here: project-reading ones
 * re-run while fixes overlap, internal errors stay confined, unsafe fixes and unsafe
 * file creations wait for --unsafe (their imports with them), whole new texts become
 * fixes, and every touched file is re-parsed.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Edit } from '../../src/core/edit.js';
import { TransformCrash } from '../../src/core/errors.js';
import { Fix } from '../../src/core/fix.js';
import { fixFromNewText } from '../../src/core/text-edits.js';
import { defineTransform } from '../../src/engine/contract.js';
import type { PythonFileContext, PythonProjectContext } from '../../src/python/adapter.js';
import { runIn } from '../harness.js';
import { makeTree } from '../helpers.js';

const none = z.strictObject({});
type None = z.infer<typeof none>;

const run = runIn;

/** Unwrap every `[...]` pair of every file: an outer pair overlaps the inner ones. */
const unwrapBrackets = defineTransform({
  id: 'unwrap-brackets',
  languages: ['python'],
  reads: 'project',
  summary: 'unwrap brackets',
  options: none,
  run(ctx: PythonProjectContext<None>) {
    for (const path of ctx.files) {
      const { text } = ctx.file(path);
      const open: number[] = [];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '[') open.push(i);
        if (text[i] !== ']') continue;
        const start = open.pop()!;
        const inner = text.slice(start + 1, i);
        ctx.fix(path, Fix.safe(`pair at ${start}`, [Edit.replace(start, i + 1, inner)]));
      }
    }
  },
});

describe('project-reading transforms', () => {
  it('are run again on the updated texts while fixes were left out for overlapping', async () => {
    const root = makeTree({ 'a.py': 'x = [[[1]]]\n', 'b.py': 'y = [2]\n' });
    const { results } = await run(root, unwrapBrackets);
    const after = Object.fromEntries(results.map((r) => [r.path, r.kind === 'changed' && r.after]));
    expect(after).toEqual({ 'a.py': 'x = 1\n', 'b.py': 'y = 2\n' });
  });

  it('fail with a TransformCrash, not a crash of the run, when their code throws', async () => {
    const broken = defineTransform({
      id: 'broken-project',
      languages: ['python'],
      reads: 'project',
      summary: 'throws',
      options: none,
      run(ctx: PythonProjectContext<None>) {
        const missing = ctx.options as unknown as { nested: { value: number } };
        ctx.report({ severity: 'info', code: 'x/y', message: String(missing.nested.value) });
      },
    });
    const error = await run(makeTree({ 'a.py': 'x = 1\n' }), broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransformCrash);
    expect((error as TransformCrash).message).toMatch(/^internal error in broken-project: /);
    expect((error as TransformCrash).message).toContain('test/engine/pipeline.test.ts');
    expect(((error as TransformCrash).cause as Error).stack).toContain('pipeline.test.ts');
  });

  it('hold back an unsafe new file, with the count, until allowed', async () => {
    const create = defineTransform({
      id: 'create-unsafe',
      languages: ['python'],
      reads: 'project',
      summary: 'create a file unsafely',
      options: none,
      run(ctx: PythonProjectContext<None>) {
        ctx.createFile('new.py', 'X = 1\n', 'unsafe');
      },
    });
    const root = makeTree({ 'a.py': 'x = 1\n' });
    const held = await run(root, create);
    expect(held.results).toEqual([]);
    expect(held.heldBack).toBe(1);
    expect(held.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'fix/unsafe-held-back', file: 'new.py' }),
    );
    const made = await run(root, create, { allowUnsafe: true });
    expect(made.results).toMatchObject([{ kind: 'changed', path: 'new.py', created: true }]);
    expect(made.heldBack).toBe(0);
  });
});

describe('file-reading transforms', () => {
  it('fail one file on an internal error (message, place, stack) and go on with the others', async () => {
    const picky = defineTransform({
      id: 'picky',
      languages: ['python'],
      reads: 'file',
      summary: 'throws on b.py',
      options: none,
      run(ctx: PythonFileContext<None>) {
        if (ctx.path === 'b.py') throw new TypeError('cannot handle b');
        return [Fix.safe('rename', [Edit.replace(0, 1, 'z')])];
      },
    });
    const { results } = await run(makeTree({ 'a.py': 'x = 1\n', 'b.py': 'y = 2\n' }), picky);
    const [a, b] = [results[0]!, results[1]!];
    expect(a).toMatchObject({ kind: 'changed', after: 'z = 1\n' });
    expect(b).toMatchObject({ kind: 'failed', path: 'b.py' });
    expect(b.kind === 'failed' && b.error).toMatch(
      /^internal error in picky: cannot handle b \(at /,
    );
    expect(b.kind === 'failed' && b.stack).toContain('TypeError: cannot handle b');
  });

  it('keep an unsafe fix and the imports it asked for until --unsafe', async () => {
    const addsJson = defineTransform({
      id: 'adds-json',
      languages: ['python'],
      reads: 'file',
      summary: 'use json',
      options: none,
      run(ctx: PythonFileContext<None>) {
        ctx.addImport('json');
        const at = ctx.text.indexOf('None');
        ctx.report({ severity: 'warning', code: 'adds-json/seen', message: 'None here', at });
        return [Fix.unsafe('dump', [Edit.replace(at, at + 4, 'json.dumps(None)')])];
      },
    });
    const root = makeTree({ 'a.py': '"""Doc."""\n\nx = 1\ny = None\n' });
    const held = await run(root, addsJson);
    expect(held.results[0]).toMatchObject({ kind: 'unchanged', heldBack: 1 });
    expect(held.heldBack).toBe(1);
    expect(held.results[0]!.diagnostics).toContainEqual({
      severity: 'warning',
      code: 'adds-json/seen',
      message: 'None here',
      file: 'a.py',
      line: 4,
    });
    const applied = await run(root, addsJson, { allowUnsafe: true });
    expect(applied.results[0]!.kind === 'changed' && applied.results[0]!.after).toBe(
      '"""Doc."""\n\nimport json\n\nx = 1\ny = json.dumps(None)\n',
    );
  });

  it('turn a whole new text into a fix that goes through the re-parse check', async () => {
    const rewrite = (to: string) =>
      defineTransform({
        id: 'rewrite-text',
        languages: ['python'],
        reads: 'file',
        summary: 'rewrite the whole text',
        options: none,
        run(ctx: PythonFileContext<None>) {
          const fix = fixFromNewText('rewrite', ctx.text, ctx.text.replace('old', to));
          return fix ? [fix] : [];
        },
      });
    const root = makeTree({ 'a.py': 'def f():\n    return old\n\n\nkeep = 1\n' });
    const good = await run(root, rewrite('new'), { guard: false });
    expect(good.results[0]).toMatchObject({
      kind: 'changed',
      after: 'def f():\n    return new\n\n\nkeep = 1\n',
    });
    const bad = await run(root, rewrite('(new'), { guard: false });
    expect(bad.results[0]).toMatchObject({
      kind: 'failed',
      before: 'def f():\n    return old\n\n\nkeep = 1\n',
      after: 'def f():\n    return (new\n\n\nkeep = 1\n',
    });
    expect(bad.results[0]!.kind === 'failed' && bad.results[0]!.error).toMatch(
      /^the rewritten file does not parse: /,
    );
  });
});
