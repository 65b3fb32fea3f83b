/** The project model: import roots, module names, relative imports, cross-module resolution. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { loadPython } from '../../src/python/parser.js';
import { openProject, type StandaloneProject } from '../../src/python/project/index.js';
import { tempDir } from '../harness.js';

beforeAll(() => loadPython());

let open: StandaloneProject | undefined;
afterEach(() => open?.dispose());

/** A repository from `{ path: text }`; opens the project over its .py files. */
function repo(files: Record<string, string>, configRoots?: string[]): StandaloneProject {
  const root = tempDir();
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), stripIndent(text));
  }
  const py = Object.keys(files)
    .filter((f) => /\.pyi?$/.test(f))
    .sort();
  open = openProject(root, py, configRoots ? { configRoots } : {});
  return open;
}

describe('import roots', () => {
  it('uses config roots when given', () => {
    const { project } = repo({ 'lib/pkg/__init__.py': '', 'lib/pkg/m.py': '' }, ['lib']);
    expect(project.roots.map((r) => [r.path, r.source])).toEqual([['lib', 'config']]);
    expect(project.moduleName('lib/pkg/m.py')).toBe('pkg.m');
  });

  it('infers src layouts, package parents and the repository root', () => {
    const { project } = repo({
      'backend/src/app/__init__.py': '',
      'backend/src/app/db/engine.py': '',
      'tools/scripts/run.py': '',
      'tests/__init__.py': '',
      'tests/test_x.py': '',
    });
    expect(project.roots.map((r) => `${r.path}:${r.source}`)).toEqual([
      'backend/src:src-layout',
      ':package-parent',
    ]);
    expect(project.moduleName('backend/src/app/db/engine.py')).toBe('app.db.engine');
    expect(project.moduleName('tests/test_x.py')).toBe('tests.test_x');
    expect(project.moduleName('tools/scripts/run.py')).toBe('tools.scripts.run');
  });

  it('evaluates sys.path insertions in conftest.py and tests/__init__.py', () => {
    const { project } = repo({
      'conftest.py': `
        import os
        import sys

        sys.path.insert(0, os.path.join(os.path.dirname(__file__), "services", "api"))
        `,
      'tests/__init__.py': `
        import sys
        from pathlib import Path

        ROOT = Path(__file__).resolve().parent.parent
        for _path in (ROOT / "lib", ROOT / "stubs"):
            _entry = str(_path)
            if _entry not in sys.path:
                sys.path.insert(0, _entry)
        `,
      'services/api/handler.py': '',
      'lib/shared.py': '',
      'stubs/boto3/__init__.py': '',
    });
    const roots = project.roots.filter((r) => r.source === 'sys-path');
    expect(roots.map((r) => [r.path, r.stub])).toEqual([
      ['services/api', false],
      ['lib', false],
      ['stubs', true],
    ]);
    expect(project.moduleName('services/api/handler.py')).toBe('handler');
    expect(project.category('boto3')).toBe('third-party');
    expect(project.category('shared')).toBe('first-party');
    expect(project.category('json')).toBe('stdlib');
    expect(project.category('requests')).toBe('third-party');
  });

  it('reads pytest pythonpath and pyproject package settings', () => {
    const { project } = repo({
      'pyproject.toml': `
        [tool.pytest.ini_options]
        pythonpath = ["lib"]

        [tool.setuptools.packages.find]
        where = ["src"]
        `,
      'svc/setup.cfg': `
        [tool:pytest]
        pythonpath = code
        `,
      'lib/a.py': '',
      'src/b/__init__.py': '',
      'svc/code/c.py': '',
    });
    expect(project.roots.slice(0, 3).map((r) => `${r.path}:${r.source}`)).toEqual([
      'lib:pytest',
      'src:pyproject',
      'svc/code:pytest',
    ]);
    expect(project.moduleName('svc/code/c.py')).toBe('c');
  });
});

describe('modules and resolution', () => {
  const files = {
    'app/__init__.py': '',
    'app/api/__init__.py': `
      from .request import _parse_body as _parse_body
      from . import request
      `,
    'app/api/request.py': `
      import os as _os

      def _parse_body(event):
          return event

      class Repo:
          def count(self):
              return 0
      `,
    'app/api/handler.py': `
      from ..api import request
      from . import _parse_body
      from app.api.request import Repo
      import app.api.request as req
      `,
    'app/star.py': `
      from app.api.request import *
      `,
  };

  it('maps module names to files and resolves relative imports', () => {
    const { project } = repo(files);
    expect(project.fileOf('app.api')?.path).toBe('app/api/__init__.py');
    expect(project.modules.isPackage('app.api')).toBe(true);
    expect(project.modules.resolveRelative('app/api/handler.py', 2, 'api')).toBe('app.api');
    expect(project.modules.resolveRelative('app/api/__init__.py', 1, 'request')).toBe(
      'app.api.request',
    );
    expect(project.modules.resolveRelative('app/star.py', 3, 'x')).toBeUndefined();
  });

  it('follows re-exports through __init__.py to the definition', () => {
    const { project } = repo(files);
    const r = project.resolve('app.api._parse_body');
    expect(r.kind === 'symbol' && [r.module, r.name, r.file.path]).toEqual([
      'app.api.request',
      '_parse_body',
      'app/api/request.py',
    ]);
    const member = project.resolve('app.api.handler.Repo.count');
    expect(member.kind === 'symbol' && [member.name, member.member]).toEqual(['Repo', ['count']]);
    expect(project.resolve('app.api.request').kind).toBe('module');
    expect(project.resolve('app.api.handler.req').kind).toBe('module');
    expect(project.resolve('app.api.request._os')).toEqual({
      kind: 'external',
      name: 'os',
      category: 'stdlib',
    });
    expect(project.resolve('app.api.nothing').kind).toBe('unresolved');
  });

  it('resolves names star-imported by public name', () => {
    const { project } = repo(files);
    const r = project.resolve('app.star.Repo');
    expect(r.kind === 'symbol' && r.module).toBe('app.api.request');
    expect(project.resolve('app.star._parse_body').kind).toBe('unresolved');
    expect(project.exports('app.api.request')).toEqual(['Repo']);
  });

  it('gives references their qualified names', () => {
    const { project } = repo(files);
    const analysis = project.analysis('app/api/handler.py')!;
    const names = analysis.bindings.map((b) =>
      project.bindingQualifiedName('app/api/handler.py', b),
    );
    expect(names).toEqual([
      'app.api.request',
      'app.api._parse_body',
      'app.api.request.Repo',
      'app.api.request',
    ]);
  });
});
