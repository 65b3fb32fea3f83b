/**
 * add-code's call sites: after adding a helper (B-DUP-04's `paginate_response`), the
 * handlers that write its body out by hand call it instead — only where the code is
 * structurally the helper with the finding's arguments. Where every handler agrees
 * against the finding's helper (the sketch says `page_items[-1].id`, all three handlers
 * `str(page_items[-1].id)`), the helper is adapted to the code and a note says so; a
 * handler that still differs is listed and left as it is (the finding is partial).
 */
import { importsReadIn, parseCall, runReplacement } from '../../src/python/call-site-edits.js';
import { type PlanBuilder, problem, refuse } from '../../src/python/change-plan.js';
import { findDefinitions } from '../../src/python/definitions.js';
import { type ElementType, elementTypeOf } from '../../src/python/element-type.js';
import { importWouldCycle } from '../../src/python/import-cycles.js';
import { type InlinedRun, InlineHelper, type Mismatch } from '../../src/python/inline-match.js';
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';

export interface CallSitesOptions {
  readonly call: string;
  readonly sites: readonly { readonly file: string; readonly function: string }[];
}

interface SiteRun {
  readonly file: string;
  readonly fn: string;
  readonly line: number;
  readonly run: InlinedRun | undefined;
  /** The function already calls the helper. */
  readonly calls: boolean;
  readonly def: Node;
}

function lineOfNode(node: { startPosition: { row: number } }): number {
  return node.startPosition.row + 1;
}

function matchSites(
  project: PythonProject,
  helper: InlineHelper,
  args: ReadonlyMap<string, string>,
  options: CallSitesOptions,
): SiteRun[] {
  return options.sites.map(({ file, function: fn }) => {
    const tree = project.source.tree(file);
    const def = tree
      ? findDefinitions(tree, fn).find((d) => d.type === 'function_definition')
      : undefined;
    if (!def) {
      refuse(problem('add-code/unknown-call-site', `no function \`${fn}\` in ${file}`, { file }));
    }
    const calls = def
      .descendantsOfType('call')
      .some((c) => c?.childForFieldName('function')?.text === helper.name);
    return {
      file,
      fn,
      line: lineOfNode(def),
      run: calls ? undefined : helper.findRun(def, args),
      calls,
      def,
    };
  });
}

/** The target's own definition of the helper, compared with the finding's, as one more site. */
function existingHelper(project: PythonProject, path: string, helper: InlineHelper): SiteRun[] {
  const tree = project.source.tree(path);
  const def = tree
    ? findDefinitions(tree, helper.name).find((d) => d.type === 'function_definition')
    : undefined;
  if (!def) return [];
  const identity = new Map(helper.params.map((p) => [p, p]));
  const run = helper.findRun(def, identity);
  return [{ file: path, fn: helper.name, line: lineOfNode(def), run, calls: false, def }];
}

const key = (m: Mismatch) => `${m.helper.startIndex}:${m.helper.endIndex}:${m.siteInHelperTerms}`;

/** Mismatches every matched site shares (two sites at least): the code's version wins. */
function consensus(runs: readonly SiteRun[]): Mismatch[] {
  const matched = runs.filter((r) => r.run && !r.calls);
  if (matched.length < 2) return [];
  const [first, ...rest] = matched;
  return first!.run!.mismatches.filter((m) =>
    rest.every((r) => r.run!.mismatches.some((o) => key(o) === key(m))),
  );
}

/** The helper's code with the agreed sites' version at each shared mismatch. */
function adapt(code: string, shared: readonly Mismatch[]): string {
  let out = code;
  for (const m of [...shared].sort((a, b) => b.helper.startIndex - a.helper.startIndex)) {
    out = out.slice(0, m.helper.startIndex) + m.siteInHelperTerms + out.slice(m.helper.endIndex);
  }
  return out;
}

export interface CallSitePlan {
  /** The helper's code to add (adapted to the code where every site agreed). */
  readonly code: string;
  /** Type variables of the helper's parameters and what the replaced sites pass for them. */
  readonly bounds: ReadonlyMap<string, ElementType>;
}

const TYPE_VAR_PARAM = /^(?:\w+\.)?(?:Sequence|list|List|Iterable|Collection)\[([A-Z])\]$/;

