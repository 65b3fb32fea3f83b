/** add-code's recognizer on the seeds and the fixtures' own audit documents. */
import { describe, expect, it } from 'vitest';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import { finding, parseSeed } from '../../test/findings/helpers.js';
import { fixtureFinding } from '../../test/integration/add-code-support.js';
import { inferAddCode } from './recognizer.js';

const seed = (n: '000' | '001', id: string) => inferAddCode(finding(parseSeed(n), id));

describe('add-code recognizer', () => {
  it('B-TEST-02: the conftest fixtures of the block, into tests/conftest.py', () => {
    const options = seed('000', 'B-TEST-02');
    expect(options).toMatchObject({
      kind: 'definitions',
      file: 'tests/conftest.py',
      also: ['Also add `moto` and `pytest-mock` to test dependencies (see B-TEST-03).'],
    });
    expect(options?.kind === 'definitions' && options.code).toContain('def mock_env(monkeypatch):');
  });

  it('B-DUP-04: the helper into assets_common.py, with the handlers as call sites', () => {
    const options = inferAddCode(fixtureFinding('lambda-backend', 'B-DUP-04'));
    expect(options).toMatchObject({
      kind: 'definitions',
      file: 'backend/src/app/api/assets/assets_common.py',
      callSites: {
        call: 'return paginate_response(assets, limit, event, serialize_asset)',
        sites: [
          { file: 'backend/src/app/api/assets/admin_assets.py', function: '_list_assets' },
          {
            file: 'backend/src/app/api/assets/user_assets.py',
            function: '_list_accessible_assets',
          },
          { file: 'backend/src/app/api/assets/public_assets.py', function: '_list_public_assets' },
        ],
      },
    });
  });

  it('CF-05: a model validator from "raises ValueError if A and B"', () => {
    expect(inferAddCode(fixtureFinding('fastapi-platform', 'CF-05'))).toEqual({
      kind: 'validator',
      class: 'CORSSettings',
      scope: 'model',
      file: 'packages/infra-fastapi/src/praecepta/infra/fastapi/settings.py',
      predicate: {
        expression: 'allow_credentials and allow_origins == ["*"]',
        sense: 'raise-when',
        raises: 'ValueError',
      },
    });
  });

  it('CF-18 and CF-23: the validators whose documents are wrong are still recognised (the plan refuses them)', () => {
    expect(inferAddCode(fixtureFinding('fastapi-platform', 'CF-18'))).toMatchObject({
      kind: 'validator',
      class: 'MiddlewareContribution',
      scope: 'field',
      field: 'priority',
      predicate: { expression: '0 <= priority <= 299', sense: 'require' },
    });
    expect(inferAddCode(fixtureFinding('fastapi-platform', 'CF-23'))).toMatchObject({
      kind: 'validator',
      class: 'DatabaseSettings',
      predicate: { expression: 'make_url(database_url)', sense: 'call' },
    });
  });

  it('CF-24: exports with their imports', () => {
    expect(inferAddCode(fixtureFinding('fastapi-platform', 'CF-24'))).toEqual({
      kind: 'exports',
      file: 'packages/infra-persistence/src/praecepta/infra/persistence/__init__.py',
      names: ['RedisFactory', 'get_redis_factory', 'get_sync_session_factory', 'get_sync_engine'],
    });
  });

  it('seed 001: fields without wiring (CF-14, CF-11); wiring findings are left to settings (CF-07)', () => {
    expect(seed('001', 'CF-14')).toEqual({
      kind: 'fields',
      class: 'EventSourcingSettings',
      fields: ['max_projection_runners: int = 8'],
      also: ['Enforce in `ProjectionPoller` or the subscription runner factory.'],
    });
    expect(seed('001', 'CF-11')).toEqual({
      kind: 'fields',
      class: 'TracingSettings',
      fields: ['sample_rate: float = 1.0'],
      also: ['Pass `TraceIdRatioBasedSampler(sample_rate)` to `TracerProvider`.'],
    });
    expect(seed('001', 'CF-07')).toBeUndefined();
    expect(seed('001', 'CF-12')).toBeUndefined();
  });

  it('leaves alone a block that changes code the finding shows, or belongs to another file', () => {
    const fence = '```';
    const doc = [
      '# Review',
      '',
      '### H-1: Health check always healthy',
      '',
      '**File:** `backend/main.py`',
      '',
      `${fence}python\nasync def health_check():\n    return {"status": "healthy"}\n${fence}`,
      '',
      '**Fix:** Add actual connectivity checks:',
      '',
      `${fence}python\nasync def health_check(db=Depends(get_db)):\n    await db.execute(text("SELECT 1"))\n    return {"status": "healthy"}\n${fence}`,
      '',
      '### H-2: Imports block the request',
      '',
      '**File:** `backend/grading/views.py`',
      '',
      '**Fix:** Add a task:',
      '',
      `${fence}python\n# backend/grading/tasks.py (NEW FILE)\ndef import_pdf_task(copy_id):\n    return copy_id\n${fence}`,
      '',
      '### H-3: Import is not idempotent',
      '',
      '**File:** `backend/grading/services.py`',
      '',
      '**Fix:** Add idempotency:',
      '',
      `${fence}python\n# Modify backend/grading/services.py:164-218\ndef import_pdf(path):\n    return path\n${fence}`,
      '',
    ].join('\n');
    const findings = parseFindingsDocument(doc, 'REVIEW.md').findings;
    expect(findings.map((f) => f.id)).toEqual(['H-1', 'H-2', 'H-3']);
    for (const f of findings) expect(inferAddCode(f), f.id).toBeUndefined();
  });

  it('leaves alone what is not code to add: a replaced definition, a vague validator, prose only', () => {
    expect(seed('000', 'B-ARCH-03')).toBeUndefined();
    expect(seed('000', 'B-SEC-03')).toBeUndefined();
    expect(seed('001', 'CF-20')).toBeUndefined();
    expect(seed('001', 'CF-02')).toBeUndefined();
  });
});
