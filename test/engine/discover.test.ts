/** File discovery: .gitignore (nested and info/exclude), virtualenvs, explicit files. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { discoverFiles } from '../../src/engine/discover.js';
import { isPythonPath } from '../../src/python/files.js';

const discoverPythonFiles = (root: string, paths: readonly string[]) =>
  discoverFiles(root, paths, isPythonPath);

import { makeTree } from '../helpers.js';

describe('discoverFiles (Python files)', () => {
  const root = makeTree({
    '.gitignore': 'build/\n*_pb2.py\n',
    'app/main.py': '',
    'app/gen_pb2.py': '',
    'app/notes.txt': '',
    'app/types.pyi': '',
    'app/sub/.gitignore': 'local.py\n',
    'app/sub/local.py': '',
    'app/sub/kept.py': '',
    'build/out.py': '',
    'node_modules/pkg/x.py': '',
    'env/pyvenv.cfg': 'home = /usr/bin\n',
    'env/lib/site.py': '',
    '.venv/lib/a.py': '',
    'app/__pycache__/main.cpython-311.py': '',
    '.git/info/exclude': 'secret.py\n',
    'secret.py': '',
  });

  it('finds .py and .pyi files, honouring ignore files and skipping venvs and caches', () => {
    const { files, missing } = discoverPythonFiles(root, []);
    expect(files).toEqual(['app/main.py', 'app/sub/kept.py', 'app/types.pyi']);
    expect(missing).toEqual([]);
  });

  it('includes a file named explicitly even if it is ignored', () => {
    expect(discoverPythonFiles(root, ['app/gen_pb2.py', 'app']).files).toEqual([
      'app/gen_pb2.py',
      'app/main.py',
      'app/sub/kept.py',
      'app/types.pyi',
    ]);
  });

  it('applies ignore rules of parent directories when starting below the root', () => {
    expect(discoverPythonFiles(root, ['app/sub']).files).toEqual(['app/sub/kept.py']);
  });

  it('reports paths that do not exist and refuses paths outside the repository', () => {
    expect(discoverPythonFiles(root, ['nope.py']).missing).toEqual([
      { path: 'nope.py', reason: 'no such file or directory' },
    ]);
    expect(() => discoverPythonFiles(root, ['../elsewhere'])).toThrow(InputError);
    fs.symlinkSync(path.join(root, 'gone.py'), path.join(root, 'dangling.py'));
    expect(discoverPythonFiles(root, ['dangling.py']).missing).toHaveLength(1);
  });
});
