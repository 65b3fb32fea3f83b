/** rename-symbols `infer`: the rename table of B-QUAL-01 and B-DUP-02's wording, on real audits. */
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

const request = 'backend/src/app/api/admin_request.py';
const validators = 'backend/src/app/api/admin_validators.py';

describe.each(DOCS)('rename-symbols infer on %s', (doc) => {
  const set = parseFindingsDocument(fs.readFileSync(doc, 'utf8'), doc);
  const inferred = new Map(set.findings.map((f) => [f.id, recognizer.infer(f)]));

  it('reads the 8 renames of B-QUAL-01 from its table, with full paths', () => {
    expect(inferred.get('B-QUAL-01')).toEqual({
      renames: [
        { file: request, from: '_parse_body', to: 'parse_body' },
        { file: request, from: '_parse_uuid', to: 'parse_uuid' },
        { file: request, from: '_encode_cursor', to: 'encode_cursor' },
        { file: request, from: '_parse_cursor', to: 'parse_cursor' },
        { file: request, from: '_query_param', to: 'query_param' },
        { file: request, from: '_require_env', to: 'require_env' },
        { file: validators, from: '_validate_string_length', to: 'validate_string_length' },
        { file: validators, from: '_validate_email', to: 'validate_email' },
      ],
      onCollision: 'refuse',
    });
  });

  it('reads "rename to `use_iam_auth()`" in B-DUP-02', () => {
    expect(inferred.get('B-DUP-02')).toEqual({
      renames: [
        { file: 'backend/src/app/db/connection.py', from: '_use_iam_auth', to: 'use_iam_auth' },
      ],
      onCollision: 'refuse',
    });
  });

  it('asks for nothing else', () => {
    const asking = [...inferred].filter(([, o]) => o !== undefined).map(([id]) => id);
    // The fixture's own audit adds findings of its own (phase 4) to seed 000's.
    const expected =
      doc === seedPath('000')
        ? ['B-DUP-02', 'B-QUAL-01']
        : ['B-DUP-02', 'B-QUAL-01', 'B-QUAL-06', 'B-QUAL-07'];
    expect(asking.sort()).toEqual(expected);
  });
});
