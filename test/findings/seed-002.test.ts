/** Seed 002: one 30 KB line; TD/SR/SEC/MR findings with statuses, IMP-nnn rows as aliases, priority matrix. */
import { describe, expect, it } from 'vitest';
import { findFinding } from '../../src/findings/lookup.js';
import { finding, idRange, ids, parseSeed, phase, seedText } from './helpers.js';

const set = parseSeed('002');

const RESOLVED = [
  'TD-003',
  'TD-009',
  'SR-003',
  'SR-006',
  'SEC-001',
  'SEC-002',
  'SEC-004',
  'SEC-005',
  'SEC-007',
];
const PARTIAL = ['TD-002', 'TD-005', 'SR-001', 'MR-001'];

/** IMP row -> the finding whose title/remediation it restates (same title in the priority matrix). */
const ALIASES: Record<string, string> = {
  'IMP-001': 'TD-003',
  'IMP-002': 'TD-002',
  'IMP-003': 'TD-001',
  'IMP-004': 'TD-004',
  'IMP-005': 'TD-005',
  'IMP-006': 'SR-001',
  'IMP-007': 'SR-006',
  'IMP-008': 'SR-002',
  'IMP-009': 'SR-003',
  'IMP-010': 'SR-005',
  'IMP-011': 'SEC-001',
  'IMP-012': 'SEC-002',
  'IMP-013': 'SEC-003',
  'IMP-014': 'SEC-007',
  'IMP-015': 'SEC-009',
  'IMP-016': 'TD-009',
  'IMP-017': 'MR-003',
  'IMP-018': 'MR-004',
  'IMP-019': 'MR-005',
  'IMP-020': 'TD-010',
};

describe('seed 002 (flattened) findings', () => {
  it('is one line, as received', () => {
    expect(seedText('002').includes('\n')).toBe(false);
  });

  it('recovers all 36 TD/SR/SEC/MR findings and no IMP rows as findings', () => {
    expect(ids(set)).toEqual([
      ...idRange('TD-', 1, 12, 3),
      ...idRange('SR-', 1, 8, 3),
      ...idRange('SEC-', 1, 9, 3),
      ...idRange('MR-', 1, 7, 3),
    ]);
    expect(ids(set).some((id) => id.startsWith('IMP-'))).toBe(false);
  });

  it('reads resolved and partially-resolved markers, and strips them from titles', () => {
    for (const f of set.findings) {
      const expected = RESOLVED.includes(f.id)
        ? 'resolved'
        : PARTIAL.includes(f.id)
          ? 'partially-resolved'
          : 'open';
      expect(f.status, f.id).toBe(expected);
    }
    expect(finding(set, 'TD-002').title).toBe('No Repository Layer — Scattered Duplicate Queries');
    expect(finding(set, 'SEC-001').title).toBe('In-Memory Token Blacklist');
  });

  it('records every IMP row as an alias of the finding it restates', () => {
    for (const [alias, target] of Object.entries(ALIASES)) {
      expect(finding(set, target).aliases, alias).toContain(alias);
      expect(findFinding(set, alias)?.id, alias).toBe(target);
    }
    expect(set.findings.flatMap((f) => f.aliases)).toHaveLength(20);
    expect(findFinding(set, 'imp-013')?.id).toBe('SEC-003');
  });

  it('takes severity and priority from the HIGH/MEDIUM/LOW PRIORITY sections, category from the part', () => {
    expect(finding(set, 'TD-001')).toMatchObject({
      severity: 'high',
      priority: 'HIGH',
      category: 'Technical Debt',
    });
    expect(finding(set, 'SR-004')).toMatchObject({
      severity: 'medium',
      priority: 'MEDIUM',
      category: 'Scalability Risks',
    });
    expect(finding(set, 'SEC-009')).toMatchObject({
      severity: 'low',
      priority: 'LOW',
      category: 'Security Risks',
    });
    expect(finding(set, 'TD-007')).toMatchObject({ severity: 'medium', effort: '0.5 days' });
  });

  it('recovers tables, code spans and code blocks inside findings', () => {
    const td001 = finding(set, 'TD-001');
    expect(td001.tables[0]?.header).toEqual(['Router', 'Lines', 'Embedded Logic']);
    expect(td001.tables[0]?.rows.map((r) => r[0])).toEqual([
      'heatmap.py',
      'tests.py',
      'reports.py',
      'compliance.py',
      'metrics.py',
    ]);
    expect(finding(set, 'TD-004').codeBlocks[0]).toMatchObject({ lang: 'python', role: 'before' });
    expect(Object.keys(finding(set, 'SEC-003').sections)).toEqual([
      'Current state',
      'Impact',
      'Remediation',
    ]);
    expect(finding(set, 'TD-002').files).toContain(
      'domain/ports/repositories/technique_repository.py',
    );
  });

  it('reports line 1 (the document is one line) and the column of each heading', () => {
    expect(finding(set, 'TD-001').line).toBe(1);
    const columns = set.findings.map((f) => f.column ?? 0);
    expect(columns.every((c, i) => i === 0 || c > (columns[i - 1] ?? 0))).toBe(true);
  });
});

describe('seed 002 phases', () => {
  it('groups HIGH/MEDIUM/LOW PRIORITY sections across the four parts', () => {
    expect(phase(set, 'high').findings).toEqual([
      'TD-001',
      'TD-002',
      'TD-003',
      'TD-004',
      'TD-005',
      'SR-001',
      'SR-002',
      'SR-003',
      'SEC-001',
      'SEC-002',
      'SEC-003',
      'MR-001',
      'MR-002',
    ]);
    expect(phase(set, 'low').findings).toHaveLength(8);
  });

  it('reads the priority matrix, mapping IMP rows to their findings', () => {
    expect(set.phases.map((p) => p.id)).toEqual([
      'high',
      'medium',
      'low',
      'immediate',
      'short-term',
      'medium-term',
      'low-priority',
    ]);
    expect(phase(set, 'immediate')).toMatchObject({
      title: 'Immediate (Sprint 1 — Week 1-2)',
      findings: ['SEC-001', 'SEC-002', 'SR-006', 'TD-007', 'SEC-007', 'TD-009'],
    });
    expect(phase(set, 'short-term').findings.at(-1)).toBe('SR-002');
    expect(phase(set, 'medium-term').findings.at(-1)).toBe('TD-010');
  });
});
