/** `remedy findings` and `remedy show` through bin/remedy.js (needs `npm run build` first; `npm test` does it). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../../src/findings/types.js';
import { REPO_ROOT, seedPath } from './helpers.js';

const BIN = path.join(REPO_ROOT, 'bin/remedy.js');

function remedy(args: readonly string[], cwd = REPO_ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface FindingsOutput {
  findings: FindingJson[];
  phases: { id: string; title: string; findings: string[] }[];
}

describe('remedy findings', () => {
  it('prints the stable JSON shape', () => {
    const r = remedy(['findings', seedPath('000'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as FindingsOutput;
    expect(Object.keys(json)).toEqual(['version', 'findings', 'phases']);
    expect(json.findings).toHaveLength(23);
    expect(Object.keys(json.findings[0] ?? {})).toEqual([
      'id',
      'title',
      'severity',
      'priority',
      'category',
      'status',
      'files',
      'symbols',
      'dependsOn',
      'phases',
      'aliases',
      'doc',
      'line',
      'source',
      'ruffCodes',
      'ruffFix',
    ]);
    expect(json.findings[0]).toMatchObject({
      id: 'B-SEC-01',
      severity: 'high',
      status: 'open',
      files: ['backend/src/app/api/admin.py'],
      line: 38,
    });
    expect(json.phases[3]).toEqual({
      id: 'step-1',
      title: 'Remove error detail leak (1 line change, immediate security win)',
      findings: ['B-SEC-01'],
    });
  });

  it('prints a readable table and the phases', () => {
    const r = remedy(['findings', seedPath('001')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+SEVERITY\s+STATUS\s+PHASE\s+FILES\s+TITLE$/);
    expect(lines[1]).toMatch(
      /^CF-02\s+critical\s+open\s+p1,phase-2\s+3\s+Persistence lifespan hook/,
    );
    // Documents inside the repository are shown relative to it, others in full.
    const shown = path.relative(REPO_ROOT, seedPath('001'));
    expect(r.stdout).toContain(
      `42 finding(s) in ${shown.startsWith('..') ? seedPath('001') : shown}`,
    );
    expect(r.stdout).toMatch(
      /\n {2}phase-1\s+Phase 1: Foundation fixes \(settings and singletons\)\s+CF-07, CF-12, CF-01\n/,
    );
    expect(r.stderr).toContain('warning: dependency graph says CF-14 comes after CF-04');
  });

  it('marks synthesised IDs', () => {
    const r = remedy(['findings', seedPath('003')]);
    expect(r.stdout).toMatch(/^P0-1\*\s+critical\s+open\s+p0\s+2\s+Tenant-scope/m);
    expect(r.stdout).toContain('9 finding(s)');
    expect(r.stdout).toContain('(* ID synthesised by remedy)');
  });

  it('takes documents from --doc too, and reads several', () => {
    const r = remedy(['findings', '--doc', seedPath('003'), '--doc', seedPath('004'), '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as FindingsOutput).findings).toHaveLength(9 + 26);
  });

  it('exits 2 for a document with no findings, naming the structures it reads and --explain', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-cli-'));
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nNothing to fix.\n\n- a remark\n');
    const r = remedy(['findings', 'notes.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: no findings in notes.md (notes.md)');
    expect(r.stderr).toMatch(
      /hint: remedy reads findings from ID headings .* checklists .* Recommendations/,
    );
    expect(r.stderr).toContain('remedy findings --explain notes.md');
    const explained = remedy(['findings', '--explain', 'notes.md'], dir);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/^notes\.md: 0 finding\(s\)$/m);
    expect(explained.stdout).toMatch(
      /^ {2}1 +# Notes +skipped +list items under a heading not named like Findings/m,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every finding of a folder of documents with a DOC column', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-cli-'));
    fs.mkdirSync(path.join(dir, 'docs/audits'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'docs/audits/api.md'),
      '# API\n\n### Issue 1: Split the router\n\n**Files:** `src/app/api/route.ts`\n',
    );
    fs.writeFileSync(
      path.join(dir, 'docs/audits/lint.md'),
      '# Lint\n\n| # | Issue | Severity |\n|---|---|---|\n| 1 | Unused imports | 🟢 Low |\n',
    );
    fs.writeFileSync(path.join(dir, 'docs/audits/readme.md'), '# Audits\n\nThe reports.\n');
    const r = remedy(['findings', '--doc', 'docs/audits/'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID +DOC +SEVERITY +STATUS +PHASE +FILES +TITLE$/m);
    expect(r.stdout).toMatch(/^ISSUE-1 +docs\/audits\/api\.md +- +open +- +1 +Split the router$/m);
    expect(r.stdout).toMatch(/^1 +docs\/audits\/lint\.md +low +open +- +0 +Unused imports$/m);
    expect(r.stderr).toContain('docs/audits/readme.md: warning: no findings in this document');
    const explained = JSON.parse(
      remedy(['findings', '--explain', '--json', 'docs/audits'], dir).stdout,
    );
    expect(explained.documents.map((d: { doc: string }) => d.doc)).toEqual([
      'docs/audits/api.md',
      'docs/audits/lint.md',
      'docs/audits/readme.md',
    ]);
    expect(explained.documents[1].sections[0]).toMatchObject({
      findings: ['1'],
      sources: ['table-row'],
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with file and hint for a missing or empty document', () => {
    const missing = remedy(['findings', 'missing.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: cannot read the document: no such file (missing.md)');
    expect(missing.stderr).toContain('hint: ');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remedy-cli-'));
    fs.writeFileSync(path.join(dir, 'empty.md'), '\n');
    const empty = remedy(['findings', 'empty.md'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('error: the document is empty (empty.md)');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('remedy show', () => {
  it('shows B-QUAL-01 with its files, sections, rename table and plan', () => {
    const r = remedy(['show', 'B-QUAL-01', '--doc', seedPath('000')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^B-QUAL-01 {2}Leading underscores on cross-module public functions$/m,
    );
    expect(r.stdout).toMatch(
      /^ {2}modify +backend\/src\/app\/api\/admin_request\.py +_parse_body, _parse_uuid/m,
    );
    expect(r.stdout).toMatch(/^ {4}Current name +\| New name +\| File$/m);
    expect(r.stdout).toMatch(/^ {4}_validate_email +\| validate_email +\| admin_validators\.py$/m);
    expect(r.stdout).toContain('\nPlan\n');
  });

  it('shows code blocks with their roles and files', () => {
    const r = remedy(['show', 'B-SEC-01', '--doc', seedPath('000')]);
    expect(r.stdout).toContain('[1] before  python  backend/src/app/api/admin.py  line 46');
    expect(r.stdout).toContain('[2] after  python  backend/src/app/api/admin.py  line 60');
    expect(r.stdout).toMatch(
      /^ {2}modify +backend\/src\/app\/api\/admin\.py +line 70 +_safe_handler$/m,
    );
  });

  it('resolves an alias and says so', () => {
    const r = remedy(['show', 'IMP-013', '--doc', seedPath('002')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'IMP-013 is an alias of SEC-003',
      'SEC-003  Rate Limiting Only on Login',
    ]);
  });

  it('says when remedy synthesised the ID, and which structure the finding came from', () => {
    const r = remedy(['show', 'P1-3', '--doc', seedPath('003')]);
    expect(r.stdout).toContain('(ID synthesised by remedy: the document gives this finding no ID)');
    expect(r.stdout).toMatch(/^ {2}read from: +bullet$/m);
    expect(r.stdout).toMatch(/^ {2}mention +backend\/services\/purchase_order_service\.py/m);
  });

  it('prints the whole finding and its plan as JSON', () => {
    const r = remedy(['show', 'B-ARCH-03', '--doc', seedPath('000'), '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.query).toBe('B-ARCH-03');
    expect(json.finding).toMatchObject({
      id: 'B-ARCH-03',
      idSynthesized: false,
      symbols: ['_parse_body'],
    });
    expect(json.finding.codeBlocks[0]).toMatchObject({
      role: 'definition',
      lang: 'python',
      file: 'backend/src/app/api/admin_request.py',
    });
    expect(['transform', 'manual']).toContain(json.plan.kind);
  });

  it('exits 2 for an unknown ID or a missing document', () => {
    const unknown = remedy(['show', 'B-SEC-99', '--doc', seedPath('000')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error: unknown finding ID: B-SEC-99');
    const noDoc = remedy(['show', 'B-SEC-01'], os.tmpdir());
    expect(noDoc.code).toBe(2);
    expect(noDoc.stderr).toContain('error: no audit document given');
  });
});
