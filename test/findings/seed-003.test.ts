/** Seed 003: no IDs; the P0/P1/P2 recommendations get synthesised IDs and the files of the analysis they summarise. */
import { describe, expect, it } from 'vitest';
import { finding, ids, parseSeed, phase } from './helpers.js';

const set = parseSeed('003');

describe('seed 003 (no IDs)', () => {
  it('synthesises P0-1..P2-3 for the 9 prioritised recommendations', () => {
    expect(ids(set)).toEqual([
      'P0-1',
      'P0-2',
      'P0-3',
      'P1-1',
      'P1-2',
      'P1-3',
      'P2-1',
      'P2-2',
      'P2-3',
    ]);
    expect(set.findings.every((f) => f.idSynthesized)).toBe(true);
  });

  it('titles each with its first sentence; the priority gives the severity (P0 critical ... P2 medium)', () => {
    expect(finding(set, 'P0-3')).toMatchObject({
      title: 'Fix Sentry startup crash (`import os`)',
      priority: 'P0',
      severity: 'critical',
      line: 97,
    });
    expect(finding(set, 'P1-2')).toMatchObject({ priority: 'P1', severity: 'high' });
    expect(finding(set, 'P2-3')).toMatchObject({ priority: 'P2', severity: 'medium' });
    expect(finding(set, 'P1-1').title).toBe(
      'Eliminate N+1 patterns in inventory list and recommendations by batching',
    );
    expect(finding(set, 'P2-1').priority).toBe('P2');
  });

  it('keeps nested sub-items inside their recommendation', () => {
    expect(finding(set, 'P1-1').sections.Description).toContain(
      'Batch-fetch suppliers/conditions/locations per page.',
    );
  });

  it('names the files of the analysis each recommendation summarises', () => {
    expect(finding(set, 'P0-1').files).toEqual([
      'backend/api/orders.py',
      'backend/api/purchase_orders.py',
    ]);
    expect(finding(set, 'P0-2').files).toEqual([
      'backend/api/orders.py',
      'backend/api/purchase_orders.py',
    ]);
    expect(finding(set, 'P0-3').files).toEqual(['backend/main.py']);
    expect(finding(set, 'P1-1').files).toEqual([
      'backend/services/inventory_service.py',
      'backend/services/recommendations_service.py',
    ]);
    expect(finding(set, 'P1-2').files).toEqual(['backend/services/etl/etl_service.py']);
    expect(finding(set, 'P1-3').files).toEqual(['backend/services/purchase_order_service.py']);
    expect(finding(set, 'P2-1').files).toEqual(['backend/services/simulation_service.py']);
    expect(finding(set, 'P2-2').files).toEqual([]);
    expect(finding(set, 'P0-3').sections.Evidence).toContain('Sentry init');
    expect(finding(set, 'P0-3').fileRefs[0]?.role).toBe('mention');
  });

  it('groups them as p0, p1, p2', () => {
    expect(set.phases.map((p) => [p.id, p.title])).toEqual([
      ['p0', 'P0 (Do ASAP)'],
      ['p1', 'P1 (Next)'],
      ['p2', 'P2 (Later)'],
    ]);
    expect(phase(set, 'p1').findings).toEqual(['P1-1', 'P1-2', 'P1-3']);
  });
});
