/** Import roots: a namespace package under a declared root is not a root of its own. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { loadPython } from '../../src/python/parser.js';
import { openProject, type StandaloneProject } from '../../src/python/project/index.js';
import { tempDir } from '../harness.js';

beforeAll(() => loadPython());

let open: StandaloneProject | undefined;
afterEach(() => open?.dispose());

it('names a module of a namespace package spread over src roots by its full dotted name', () => {
  const root = tempDir();
  const files: Record<string, string> = {
    'packages/infra-db/pyproject.toml': '[tool.setuptools.packages.find]\nwhere = ["src"]\n',
    'packages/infra-db/src/praecepta/infra/db/__init__.py': '',
    'packages/infra-db/src/praecepta/infra/db/engine.py': 'def get_engine(): ...\n',
    'packages/infra-tasks/pyproject.toml': '[tool.setuptools.packages.find]\nwhere = ["src"]\n',
    'packages/infra-tasks/src/praecepta/infra/tasks/__init__.py': '',
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  open = openProject(
    root,
    Object.keys(files).filter((f) => f.endsWith('.py')),
  );
  const { project } = open;
  expect(project.moduleName('packages/infra-db/src/praecepta/infra/db/engine.py')).toBe(
    'praecepta.infra.db.engine',
  );
  expect(project.roots.map((r) => r.path)).not.toContain('packages/infra-db/src/praecepta/infra');
  expect(project.fileOf('praecepta.infra.tasks')?.path).toBe(
    'packages/infra-tasks/src/praecepta/infra/tasks/__init__.py',
  );
});
