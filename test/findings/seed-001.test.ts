/** Seed 001: CF findings from heading sections and P1/P2/P3 tables, Depends On edges, 8 phases, ASCII graph. */
import { describe, expect, it } from 'vitest';
import { finding, idRange, ids, parseSeed, phase } from './helpers.js';

const set = parseSeed('001');

/** Every non-empty `Depends On` cell of the three tables. */
const DEPENDS_ON: Record<string, string[]> = {
  'CF-02': ['CF-07', 'CF-08'],
  'CF-03': ['CF-12', 'CF-27'],
  'CF-04': ['CF-07', 'CF-14'],
  'CF-09': ['CF-02'],
  'CF-10': ['CF-02'],
  'CF-13': ['CF-12'],
  'CF-22': ['CF-09'],
  'CF-27': ['CF-12'],
  'CF-28': ['CF-03'],
  'CF-16': ['CF-02', 'CF-10'],
  'CF-29': ['CF-07'],
  'CF-30': ['CF-02'],
  'CF-31': ['CF-06'],
  'CF-33': ['CF-17'],
  'CF-37': ['CF-07'],
};

describe('seed 001 findings', () => {
  it('reads all 42 findings CF-01..CF-42, each once', () => {
    expect([...ids(set)].sort()).toEqual(idRange('CF-', 1, 42));
    expect(new Set(ids(set)).size).toBe(42);
  });

  it('merges a heading section with its table row', () => {
    const cf02 = finding(set, 'CF-02');
    expect(cf02).toMatchObject({
      title: 'Persistence lifespan hook -- RLS tenant isolation non-functional',
      category: 'infra-persistence',
      priority: 'P1',
      effort: 'M',
      line: 40,
    });
    expect(cf02.attributes?.Verification).toContain('make verify');
    expect(cf02.sections['Root Cause']).toContain('no `LifespanContribution` was created');
    expect(cf02.files).toEqual([
      'packages/infra-persistence/src/praecepta/infra/persistence/lifespan.py',
      'pyproject.toml',
      '__init__.py',
    ]);
  });

  it('defines P2/P3 findings from table rows, with the P2 fix descriptions attached', () => {
    const cf05 = finding(set, 'CF-05');
    expect(cf05).toMatchObject({
      title: 'CORS wildcard + credentials silent downgrade',
      category: 'infra-fastapi',
      priority: 'P2',
      effort: 'S',
      line: 200,
    });
    expect(cf05.sections.Fix).toContain('@model_validator(mode="after")');
    expect(finding(set, 'CF-13').category).toBe('infra-taskiq, infra-persistence');
    expect(finding(set, 'CF-33').effort).toBeNull();
  });

  it('maps P1/P2/P3 to severities only as the document defines them', () => {
    const severities = (p: string) =>
      new Set(set.findings.filter((f) => f.priority === p).map((f) => f.severity));
    // "P1 -- Fix Before Next Release: CRITICAL and HIGH severity items": the highest named.
    expect(severities('P1')).toEqual(new Set(['critical']));
    expect(severities('P2')).toEqual(new Set(['medium']));
    expect(severities('P3')).toEqual(new Set(['low']));
  });

  it('takes dependencies from the Depends On columns (CF-02 -> CF-07, CF-08)', () => {
    expect(finding(set, 'CF-02').dependsOn).toEqual(['CF-07', 'CF-08']);
    for (const f of set.findings) expect(f.dependsOn, f.id).toEqual(DEPENDS_ON[f.id] ?? []);
  });

  it('reads the ASCII graph and reports the edge that contradicts the table', () => {
    const graphEdges = set.dependencies?.filter((e) => e.source === 'graph') ?? [];
    expect(graphEdges).toEqual([]);
    const warning = set.warnings.find((w) => w.message.includes('dependency graph'));
    expect(warning?.message).toContain('CF-14 comes after CF-04');
    expect(warning?.line).toBe(269);
    expect(set.cycles).toEqual([]);
  });
});

describe('seed 001 phases', () => {
  it('reads the 8 execution phases in documented order', () => {
    const phases = set.phases.filter((p) => p.kind === 'phase');
    expect(phases.map((p) => p.id)).toEqual(Array.from({ length: 8 }, (_, i) => `phase-${i + 1}`));
    expect(phase(set, 'phase-1')).toMatchObject({
      title: 'Phase 1: Foundation fixes (settings and singletons)',
      findings: ['CF-07', 'CF-12', 'CF-01'],
    });
    expect(phase(set, 'phase-2').findings).toEqual(['CF-08', 'CF-02', 'CF-09', 'CF-10']);
    expect(phase(set, 'phase-6').findings).toEqual([
      'CF-23',
      'CF-24',
      'CF-25',
      'CF-26',
      'CF-18',
      'CF-17',
    ]);
    expect(phase(set, 'phase-8').findings).toHaveLength(15);
    // 36 numbered items, some naming several IDs: every finding is placed exactly once.
    expect(phases.flatMap((p) => p.findings).sort()).toEqual(idRange('CF-', 1, 42));
  });

  it('reads the P1/P2/P3 groups with the rows actually there (P3 has 15, its summary says 11)', () => {
    expect(phase(set, 'p1').findings).toEqual([
      'CF-02',
      'CF-01',
      'CF-03',
      'CF-04',
      'CF-07',
      'CF-08',
      'CF-09',
      'CF-06',
      'CF-10',
      'CF-12',
    ]);
    expect(phase(set, 'p2').findings).toHaveLength(17);
    expect(phase(set, 'p3').findings).toHaveLength(15);
    expect(set.phases.map((p) => p.id)).toEqual([
      'p1',
      'p2',
      'p3',
      ...Array.from({ length: 8 }, (_, i) => `phase-${i + 1}`),
    ]);
    expect(finding(set, 'CF-04').phases).toEqual(['p1', 'phase-4']);
  });
});
