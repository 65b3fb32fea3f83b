/**
 * `remedy apply --interactive` in a real terminal (tmux): each finding's diff,
 * coloured, then `Apply Q-01 [y,n,q,a,d,?]?` answered with one key. Accepted findings
 * are committed, skipped ones listed; `q` and Ctrl-C stop before anything of the
 * finding is written. Without a TTY on stdin, or with --json, it is refused (exit 2).
 * With CI=true a missing tmux fails; elsewhere the terminal tests are skipped, saying
 * how to install it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { expectExit, git, remedy, repoState, subjects } from '../faults/helpers.js';
import { REMEDY_BIN } from '../helpers.js';
import { phasedProject } from '../workflow/phased-project.js';
import { TMUX_INSTALL, Tmux, tmuxPresent } from './tmux.js';

const present = tmuxPresent();
const required = process.env.CI === 'true';
if (!present && !required)
  console.warn(
    `skipping the interactive terminal tests: tmux is missing (install it: ${TMUX_INSTALL})`,
  );

const PROMPT = (id: string) => `Apply ${id} [y,n,q,a,d,?]?`;
const APPLY = `env -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color "${process.execPath}" "${REMEDY_BIN}" apply --phase 1 --interactive`;

describe.skipIf(!present && !required)('apply --interactive in a terminal', () => {
  const tmux = new Tmux();
  afterAll(() => tmux.kill());
  const need = () => {
    if (!present) throw new Error(`tmux is missing; install it: ${TMUX_INSTALL}`);
  };

  it.concurrent('shows the coloured diff, helps with ?, commits y, skips n and lists it', async () => {
    need();
    const repo = phasedProject();
    const term = tmux.start(APPLY, repo);
    await term.waitFor(PROMPT('Q-01'));
    expect(term.screen()).toContain(
      '── Q-01 (1/2) Mixed Optional styles in the models [pep604-optional]',
    );
    expect(term.screen(true)).toMatch(/\u001b\[[0-9;]*m\+ {4}name: str \| None = None/);
    term.keys('?', true);
    await term.waitFor('n - skip this finding');
    term.keys('y');
    await term.waitFor(PROMPT('Q-02'));
    term.keys('n');
    const screen = await term.waitFor('EXIT=');
    expect(screen).toContain('EXIT=0');
    expect(screen).toContain('[2/2] Q-02 pep604-optional skipped: by the reviewer');
    expect(screen).toContain('skipped: Q-02');
    expect(subjects(repo)).toEqual([
      'refactor(app): resolve Q-01 — use X | None instead of Optional[X]',
      'initial',
    ]);
    expect(git(repo, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('remedy/phase-1');
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  /** A review that stops without writing: `keys` answer Q-01; the screen at the end. */
  async function reviewWithoutWriting(...keys: string[]): Promise<string> {
    need();
    const repo = phasedProject();
    const before = repoState(repo);
    const term = tmux.start(APPLY, repo);
    await term.waitFor(PROMPT('Q-01'));
    for (const key of keys) {
      term.keys(key);
      // `d` prints the diff a second time; wait for it before the next key.
      if (key === 'd') await term.waitFor('+    name: str | None = None', 2);
    }
    const screen = await term.waitFor('EXIT=');
    expect(repoState(repo)).toEqual(before);
    return screen;
  }

  it.concurrent('shows the diff again with d; Ctrl-C stops before writing, and says how to resume', async () => {
    const screen = await reviewWithoutWriting('d', 'C-c');
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('to resume, run: remedy apply --phase 1 --interactive');
  });

  it.concurrent('n on a finding skips the findings that depend on it too', async () => {
    const screen = await reviewWithoutWriting('n');
    expect(screen).toContain('EXIT=0');
    expect(screen).toContain('[2/2] Q-02 - skipped: depends on Q-01, which was skipped');
    expect(screen).not.toContain(PROMPT('Q-02'));
    expect(screen).toContain('skipped: Q-01, Q-02');
  });

  it.concurrent('q quits: nothing written, no branch, the rest to review later', async () => {
    const screen = await reviewWithoutWriting('q');
    expect(screen).toContain('EXIT=0');
    expect(screen).toContain('quit: 2 finding(s) not reviewed');
    expect(screen).toContain('to review the rest later, run: remedy apply --phase 1 --interactive');
  });
});

describe.concurrent('apply --interactive where nobody can answer', () => {
  it('is refused without a TTY on stdin, and with --json (exit 2, nothing changed)', async () => {
    const repo = phasedProject();
    const before = repoState(repo);
    expectExit(
      await remedy(['apply', '--phase', '1', '--interactive'], repo),
      2,
      '--interactive needs a terminal: standard input is not a TTY',
    );
    expectExit(
      await remedy(['apply', 'Q-01', '-i', '--json'], repo),
      2,
      '--interactive cannot be combined with --json',
    );
    expect(repoState(repo)).toEqual(before);
  });
});
