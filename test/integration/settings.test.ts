/**
 * settings on fastapi-platform: CF-07 (fields on `DatabaseSettings` wired into both
 * engine calls; the backend's own `create_async_engine` with another settings class left)
 * and CF-12 (a new `TaskIQSettings` module; `broker.py` reads it instead of `os.getenv`),
 * each with the suite green and a second run a no-op.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadPython } from '../../src/python/parser.js';
import { settingsOptions } from '../../transforms/settings/options.js';
import { planSettings } from '../../transforms/settings/plan.js';
import { inferSettings } from '../../transforms/settings/recognizer.js';
import { FixtureProject, fixtureFinding } from './add-code-support.js';

beforeAll(() => loadPython());

let copy: FixtureProject | undefined;
afterEach(() => copy?.dispose());

function apply(id: string) {
  copy = FixtureProject.copy('fastapi-platform');
  const options = settingsOptions.parse(inferSettings(fixtureFinding('fastapi-platform', id)));
  const result = planSettings(copy.project, options);
  const out = copy.apply(result);
  const run = copy.unittest();
  expect(run.ok, run.output).toBe(true);
  const again = planSettings(copy.project, options);
  expect(again.files.filter((f) => f.edits.length).map((f) => f.path)).toEqual([]);
  expect(again.creates).toEqual([]);
  return { out, notes: result.diagnostics.map((d) => d.message).join('\n') };
}

describe('settings on fastapi-platform', () => {
  it('CF-07: six fields, both engines read them, the backend engine left alone', () => {
    const { out, notes } = apply('CF-07');
    const text = out['packages/infra-persistence/src/praecepta/infra/persistence/database.py']!;
    expect(text).toContain('    sync_url: str | None = None\n    async_pool_size: int = 10\n');
    expect(text).toContain(
      'pool_size=settings.async_pool_size,\n            max_overflow=settings.async_max_overflow,',
    );
    expect(text).toContain(
      'pool_size=settings.sync_pool_size,\n            max_overflow=settings.sync_max_overflow,',
    );
    expect(text.match(/pool_recycle=settings\.pool_recycle/g)).toHaveLength(2);
    expect(text).toContain('pool_pre_ping=True');
    expect(out['backend/app/database.py']).toBeUndefined();
    expect(notes).toMatch(
      /`create_async_engine\(\.\.\.\)` at backend\/app\/database\.py:\d+ has no `DatabaseSettings` instance in scope/,
    );
    expect(notes).toContain(
      '`pool_size` changes from 20 to the default of `async_pool_size`, 10, as the finding states',
    );
  });

  it('CF-12: TaskIQSettings in its own module; broker.py reads it and no longer imports os', () => {
    const { out, notes } = apply('CF-12');
    expect(out['packages/infra-taskiq/src/praecepta/infra/taskiq/settings.py']).toContain(
      'class TaskIQSettings(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix="TASKIQ_")\n\n    redis_url: str = "redis://localhost:6379/1"\n    result_ttl: int = 3600\n    stream_prefix: str = "taskiq"\n',
    );
    const broker = out['packages/infra-taskiq/src/praecepta/infra/taskiq/broker.py']!;
    expect(broker).toContain(
      'settings = TaskIQSettings()\n\nREDIS_URL = settings.redis_url\nRESULT_TTL_SECONDS = settings.result_ttl\n',
    );
    expect(broker).not.toContain('import os');
    expect(broker).toContain('queue_name="praecepta"');
    expect(notes).toContain('`REDIS_URL` is now read as `TASKIQ_REDIS_URL`');
  });
});
