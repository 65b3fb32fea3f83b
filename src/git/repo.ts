/**
 * The git operations remedy needs: is this a work tree, which files are dirty,
 * branches, commits of chosen paths only (checked: exit status and a new HEAD), the
 * index reset for chosen paths, and which findings the current branch already carries
 * (trailer `Remedy-Finding: <ID>`). Reads use simple-git and never take git's optional
 * locks, so a dry run writes nothing, not even the index; writes use runGit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type SimpleGit, simpleGit } from 'simple-git';
import { InputError } from '../core/errors.js';
import { failureReason, GitCommandError, runGit } from './exec.js';

export const FINDING_TRAILER = 'Remedy-Finding';

export interface DirtyFile {
  /** Repository-relative path. */
  readonly path: string;
  /** Two-letter porcelain status (` M`, `??`, `A `...). */
  readonly status: string;
}

/**
 * The environment git runs with: the user's identity and config (HOME, author and
 * committer variables) without the variables simple-git refuses to pass through.
 */
const PASSED_GIT_VARIABLES = [
  'GIT_OPTIONAL_LOCKS',
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_COMMITTER_DATE',
];

/** simple-git for reading only (operations that write go through runGit, which checks them). */
function readClient(baseDir: string): SimpleGit {
  return simpleGit({ baseDir, allowEnvironment: PASSED_GIT_VARIABLES }).env(
    gitEnv({ GIT_OPTIONAL_LOCKS: '0' }),
  );
}

function gitEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (
      ['PATH', 'HOME', 'USER', 'LOGNAME', 'TMPDIR', 'XDG_CONFIG_HOME'].includes(key) ||
      PASSED_GIT_VARIABLES.includes(key)
    ) {
      env[key] = value;
    }
  }
  return { ...env, LC_ALL: 'C', ...extra };
}

export class GitRepo {
  private constructor(
    /** Absolute path of the work tree's top level. */
    readonly root: string,
    /** Absolute path of the git directory. */
    readonly gitDir: string,
  ) {}

  /** Open the repository containing `dir`; InputError when it is not a git work tree. */
  static async open(dir: string): Promise<GitRepo> {
    const git = readClient(dir);
    let top: string;
    let gitDir: string;
    try {
      top = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
      gitDir = (await git.raw(['rev-parse', '--absolute-git-dir'])).trim();
    } catch {
      throw new InputError(`not a git repository: ${dir}`, {
        hint: 'remedy commits fixes with git: run it inside a git work tree (git init), or use "remedy run" for plain files',
      });
    }
    return new GitRepo(fs.realpathSync(top), gitDir);
  }

  private readOnly(): SimpleGit {
    return readClient(this.root);
  }

  /** Files with uncommitted changes (tracked and untracked, not ignored). */
  async dirtyFiles(): Promise<DirtyFile[]> {
    const out = await this.readOnly().raw([
      'status',
      '--porcelain=v1',
      '-z',
      '--untracked-files=all',
    ]);
    const files: DirtyFile[] = [];
    const parts = out.split('\0');
    for (let i = 0; i < parts.length; i++) {
      const entry = parts[i]!;
      if (entry.length < 4) continue;
      const status = entry.slice(0, 2);
      files.push({ path: entry.slice(3), status });
      if (status.startsWith('R') || status.startsWith('C')) i++; // the rename's source path follows
    }
    return files;
  }

  async hasCommits(): Promise<boolean> {
    try {
      // No --quiet: simple-git only sees a failure that writes to stderr.
      await this.readOnly().raw(['rev-parse', '--verify', 'HEAD']);
      return true;
    } catch {
      return false;
    }
  }

  /** The branch HEAD is on (also before its first commit); undefined when detached. */
  async currentBranch(): Promise<string | undefined> {
    const run = await runGit(this.root, ['symbolic-ref', '--short', '-q', 'HEAD'], gitEnv({}));
    const name = run.stdout.trim();
    return run.code === 0 && name ? name : undefined;
  }

  async head(): Promise<string> {
    return (await this.readOnly().raw(['rev-parse', 'HEAD'])).trim();
  }

  /** The commit HEAD points to, or undefined before the first commit. */
  async headOrUndefined(): Promise<string | undefined> {
    const run = await runGit(this.root, ['rev-parse', '--verify', '-q', 'HEAD'], gitEnv({}));
    return run.code === 0 ? run.stdout.trim() || undefined : undefined;
  }

  /** Run a git command that changes something; GitCommandError unless it exits 0. */
  private async mustRun(
    args: readonly string[],
    input?: string,
    env: Record<string, string> = {},
  ): Promise<string> {
    const run = await runGit(this.root, args, gitEnv(env), input);
    const reason = failureReason(run);
    if (reason) throw new GitCommandError(`git ${args[0]}`, reason);
    return run.stdout;
  }

  async branchExists(name: string): Promise<boolean> {
    const listed = await this.readOnly().raw(['branch', '--list', '--format=%(refname)', name]);
    return listed.split('\n').some((line) => line.trim() === `refs/heads/${name}`);
  }

  async isValidBranchName(name: string): Promise<boolean> {
    try {
      await this.readOnly().raw(['check-ref-format', '--branch', name]);
      return true;
    } catch {
      return false;
    }
  }

  /** Create `name` at HEAD and switch to it. */
  async createBranch(name: string): Promise<void> {
    await this.switchTo(['-c', name], name);
  }

