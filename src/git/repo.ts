/**
 * The git operations remedy needs (simple-git): is this a work tree, which files are
 * dirty, branches, commits of chosen paths only, and which findings the current
 * branch already carries (trailer `Remedy-Finding: <ID>`). Read operations never
 * take git's optional locks, so a dry run writes nothing, not even the index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type SimpleGit, simpleGit } from 'simple-git';
import { InputError } from '../core/errors.js';

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

function client(baseDir: string, readOnly: boolean): SimpleGit {
  return simpleGit({ baseDir, allowEnvironment: PASSED_GIT_VARIABLES }).env(
    gitEnv(readOnly ? { GIT_OPTIONAL_LOCKS: '0' } : {}),
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
    private readonly git: SimpleGit,
  ) {}

  /** Open the repository containing `dir`; InputError when it is not a git work tree. */
  static async open(dir: string): Promise<GitRepo> {
    const git = client(dir, true);
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
    return new GitRepo(fs.realpathSync(top), gitDir, client(top, false));
  }

  private readOnly(): SimpleGit {
    return client(this.root, true);
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

  async currentBranch(): Promise<string | undefined> {
    const name = (await this.readOnly().raw(['rev-parse', '--abbrev-ref', 'HEAD'])).trim();
    return name === 'HEAD' ? undefined : name;
  }

  async head(): Promise<string> {
    return (await this.readOnly().raw(['rev-parse', 'HEAD'])).trim();
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
    await this.git.raw(['switch', '--quiet', '-c', name]);
  }

  async switchBranch(name: string): Promise<void> {
    await this.git.raw(['switch', '--quiet', name]);
  }

  /** Commit exactly `paths` (added, changed or deleted), whatever else is staged. Returns the new commit's hash. */
  async commitPaths(paths: readonly string[], message: string): Promise<string> {
    await this.git.raw(['add', '-A', '--', ...paths]);
    await this.git.raw([
      'commit',
      '--quiet',
      '--no-verify',
      '--only',
      '-m',
      message,
      '--',
      ...paths,
    ]);
    return this.head();
  }

  /** Finding IDs named by `Remedy-Finding` trailers in the history of HEAD. */
  async appliedFindings(): Promise<Map<string, string>> {
    const applied = new Map<string, string>();
    if (!(await this.hasCommits())) return applied;
    const log = await this.readOnly().raw([
      'log',
      `--format=%H%x01%(trailers:key=${FINDING_TRAILER},valueonly,separator=%x02)%x00`,
      'HEAD',
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
