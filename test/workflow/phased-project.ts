/**
 * The audited project (test/audited-project.ts) with two phases, the first one
 * selected by a title with a space: "Mechanical refactors" and "Team
 * decisions" (Q-03, manual). Shared by the re-run, resume, baseline and interactive
 * tests, with a way to run the command a hint prints, through a POSIX shell.
 */
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { AUDIT, auditedProject } from '../audited-project.js';
import { type CliResult, REMEDY_BIN } from '../helpers.js';

export const PHASED_AUDIT = AUDIT.replace(
  /### Phase 1: Annotations[\s\S]*$/,
  [
    '### Phase 1: Mechanical refactors',
    '',
    '- **Q-01** — Mixed Optional styles in the models',
    '- **Q-02** — Mixed Optional styles in the services',
    '',
    '### Phase 2: Team decisions',
    '',
    '- **Q-03** — Rethink the retry policy',
    '',
  ].join('\n'),
);

export function phasedProject(): string {
  return auditedProject({ 'docs/AUDIT.md': PHASED_AUDIT });
}

/** The command after `<lead>` on its line of `text` (e.g. `then run: `), up to the line's end. */
export function hintedCommand(text: string, lead: string): string {
  const line = text.split('\n').find((l) => l.includes(lead));
  expect(line, `no "${lead}" in:\n${text}`).toBeDefined();
  return line!.slice(line!.indexOf(lead) + lead.length);
}

/** Run a printed `remedy ...` command line through /bin/sh, as a user pasting it would. */
export function runHinted(command: string, cwd: string): CliResult {
  expect(command.startsWith('remedy ')).toBe(true);
  const line = `"${process.execPath}" "${REMEDY_BIN}"${command.slice('remedy'.length)}`;
  const r = spawnSync('/bin/sh', ['-c', line], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
