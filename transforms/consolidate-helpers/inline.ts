/**
 * The check written out inline (`expected = os.environ.get("ADMIN_API_TOKEN")` then
 * `if not expected: raise RuntimeError(...)`): where a function's statements are the new
 * function's body (what it raises aside), they become `expected = require_env("...")`.
 * A function whose check differs (`.strip()`, a default) is listed, with the difference.
 */
import { importsReadIn, runReplacement } from '../../src/python/call-site-edits.js';
import type { PlanBuilder } from '../../src/python/change-plan.js';
import { InlineHelper } from '../../src/python/inline-match.js';
import type { Node } from '../../src/python/parser.js';
import type { PythonProject } from '../../src/python/project/project.js';
import { isConditionFlip, normaliseEnvReads } from './equivalence.js';
import type { Condition } from './spec.js';
import type { Destination } from './uses.js';

function functionsOf(project: PythonProject, path: string, name: string | undefined): Node[] {
  const tree = project.source.tree(path);
  const out: Node[] = [];
  for (const s of tree?.rootNode.namedChildren ?? []) {
    const def = s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (def?.type !== 'function_definition') continue;
    if (!name || def.childForFieldName('name')?.text === name) out.push(def);
  }
  return out;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

interface InlineSite {
  readonly file: string;
  readonly name: string;
  readonly where: { file: string; line: number };
}

/** One function: already calling, replaced, listed (a check that differs), or without a check (false). */
function planFunction(
  project: PythonProject,
  dest: Destination,
  helper: InlineHelper,
  def: Node,
  site: InlineSite,
  stated: Condition | undefined,
  plan: PlanBuilder,
): boolean {
  const { file, name, where } = site;
  const calls = def.descendantsOfType('call');
  if (calls.some((c) => c?.childForFieldName('function')?.text === dest.fn.name)) {
    plan.info(
      'consolidate-helpers/inline-done',
      `\`${name}\` (${file}:${where.line}) already calls \`${dest.fn.name}\``,
      where,
    );
    return true;
  }
  const run = helper.findRun(def, new Map(), { anyRaise: true, freeParams: true });
  if (!run?.target) return false;
  const flips = run.mismatches.filter(isConditionFlip);
  if (flips.length < run.mismatches.length || (flips.length > 0 && stated !== dest.fn.condition)) {
    const why = run.mismatches
      .map(
        (m) =>
          `\`${oneLine(m.site.text)}\` where \`${dest.fn.name}\` has \`${oneLine(m.helper.text)}\``,
      )
      .join('; ');
    const message = `the check in \`${name}\` (${file}:${where.line}) is not \`${dest.fn.name}\`: ${why}; left as it is`;
    plan.undone('consolidate-helpers/inline-differs', message, where);
    return true;
  }
  const call = `${dest.fn.name}(${helper.params.map((p) => run.bound.get(p) ?? p).join(', ')})`;
  plan.edit(file, runReplacement(run, call));
  for (const request of importsReadIn(project, file, run.statements))
    plan.dropImportIfUnused(file, request);
  if (file !== dest.path) plan.addImport(file, { module: dest.module, name: dest.fn.name });
  plan.info(
    'consolidate-helpers/inline-replaced',
    `\`${name}\` (${file}:${where.line}) calls \`${run.target} = ${call}\``,
    where,
  );
  return true;
}

/** Plan the inline checks of one file (or one function of it). */
export function planInline(
  project: PythonProject,
  dest: Destination,
  entry: { file: string; function?: string | undefined },
  stated: Condition | undefined,
  plan: PlanBuilder,
): void {
  const helper = InlineHelper.parse(normaliseEnvReads(dest.fn.text));
  if (!helper) return;
  try {
    let found = 0;
    for (const def of functionsOf(project, entry.file, entry.function)) {
      const name = def.childForFieldName('name')?.text ?? '';
      const site = {
        file: entry.file,
        name,
        where: { file: entry.file, line: def.startPosition.row + 1 },
      };
      if (planFunction(project, dest, helper, def, site, stated, plan)) found++;
    }
    if (found === 0) {
      const what = entry.function ? `\`${entry.function}\` in ${entry.file}` : entry.file;
      const message = `no check shaped like \`${dest.fn.name}\` in ${what}; left as it is`;
      plan.undone('consolidate-helpers/no-inline-check', message, { file: entry.file });
    }
  } finally {
    helper.dispose();
  }
}
