/** Dependencies from columns, wording and ASCII graphs; cycles found and reported. */
import { describe, expect, it } from 'vitest';
import { findCycles } from '../../src/findings/dependencies.js';
import { parseFindingsDocument } from '../../src/findings/parse.js';

function deps(markdown: string): Record<string, readonly string[]> {
  const set = parseFindingsDocument(markdown, 'doc.md');
  return Object.fromEntries(set.findings.map((f) => [f.id, f.dependsOn]));
}

const TABLE = `# Backlog

| ID | Finding | Depends On |
|----|---------|------------|
| X-01 | first | -- |
| X-02 | second | X-01 |
| X-03 | third | X-01, X-02 |
`;

describe('dependencies', () => {
  it('reads Depends On columns', () => {
    expect(deps(TABLE)).toEqual({ 'X-01': [], 'X-02': ['X-01'], 'X-03': ['X-01', 'X-02'] });
  });

  it('reads "after X", "(X, prerequisite)", "Prerequisite for Y" and "Implement X first"', () => {
    const md = `# Audit

## A-01: base

**Fix:** Prerequisite for A-03.

## A-02: next

**Fix:** Do this after A-01 lands. Also mention A-04 without saying anything.

## A-03: third

**Fix:** Convert singletons (A-02, prerequisite).

## A-04: fourth

**Dependencies:** Implement A-02 first.
`;
    expect(deps(md)).toEqual({
      'A-01': [],
      'A-02': ['A-01'],
      'A-03': ['A-01', 'A-02'],
      'A-04': ['A-02'],
    });
  });

  it('reads an ASCII tree graph (parent above "+--->" child means child after parent) and inline arrows', () => {
    const md = `# Plan

| ID | Finding |
|----|---------|
| G-01 | a |
| G-02 | b |
| G-03 | c |
| G-04 | d |
| G-05 | e |

## Dependency Graph

\`\`\`
G-01 (root)
  |
  +---> G-02 (child)
  |       |
  |       +---> G-03 (grandchild)
  |
  +---> G-04 (second child)

G-05 --> G-01
\`\`\`
`;
    const set = parseFindingsDocument(md, 'doc.md');
    expect(Object.fromEntries(set.findings.map((f) => [f.id, f.dependsOn]))).toEqual({
      'G-01': ['G-05'],
      'G-02': ['G-01'],
      'G-03': ['G-02'],
      'G-04': ['G-01'],
      'G-05': [],
    });
    expect(set.dependencies?.every((e) => e.source === 'graph')).toBe(true);
    expect(set.dependencies?.find((e) => e.from === 'G-03')?.line).toBe(18);
  });

  it('detects a cycle and reports it', () => {
    const md = `${TABLE}| X-04 | fourth | X-05 |\n| X-05 | fifth | X-04 |\n`;
    const set = parseFindingsDocument(
      md.replace('| X-01 | first | -- |', '| X-01 | first | X-02 |'),
      'doc.md',
    );
    expect(set.cycles).toEqual([
      ['X-01', 'X-02', 'X-01'],
      ['X-04', 'X-05', 'X-04'],
    ]);
    expect(set.warnings.map((w) => w.message)).toEqual([
      'dependency cycle: X-01 -> X-02 -> X-01',
      'dependency cycle: X-04 -> X-05 -> X-04',
    ]);
  });

  it('findCycles returns nothing for a DAG and each cycle once', () => {
    expect(
      findCycles([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'a', to: 'c' },
      ]),
    ).toEqual([]);
    expect(findCycles([{ from: 'a', to: 'a' }])).toEqual([['a', 'a']]);
    expect(
      findCycles([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
      ]),
    ).toEqual([['a', 'b', 'c', 'a']]);
  });
});
