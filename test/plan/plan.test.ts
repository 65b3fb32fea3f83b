/** Mapping findings to transforms, dependency order, commit messages. */
import { describe, expect, it } from 'vitest';
import { checkConfig, emptyConfig } from '../../src/config/load.js';
import { InputError } from '../../src/core/errors.js';
import type { Finding } from '../../src/findings/types.js';
import { commitMessage, commitScope, commitType } from '../../src/plan/commit-message.js';
import { describeOptions, mapFinding } from '../../src/plan/mapping.js';
import { dependencyOrder, unmetDependencies } from '../../src/plan/order.js';
import { loadCatalog } from '../../transforms/index.js';
import { makeFinding } from '../finding-builder.js';

const catalog = await loadCatalog();

const finding = (partial: Partial<Finding> & { id: string }): Finding =>
  makeFinding({ doc: 'docs/AUDIT.md', line: 10, ...partial });

describe('mapFinding', () => {
  const root = '/repo';

  it('uses the config entry first, then inference, else manual', async () => {
    const config = checkConfig(root, '/repo/remedy.config.json', {
      findings: {
        'X-1': {
          transform: 'pep604-optional',
          options: { unions: false },
          subject: 'modernise annotations',
        },
        'X-2': { manual: true, reason: 'needs a product decision' },
      },
    });
    const fromConfig = await mapFinding(finding({ id: 'X-1' }), config, catalog);
    expect(fromConfig).toMatchObject({
      kind: 'transform',
      source: 'config',
      options: { unions: false },
      subject: 'modernise annotations',
    });
    expect(await mapFinding(finding({ id: 'X-2' }), config, catalog)).toEqual({
      kind: 'manual',
      reason: 'needs a product decision',
    });
    const inferred = await mapFinding(
      finding({ id: 'X-3', body: 'Replace `Optional[X]` with `X | None` in each file.' }),
      emptyConfig(root),
      catalog,
    );
    expect(inferred).toMatchObject({ kind: 'transform', source: 'inferred' });
    expect(inferred.kind === 'transform' && inferred.transform.id).toBe('pep604-optional');
    expect(
      (await mapFinding(finding({ id: 'X-4', body: 'Add retries.' }), emptyConfig(root), catalog))
        .kind,
    ).toBe('manual');
  });

  it('loads only the transform a finding maps to', async () => {
    const loaded: string[] = [];
    const load = (id: string) => {
      loaded.push(id);
      return catalog.load(id);
    };
    const watched = { ...catalog, load };
    const body = 'Replace `Optional[X]` with `X | None` in each file.';
    await mapFinding(finding({ id: 'X-6', body }), emptyConfig(root), watched);
    await mapFinding(finding({ id: 'X-7', body: 'Add retries.' }), emptyConfig(root), watched);
    expect(loaded).toEqual(['pep604-optional']);
  });

  it('keeps the inferred transform when the config only gives a subject', async () => {
    const config = checkConfig(root, '/repo/remedy.config.json', {
      findings: { 'X-5': { subject: 'modernise annotations' } },
    });
    const step = await mapFinding(
      finding({ id: 'X-5', body: 'Replace `Optional[X]` with `X | None`.' }),
      config,
      catalog,
    );
    expect(step).toMatchObject({
      kind: 'transform',
      source: 'inferred',
      subject: 'modernise annotations',
    });
  });

  it('resolves config entries written for an alias of the finding', async () => {
    const config = checkConfig(root, '/repo/remedy.config.json', {
      findings: { 'IMP-013': { manual: true } },
    });
    expect(
      (await mapFinding(finding({ id: 'SEC-003', aliases: ['IMP-013'] }), config, catalog)).kind,
    ).toBe('manual');
  });

  it('names the config key of an unknown transform', async () => {
    const config = checkConfig(root, '/repo/remedy.config.json', {
      findings: { 'X-1': { transform: 'make-it-good' } },
    });
    await expect(mapFinding(finding({ id: 'X-1' }), config, catalog)).rejects.toThrow(
      /findings\.X-1\.transform.*make-it-good/,
    );
  });

  it('describes options on one line', () => {
    expect(describeOptions({ file: 'a.py', renames: [1, 2], nested: { a: 1 }, flag: true })).toBe(
      'file=a.py renames=[2] nested={…} flag=true',
    );
  });
});

describe('config validation', () => {
  it('reports the key of a bad value and unknown keys', () => {
    expect(() =>
      checkConfig('/r', '/r/remedy.config.json', { python: { targetVersion: '3.12' } }),
    ).toThrow(/python\.targetVersion/);
    expect(() => checkConfig('/r', '/r/remedy.config.json', { docz: [] })).toThrow(/docz/);
    expect(() => checkConfig('/r', '/r/remedy.config.json', { docs: ['../outside.md'] })).toThrow(
      InputError,
    );
  });
});

