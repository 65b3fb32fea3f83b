/**
 * route-table — turn a dispatcher's if-chain of path tests into a declarative route
 * table and one loop, with the same matching semantics, order, arguments and fall-through.
 *
 * What it does: finds the dispatcher's route chain — the last run of top-level `if`
 * statements that test the request path — after whatever runs first (logging, parsing,
 * guards and their early returns stay where they are), and reads each branch:
 * - conditions on the path (`event["resource"]`, `event["path"]`, `event.get("rawPath")`,
 *   a local bound from them, a parameter): `== "/x"`, `in ("/a", "/b")`, `.startswith(...)`,
 *   `== "/x" or .startswith("/x/")` (the path or below it), `re.match(r"^/x/?$", path)`,
 *   the same inline or through predicates of this module (`_is_admin_path(path)`, with
 *   their normalisation, deleted when nothing else uses them); a qualifier compared by
 *   equality alongside — `(method, resource) == ("GET", "/x")`, `(method, path) in (...)`,
 *   `method == "GET" and path.startswith(...)`;
 * - a body that is one `return`: a handler thunk (`return lambda: h(event, path)`) or
 *   any value (`return h(params, event)`, `return respond(200, body)`).
 * It emits `_ROUTES`, one entry per route in chain order (an `in` gives one per value),
 * with the qualifiers and the match kind when they vary, and a loop that tries them in
 * order; what followed the chain (an explicit 404, or nothing: an implicit `None`) is the
 * loop's fall-through, and an `else: return ...` goes after the loop. An entry is the
 * handler itself when its call passes what the loop passes, else a lambda over the
 * parameters and locals the branch reads; the table goes inside the function (zero-
 * argument lambdas) when a callee is local, a local may be unbound when the chain runs,
 * or the dispatcher is a method or nested.
 * Refused, naming the branch and the reason: a condition that depends on more than the
 * path and qualifiers (a header check), a branch that runs statements before its return
 * or awaits, different subjects or normalisations across branches, patterns mixed with
 * string tests, an `if` after the chain that tests the path otherwise, statements between
 * route branches.
 * Why: adding a route meant a predicate and a branch, prefix and exact checks mixed so
 * ordering mattered (B-ARCH-02, B-ARCH-06); the table is one line per route.
 * Example: `if event["resource"] == "/venues": return list_venues(params, event)` ->
 * `("/venues", lambda event, params: list_venues(params, event)),` and
 * `for route, handler in _ROUTES: if event["resource"] == route: return handler(event, params)`.
 * Fix safety: safe — the same requests reach the same handlers with the same arguments,
 * in the same order. Unsafe when the predicates' normalisation, or the compared subject,
 * calls something other than a str method or `.get` (it would run a different number of
 * times).
 * Options: `file` + `dispatcher` (default `_match_handler`; `Class.method` for a method)
 * for one dispatcher, which is refused as a whole when it cannot be converted; or
 * `dispatchers: [{file, dispatcher, table?}]` for several: each one that cannot be
 * converted is reported (`route-table/unsupported-shape`, undone: the finding is partial)
 * while the others are; with neither, every function of the run's files whose chain has
 * two branches or more (for `remedy run`). `table`: the table's name (default `_ROUTES`;
 * a second table in one file is `_<DISPATCHER>_ROUTES`).
 */
import { z } from 'zod';
import { Fix } from '../../src/core/fix.js';
import { defineTransform } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { planRewrite, type Target } from './rewrite.js';
import { discoveredTargets, distinctTables, namedTarget, type Problem } from './targets.js';

const pythonName = z.string().regex(/^[A-Za-z_]\w*$/, 'expected a Python name');
const dispatcherName = z
  .string()
  .regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/, 'expected `name` or `Class.method`');

const options = z
  .strictObject({
    file: z.string().min(1).optional(),
    dispatcher: dispatcherName.optional(),
    table: pythonName.default('_ROUTES'),
    dispatchers: z
      .array(
        z.strictObject({
          file: z.string().min(1),
          dispatcher: dispatcherName,
          table: pythonName.optional(),
        }),
      )
      .min(1)
      .optional(),
  })
  .refine((o) => !(o.file && o.dispatchers), 'give either "file" or "dispatchers", not both');

export type RouteTableOptions = z.infer<typeof options>;
type Ctx = PythonProjectContext<RouteTableOptions>;

function run(ctx: Ctx): void {
  const { file, dispatcher, table, dispatchers } = ctx.options;
  if (file !== undefined) {
    const target = namedTarget(ctx, file, dispatcher ?? '_match_handler', table);
    if ('code' in target) ctx.refuse(target);
    const refusal = convert(ctx, target);
    if (refusal) ctx.refuse(refusal, refusal.hint ? { hint: refusal.hint } : {});
    return;
  }
  const named = dispatchers?.map((d) => namedTarget(ctx, d.file, d.dispatcher, d.table ?? table));
  const found = named ?? discoveredTargets(ctx);
  const targets = distinctTables(found.filter((t): t is Target => !('code' in t)));
  const problems = found.filter((t): t is Problem => 'code' in t);
  for (const target of targets) {
    const refusal = convert(ctx, target);
    if (refusal) problems.push(refusal);
  }
  // Nothing converted (or already converted): the finding is refused, not partial.
  if (named && problems.length === found.length)
    ctx.refuse(problems, { summary: 'no dispatcher could be converted' });
  for (const p of problems) ctx.report({ severity: 'warning', ...p, undone: true });
  if (!named && found.length === 0) {
    ctx.report({
      severity: 'info',
      code: 'route-table/none-found',
      message: 'no dispatcher with a route chain found',
    });
  }
}

/** Convert one dispatcher (a fix), or say why not. */
function convert(ctx: Ctx, target: Target): (Problem & { hint?: string }) | undefined {
  const rewrite = planRewrite(ctx, ctx.file(target.file), target);
  if (rewrite.kind === 'refused') {
    const { code, message, hint } = rewrite;
    return { code, message, file: target.file, ...(hint ? { hint } : {}) };
  }
  if (rewrite.kind === 'already') {
    const message = `${target.dispatcher}() in ${target.file} already loops over ${target.table}`;
    ctx.report({
      severity: 'info',
      code: 'route-table/already-applied',
      message,
      file: target.file,
    });
    return undefined;
  }
  const title = `route ${target.dispatcher}() through ${target.table}`;
  ctx.fix(
    target.file,
    rewrite.unsafeBecause
      ? Fix.unsafe(`${title} (${rewrite.unsafeBecause})`, rewrite.edits)
      : Fix.safe(title, rewrite.edits),
  );
  return undefined;
}

export default defineTransform({
  id: 'route-table',
  languages: ['python'],
  reads: 'project',
  summary: 'replace the route if-chain with a declarative route table',
  options,
  run,
});
