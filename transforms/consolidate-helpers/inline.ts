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
import { normaliseEnvReads } from './equivalence.js';
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

function conditionFlip(helper: Node, site: Node): boolean {
  const kind = (n: Node) =>
    n.type === 'not_operator' ? 'falsy' : /\bis\s+None$/.test(n.text) ? 'none' : '';
  return kind(helper) !== '' && kind(site) !== '' && kind(helper) !== kind(site);
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
    const defs = functionsOf(project, entry.file, entry.function);
    let found = 0;
    for (const def of defs) {
      const name = def.childForFieldName('name')?.text ?? '';
      const where = { file: entry.file, line: def.startPosition.row + 1 };
      const calls = def.descendantsOfType('call');
      if (calls.some((c) => c?.childForFieldName('function')?.text === dest.fn.name)) {
        found++;
        plan.info(
          'consolidate-helpers/inline-done',
          `\`${name}\` (${entry.file}:${where.line}) already calls \`${dest.fn.name}\``,
          where,
        );
        continue;
      }
      const run = helper.findRun(def, new Map(), { anyRaise: true, freeParams: true });
      if (!run?.target) continue;
      found++;
      const flips = run.mismatches.filter((m) => conditionFlip(m.helper, m.site));
      const others = run.mismatches.filter((m) => !flips.includes(m));
      if (others.length > 0 || (flips.length > 0 && stated !== dest.fn.condition)) {
        const why = run.mismatches
          .map(
            (m) =>
              `\`${oneLine(m.site.text)}\` where \`${dest.fn.name}\` has \`${oneLine(m.helper.text)}\``,
          )
          .join('; ');
        plan.undone(
          'consolidate-helpers/inline-differs',
          `the check in \`${name}\` (${entry.file}:${where.line}) is not \`${dest.fn.name}\`: ${why}; left as it is`,
          where,
        );
        continue;
      }
      const args = helper.params.map((p) => run.bound.get(p) ?? p).join(', ');
      const call = `${dest.fn.name}(${args})`;
      plan.edit(entry.file, runReplacement(run, call));
      for (const request of importsReadIn(project, entry.file, run.statements))
        plan.dropImportIfUnused(entry.file, request);
      if (entry.file !== dest.path)
        plan.addImport(entry.file, { module: dest.module, name: dest.fn.name });
      plan.info(
        'consolidate-helpers/inline-replaced',
        `\`${name}\` (${entry.file}:${where.line}) calls \`${run.target} = ${call}\``,
        where,
      );
    }
    if (found === 0) {
      const what = entry.function ? `\`${entry.function}\` in ${entry.file}` : entry.file;
      plan.undone(
        'consolidate-helpers/no-inline-check',
        `no check shaped like \`${dest.fn.name}\` in ${what}; left as it is`,
        { file: entry.file },
      );
    }
  } finally {
    helper.dispose();
  }
}
