import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { preferBaselineWasm } from '../../src/python/guard.js';
import { loadPython } from '../../src/python/parser.js';
import { openProject, type StandaloneProject } from '../../src/python/project/index.js';
import { makeTree } from '../../test/helpers.js';
import { type FilePlan, parseImportStatement, planMissingImports } from './plan.js';

const INVENTORY = path.resolve(import.meta.dirname, '../../fixtures/inventory-service');
const opened: StandaloneProject[] = [];

beforeAll(async () => {
  preferBaselineWasm();
  await loadPython();
});
afterAll(() => {
  for (const p of opened) p.dispose();
});

function pythonFiles(root: string, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return pythonFiles(root, rel);
    return rel.endsWith('.py') ? [rel] : [];
  });
}

function plan(
  root: string,
  file: string,
  extra: { names?: string[]; imports?: string[] } = {},
): FilePlan {
  const standalone = openProject(root, pythonFiles(root));
  opened.push(standalone);
  const { project } = standalone;
  const tree = project.analysis(file)!.tree;
  return planMissingImports({ project, path: file, text: project.text(file)!, tree, ...extra });
}

const requests = (p: FilePlan) => p.imports.map((i) => [i.request, i.applicability]);
const codes = (p: FilePlan) => p.problems.map((n) => n.code);

describe('planMissingImports on inventory-service TD-001', () => {
  it('resolves the undefined os of backend/main.py to `import os`, safe', () => {
    const p = plan(INVENTORY, 'backend/main.py');
    expect(p.undefined.map((n) => [n.name, n.uses.length])).toEqual([['os', 3]]);
    expect(p.undefined[0]!.uses.map((u) => u.attribute)).toEqual(['getenv', 'getenv', 'getenv']);
    expect(requests(p)).toEqual([[{ module: 'os' }, 'safe']]);
    expect(p.imports[0]!.line).toBe(26);
  });

  it("checks the finding's own statement against the code", () => {
    expect(requests(plan(INVENTORY, 'backend/main.py', { imports: ['import os'] }))).toEqual([
      [{ module: 'os' }, 'safe'],
    ]);
    const wrong = plan(INVENTORY, 'backend/main.py', { imports: ['from os import getenv'] });
    expect(wrong.imports).toEqual([]);
    expect(wrong.problems).toEqual([
      expect.objectContaining({
        code: 'missing-import/not-undefined',
        message: expect.stringContaining('the undefined names there are `os`'),
      }),
    ]);
  });

  it('says a statement that is already there is present', () => {
    const p = plan(INVENTORY, 'backend/main.py', { imports: ['import logging'] });
    expect(p.problems).toEqual([]);
    expect(p.notes.map((n) => n.code)).toEqual(['missing-import/present']);
  });
});

describe('planMissingImports', () => {
  const project = (files: Record<string, string>) =>
    makeTree(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, stripIndent(v)])));

  it('imports the one project definition of a name', () => {
    const root = project({
      'app/__init__.py': '',
      'app/util.py': 'def slugify(text):\n    return text.lower()\n',
      'app/api.py': 'def title(x):\n    return slugify(x)\n',
      'tests/test_util.py': 'def slugify(x):\n    return x\n',
    });
    expect(requests(plan(root, 'app/api.py'))).toEqual([
      [{ module: 'app.util', name: 'slugify' }, 'safe'],
    ]);
  });

  it('refuses an ambiguous name, listing every candidate', () => {
    const root = project({
      'app/__init__.py': '',
      'app/a.py': 'def helper():\n    return 1\n',
      'app/b.py': 'helper = 2\n',
      'app/c.py': 'x = helper()\n',
    });
    const p = plan(root, 'app/c.py');
    expect(codes(p)).toEqual(['missing-import/ambiguous']);
    expect(p.problems[0]!.message).toContain(
      '`from app.a import helper` (app/a.py), `from app.b import helper` (app/b.py)',
    );
  });

  it('tells the datetime module from the datetime class by the attributes read', () => {
    const root = project({
      'a.py': 'now = datetime.now()\n',
      'b.py': 'delta = datetime.timedelta(days=1)\n',
      'c.py': 'x = datetime.now() - datetime.timedelta(days=1)\n',
    });
    expect(requests(plan(root, 'a.py'))).toEqual([
      [{ module: 'datetime', name: 'datetime' }, 'safe'],
    ]);
    expect(requests(plan(root, 'b.py'))).toEqual([[{ module: 'datetime' }, 'safe']]);
    expect(codes(plan(root, 'c.py'))).toEqual(['missing-import/ambiguous']);
  });

  it('marks an import that closes a cycle unsafe', () => {
    const root = project({
      'app/__init__.py': '',
      'app/models.py': 'from app.service import run\n\nLIMIT = 3\n',
      'app/service.py': 'def run():\n    return LIMIT\n',
    });
    const p = plan(root, 'app/service.py');
    expect(requests(p)).toEqual([[{ module: 'app.models', name: 'LIMIT' }, 'unsafe']]);
    expect(p.notes.map((n) => n.code)).toEqual(['missing-import/cycle']);
  });

  it('leaves a name nothing defines, as a warning, or refuses when the finding named it', () => {
    const root = project({ 'a.py': 'print(undefined_thing)\n' });
    const all = plan(root, 'a.py');
    expect(all.imports).toEqual([]);
    expect(all.notes).toEqual([
      expect.objectContaining({ code: 'missing-import/unresolved', undone: true, line: 1 }),
    ]);
    expect(codes(plan(root, 'a.py', { names: ['undefined_thing'] }))).toEqual([
      'missing-import/unresolved',
    ]);
  });

  it('reads import statements', () => {
    expect(parseImportStatement('from ..a import b as c, d')).toEqual([
      { module: '..a', name: 'b', alias: 'c' },
      { module: '..a', name: 'd' },
    ]);
    expect(parseImportStatement('import os.path')).toEqual([{ module: 'os.path' }]);
    expect(parseImportStatement('os.getenv("X")')).toBeUndefined();
  });
});
