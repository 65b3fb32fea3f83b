/** Seed 000: `### B-SEC-01 · HIGH — title` findings, file fields, code roles, 19-step order, HIGH/MEDIUM/LOW. */
import { describe, expect, it } from 'vitest';
import { finding, ids, parseSeed, phase } from './helpers.js';

const set = parseSeed('000');

const ALL = [
  ...['B-SEC-01', 'B-SEC-02', 'B-SEC-03'],
  ...['B-DUP-01', 'B-DUP-02', 'B-DUP-03', 'B-DUP-04'],
  ...['B-ARCH-01', 'B-ARCH-02', 'B-ARCH-03', 'B-ARCH-04', 'B-ARCH-05'],
  ...['B-TEST-01', 'B-TEST-02', 'B-TEST-03', 'B-TEST-04'],
  ...['B-QUAL-01', 'B-QUAL-02', 'B-QUAL-03', 'B-QUAL-04', 'B-QUAL-05'],
  ...['B-OPS-01', 'B-OPS-02'],
];

describe('seed 000 findings', () => {
  it('reads the 23 findings in document order, each with a severity and files', () => {
    expect(ids(set)).toEqual(ALL);
    for (const f of set.findings) {
      expect(f.severity, f.id).not.toBeNull();
      expect(f.files.length, f.id).toBeGreaterThan(0);
      expect(f.idSynthesized).toBe(false);
    }
  });

  it('takes severity from the heading marker and priority from the priority summary', () => {
    const bySeverity = (s: string) => set.findings.filter((f) => f.severity === s).map((f) => f.id);
    expect(bySeverity('high')).toEqual(['B-SEC-01', 'B-DUP-01', 'B-TEST-01', 'B-TEST-02']);
    expect(bySeverity('low')).toEqual([
      'B-SEC-03',
      'B-DUP-04',
      'B-ARCH-04',
      'B-ARCH-05',
      'B-TEST-04',
      'B-QUAL-04',
      'B-QUAL-05',
      'B-OPS-02',
    ]);
    // The heading says LOW, the summary table lists it under MEDIUM: both are reported as written.
    expect(finding(set, 'B-SEC-03')).toMatchObject({ severity: 'low', priority: 'MEDIUM' });
    expect(finding(set, 'B-SEC-01')).toMatchObject({
      title: 'Internal error details leaked to API clients',
      priority: 'HIGH',
      status: 'open',
    });
  });

  it('names the category from the "Category N — X" section', () => {
    expect(finding(set, 'B-SEC-02').category).toBe('Security');
    expect(finding(set, 'B-DUP-04').category).toBe('Code Duplication');
    expect(finding(set, 'B-ARCH-05').category).toBe('Architecture & Design');
    expect(finding(set, 'B-OPS-02').category).toBe('Operational & Reliability');
  });

  it('strips line suffixes into line ranges and keeps the symbols named with each file', () => {
    const sec01 = finding(set, 'B-SEC-01');
    expect(sec01.files).toEqual(['backend/src/app/api/admin.py']);
    expect(sec01.fileRefs[0]).toMatchObject({
      lines: { start: 70, end: 70 },
      symbols: ['_safe_handler'],
      role: 'modify',
    });
    const sec02 = finding(set, 'B-SEC-02');
    const share = sec02.fileRefs.find(
      (r) => r.path === 'backend/src/app/api/assets/share_assets.py',
    );
    expect(share).toMatchObject({
      lines: { start: 86, end: 102 },
      symbols: ['_extract_bearer_token'],
    });
    expect(sec02.symbols).toEqual(['_extract_token', '_extract_bearer_token']);
  });

  it('marks "(new file)" and "Files to create" as create, prose mentions as mentions', () => {
    const sec02 = finding(set, 'B-SEC-02');
    expect(
      sec02.fileRefs.find((r) => r.path === 'backend/src/app/auth/authorizer_utils.py')?.role,
    ).toBe('create');
    const arch01 = finding(set, 'B-ARCH-01');
    expect(arch01.files).toEqual([
      'backend/',
      'backend/pyproject.toml',
      'backend/requirements.txt',
    ]);
    expect(arch01.fileRefs.find((r) => r.path === 'backend/pyproject.toml')?.role).toBe('create');
    const ops01 = finding(set, 'B-OPS-01');
    expect(ops01.fileRefs.find((r) => r.path === 'backend/src/app/utils/retry.py')?.role).toBe(
      'create',
    );
    expect(ops01.files).not.toContain('backend/src/app/utils/config.py');
  });

  it('does not take rename targets or module names as symbols', () => {
    expect(finding(set, 'B-DUP-02').symbols).toEqual(['_use_iam_auth']);
    expect(finding(set, 'B-QUAL-01').symbols).toEqual([
      '_parse_body',
      '_parse_uuid',
      '_encode_cursor',
      '_parse_cursor',
      '_query_param',
      '_require_env',
      '_validate_string_length',
      '_validate_email',
    ]);
    expect(finding(set, 'B-TEST-04').symbols).toEqual(['_DummySigner', '_FakePrivateKey']);
  });

  it('gives code blocks their roles and files', () => {
    const roles = (id: string) => finding(set, id).codeBlocks.map((b) => b.role);
    expect(roles('B-SEC-01')).toEqual(['before', 'after']);
    expect(
      finding(set, 'B-SEC-01').codeBlocks.every((b) => b.file === 'backend/src/app/api/admin.py'),
    ).toBe(true);
    expect(roles('B-ARCH-03')).toEqual(['definition']);
    expect(finding(set, 'B-ARCH-03').codeBlocks[0]?.code).toMatch(/^def _parse_body\(/);
    expect(roles('B-SEC-03')).toEqual(['definition']);
    expect(finding(set, 'B-SEC-03').codeBlocks[0]).toMatchObject({
      lang: 'python',
      file: 'backend/src/app/utils/parsers.py',
      line: 114,
    });
    expect(finding(set, 'B-TEST-03').codeBlocks[0]).toMatchObject({
      role: 'new-file',
      lang: null,
      file: 'backend/requirements-dev.txt',
    });
    expect(finding(set, 'B-TEST-03').codeBlocks[0]?.code).toContain('pytest-mock>=3.14');
    expect(roles('B-OPS-02')).toEqual(['other', 'other']);
    expect(roles('B-ARCH-02')).toEqual(['other']);
    expect(finding(set, 'B-DUP-04').codeBlocks[0]?.file).toBe(
      'backend/src/app/api/assets/assets_common.py',
    );
  });

  it('keeps the rename table of B-QUAL-01 cleaned of code ticks', () => {
    const [table] = finding(set, 'B-QUAL-01').tables;
    expect(table?.header).toEqual(['Current name', 'New name', 'File']);
    expect(table?.rows).toHaveLength(8);
    expect(table?.rows[0]).toEqual(['_parse_body', 'parse_body', 'admin_request.py']);
    expect(table?.rows[7]).toEqual(['_validate_email', 'validate_email', 'admin_validators.py']);
  });

  it('keeps the body and its named sections', () => {
    const f = finding(set, 'B-SEC-01');
    expect(f.body.startsWith('### B-SEC-01 · HIGH')).toBe(true);
    expect(Object.keys(f.sections)).toEqual(['File', 'Problem', 'Fix', 'Files to modify']);
    expect(f.sections.Fix).toContain('Remove `"detail": str(exc)` from the response dict.');
    expect(f.line).toBe(38);
  });
});

describe('seed 000 phases', () => {
  it('reads the 19-step implementation order as step phases, combined steps included', () => {
    const steps = set.phases.filter((p) => p.kind === 'step');
    expect(steps.map((p) => p.id)).toEqual(Array.from({ length: 19 }, (_, i) => `step-${i + 1}`));
    expect(phase(set, 'step-1')).toMatchObject({
      findings: ['B-SEC-01'],
      title: 'Remove error detail leak (1 line change, immediate security win)',
    });
    expect(phase(set, 'step-3').findings).toEqual(['B-DUP-01', 'B-SEC-02']);
    expect(phase(set, 'step-8').findings).toEqual(['B-TEST-02', 'B-TEST-03']);
    expect(phase(set, 'step-16').findings).toEqual(['B-QUAL-04', 'B-QUAL-05']);
    expect(phase(set, 'step-19')).toMatchObject({ findings: ['B-TEST-04'], line: 846 });
    const ordered = steps.flatMap((p) => p.findings);
    expect([...ordered].sort()).toEqual([...ALL].sort());
  });

  it('reads the HIGH / MEDIUM / LOW priority summary as groups', () => {
    expect(phase(set, 'high').findings).toEqual(['B-SEC-01', 'B-DUP-01', 'B-TEST-01', 'B-TEST-02']);
    expect(phase(set, 'medium').findings).toHaveLength(12);
    expect(phase(set, 'low').findings).toEqual([
      'B-DUP-04',
      'B-ARCH-04',
      'B-ARCH-05',
      'B-TEST-04',
      'B-QUAL-04',
      'B-QUAL-05',
      'B-OPS-02',
    ]);
    expect(set.phases.slice(0, 3).map((p) => p.id)).toEqual(['high', 'medium', 'low']);
  });

  it('lists each finding’s phases and invents no dependencies', () => {
    expect(finding(set, 'B-SEC-02').phases).toEqual(['medium', 'step-3']);
    expect(set.findings.every((f) => f.dependsOn.length === 0)).toBe(true);
    expect(set.cycles).toEqual([]);
    expect(set.warnings).toEqual([]);
  });
});
