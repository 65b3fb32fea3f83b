/** Seed 004: numbered items 1.1..4.4 from headings and tables, Impact/Effort, linked files, tiers and weeks. */
import { describe, expect, it } from 'vitest';
import { finding, ids, parseSeed, phase } from './helpers.js';

const set = parseSeed('004');

const IMPACT: Record<string, string> = {
  '1.1': 'critical',
  '1.2': 'critical',
  '1.3': 'critical',
  '1.4': 'high',
  '1.5': 'high',
  '1.6': 'medium',
  '1.7': 'high',
  '2.1': 'critical',
  '2.2': 'high',
  '2.3': 'high',
  '2.4': 'medium',
  '2.5': 'high',
  '2.6': 'high',
  '2.7': 'high',
  '2.8': 'high',
  '3.1': 'medium',
  '3.2': 'medium',
  '3.3': 'medium',
  '3.4': 'medium',
  '3.5': 'high',
  '3.6': 'medium',
  '3.7': 'low',
  '4.1': 'high',
  '4.2': 'medium',
  '4.3': 'medium',
  '4.4': 'medium',
};
const EFFORT: Record<string, string> = {
  '1.1': 'S',
  '1.2': 'M',
  '1.3': 'M',
  '1.4': 'S',
  '1.5': 'S',
  '1.6': 'S',
  '1.7': 'S',
  '2.1': 'L',
  '2.2': 'M',
  '2.3': 'M',
  '2.4': 'S',
  '2.5': 'M',
  '2.6': 'M',
  '2.7': 'M',
  '2.8': 'L',
  '3.1': 'S',
  '3.2': 'S',
  '3.3': 'S',
  '3.4': 'S',
  '3.5': 'M',
  '3.6': 'S',
  '3.7': 'S',
  '4.1': 'M',
  '4.2': 'L',
  '4.3': 'M',
  '4.4': 'L',
};

describe('seed 004 findings', () => {
  it('reads all 26 numbered items (the document says 20)', () => {
    expect(ids(set)).toEqual(Object.keys(IMPACT));
  });

  it('takes severity from Impact and keeps effort and importance', () => {
    for (const f of set.findings) {
      expect(f.severity, f.id).toBe(IMPACT[f.id]);
      expect(f.effort, f.id).toBe(EFFORT[f.id]);
    }
    expect(finding(set, '1.1').attributes).toMatchObject({
      Impact: 'Critical',
      Importance: 'Must-have',
      Effort: 'S',
    });
    expect(finding(set, '3.5').attributes?.Description).toContain('UserEntitlement');
  });

  it('takes priority from the tier and titles from heading or table', () => {
    expect(finding(set, '1.2')).toMatchObject({
      title: 'Profile Ownership Not Validated (IDOR Vulnerability)',
      priority: 'Tier 1',
    });
    expect(finding(set, '3.7')).toMatchObject({
      title: 'Remove Unused `passlib` Dep'.replace(/`/g, ''),
      priority: 'Tier 3',
      files: ['pyproject.toml'],
    });
    expect(finding(set, '4.2').priority).toBe('Tier 4');
  });

  it('reads files from links and code spans, with line numbers from #L and :N suffixes', () => {
    expect(finding(set, '1.1').files).toEqual([
      'backend/app/config.py',
      'backend/app/main.py',
      'docker/docker-compose.yml',
    ]);
    expect(finding(set, '1.1').fileRefs[0]).toMatchObject({
      path: 'backend/app/config.py',
      lines: { start: 12, end: 12 },
    });
    const rec = finding(set, '1.3').fileRefs.find(
      (r) => r.path === 'backend/app/services/recommendation_service.py',
    );
    expect(rec?.ranges).toEqual([
      { start: 157, end: 157 },
      { start: 412, end: 412 },
    ]);
    expect(finding(set, '1.4').fileRefs[0]).toMatchObject({
      path: 'backend/app/main.py',
      lines: { start: 31, end: 32 },
    });
    expect(finding(set, '1.2').files).toEqual([
      'backend/app/dependencies.py',
      'backend/app/routers/',
    ]);
    expect(finding(set, '2.2').fileRefs.find((r) => r.path === 'middleware/logging.py')?.role).toBe(
      'create',
    );
    expect(finding(set, '2.6').symbols).toEqual(['resolve_next_episode']);
  });

  it('reads "Dependencies: Implement 1.2 first" and "Dependencies: 2.2 for ..."', () => {
    expect(finding(set, '2.1').dependsOn).toEqual(['1.2']);
    expect(finding(set, '2.3').dependsOn).toEqual(['2.2']);
    expect(set.findings.filter((f) => f.dependsOn.length > 0).map((f) => f.id)).toEqual([
      '2.1',
      '2.3',
    ]);
  });
});

describe('seed 004 phases', () => {
  it('reads the four tiers and the week plan (ranges like 3.1–3.7 expanded)', () => {
    expect(set.phases.map((p) => p.id)).toEqual([
      'tier-1',
      'tier-2',
      'tier-3',
      'tier-4',
      'week-1',
      'week-2',
      'week-3',
      'week-4',
      'ongoing',
    ]);
    expect(phase(set, 'tier-2').findings).toEqual([
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
      '2.7',
      '2.8',
    ]);
    expect(phase(set, 'week-2')).toMatchObject({
      title: 'Week 2 — Reliability & Testing (Tier 2, part 1)',
      findings: ['2.1', '2.4', '2.5', '2.6'],
      line: 219,
    });
    expect(phase(set, 'week-4').findings).toEqual([
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '3.6',
      '3.7',
    ]);
    expect(phase(set, 'ongoing').findings).toEqual(['4.1', '4.2', '4.3', '4.4']);
    expect(finding(set, '2.2').phases).toEqual(['tier-2', 'week-3']);
  });
});
