/**
 * Find how a repository runs its tests, for the config's `verify` command: pytest
 * configuration, tox, a unittest layout, a package.json test script, or a Makefile
 * `test` target — at the root, else in one first-level directory (`cd dir && ...`).
 * Reads files only; runs nothing.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface TestCommand {
  readonly command: string;
  /** What it was found from, repository-relative (`pyproject.toml [tool.pytest.ini_options]`). */
  readonly evidence: string;
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function hasSection(text: string | undefined, section: RegExp): boolean {
  return text !== undefined && section.test(text);
}

const PYTEST = 'python3 -m pytest -q';

/** pytest configuration in `dir`: the file and section that names it. */
function pytestIn(dir: string): string | undefined {
  const checks: [file: string, section: RegExp, label: string][] = [
    ['pytest.ini', /^\s*\[pytest\]/m, '[pytest]'],
    ['pyproject.toml', /^\s*\[tool\.pytest\.ini_options\]/m, '[tool.pytest.ini_options]'],
    ['tox.ini', /^\s*\[pytest\]/m, '[pytest]'],
    ['setup.cfg', /^\s*\[tool:pytest\]/m, '[tool:pytest]'],
  ];
  for (const [file, section, label] of checks)
    if (hasSection(read(path.join(dir, file)), section)) return `${file} ${label}`;
  for (const conftest of ['conftest.py', 'tests/conftest.py', 'test/conftest.py'])
    if (fs.existsSync(path.join(dir, conftest))) return conftest;
  return undefined;
}

/** A unittest layout: `tests/test_*.py` (or `test_*.py` at the top). */
function unittestIn(dir: string): TestCommand | undefined {
  for (const tests of ['tests', 'test']) {
    const abs = path.join(dir, tests);
    let names: string[];
    try {
      names = fs.readdirSync(abs);
    } catch {
      continue;
    }
    if (!names.some((n) => /^test.*\.py$/.test(n))) continue;
    const pkg = names.includes('__init__.py');
    return {
      command: pkg
        ? 'python3 -m unittest discover -q'
        : `python3 -m unittest discover -q -s ${tests} -t .`,
      evidence: `${tests}/test_*.py`,
    };
  }
  return undefined;
}

function npmTest(dir: string): TestCommand | undefined {
  const text = read(path.join(dir, 'package.json'));
  if (!text) return undefined;
  try {
    const script = (JSON.parse(text) as { scripts?: Record<string, string> }).scripts?.test;
    if (!script || /no test specified/.test(script)) return undefined;
    return { command: 'npm test', evidence: `package.json scripts.test (${script})` };
  } catch {
    return undefined;
  }
}

function makeTest(dir: string): TestCommand | undefined {
  for (const name of ['Makefile', 'makefile', 'GNUmakefile']) {
    if (/^test\s*:/m.test(read(path.join(dir, name)) ?? ''))
      return { command: 'make test', evidence: `${name} target "test"` };
  }
  return undefined;
}

/** The test command of one directory, best evidence first. */
function testCommandIn(dir: string): TestCommand | undefined {
  const pytest = pytestIn(dir);
  if (pytest) return { command: PYTEST, evidence: pytest };
  if (hasSection(read(path.join(dir, 'tox.ini')), /^\s*\[(tox|testenv)/m))
    return { command: 'tox', evidence: 'tox.ini' };
  return unittestIn(dir) ?? npmTest(dir) ?? makeTest(dir);
}

function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.venv', 'venv', 'dist', 'build', 'docs']);

/** The root's test command, else the first first-level directory's, run from there. */
export function findTestCommand(root: string): TestCommand | undefined {
  const top = testCommandIn(root);
  if (top) return top;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const found = testCommandIn(path.join(root, entry.name));
    if (found)
      return {
        command: `cd ${shellWord(entry.name)} && ${found.command}`,
        evidence: `${entry.name}/${found.evidence}`,
      };
  }
  return undefined;
}
