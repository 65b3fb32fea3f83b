import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../test/finding-builder.js';
import { inferMissingImport } from './recognizer.js';

// Its reach over the seeds and fixture documents is pinned in ruff-fix/recognizer.test.ts
// (one read of the documents for both recognizers).
describe('add-missing-import recognizer', () => {
  it('reads names from NameError and F821 wording', () => {
    const finding = makeFinding({
      id: 'X',
      body: "`handler.py` raises `NameError: name 'json' is not defined`; ruff reports F821 undefined name `Path`.",
    });
    expect(inferMissingImport(finding)).toEqual({ names: ['json', 'Path'] });
  });

  it('does not take an import statement without a missing-import context', () => {
    const hoist = makeFinding({
      id: 'H',
      body: 'Move `import boto3` to module level in `app/db.py`.',
    });
    expect(inferMissingImport(hoist)).toBeUndefined();
  });
});
