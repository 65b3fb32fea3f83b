/** findSymbolUses: every use of a module-level symbol across a project. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { loadPython } from '../../src/python/parser.js';
import {
  findSymbolUses,
  openProject,
  type StandaloneProject,
  type SymbolUses,
} from '../../src/python/project/index.js';
import { tempDir } from '../harness.js';

beforeAll(() => loadPython());

let open: StandaloneProject | undefined;
afterEach(() => open?.dispose());

function uses(files: Record<string, string>, target: { path: string; name: string }): SymbolUses {
  const root = tempDir();
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), stripIndent(text));
  }
  open = openProject(root, Object.keys(files).sort());
  return findSymbolUses(open.project, target);
}

const at = (p: string, node: { startPosition: { row: number } }) =>
  `${p}:${node.startPosition.row + 1}`;

const project = {
  'app/__init__.py': '',
  'app/helpers.py': `
    def _fetch(url, retry=_fetch_default := 1):
        return url

    def caller():
        _fetch = "local shadow"
        return _fetch

    __all__ = ["_fetch", "caller"]
    `,
  'app/api/__init__.py': `
    from app.helpers import _fetch
    `,
  'app/api/client.py': `
    import app.helpers
    from app import helpers as h
    from app.api import _fetch as fetch_again
    from app.helpers import _fetch as get

    def run():
        from app.helpers import _fetch
        return _fetch(1), get(2), fetch_again(3), h._fetch(4), app.helpers._fetch(5)
    `,
  'app/chain.py': `
    from app.api.client import get
    `,
  'tests/test_client.py': `
    from unittest import mock
    from app import helpers

    def test(obj):
        mock.patch("app.helpers._fetch")
        mock.patch("app.api._fetch")
        mock.patch.object(helpers, "_fetch")
        getattr(obj, "_fetch")
        entry = "app.helpers:_fetch"
        return "_fetch"
    `,
};

describe('findSymbolUses', () => {
  const found = () => uses(project, { path: 'app/helpers.py', name: '_fetch' });

  it('finds the definition and import clauses through re-exports and aliases', () => {
    const u = found();
    expect(u.module).toBe('app.helpers');
    expect(u.definitions.map((d) => d.kind)).toEqual(['function']);
    expect(
      u.imports.map(
        (i) => `${at(i.path, i.nameNode)} ${i.binding.name}${i.aliased ? ' (alias)' : ''}`,
      ),
    ).toEqual([
      'app/api/__init__.py:1 _fetch',
      'app/api/client.py:3 fetch_again (alias)',
      'app/api/client.py:4 get (alias)',
      'app/api/client.py:7 _fetch',
      'app/chain.py:1 get',
    ]);
  });

  it('finds names bound to those imports, not local shadows', () => {
    const u = found();
    expect(u.names.map((n) => `${at(n.path, n.reference.node)} ${n.reference.name}`)).toEqual([
      'app/api/client.py:8 _fetch',
      'app/api/client.py:8 get',
      'app/api/client.py:8 fetch_again',
    ]);
  });

  it('finds module attributes through aliases and dotted imports', () => {
    const u = found();
    expect(u.attributes.map((a) => `${at(a.path, a.node)} ${a.module}`)).toEqual([
      'app/api/client.py:8 app.helpers',
      'app/api/client.py:8 app.helpers',
    ]);
  });

  it('finds strings that name it, and reports the ones it cannot prove', () => {
    const u = found();
    expect(u.strings.map((s) => `${at(s.path, s.node)} ${s.kind} ${s.module}`)).toEqual([
      'app/helpers.py:8 all app.helpers',
      'tests/test_client.py:5 dotted app.helpers',
      'tests/test_client.py:6 dotted app.api',
      'tests/test_client.py:7 attribute-name app.helpers',
      'tests/test_client.py:9 dotted app.helpers',
    ]);
    expect(u.dynamic.map((d) => `${d.path}:${d.line} ${d.why}`)).toEqual([
      'tests/test_client.py:8 getattr() on `obj`, which remedy cannot resolve',
      'tests/test_client.py:10 a string with the same text (maybe a dynamic lookup)',
    ]);
    expect([...u.exposed.keys()].sort()).toEqual([
      'app.api',
      'app.api.client',
      'app.chain',
      'app.helpers',
    ]);
  });
});

describe('findSymbolUses on attribute names of other objects', () => {
  it('does not report patch.object on a class as dynamic, but does on a variable', () => {
    const u = uses(
      {
        'app/__init__.py': '',
        'app/m.py': `
          def _run():
              return 1

          class Runner:
              def _run(self):
                  return 2
          `,
        'tests/test_m.py': `
          import importlib
          from unittest import mock
          from app.m import Runner

          mock.patch.object(Runner, "_run")
          mod = importlib.import_module("app.m")
          mock.patch.object(mod, "_run")
          `,
      },
      { path: 'app/m.py', name: '_run' },
    );
    expect(u.strings).toEqual([]);
    expect(u.dynamic.map((d) => d.line)).toEqual([7]);
  });
});

describe('findSymbolUses and files that do not parse', () => {
  it('lists them instead of guessing', () => {
    const u = uses(
      {
        'app/__init__.py': '',
        'app/m.py': 'def _load():\n    return 1\n',
        'app/broken.py': 'def broken(:\n    return _load()\n',
      },
      { path: 'app/m.py', name: '_load' },
    );
    expect(u.unparsed).toEqual(['app/broken.py']);
  });
});
