/**
 * Compare an auditor's route-table sketch with what the dispatcher really does. The
 * sketch is only a hint; this lists, in words, where following it would change
 * behaviour: a dropped or added route, exact turned into prefix (or back), another
 * handler or other arguments, another order, another normalisation.
 *
 *   compareRouteSketch(sketch, source, dispatcher = '_match_handler'): string[]
 *
 * `sketch` is the finding's code block, `source` the dispatcher module's text. Needs
 * tree-sitter loaded (`await loadPython()`). Returns [] when they agree.
 */
import { findDefinitions } from '../../src/python/definitions.js';
import { type Node, withTree } from '../../src/python/parser.js';
import { codeKey, type MatchKind } from './conditions.js';
import { NO_CHAIN, readDispatch } from './dispatcher.js';
import { readSketch, type SketchRoute } from './sketch-read.js';

export interface ActualRoute {
  readonly path: string;
  readonly kind: MatchKind;
  readonly callee: string;
  readonly args: string;
}

export interface RouteView {
  readonly routes: readonly ActualRoute[];
  /** What the paths are compared with (`path.rstrip("/")`). */
  readonly subject: string;
}

/** Human-readable disagreements between the sketch and the code ([] when none). */
export function compareRouteSketch(
  sketch: string,
  source: string,
  dispatcher = '_match_handler',
): string[] {
  const actual = readActualRoutes(source, dispatcher);
  if (typeof actual === 'string')
    return [`cannot read ${dispatcher}() to compare with the sketch: ${actual}`];
  const drawn = readSketch(sketch);
  if (typeof drawn === 'string') return [drawn];
  return [
    ...subjectDifference(drawn.subject, actual.subject),
    ...routeDifferences(drawn.routes, actual.routes),
    ...orderDifference(drawn.routes, actual.routes),
  ];
}

/** The routes the dispatcher of `source` really has, in order. */
function readActualRoutes(source: string, dispatcher: string): RouteView | string {
  return withTree(source, (tree) => {
    const defs = findDefinitions(tree, dispatcher).filter(
      (d: Node) => d.type === 'function_definition',
    );
    if (defs.length !== 1) return `there is not exactly one ${dispatcher}()`;
    const dispatch = readDispatch(tree, defs[0]!);
    if (dispatch === NO_CHAIN) return tableRoutes(source) ?? dispatch;
    if (typeof dispatch === 'string') return dispatch;
    const routes = dispatch.branches.flatMap((b) =>
      b.paths.map((p) => ({
        path: p.path,
        kind: p.kind,
        callee: b.handler.callee,
        args: b.handler.args,
      })),
    );
    const s = dispatch.branches[0]!.subject;
    return { routes, subject: s.kind === 'normalised' ? s.expr : s.text };
  });
}

/** A dispatcher already converted: the routes its own table holds. */
function tableRoutes(source: string): RouteView | undefined {
  const table = readSketch(source);
  if (typeof table === 'string' || table.routes.some((r) => r.kind === undefined)) return undefined;
  const routes = table.routes.map((r) => ({
    path: r.path,
    kind: r.kind!,
    callee: r.callee,
    args: r.args ?? '',
  }));
  return { routes, subject: table.subject ?? '' };
}

function subjectDifference(drawn: string | undefined, actual: string): string[] {
  if (drawn === undefined || actual === '' || codeKey(drawn) === codeKey(actual)) return [];
  return [`the sketch compares \`${drawn}\` with the routes; the code compares \`${actual}\``];
}

function routeDifferences(drawn: readonly SketchRoute[], actual: readonly ActualRoute[]): string[] {
  const out: string[] = [];
  for (const route of actual) {
    const mine = drawn.find((d) => d.path === route.path);
    if (!mine) {
      out.push(
        `the sketch drops ${route.path} (${route.kind} match, handled by ${route.callee}); the code routes it`,
      );
      continue;
    }
    out.push(...kindDifference(mine, route), ...handlerDifference(mine, route));
  }
  for (const extra of drawn.filter((d) => !actual.some((a) => a.path === d.path))) {
    out.push(`the sketch adds ${extra.path} (${extra.callee}), which the code does not route`);
  }
  return out;
}

function kindDifference(mine: SketchRoute, route: ActualRoute): string[] {
  if (mine.kind === undefined || mine.kind === route.kind) return [];
  if (mine.kind === 'prefix') {
    return [
      `the sketch matches ${route.path} as a prefix, the code matches it exactly: ${route.path}/... would reach ${route.callee} instead of no route`,
    ];
  }
  return [
    `the sketch matches ${route.path} exactly, the code as a prefix: ${route.path}/... would no longer reach ${route.callee}`,
  ];
}

function handlerDifference(mine: SketchRoute, route: ActualRoute): string[] {
  if (mine.callee !== route.callee) {
    return [`the sketch sends ${route.path} to ${mine.callee}, the code to ${route.callee}`];
  }
  if (mine.args !== undefined && codeKey(mine.args) !== codeKey(route.args)) {
    return [
      `the sketch calls ${route.callee}(${mine.args}) for ${route.path}; the code calls ${route.callee}(${route.args})`,
    ];
  }
  return [];
}

function orderDifference(drawn: readonly SketchRoute[], actual: readonly ActualRoute[]): string[] {
  const common = actual.filter((a) => drawn.some((d) => d.path === a.path)).map((a) => a.path);
  const drawnOrder = drawn.filter((d) => common.includes(d.path)).map((d) => d.path);
  if (drawnOrder.join('\n') === common.join('\n')) return [];
  return [
    `the sketch orders the routes ${drawnOrder.join(', ')}; the code tries ${common.join(', ')}`,
  ];
}