  async switchBranch(name: string): Promise<void> {
    await this.switchTo([name], name);
  }

  /** `git switch`; InputError (exit 2) when git refuses, e.g. local changes in the way. */
  private async switchTo(args: readonly string[], name: string): Promise<void> {
    const run = await runGit(this.root, ['switch', '--quiet', ...args], gitEnv({}));
    const reason = failureReason(run);
    if (!reason) return;
    throw new InputError(`cannot switch to branch "${name}": git ${reason}`, {
      hint: 'commit or stash the local changes git names, then run the same command again',
    });
  }

  /**
   * Commit exactly `paths` (added, changed or deleted), whatever else is staged, and
   * return the new commit. Hooks run unless `hooks` is false (`--no-verify`). Throws
   * GitCommandError unless git exited 0 and HEAD moved to a new child of the old HEAD;
   * a commit that was made although git then failed (e.g. writing the index) counts.
   */
  async commitPaths(
    paths: readonly string[],
    message: string,
    opts: { readonly hooks?: boolean } = {},
  ): Promise<string> {
    const before = await this.headOrUndefined();
    await this.mustRun(['add', '-A', '--', ...paths]);
    const verify = opts.hooks === false ? ['--no-verify'] : [];
    const args = ['commit', '--quiet', ...verify, '--only', '--file=-', '--', ...paths];
    const run = await runGit(this.root, args, gitEnv({}), message);
    const after = await this.headOrUndefined();
    if (after && after !== before && (await this.parentOf(after)) === before) return after;
    throw new GitCommandError(
      'git commit',
      failureReason(run) ?? 'exited with status 0 but made no commit (HEAD did not move)',
    );
  }

  private async parentOf(commit: string): Promise<string | undefined> {
    const run = await runGit(this.root, ['rev-parse', '--verify', '-q', `${commit}^`], gitEnv({}));
    return run.code === 0 ? run.stdout.trim() : undefined;
  }

  /**
   * Make the index hold HEAD's version of `paths` again (nothing staged for them), and
   * check that it does. Throws GitCommandError when git fails or something stays staged.
   */
  async unstagePaths(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    if (await this.headOrUndefined()) await this.mustRun(['reset', '--quiet', '--', ...paths]);
    else await this.mustRun(['rm', '--cached', '-r', '-q', '--ignore-unmatch', '--', ...paths]);
    const staged = await this.stagedPaths(paths);
    if (staged.length > 0)
      throw new GitCommandError('git reset', `left ${staged.join(', ')} staged`);
  }

  /** Which of `paths` have staged changes (index differs from HEAD). */
  async stagedPaths(paths: readonly string[]): Promise<string[]> {
    if (paths.length === 0) return [];
    const args = (await this.headOrUndefined())
      ? ['diff', '--cached', '--name-only', '-z', '--', ...paths]
      : ['ls-files', '-z', '--', ...paths];
    const run = await runGit(this.root, args, gitEnv({ GIT_OPTIONAL_LOCKS: '0' }));
    return run.stdout.split('\0').filter(Boolean);
  }

  /**
   * Check the files of `rev` (default HEAD) out into the empty directory `dir`, through
   * a temporary index (the repository's own index and work tree are untouched).
   */
  async exportTree(dir: string, rev = 'HEAD'): Promise<void> {
    const env = { GIT_INDEX_FILE: `${dir}.index` };
    try {
      await this.mustRun(['read-tree', rev], undefined, env);
      await this.mustRun(['checkout-index', '-a', '-f', `--prefix=${dir}/`], undefined, env);
    } finally {
      fs.rmSync(`${dir}.index`, { force: true });
    }
  }

  /** Content of a path in the index, or undefined when it is not there. */
  async showIndex(relPath: string): Promise<string | undefined> {
    const run = await runGit(
      this.root,
      ['show', `:${relPath}`],
      gitEnv({ GIT_OPTIONAL_LOCKS: '0' }),
    );
    return run.code === 0 ? run.stdout : undefined;
  }

  /** Finding IDs named by `Remedy-Finding` trailers in the history of `rev` (default HEAD). */
  async appliedFindings(rev = 'HEAD'): Promise<Map<string, string>> {
    const applied = new Map<string, string>();
    if (!(await this.hasCommits())) return applied;
    const log = await this.readOnly().raw([
      'log',
      `--format=%H%x01%(trailers:key=${FINDING_TRAILER},valueonly,separator=%x02)%x00`,
      rev,
      '--',
    ]);
    for (const record of log.split('\0')) {
      const [hash, trailers] = record.trim().split('\x01');
      if (!hash || !trailers) continue;
      for (const id of trailers.split('\x02')) {
        const trimmed = id.trim();
        if (trimmed && !applied.has(trimmed)) applied.set(trimmed, hash);
      }
    }
    return applied;
  }

  /** `git log --oneline` of the last `n` commits. */
  async onelineLog(n: number): Promise<string> {
    return this.readOnly().raw(['log', '--oneline', `-${n}`]);
  }

  /** Content of a path at HEAD, or undefined when it is not tracked there. */
  async showHead(relPath: string): Promise<string | undefined> {
    try {
      return await this.readOnly().raw(['show', `HEAD:${relPath}`]);
    } catch {
      return undefined;
    }
  }

  absolute(relPath: string): string {
    return path.join(this.root, relPath);
  }
}
