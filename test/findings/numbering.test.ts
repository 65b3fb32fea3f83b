/** The document's own numbering: numbered, lettered, range and label headings, and title markers. */
import { describe, expect, it } from 'vitest';
import { parseNumbering, titleMarkers } from '../../src/findings/numbering.js';
import { parseSeverityValue } from '../../src/findings/severity.js';

describe('parseNumbering', () => {
  it('reads numbers, letters and ranges', () => {
    expect(parseNumbering('7. Task Retry Logic Unreachable Code ⭐⭐')).toMatchObject({
      kind: 'number',
      id: '7',
      title: 'Task Retry Logic Unreachable Code',
    });
    expect(parseNumbering('1. ✅ Hardcoded Passwords (CRITICAL)')).toMatchObject({
      id: '1',
      title: 'Hardcoded Passwords',
      severity: 'critical',
      status: 'resolved',
    });
    expect(parseNumbering('1a. Move formatDate to src/lib/date.ts')).toMatchObject({
      kind: 'letter',
      id: '1a',
      number: 1,
      letter: 'a',
    });
    expect(parseNumbering('a) Hardcoded Secret Key')).toMatchObject({ kind: 'letter', id: 'a' });
    expect(parseNumbering('19-47. Additional Medium/Low Priority Issues')).toMatchObject({
      kind: 'range',
      number: 19,
      rangeEnd: 47,
    });
  });

  it('reads label IDs but not groups, versions or severities alone', () => {
    expect(parseNumbering('CRITICAL #1: Unsafe Background Task Pattern')).toMatchObject({
      kind: 'label',
      id: 'CRITICAL-1',
      title: 'Unsafe Background Task Pattern',
    });
    expect(parseNumbering('Issue 3: Duplicated date helpers')?.id).toBe('ISSUE-3');
    expect(parseNumbering('ПРОБЛЕМА 12 — Пороги')?.id).toBe('ПРОБЛЕМА-12');
    expect(parseNumbering('Task 1: HTTP Integration Tests ⭐ CRITICAL')).toMatchObject({
      id: 'TASK-1',
      title: 'HTTP Integration Tests',
      severity: 'critical',
    });
    for (const text of [
      'Phase 2: Cleanup',
      'Milestone 1: Done',
      'Python 3.12 upgrade',
      'High 3',
      'Overview',
    ])
      expect(parseNumbering(text)).toBeUndefined();
  });

  it('strips markers from titles', () => {
    expect(titleMarkers('Missing Logging Configuration (CRITICAL)')).toEqual({
      title: 'Missing Logging Configuration',
      severity: 'critical',
      status: null,
    });
    expect(titleMarkers('Error Boundaries (HIGH PRIORITY)').severity).toBe('high');
  });
});

describe('parseSeverityValue', () => {
  it('reads words, letters, emoji and priority levels', () => {
    expect(parseSeverityValue('🔴 Критично')).toBe('critical');
    expect(parseSeverityValue('🟡 Важно')).toBe('medium');
    expect(parseSeverityValue('H')).toBe('high');
    expect(parseSeverityValue('VERY HIGH')).toBe('high');
    expect(parseSeverityValue('P0 - BLOCKER')).toBe('critical');
    expect(parseSeverityValue('P1', new Map([['P1', 'critical']]))).toBe('critical');
    expect(parseSeverityValue('9.8')).toBeNull();
  });
});
