/** consolidate-helpers' recognizer on seed 000 and the fixtures' audits. */
import { describe, expect, it } from 'vitest';
import { finding, parseSeed } from '../../test/findings/helpers.js';
import { fixtureFinding } from '../../test/integration/add-code-support.js';
import { inferConsolidation } from './recognizer.js';

describe('consolidate-helpers recognizer', () => {
  it('B-DUP-03: require_env in utils, two copies, the inline check in asset_public_url', () => {
    expect(inferConsolidation(fixtureFinding('lambda-backend', 'B-DUP-03'))).toEqual({
      target: 'backend/src/app/utils/__init__.py',
      name: 'require_env',
      signature: 'require_env(name: str) -> str',
      raises: 'ConfigurationError(name)',
      copies: [
        { file: 'backend/src/app/services/cloudfront_signing.py', name: '_required_env' },
        { file: 'backend/src/app/api/admin_request.py', name: '_require_env' },
      ],
      inline: [
        { file: 'backend/src/app/api/assets/assets_common.py', function: 'asset_public_url' },
      ],
    });
    expect(inferConsolidation(finding(parseSeed('000'), 'B-DUP-03'))).toMatchObject({
      name: 'require_env',
      copies: [{ name: '_required_env' }, { name: '_require_env' }],
    });
  });

  it('3.9: the stated behaviour (unset or empty) and the inline check in require_admin_token', () => {
    expect(inferConsolidation(fixtureFinding('fastapi-platform', '3.9'))).toEqual({
      target: 'backend/app/utils.py',
      name: 'require_env',
      signature: 'require_env(name: str) -> str',
      raises: 'ConfigurationError',
      behaviour: 'falsy',
      copies: [
        { file: 'backend/app/services/media_urls.py', name: '_required' },
        { file: 'backend/app/services/mailer.py', name: '_env_or_fail' },
      ],
      inline: [{ file: 'backend/app/routers/admin.py', function: 'require_admin_token' }],
    });
  });

  it('leaves identical-copy extraction to extract-shared-helpers and new behaviour elsewhere', () => {
    for (const id of ['B-DUP-01', 'B-DUP-02', 'B-DUP-04', 'B-SEC-02', 'B-OPS-01']) {
      expect(inferConsolidation(finding(parseSeed('000'), id)), id).toBeUndefined();
    }
  });
});
