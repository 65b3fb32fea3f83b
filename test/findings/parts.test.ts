/** The small readers: ID headings, status and group labels, line suffixes, definitions, ID lists. */
import { describe, expect, it } from 'vitest';
import { definedNames, isSketch } from '../../src/findings/code-blocks.js';
import { idFamily, knownIdsIn, leadingIds, parseIdHeading } from '../../src/findings/ids.js';
import {
  parseGroupLabel,
  parseStatusMarker,
  parseStatusValue,
  slugId,
} from '../../src/findings/labels.js';
import { splitLineSuffix } from '../../src/findings/line-refs.js';

describe('parseIdHeading', () => {
  it('reads ID, severity marker, title and status', () => {
    expect(parseIdHeading('B-SEC-01 · HIGH — Internal error details leaked')).toMatchObject({
      id: 'B-SEC-01',
      severity: 'high',
      title: 'Internal error details leaked',
      status: null,
    });
    expect(
      parseIdHeading('TD-002: No Repository Layer — Scattered ✅ PARTIALLY RESOLVED'),
    ).toMatchObject({
      id: 'TD-002',
      title: 'No Repository Layer — Scattered',
      status: 'partially-resolved',
    });
    expect(parseIdHeading('[SEC-9] (CRITICAL) - Token leak')).toMatchObject({
      id: 'SEC-9',
      severity: 'critical',
      title: 'Token leak',
    });
    expect(parseIdHeading('1.3 SQL Injection via String Interpolation')).toMatchObject({
      id: '1.3',
      numeric: true,
    });
  });

  it('does not read a severity word that starts the title, nor non-IDs', () => {
    expect(parseIdHeading('CF-09: High availability missing')?.severity).toBeNull();
    expect(parseIdHeading('UTF-8 handling')).toBeUndefined();
    expect(parseIdHeading('1. Technical Debt')).toBeUndefined();
    expect(parseIdHeading('Overview')).toBeUndefined();
  });
});

describe('ID lists', () => {
  const known = ['3.1', '3.2', '3.3', '4.1', 'CF-01', 'CF-02'];
  it('finds known IDs and expands numbered ranges', () => {
    expect(
      knownIdsIn('3.1–3.3 as prioritized, then 4.1 and CF-02 (not CF-99 or 1.2.3)', known),
    ).toEqual(['3.1', '3.2', '3.3', '4.1', 'CF-02']);
    expect(leadingIds('CF-01 + CF-02 — Extract shared code', known)).toEqual({
      ids: ['CF-01', 'CF-02'],
      rest: 'Extract shared code',
    });
    expect(leadingIds('Extract CF-01', known)).toBeUndefined();
    expect(idFamily('B-SEC-01')).toBe('B-SEC-');
    expect(idFamily('2.3')).toBe('#');
  });
});

describe('labels', () => {
  it('reads status markers and status cells', () => {
    expect(parseStatusMarker('Default Credentials ✅ RESOLVED')).toBe('resolved');
    expect(parseStatusMarker('[x] done thing')).toBe('resolved');
    expect(parseStatusMarker('Services resolved lazily')).toBeNull();
    expect(parseStatusValue('✅ Done (Test, Technique)')).toBe('resolved');
    expect(parseStatusValue('Partial')).toBe('partially-resolved');
    expect(parseStatusValue('Pending')).toBe('open');
    expect(parseStatusValue('❌ НЕ ИСПРАВЛЕНО')).toBe('open');
    expect(parseStatusValue('Not started')).toBe('open');
    expect(parseStatusValue('⚠️ ЧАСТИЧНО ИСПРАВЛЕНО — нужна проверка')).toBe('partially-resolved');
    expect(parseStatusValue('✅ Actually SAFE')).toBe('resolved');
    expect(parseStatusValue('Already Fixed')).toBe('resolved');
  });

  it('names groups with stable ids', () => {
    expect(parseGroupLabel('Phase 3: TaskIQ lifecycle')).toMatchObject({
      id: 'phase-3',
      kind: 'phase',
      priority: null,
    });
    expect(parseGroupLabel('Tier 2: High-Value Improvements')).toMatchObject({
      id: 'tier-2',
      priority: 'Tier 2',
    });
    expect(parseGroupLabel('P0 (Do ASAP)')).toMatchObject({ id: 'p0', priority: 'P0' });
    expect(parseGroupLabel('**HIGH**')).toMatchObject({
      id: 'high',
      severity: 'high',
      priority: 'HIGH',
    });
    expect(parseGroupLabel('Low Priority (Backlog)')).toMatchObject({
      id: 'low-priority',
      severity: 'low',
    });
    expect(parseGroupLabel('🔴 CRITICAL ISSUES (P0)')).toMatchObject({
      id: 'critical',
      priority: 'P0',
      severity: 'critical',
    });
    expect(parseGroupLabel('🟠 Major Issues (Should Fix)')).toMatchObject({ id: 'high' });
    expect(parseGroupLabel('Security Hardening')).toBeUndefined();
    expect(slugId('Short-Term (Sprint 2-3 — Week 3-6)')).toBe('short-term');
  });
});

describe('files and code', () => {
  it('splits line suffixes and line lists off paths', () => {
    expect(splitLineSuffix('config.py:12')).toEqual({
      path: 'config.py',
      ranges: [{ start: 12, end: 12 }],
    });
    expect(splitLineSuffix('main.py:31-32')).toEqual({
      path: 'main.py',
      ranges: [{ start: 31, end: 32 }],
    });
    expect(splitLineSuffix('x.py#L157')).toEqual({
      path: 'x.py',
      ranges: [{ start: 157, end: 157 }],
    });
    expect(splitLineSuffix('app/api/webhooks.py:43, 134, 246')).toEqual({
      path: 'app/api/webhooks.py',
      ranges: [
        { start: 43, end: 43 },
        { start: 134, end: 134 },
        { start: 246, end: 246 },
      ],
    });
    expect(splitLineSuffix('backend/app.py')).toEqual({ path: 'backend/app.py', ranges: [] });
  });

  it('recognises whole definitions and sketches', () => {
    expect(
      definedNames('@decorator\ndef f(\n    a,\n) -> int:\n    return a\n\nclass C:\n    pass\n'),
    ).toEqual(['f', 'C']);
    expect(definedNames('X = 1\ndef f():\n    pass\n')).toEqual([]);
    expect(definedNames('return json_response(\n    500\n)')).toEqual([]);
    expect(isSketch('def f():\n    # ... fetch and cache\n')).toBe(true);
    expect(isSketch('def f():\n    return 1\n')).toBe(false);
  });
});
