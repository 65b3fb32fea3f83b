/** Test helpers: temporary directories and git repositories, running the real CLI. */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from './harness.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const REMEDY_BIN = path.join(REPO_ROOT, 'bin', 'remedy.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run `node bin/remedy.js ...args` in `cwd` (the compiled CLI: `npm test` builds first),
 * killed after `timeout` milliseconds.
 */
export function runCli(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  timeout = 120_000,
): CliResult {
  const r = spawnSync(process.execPath, [REMEDY_BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
    timeout,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** A temporary directory with the given files (path -> text or bytes). */
export function makeTree(files: Record<string, string | Uint8Array>, prefix?: string): string {
  const root = tempDir(prefix);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

/** A temporary git repository with the files committed on `main`. */
export function makeGitRepo(files: Record<string, string | Uint8Array>): string {
  return initGitRepo(makeTree(files, 'remedy-repo-'));
}

/** Make `root` a git repository with everything in it committed on `main`. */
export function initGitRepo(root: string): string {
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'config', 'user.name', 'remedy test');
  git(root, 'config', 'commit.gpgsign', 'false');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'initial');
  return root;
}

/** A hash of every file under `dir` (paths and bytes), `.git` included when asked. */
export function hashTree(dir: string, includeGit = false): string {
  const hash = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs
      .readdirSync(d, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === '.git' && !includeGit) continue;
      const abs = path.join(d, e.name);
      hash.update(path.relative(dir, abs));
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) hash.update(fs.readFileSync(abs));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** The heavy packages a Python run must not load: ts-morph, typescript, jscodeshift, ast-grep. */
export const HEAVY_MODULES = /node_modules\/(ts-morph|typescript|jscodeshift|@ast-grep)\//;

/** NODE_OPTIONS that log, in every thread, each loaded module whose URL matches `pattern`, to `log`. */
export function moduleLogger(log: string, pattern: RegExp = HEAVY_MODULES): Record<string, string> {
  const dir = makeTree({
    'hooks.mjs': [
      "import fs from 'node:fs';",
      `const pattern = new RegExp(${JSON.stringify(pattern.source)});`,
      'export async function load(url, context, next) {',
      '  if (pattern.test(url))',
      `    fs.appendFileSync(${JSON.stringify(log)}, url + '\\n');`,
      '  return next(url, context);',
      '}',
    ].join('\n'),
    'register.mjs': `import { register } from 'node:module';\nregister(${JSON.stringify(
      pathToFileURL('/HOOKS').href,
    )});\n`,
  });
  const hooks = pathToFileURL(path.join(dir, 'hooks.mjs')).href;
  const register = path.join(dir, 'register.mjs');
  fs.writeFileSync(register, fs.readFileSync(register, 'utf8').replace('file:///HOOKS', hooks));
  return { NODE_OPTIONS: `--import ${pathToFileURL(register).href}` };
}