describe('dependencyOrder', () => {
  const byId = new Map(
    [
      finding({ id: 'A' }),
      finding({ id: 'B', dependsOn: ['C'] }),
      finding({ id: 'C' }),
      finding({ id: 'D', dependsOn: ['Z'] }),
    ].map((f) => [f.id, f]),
  );

  it('keeps the given order and moves a finding only after its dependencies', () => {
    expect(dependencyOrder(['A', 'B', 'C', 'D'], byId)).toEqual(['A', 'C', 'B', 'D']);
    expect(dependencyOrder(['B', 'A'], byId)).toEqual(['B', 'A']);
  });

  it('reports dependencies outside the selection that are not done', () => {
    expect(unmetDependencies('D', byId, new Set(['D']), new Set())).toEqual(['Z']);
    expect(unmetDependencies('D', byId, new Set(['D']), new Set(['Z']))).toEqual([]);
  });

  it('refuses a cycle, naming the findings', () => {
    const cyclic = new Map(
      [finding({ id: 'P', dependsOn: ['Q'] }), finding({ id: 'Q', dependsOn: ['P'] })].map((f) => [
        f.id,
        f,
      ]),
    );
    expect(() => dependencyOrder(['P', 'Q'], cyclic)).toThrow(/cycle among P, Q/);
  });
});

describe('commit messages', () => {
  it('derives the type from the category', () => {
    expect(commitType(finding({ id: 'B-SEC-01', category: 'Category 1 — Security' }))).toBe('fix');
    expect(commitType(finding({ id: 'B-DUP-01', category: 'Category 2 — Code Duplication' }))).toBe(
      'refactor',
    );
    expect(commitType(finding({ id: 'B-TEST-03', category: 'Category 4 — Test Coverage' }))).toBe(
      'test',
    );
    expect(commitType(finding({ id: 'P-1', category: 'Performance' }))).toBe('perf');
    expect(commitType(finding({ id: 'D-1', category: 'Dependencies' }))).toBe('build');
    expect(commitType(finding({ id: 'Q-1', category: 'Code Quality & Best Practices' }))).toBe(
      'refactor',
    );
  });

  it('takes the scope from config or the common top folder', () => {
    expect(commitScope('api', ['backend/a.py'])).toBe('api');
    expect(commitScope(undefined, ['backend/a.py', 'backend/b/c.py'])).toBe('backend');
    expect(commitScope(undefined, ['backend/a.py', 'tests/t.py'])).toBeUndefined();
  });

  it('has the exact header, body and trailer', () => {
    const message = commitMessage({
      finding: finding({
        id: 'B-SEC-01',
        title: 'Internal error details leaked to API clients',
        severity: 'high',
        category: 'Security',
        line: 42,
      }),
      subject: 'remove error detail leak',
      scope: 'backend',
      touched: ['backend/src/app/api/admin.py'],
      transform: 'replace-snippet',
    });
    expect(message).toBe(
      [
        'fix(backend): resolve B-SEC-01 — remove error detail leak',
        '',
        'B-SEC-01: Internal error details leaked to API clients',
        '',
        'Severity: high',
        'Document: docs/AUDIT.md:42',
        'Transform: replace-snippet',
        'Files:',
        '- backend/src/app/api/admin.py',
        '',
        'Remedy-Finding: B-SEC-01',
        'Remedy-Transform: replace-snippet',
        '',
      ].join('\n'),
    );
  });

  it('lists the resolutions and, for a partial finding, what is left, with a Remedy-Partial trailer', () => {
    const message = commitMessage({
      finding: finding({ id: 'B-QUAL-06', title: 'Leading underscores', category: 'Quality' }),
      subject: 'rename module-level names',
      scope: undefined,
      touched: ['app/support.py'],
      transform: 'rename-symbols',
      resolved: [
        'app/jobs.py:9: renamed the local `x` of function f to `y` [rename/resolved-local]',
      ],
      undone: [
        'app/exports.py:75: `_render_ndjson` not renamed:\nlooked up [rename/dynamic-lookup]',
      ],
    });
    expect(message).toContain(
      [
        '- app/support.py',
        '',
        'Resolved:',
        '- app/jobs.py:9: renamed the local `x` of function f to `y` [rename/resolved-local]',
        '',
        'Left undone (partial):',
        '- app/exports.py:75: `_render_ndjson` not renamed: looked up [rename/dynamic-lookup]',
        '',
        'Remedy-Finding: B-QUAL-06',
        'Remedy-Transform: rename-symbols',
        'Remedy-Partial: 1 left undone',
      ].join('\n'),
    );
  });
});
