/**
 * The real CLI on a temporary git copy of fixtures/web-app, for the findings of the
 * TypeScript rename, imports-first and jscodeshift transforms: `plan` maps F-02, F-06
 * and F-07 with no config entry but F-07's, `diff` shows the exact change, `apply`
 * makes one commit per finding — and after each commit the fixture type-checks clean
 * and its own test suite passes. The AboutUsPage trap is resolved and said so in the
 * commit body; running a finding again changes nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyTree, tempDir } from '../harness.js';
import { git, initGitRepo, REPO_ROOT, runCli } from '../helpers.js';

const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const VITEST = path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

let repo: string;
const read = (rel: string) => fs.readFileSync(path.join(repo, rel), 'utf8');

/** Node with an environment free of this vitest run's variables. */
function node(args: readonly string[]) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS'),
  );
  const r = spawnSync(process.execPath, args, {
    cwd: repo,
    encoding: 'utf8',
    env,
    timeout: 180_000,
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

/** tsc is clean and the fixture's own suite passes, on the working tree as committed. */
function expectTypeChecksAndTests(): void {
  const tsc = node([TSC, '--noEmit', '-p', '.']);
  expect(tsc.output).toBe('');
  const vitest = node([
    VITEST,
    'run',
    '--root',
    '.',
    '--config',
    'vitest.config.ts',
    '--pool=threads',
  ]);
  expect(vitest.code, vitest.output.slice(-2000)).toBe(0);
}

function apply(id: string): string {
  const r = runCli(['apply', id], repo);
  expect(r.code, r.stderr).toBe(0);
  expect(git(repo, 'status', '--porcelain')).toBe('');
  return git(repo, 'log', '-1', '--format=%B');
}

beforeAll(() => {
  repo = path.join(tempDir('remedy-webapp-cli-'), 'web-app');
  copyTree(path.join(REPO_ROOT, 'fixtures/web-app'), repo);
  initGitRepo(repo);
});

describe('remedy on fixtures/web-app: F-02, F-06, F-07', () => {
  it('plans them: rename-symbols, imports-first, and the jscodeshift module of the config', () => {
    // The mapping only: the type checks run on the diff and the commits below.
    const r = runCli(['plan', '--json', '--no-guard', '--no-format', 'F-02', 'F-06', 'F-07'], repo);
    expect(r.code, r.stderr).toBe(0);
    const steps = (
      JSON.parse(r.stdout) as { findings: { id: string; transform: string; status: string }[] }
    ).findings.map((f) => [f.id, f.transform, f.status]);
    expect(steps).toEqual([
      ['F-02', 'rename-symbols', 'pending'],
      ['F-06', 'imports-first', 'pending'],
      ['F-07', 'jscodeshift', 'pending'],
    ]);
  });

  it('shows the F-02 diff with the route’s own function renamed, and writes nothing', () => {
    const r = runCli(['diff', 'F-02'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('-export default function AboutUsPage() {');
    expect(r.stdout).toContain('+export default function AboutUsRoute() {');
    expect(r.stdout).toContain('+  return <AboutUsPage locale="en" />');
    expect(r.stderr).toContain(
      'would clash with the new name `AboutUsPage`: renamed to `AboutUsRoute`',
    );
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('applies F-06 in one commit; tsc and the suite stay green', () => {
    const body = apply('F-06');
    expect(body).toMatch(
      /^\w+\(web\): resolve F-06 — put the imports before any other statement\n/,
    );
    expect(body).toContain('Remedy-Transform: imports-first');
    const form = read('src/components/booking/BookingForm.tsx').split('\n');
    expect(form[0]).toBe("'use client'");
    expect(form.slice(7, 10)).toEqual([
      "import { formatShortDate, formatTime } from '@/lib/classes/timetable'",
      "import { useBookingSteps } from '@/lib/hooks/useBookingSteps'",
      "import { PriceTag } from '@/components/pricing/PriceTag'",
    ]);
    expectTypeChecksAndTests();
  });

  it('applies F-07 through the jscodeshift module, without recast’s stray semicolons', () => {
    const body = apply('F-07');
    expect(body).toContain('Remedy-Transform: jscodeshift');
    const files = git(repo, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    expect(files).toEqual([
      'src/app/api/bookings/route.ts',
      'src/components/LocaleSwitcher.tsx',
      'src/components/booking/BookingForm.tsx',
      'src/components/marketing/NewsletterSignup.tsx',
      'src/lib/bookings.ts',
    ]);
    expect(read('src/components/LocaleSwitcher.tsx')).toContain(
      "import { trackEvent as log } from '@/lib/analytics'\n",
    );
    expect(read('src/components/marketing/NewsletterSignup.tsx')).toContain(
      "import { trackEvent } from '@/lib/analytics'\n",
    );
    expect(git(repo, 'show', 'HEAD', '--', 'src/lib/bookings.ts')).not.toMatch(/^\+.*\};$/m);
    expect(read('src/lib/analytics.test.ts')).toContain('analytics.logEvent(');
    expectTypeChecksAndTests();
  });

  it('applies F-02, resolving the AboutUsPage trap and saying so in the commit body', () => {
    const body = apply('F-02');
    expect(body).toContain('Remedy-Transform: rename-symbols');
    expect(body).toMatch(
      /Resolved:\n- src\/app\/about-us\/page\.tsx:9: the route component `AboutUsPage` \(line 9\) would clash with the new name `AboutUsPage`: renamed to `AboutUsRoute` \[rename\/resolved-local\]/,
    );
    const files = git(repo, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n');
    expect(files).toHaveLength(12);
    expect(read('src/components/pages/index.ts')).toContain(
      "export { AboutUsPage, type AboutUsProps } from './AboutUs'",
    );
    expect(read('src/__tests__/pages.test.tsx')).toContain(
      "import { HomePage, TimetablePage } from '@/components/pages'",
    );
    expectTypeChecksAndTests();
  });

  it('changes nothing when the findings run again', () => {
    const log = git(repo, 'log', '--oneline');
    const r = runCli(['apply', 'F-02', 'F-06', 'F-07'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(git(repo, 'log', '--oneline')).toBe(log);
    const diff = runCli(['run', 'imports-first', 'src/components/booking/BookingForm.tsx'], repo);
    expect(diff.stdout).toBe('');
  });
});
