/** settings' recognizer on seed 001 and the fastapi-platform audit. */
import { describe, expect, it } from 'vitest';
import { finding, parseSeed } from '../../test/findings/helpers.js';
import { fixtureFinding } from '../../test/integration/add-code-support.js';
import { inferSettings } from './recognizer.js';

const POOL_FIELDS = [
  'async_pool_size: int = 10',
  'async_max_overflow: int = 5',
  'sync_pool_size: int = 3',
  'sync_max_overflow: int = 2',
  'pool_timeout: int = 30',
  'pool_recycle: int = 3600',
];
const TASKIQ_FIELDS = [
  'redis_url: str = "redis://localhost:6379/1"',
  'result_ttl: int = 3600',
  'stream_prefix: str = "taskiq"',
];

describe('settings recognizer', () => {
  it('CF-07: fields on DatabaseSettings, wired into the two engine calls', () => {
    expect(inferSettings(fixtureFinding('fastapi-platform', 'CF-07'))).toEqual({
      class: 'DatabaseSettings',
      file: 'packages/infra-persistence/src/praecepta/infra/persistence/database.py',
      base: 'BaseSettings',
      fields: POOL_FIELDS,
      wire: { calls: ['create_async_engine', 'create_engine'] },
    });
    expect(inferSettings(finding(parseSeed('001'), 'CF-07'))).toMatchObject({
      class: 'DatabaseSettings',
      fields: POOL_FIELDS,
      wire: { calls: ['create_async_engine', 'create_engine'] },
    });
  });

  it('CF-12: a new TaskIQSettings module with its prefix; broker.py reads it', () => {
    expect(inferSettings(fixtureFinding('fastapi-platform', 'CF-12'))).toEqual({
      class: 'TaskIQSettings',
      file: 'packages/infra-taskiq/src/praecepta/infra/taskiq/settings.py',
      base: 'BaseSettings',
      envPrefix: 'TASKIQ_',
      fields: TASKIQ_FIELDS,
      wire: { files: ['packages/infra-taskiq/src/praecepta/infra/taskiq/broker.py'] },
    });
  });

  it('leaves alone fields with nothing to wire (add-code) and findings without fields', () => {
    const seed001 = parseSeed('001');
    for (const id of ['CF-14', 'CF-11', 'CF-36', 'CF-37', 'CF-15']) {
      expect(inferSettings(finding(seed001, id)), id).toBeUndefined();
    }
    expect(inferSettings(fixtureFinding('fastapi-platform', 'CF-05'))).toBeUndefined();
  });
});
