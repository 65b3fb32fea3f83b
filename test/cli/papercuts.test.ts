/**
 * CLI papercuts (#15 item 7), with the real CLI: examples in every --help, flags only
 * where they act, transform options with types and defaults, option errors with the
 * allowed values, `run --exit-code`, `"version": 1` on every --json, and no escape
 * codes when the output is not a terminal.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { makeAuditProject, runCliAsync } from './project.js';

const COMMANDS = [
  'findings',
  'show',
  'plan',
  'diff',
  'apply',
  'run',
  'report',
  'init',
  'transforms',
];
const DOC_COMMANDS = new Set(['findings', 'show', 'plan', 'diff', 'apply', 'report']);
/** Not a terminal, and no colour forced or forbidden: the default a pipe gets. */
const PIPE = { NO_COLOR: '', FORCE_COLOR: '' };

describe('help', () => {
  it('has examples in every command, and --doc only where documents are read', async () => {
    const helps = await Promise.all(COMMANDS.map((c) => runCliAsync([c, '--help'], process.cwd())));
    helps.forEach((help, i) => {
      const command = COMMANDS[i]!;
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain('Examples:');
      expect(help.stdout.includes('--doc'), command).toBe(DOC_COMMANDS.has(command));
    });
  });

  it('keeps the command word after a global --doc', () => {
    const repo = makeAuditProject();
    const r = runCli(['--doc', 'docs/AUDIT.md', 'plan', '--json'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).findings).toHaveLength(3);
  });
});

describe('transform options', () => {
  it('shows one transform with option types, allowed values and defaults', () => {
    const r = runCli(['transforms', 'hoist-imports'], process.cwd());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/modules\s+"stdlib" \| array of string\s+default "stdlib"/);
    const rename = runCli(['transforms', 'rename-symbols'], process.cwd()).stdout;
    expect(rename).toMatch(
      /renames\s+array of \{module\?: string, file\?: string, from: string, to: string\}\s+required/,
    );
    expect(rename).toMatch(/onCollision\s+"refuse" \| "alias"\s+default "refuse"/);
    const unknown = runCli(['transforms', 'hoist'], process.cwd());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean hoist-imports?');
  });

  it('lists the allowed values when an option is wrong', () => {
    const repo = makeAuditProject();
    const r = runCli(['run', 'hoist-imports', '--options', '{"modules":"std"}'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'invalid options for hoist-imports at "modules": expected "stdlib" or an array',
    );
    expect(r.stderr).toContain('remedy transforms hoist-imports');
  });
});

describe('run --exit-code', () => {
  it('exits 1 while there are changes and 0 when there are none', () => {
    const repo = makeAuditProject();
    expect(runCli(['run', 'pep604-optional', '--exit-code'], repo).code).toBe(1);
    expect(runCli(['run', 'pep604-optional', '--write'], repo).code).toBe(0);
    expect(runCli(['run', 'pep604-optional', '--exit-code'], repo).code).toBe(0);
  });
});

describe('--json', () => {
  // printJson adds it for every command; report and init check theirs in their own tests.
  it('carries "version": 1 on every command', async () => {
    const repo = makeAuditProject();
    const runs: string[][] = [
      ['findings', '--json'],
      ['show', 'Q-01', '--json'],
      ['plan', '--json'],
      ['run', 'pep604-optional', 'app/models.py', '--json'],
      ['transforms', 'pep604-optional', '--json'],
      ['apply', 'Q-01', '--json'],
    ];
    for (const args of runs) {
      const r = runCli(args, repo);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).version, args.join(' ')).toBe(1);
    }
  });
});

describe('colours', () => {
  it('writes no escape codes when the output is not a terminal', () => {
    const repo = makeAuditProject();
    for (const args of [['plan'], ['diff', '--phase', '1'], ['apply', 'Q-01']]) {
      const r = runCli(args, repo, PIPE);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).not.toContain('\u001b');
    }
    const forced = runCli(['diff', 'Q-02'], repo, { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[');
  });
});
