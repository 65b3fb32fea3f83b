import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFindings } from '../../src/findings/index.js';
import { makeFinding } from '../../test/finding-builder.js';
import { inferMissingImport } from '../add-missing-import/recognizer.js';
import { commandPaths, explainRuffFix, inferRuffFix } from './recognizer.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = [
  ...fs
    .readdirSync(path.join(ROOT, 'test/seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `test/seeds/${f}`),
  ...['inventory-service', 'fastapi-platform', 'lambda-backend', 'web-app'].map(
    (f) => `fixtures/${f}/docs/AUDIT.md`,
  ),
];

describe('ruff-fix recognizer', () => {
  it('maps exactly MR-001 among the seeds and fixture documents (and add-missing-import its two)', async () => {
    const ruff: [string, unknown][] = [];
    const imports: [string, unknown][] = [];
    for (const doc of DOCS) {
      for (const f of (await readFindings([doc], { baseDir: ROOT })).findings) {
        const where = `${path.basename(path.dirname(path.dirname(doc)))}/${path.basename(doc)}#${f.id}`;
        const options = inferRuffFix(f);
        if (options) ruff.push([where, options]);
        const missing = inferMissingImport(f);
        if (missing) imports.push([where, missing]);
      }
    }
    expect(ruff).toEqual([
      [
        'inventory-service/AUDIT.md#MR-001',
        { select: ['UP045', 'W293', 'F401', 'I001'], paths: ['backend'] },
      ],
    ]);
    expect(imports).toEqual([
      [
        'test/003_37886509faacce73.txt#P0-3',
        { imports: ['import os'], paths: ['backend/main.py'] },
      ],
      [
        'inventory-service/AUDIT.md#TD-001',
        { names: ['os'], imports: ['import os'], paths: ['backend/main.py'] },
      ],
    ]);
  });

  it('maps `ruff check --fix` without codes to the configured rules, on the files named', () => {
    const finding = makeFinding({
      id: 'Q-1',
      body: 'Run `ruff check --fix` on `app/api.py`.',
      ruffFix: true,
      fileRefs: [{ path: 'app/api.py', symbols: [], role: 'mention' }],
    });
    const options = inferRuffFix(finding)!;
    expect(options).toEqual({ paths: ['app/api.py'] });
    expect(explainRuffFix(finding, options)).toEqual([
      "ruff's own fixes for the project's configured rules in app/api.py; unsafe ones are held back unless --unsafe",
    ]);
  });

  it('leaves cited codes where the finding does not speak of ruff', () => {
    expect(
      inferRuffFix(makeFinding({ id: 'A', body: 'The F401 form.', ruffCodes: ['F401'] })),
    ).toBeUndefined();
    const lint = makeFinding({ id: 'B', body: 'ruff reports F401 here.', ruffCodes: ['F401'] });
    expect(inferRuffFix(lint)).toEqual({ select: ['F401'] });
  });

  it('reads the path arguments of a ruff command', () => {
    expect(commandPaths('ruff check --fix --select UP045,W293 backend/ tests')).toEqual([
      'backend',
      'tests',
    ]);
    expect(commandPaths('ruff check --config ruff.toml --fix .')).toEqual([]);
  });
});
