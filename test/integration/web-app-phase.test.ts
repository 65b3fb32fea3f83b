/**
 * Issue #14's done-when, with the real CLI on a temporary git copy of fixtures/web-app:
 * `remedy apply --phase 1` and `--phase 2` apply the mechanical findings of its audit,
 * one commit each, and before each commit the verify command — `tsc --noEmit` and the
 * fixture's own vitest suite — passes (a finding whose verify failed is rolled back and
 * reported failed, so the exit code and the commits say it). Then the end state is
 * checked against docs/EXPECTED.md's traps, and a re-run changes nothing.
 *
 * Each finding's transform comes from a different branch of work; a finding whose
 * transform is not in the registry yet (`remedy transforms --json`) is expected to stay
 * manual — the test names them — and every other one must be committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyTree, tempDir } from '../harness.js';
import { git, initGitRepo, REPO_ROOT, runCli } from '../helpers.js';

const PHASES: Record<string, readonly (readonly [string, string])[]> = {
  '1': [
    ['F-03', 'remove-dead-code'],
    ['F-04', 'replace-type'],
    ['F-05', 'rewrite-pattern'],
    ['F-06', 'imports-first'],
    ['F-08', 'create-file'],
  ],
  '2': [
    ['F-07', 'jscodeshift'],
    ['F-01', 'extract-shared-helpers'],
    ['F-02', 'rename-symbols'],
  ],
};

// Each phase applies, type-checks and runs the suite several times: minutes on a loaded machine.
const PHASE_TIMEOUT = 600_000;

let repo = '';
let verify = '';
let registered: ReadonlySet<string> = new Set();
const read = (rel: string) => fs.readFileSync(path.join(repo, rel), 'utf8');
const exists = (rel: string) => fs.existsSync(path.join(repo, rel));

/** A verify script outside the repository: tsc, then the suite, in an environment free of this run's vitest. */
function writeVerify(dir: string): string {
  const node = (file: string) =>
    `"${process.execPath}" "${path.join(REPO_ROOT, 'node_modules', file)}"`;
  const file = path.join(dir, 'verify.sh');
  fs.writeFileSync(
    file,
    [
      'for v in $(env | sed -n "s/^\\(VITEST[A-Z_]*\\)=.*/\\1/p"); do unset "$v"; done',
      'unset NODE_OPTIONS',
      `${node('typescript/bin/tsc')} --noEmit -p . || exit 1`,
      `${node('vitest/vitest.mjs')} run --root . --config vitest.config.ts --pool=threads --reporter=dot`,
    ].join('\n'),
  );
  return file;
}

/** The findings a range of commits resolves, oldest first (their `Remedy-Finding` trailers). */
function committedFindings(range: string): string[] {
  return git(repo, 'log', '--reverse', '--format=%(trailers:key=Remedy-Finding,valueonly)', range)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

function applyPhase(phase: string): { expected: string[]; notYet: string[] } {
  const before = git(repo, 'rev-parse', 'HEAD').trim();
  const args = ['apply', '--phase', phase, '--keep-going', '--verify', `sh "${verify}"`];
  const r = runCli(args, repo, {}, PHASE_TIMEOUT);
  expect(r.code, r.stderr.slice(-4000)).toBe(0);
  expect(git(repo, 'status', '--porcelain')).toBe('');
  const steps = PHASES[phase]!;
  const expected = steps.filter(([, t]) => registered.has(t)).map(([id]) => id);
  const notYet = steps.filter(([, t]) => !registered.has(t)).map(([id, t]) => `${id} (${t})`);
  expect(committedFindings(`${before}..HEAD`)).toEqual(expected);
  for (const id of notYet) expect(r.stderr).toMatch(new RegExp(`${id.split(' ')[0]} .*manual`));
  return { expected, notYet };
}

beforeAll(() => {
  const dir = tempDir('remedy-web-app-phase-');
  repo = path.join(dir, 'web-app');
  copyTree(path.join(REPO_ROOT, 'fixtures', 'web-app'), repo);
  initGitRepo(repo);
  verify = writeVerify(dir);
  const r = runCli(['transforms', '--json'], repo);
  registered = new Set(
    (JSON.parse(r.stdout) as { transforms: { id: string }[] }).transforms.map((t) => t.id),
  );
});

describe('remedy apply --phase on fixtures/web-app', () => {
  it(
    'phase 1: one commit per mechanical finding, tsc and the suite green before each',
    () => {
      const { notYet } = applyPhase('1');
      if (notYet.length > 0) console.info(`phase 1: not in the registry yet: ${notYet.join(', ')}`);
      expect(exists('src/components/marketing/PromoBanner.tsx')).toBe(false);
      expect(exists('src/components/marketing/PromoBanner.test.tsx')).toBe(false);
      expect(read('src/app/layout.tsx')).toContain('(PromoBanner)');
      const switcher = read('src/components/LocaleSwitcher.tsx').split('\n');
      expect(switcher[0]).toBe("'use client'");
      expect(switcher).toContain(
        "import { localePath, type SupportedLocale } from '@/lib/i18n/locales'",
      );
      expect(switcher).not.toContain("type SupportedLocale = 'en' | 'zh-CN'");
    },
    PHASE_TIMEOUT,
  );

  it(
    'phase 2: one commit per mechanical finding, tsc and the suite green before each',
    () => {
      const { notYet } = applyPhase('2');
      if (notYet.length > 0) console.info(`phase 2: not in the registry yet: ${notYet.join(', ')}`);
      expect(read('src/lib/dates.ts')).toMatch(
        /^export type DateInput = Date \| string \| number\n/,
      );
      expect(read('src/lib/bookings.ts')).not.toMatch(
        /function (toDate|formatShortDate|isSameDay)\(/,
      );
      expect(read('src/components/schedule/WeekView.tsx')).toContain('from "@/lib/dates";');
      expect(read('src/components/booking/BookingSummary.tsx')).toContain(
        "import type { Booking } from '@/lib/bookings'",
      );
      const timetable = git(repo, 'log', '--format=%h', '--', 'src/lib/classes/timetable.ts')
        .trim()
        .split('\n');
      expect(timetable).toHaveLength(1);
      expect(read('src/components/booking/BookingForm.tsx')).toContain(
        "from '@/lib/classes/timetable'",
      );
    },
    PHASE_TIMEOUT,
  );

  it('changes nothing when the findings run again', () => {
    const log = git(repo, 'log', '--oneline');
    const ids = Object.values(PHASES).flatMap((steps) => steps.map(([id]) => id));
    const r = runCli(['apply', ...ids, '--keep-going'], repo);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    expect(git(repo, 'log', '--oneline')).toBe(log);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });
});