/** `T` -> the element type every replaced site passes for the parameter typed `Sequence[T]`. */
function typeBounds(
  project: PythonProject,
  helper: InlineHelper,
  args: ReadonlyMap<string, string>,
  sites: readonly SiteRun[],
): Map<string, ElementType> {
  const bounds = new Map<string, ElementType>();
  const replaced = sites.filter((s) => s.run && s.run.mismatches.length === 0);
  for (const [param, annotation] of helper.annotations) {
    const typeVar = TYPE_VAR_PARAM.exec(annotation)?.[1];
    const arg = args.get(param);
    if (!typeVar || !arg || replaced.length === 0) continue;
    const found = replaced.map((s) => elementTypeOf(project, s.file, s.def, arg));
    const first = found[0];
    if (
      first &&
      found.every((f) => f && f.qualified === first.qualified && f.name === first.name)
    ) {
      bounds.set(typeVar, first);
    }
  }
  return bounds;
}

/**
 * Match the sites, adapt the helper where they all agree against it, and plan the
 * replacements. `code` is the helper's definition (normalised, at column 0).
 */
export function planCallSites(
  project: PythonProject,
  target: { path: string; module: string | undefined },
  code: string,
  options: CallSitesOptions,
  plan: PlanBuilder,
): CallSitePlan {
  let helper = InlineHelper.parse(code);
  if (!helper)
    refuse(problem('add-code/not-a-function', "the finding's helper is not a function definition"));
  try {
    const call = parseCall(options.call, helper.params);
    if (!call)
      refuse(
        problem(
          'add-code/bad-call',
          `\`${options.call}\` is not a call of the helper's parameters (${helper.params.join(', ')})`,
        ),
      );
    let runs = matchSites(project, helper, call.args, options);
    // A helper the module already has (a previous run's) counts as code that agrees.
    const shared = consensus([...runs, ...existingHelper(project, target.path, helper)]);
    if (shared.length > 0) {
      code = adapt(code, shared);
      for (const m of shared) {
        const sites = runs.filter((r) => r.run).length;
        plan.warn(
          'add-code/adapted-to-code',
          `the finding's \`${call.name}\` is adapted to the code: \`${m.helper.text}\` -> \`${m.siteInHelperTerms}\`, as the ${sites} call sites that write it out do`,
          { file: target.path },
        );
      }
      helper.dispose();
      helper = InlineHelper.parse(code)!;
      runs = matchSites(project, helper, call.args, options);
    }
    for (const site of runs) planSite(project, target, site, call, plan);
    return { code, bounds: typeBounds(project, helper, call.args, runs) };
  } finally {
    helper?.dispose();
  }
}

/** Why a site is left as it is (a diagnostic code and message), or undefined when it is replaced. */
function leftBecause(
  project: PythonProject,
  target: { path: string; module: string | undefined },
  site: SiteRun,
  call: { name: string },
): [string, string] | undefined {
  const run = site.run;
  const label = `\`${site.fn}\` (${site.file}:${site.line})`;
  if (!run || run.mismatches.length > 0) {
    const why = run
      ? run.mismatches
          .map(
            (m) => `\`${oneLine(m.site.text)}\` where the helper has \`${oneLine(m.helper.text)}\``,
          )
          .join('; ')
      : "no run of its statements has the helper's shape";
    return [
      'add-code/call-site-differs',
      `${label} is not \`${call.name}\` written out: ${why}; left as it is`,
    ];
  }
  if (!target.module) {
    return [
      'add-code/call-site-import',
      `${target.path} has no module name to import \`${call.name}\` from; ${label} left as it is`,
    ];
  }
  if (site.file !== target.path && importWouldCycle(project, site.file, target.module)) {
    const why = `${target.module} imports ${site.file} (directly or not): importing \`${call.name}\` there would be circular`;
    return ['add-code/call-site-cycle', `${label} left as it is: ${why}`];
  }
  return undefined;
}

function planSite(
  project: PythonProject,
  target: { path: string; module: string | undefined },
  site: SiteRun,
  call: { name: string; text: string },
  plan: PlanBuilder,
): void {
  const where = { file: site.file, line: site.line };
  if (site.calls) {
    plan.info(
      'add-code/call-site-done',
      `\`${site.fn}\` (${site.file}:${site.line}) already calls \`${call.name}\``,
      where,
    );
    return;
  }
  const left = leftBecause(project, target, site, call);
  if (left || !site.run || !target.module) {
    if (left) plan.undone(left[0], left[1], where);
    return;
  }
  plan.edit(site.file, runReplacement(site.run, call.text));
  if (site.file !== target.path)
    plan.addImport(site.file, { module: target.module, name: call.name });
  for (const request of importsReadIn(project, site.file, site.run.statements))
    plan.dropImportIfUnused(site.file, request);
  plan.info(
    'add-code/call-site',
    `\`${site.fn}\` (${site.file}:${site.line}) calls \`${call.text}\``,
    where,
  );
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 70 ? `${flat.slice(0, 67)}...` : flat;
}
