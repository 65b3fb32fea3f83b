/**
 * settings — promote literals and environment reads to a settings class, and wire them.
 *
 * What it does: the finding's fields (`async_pool_size: int = 10`) are added to the
 * project's existing settings class (found by name), or a new module is created with a
 * pydantic-settings class (`TaskIQSettings(BaseSettings)` with
 * `SettingsConfigDict(env_prefix="TASKIQ_")`) holding them. Then the code reads them:
 * keyword arguments of the named calls where an instance of the class is in scope
 * (`create_async_engine(url, pool_size=20)` -> `pool_size=settings.async_pool_size`; a
 * field `async_…` goes to calls named or called from functions named with `async`, one
 * without such a prefix to every call, appended when missing), and environment reads
 * of the named files (`os.getenv("REDIS_URL", ...)`, `int(os.getenv(...))`,
 * `os.environ[...]`) become `settings.<field>` — a module-level instance for module-level
 * reads, the class instantiated in place inside functions (they still read the
 * environment when called); `import os` goes when nothing else uses it.
 * Why: CF-07 (pool sizes hard-coded in the engine calls) and CF-12 (taskiq reads raw
 * `os.getenv`) — configuration belongs in the settings class, typed and validated.
 * Example: CF-12 creates `packages/infra-taskiq/.../settings.py` and `broker.py` reads
 * `settings = TaskIQSettings()`, `REDIS_URL = settings.redis_url`.
 * Fix safety: defaults stay the literals they replace unless the finding states other
 * defaults; then a warning names each change (`pool_size` 20 -> 10), as it names a
 * variable now read under the class's prefix (`REDIS_URL` -> `TASKIQ_REDIS_URL`) — both
 * are what the finding asks for, so the fixes are safe. A call with another class's
 * settings in scope, an environment read no field matches, a field no call takes: listed,
 * left. Refuses a class the document names that the project does not have, a field the
 * class declares differently, a prefix different from the class's.
 * Options: `class`, `file?` (the class's module; a module that does not exist is
 * created), `base` (default `BaseSettings`), `envPrefix?`, `fields`, `wire: { calls?,
 * files? }`.
 */
import { defineTransform } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { runPlanner } from '../../src/python/run-planner.js';
import { type SettingsOptions, settingsOptions } from './options.js';
import { planSettings } from './plan.js';

function run(ctx: PythonProjectContext<SettingsOptions>): void {
  const cls = ctx.options.class;
  runPlanner(
    ctx,
    planSettings,
    (path) => `read ${cls} in ${path}`,
    'refusing to promote settings, nothing changed',
  );
}

export default defineTransform({
  id: 'settings',
  languages: ['python'],
  reads: 'project',
  summary: 'move configuration into the settings class',
  options: settingsOptions,
  run,
});
