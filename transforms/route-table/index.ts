/**
 * route-table — turn a dispatcher's if-chain of path tests into a declarative route
 * table and one loop, with the same matching semantics and order.
 *
 * What it does: reads the dispatcher (`_match_handler` by default). Its if-chain may
 * call predicates of this module — prefix shape `p == "/x" or p.startswith("/x/")`,
 * exact shape `p == "/x"`, after the same normalisation (`normalized = path.rstrip("/")`),
 * several paths per predicate — or make the same comparisons inline; each branch
 * returns a handler call (`return lambda: handler(event, method, path)` or a direct
 * call) with whatever arguments it passes. It emits `_ROUTES`, one entry per path in
 * chain order recording exact vs prefix, and a loop; an entry whose branch passes other
 * arguments holds a small lambda that keeps them; a table that needs the function's
 * locals is built inside the function. Predicates nothing else in the project uses are
 * deleted; their comments move to the table.
 * Why: adding a route meant a predicate and a branch (B-ARCH-02); the table is one line.
 * Example: `if _is_user_assets_path(path): return lambda: handle_user_assets_request(event,
 * method, path)` -> `("/v1/user/assets", "prefix", handle_user_assets_request),`.
 * Fix safety: safe — the same paths reach the same handlers with the same arguments, in
 * the same order (the normalisation is evaluated once instead of once per predicate, which
 * is safe for str methods such as `rstrip`; any other call in it makes the fix unsafe).
 * Refuses, naming the branch, any condition or statement of another shape. The
 * finding's sketch is only a hint: `explain` lists where it disagrees with the code.
 * Options: `file` (repository path), `dispatcher` (default `_match_handler`; `Class.method`
 * for a method), `table` (the table's name, default `_ROUTES`).
 */
import { z } from 'zod';
import { Fix } from '../../src/core/fix.js';
import { defineTransform } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { findDefinitions } from '../../src/python/definitions.js';
import { planRewrite } from './rewrite.js';

const options = z.strictObject({
  file: z.string().min(1),
  dispatcher: z
    .string()
    .regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/, 'expected `name` or `Class.method`')
    .default('_match_handler'),
  table: z
    .string()
    .regex(/^[A-Za-z_]\w*$/, 'expected a Python name')
    .default('_ROUTES'),
});

export type RouteTableOptions = z.infer<typeof options>;

function run(ctx: PythonProjectContext<RouteTableOptions>): void {
  const { file, dispatcher } = ctx.options;
  const refuse = (code: string, message: string): never =>
    ctx.refuse({ code: `route-table/${code}`, message, file });
  if (!ctx.exists(file)) refuse('no-file', `${file} does not exist`);
  const fileCtx = ctx.file(file);
  const defs = findDefinitions(fileCtx.tree, dispatcher).filter(
    (d) => d.type === 'function_definition',
  );
  if (defs.length === 0) refuse('no-dispatcher', `there is no function ${dispatcher}() in ${file}`);
  if (defs.length > 1) refuse('ambiguous', `${file} defines ${dispatcher}() ${defs.length} times`);
  const rewrite = planRewrite(ctx, fileCtx, defs[0]!);
  if (rewrite === undefined) return;
  const title = `route ${dispatcher}() through ${ctx.options.table}`;
  ctx.fix(
    file,
    rewrite.unsafeBecause
      ? Fix.unsafe(`${title} (${rewrite.unsafeBecause})`, rewrite.edits)
      : Fix.safe(title, rewrite.edits),
  );
}

export default defineTransform({
  id: 'route-table',
  languages: ['python'],
  reads: 'project',
  summary: 'replace the route if-chain with a declarative route table',
  options,
  run,
});
