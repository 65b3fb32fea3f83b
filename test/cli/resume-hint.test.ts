/**
 * The resume command line: every word survives a POSIX shell unchanged (spaces,
 * quotes of both kinds, `$`, `!`, `|`, backslashes), and only the options the user
 * gave are repeated.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyCommandLine, shellQuote } from '../../src/cli/resume-hint.js';

/** The words /bin/sh reads from `line`, one per output line. */
function shellWords(line: string): string[] {
  const r = spawnSync('/bin/sh', ['-c', `for w in ${line}; do printf '%s\\n' "$w"; done`], {
    encoding: 'utf8',
  });
  return r.stdout.split('\n').slice(0, -1);
}

describe('shellQuote', () => {
  it('keeps plain words bare and quotes the rest so the shell reads them back', () => {
    expect(shellQuote('docs/AUDIT.md')).toBe('docs/AUDIT.md');
    const words = ['Mechanical refactors', `it's "quoted"`, '$HOME !x | y', 'a\\b', '', '*'];
    expect(shellWords(words.map(shellQuote).join(' '))).toEqual(words);
  });
});

describe('applyCommandLine', () => {
  it('repeats the selection and the options given, nothing else', () => {
    const line = applyCommandLine(
      {
        ids: [],
        phase: 'Step 2',
        doc: ['a.md', 'b c.md'],
        verify: 'make test',
        unsafe: true,
        format: false,
        commit: true,
        keepGoing: false,
      },
      [],
      true,
    );
    expect(line).toBe(
      "remedy apply --phase 'Step 2' --doc a.md --doc 'b c.md' --verify 'make test' --unsafe --no-format --continue",
    );
    expect(applyCommandLine({ ids: ['P1-1', 'P1-2'] }, ['P1-2'], false)).toBe('remedy apply P1-2');
  });
});
