/** hoist-imports `infer`: B-QUAL-04 and B-QUAL-05 on real audits, and nothing else. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import { seedPath } from '../../test/findings/helpers.js';

import { recognizer } from './recognizer.js';

const repo = path.resolve(import.meta.dirname, '../..');
const DOCS = [seedPath('000'), path.join(repo, 'fixtures/lambda-backend/docs/AUDIT.md')].filter(
  (d) => fs.existsSync(d),
);

describe.each(DOCS)('hoist-imports infer on %s', (doc) => {
  const set = parseFindingsDocument(fs.readFileSync(doc, 'utf8'), doc);
  const inferred = new Map(set.findings.map((f) => [f.id, recognizer.infer(f)]));

  it('hoists the stdlib imports of serialize_for_audit (B-QUAL-04)', () => {
    expect(inferred.get('B-QUAL-04')).toEqual({
      files: ['backend/src/app/db/audit.py'],
      functions: ['serialize_for_audit'],
      modules: 'stdlib',
    });
  });

  it('hoists sqlalchemy out of BaseRepository.count (B-QUAL-05)', () => {
    expect(inferred.get('B-QUAL-05')).toEqual({
      files: ['backend/src/app/db/repositories/base.py'],
      functions: ['BaseRepository.count'],
      modules: ['sqlalchemy'],
    });
  });

  it('asks for nothing else', () => {
    const asking = [...inferred].filter(([, o]) => o !== undefined).map(([id]) => id);
    // The fixture's own audit adds findings of its own (phase 4) to seed 000's.
    const expected =
      doc === seedPath('000')
        ? ['B-QUAL-04', 'B-QUAL-05']
        : ['B-QUAL-04', 'B-QUAL-05', 'B-QUAL-08'];
    expect(asking.sort()).toEqual(expected);
  });
});
