/** `ctx.project` in a project transform: the whole repository, config roots, shared trees. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emptyConfig } from '../../src/config/load.js';
import { defineTransform } from '../../src/engine/contract.js';
import { runTransform } from '../../src/engine/run.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { loadPython } from '../../src/python/parser.js';
import { findSymbolUses } from '../../src/python/project/index.js';
import { tempDir } from '../harness.js';

beforeAll(() => loadPython());

interface Seen {
  roots: string[];
  files: readonly string[];
  module: string | undefined;
  usesIn: string[];
  sameTree: boolean;
}

function probe(seen: Partial<Seen>) {
  return defineTransform({
    id: 'probe-project',
    languages: ['python'],
    reads: 'project',
    summary: 'look at ctx.project',
    options: z.strictObject({}),
    run(ctx: PythonProjectContext<Record<string, never>>) {
      const project = ctx.project;
      seen.roots = project.roots.map((r) => `${r.path}:${r.source}`);
      seen.files = project.files;
      seen.module = project.moduleName('lib/pkg/core.py');
      const uses = findSymbolUses(project, { path: 'lib/pkg/core.py', name: 'helper' });
      seen.usesIn = uses.names.map((n) => n.path);
      seen.sameTree =
        project.analysis('lib/pkg/core.py')!.tree === ctx.file('lib/pkg/core.py').tree;
    },
  });
}

function writeRepo(): string {
  const root = tempDir();
  const files: Record<string, string> = {
    'lib/pkg/__init__.py': '',
    'lib/pkg/core.py': 'def helper():\n    return 1\n',
    'app/main.py': 'from pkg.core import helper\n\nprint(helper())\n',
    'tests/test_core.py': 'from pkg.core import helper\n\nassert helper() == 1\n',
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('ProjectContext.project', () => {
  it('covers the whole repository, honours python.roots, and shares the parsed trees', async () => {
    const root = writeRepo();
    const seen: Partial<Seen> = {};
    await runTransform({
      root,
      transform: probe(seen),
      options: {},
      paths: ['app'],
      allowUnsafe: false,
      format: false,
      guard: false,
      workers: 0,
      config: { ...emptyConfig(root), pythonRoots: ['lib', '.'] },
    });
    expect(seen.roots).toEqual(['lib:config', ':config']);
    expect(seen.files).toEqual([
      'app/main.py',
      'lib/pkg/__init__.py',
      'lib/pkg/core.py',
      'tests/test_core.py',
    ]);
    expect(seen.module).toBe('pkg.core');
    expect(seen.usesIn).toEqual(['app/main.py', 'tests/test_core.py']);
    expect(seen.sameTree).toBe(true);
  });
});
