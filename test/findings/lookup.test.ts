/** findFinding / findPhase: IDs, aliases, phase ids, numbers and titles, case-insensitive. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import {
  findFinding,
  findPhase,
  getFindingOrThrow,
  getPhaseOrThrow,
} from '../../src/findings/lookup.js';
import { parseSeed } from './helpers.js';

describe('findFinding', () => {
  it('finds by ID, case-insensitively, and follows aliases', () => {
    expect(findFinding(parseSeed('000'), 'b-sec-01')?.id).toBe('B-SEC-01');
    expect(findFinding(parseSeed('002'), 'IMP-013')?.id).toBe('SEC-003');
    expect(findFinding(parseSeed('002'), 'IMP-099')).toBeUndefined();
  });

  it('throws a usage error naming nearby IDs', () => {
    expect(() => getFindingOrThrow(parseSeed('000'), 'B-SEC-09')).toThrow(UsageError);
    try {
      getFindingOrThrow(parseSeed('000'), 'B-SEC-09');
    } catch (e) {
      expect((e as UsageError).hint).toBe(
        'IDs in the document include B-SEC-01, B-SEC-02, B-SEC-03',
      );
      expect((e as UsageError).exitCode).toBe(2);
    }
  });
});

describe('findPhase', () => {
  it('accepts the id, the number, or the title (whole or descriptive part)', () => {
    const set = parseSeed('001');
    expect(findPhase(set, 'phase-2')?.id).toBe('phase-2');
    expect(findPhase(set, 2)?.id).toBe('phase-2');
    expect(findPhase(set, '2')?.id).toBe('phase-2');
    expect(findPhase(set, 'Phase 2')?.id).toBe('phase-2');
    expect(findPhase(set, 'persistence lifecycle')?.id).toBe('phase-2');
    expect(findPhase(set, 'Phase 2: Persistence lifecycle (the highest-impact cluster)')?.id).toBe(
      'phase-2',
    );
    expect(findPhase(set, 'P1')?.id).toBe('p1');
    expect(findPhase(set, 'fix before beta')?.id).toBe('p2');
  });

  it('maps a number to the document’s own numbering: steps, tiers, P-groups', () => {
    expect(findPhase(parseSeed('000'), 3)?.findings).toEqual(['B-DUP-01', 'B-SEC-02']);
    expect(findPhase(parseSeed('004'), 1)?.id).toBe('tier-1');
    expect(findPhase(parseSeed('004'), 'week 3')?.id).toBe('week-3');
    expect(findPhase(parseSeed('003'), 0)?.id).toBe('p0');
    expect(findPhase(parseSeed('002'), 'HIGH')?.id).toBe('high');
    expect(findPhase(parseSeed('002'), 'short-term')?.id).toBe('short-term');
  });

  it('throws a usage error listing the phases', () => {
    expect(() => getPhaseOrThrow(parseSeed('003'), 'phase-9')).toThrow('unknown phase: phase-9');
    try {
      getPhaseOrThrow(parseSeed('003'), 'phase-9');
    } catch (e) {
      expect((e as UsageError).hint).toBe('phases: p0, p1, p2');
    }
  });
});
