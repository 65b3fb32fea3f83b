/** Every file and symbol seed 000 names for modification exists in fixtures/lambda-backend. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finding, parseSeed, REPO_ROOT } from './helpers.js';

const FIXTURE = path.join(REPO_ROOT, 'fixtures/lambda-backend');
const set = parseSeed('000');

/** A top-level or nested `def`/`class`, or a module-level assignment, named `name`. */
function defines(source: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^\\s*(?:async\\s+)?def\\s+${n}\\b|^\\s*class\\s+${n}\\b|^${n}\\s*[:=]`,
    'm',
  ).test(source);
}

describe('seed 000 against fixtures/lambda-backend', () => {
  it.each(set.findings.map((f) => f.id))(
    '%s: files to modify exist and define their symbols',
    (id) => {
      const listed = finding(set, id).fileRefs.filter((r) => r.role !== 'mention');
      expect(listed.length).toBeGreaterThan(0);
      const refs = listed.filter((r) => r.role === 'modify');
      for (const ref of refs) {
        const file = path.join(FIXTURE, ref.path);
        expect(fs.existsSync(file), ref.path).toBe(true);
        if (ref.path.endsWith('/')) continue;
        const source = fs.readFileSync(file, 'utf8');
        for (const symbol of ref.symbols)
          expect(defines(source, symbol), `${ref.path}: ${symbol}`).toBe(true);
      }
    },
  );

  it('files to create do not exist yet', () => {
    const created = set.findings.flatMap((f) =>
      f.fileRefs.filter((r) => r.role === 'create').map((r) => r.path),
    );
    expect(created).toContain('backend/requirements-dev.txt');
    for (const p of created) expect(fs.existsSync(path.join(FIXTURE, p)), p).toBe(false);
  });
});
