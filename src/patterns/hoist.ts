/**
 * The `hoist` option: instead of writing the replacement at every match, bind it once
 * to a module constant after the imports (`DEFAULT_CURRENCY_CODE =
 * getDefaultCurrencyCode()`) and write the constant's name at each match. Only for a
 * replacement without metavariables (one value for every match) in value positions.
 * A hoisted call runs once, at import, instead of at each use: that fix is unsafe.
 */
import type { SgNode } from '@ast-grep/napi';
import { Edit } from '../core/edit.js';
import { Fix } from '../core/fix.js';
import { diagnostic, type PatternDiagnostic } from './diagnostics.js';
import type { FilePlan, SourceText } from './file-plan.js';
import { type LanguageFamily, parseWith } from './languages.js';
import { scopeBindings } from './scopes.js';
import { kindOf } from './syntax.js';

const VERBS = /^(get|read|load|fetch|make|build|compute|create)(?=[A-Z_]|$)/;

/** `getDefaultCurrencyCode()` -> `DEFAULT_CURRENCY_CODE`; `settings.app_name` -> `SETTINGS_APP_NAME`. */
export function constantNameFor(value: string): string {
  const head = /^[\s(]*([A-Za-z_$][\w$.]*)/.exec(value)?.[1] ?? 'value';
  const words = head
    .split('.')
    .map((part) => part.replace(/^_+/, '').replace(VERBS, '').replace(/^_/, ''))
    .filter(Boolean)
    .join('_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  const name = words.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return /^[A-Z_]/.test(name) ? name : `HOISTED_${name}`;
}

/** Where a module constant goes: before the first statement that is not a directive, docstring or import. */
function insertionPoint(root: SgNode, text: string): { at: number; before: string | undefined } {
  const statements = root.namedChildren().filter((s) => kindOf(s) !== 'comment');
  const first = statements.find((s, i) => !isPreamble(s, i));
  if (!first) return { at: text.length, before: undefined };
  const start = first.range().start.index;
  return { at: text.lastIndexOf('\n', start - 1) + 1, before: kindOf(first) };
}

function isPreamble(stmt: SgNode, index: number): boolean {
  const kind = kindOf(stmt);
  if (
    kind === 'import_statement' ||
    kind === 'import_from_statement' ||
    kind === 'future_import_statement'
  )
    return true;
  if (kind === 'expression_statement') {
    const only = stmt.namedChildren();
    // A docstring (Python) or a directive such as 'use client' (TS) at the top.
    return only.length === 1 && kindOf(only[0]!) === 'string' && index <= 1;
  }
  return false;
}

function declaration(
  plan: FilePlan,
  text: string,
  name: string,
  value: string,
  next: string | undefined,
): string {
  if (plan.family === 'python') {
    const gap =
      next === 'function_definition' ||
      next === 'class_definition' ||
      next === 'decorated_definition'
        ? '\n\n\n'
        : '\n\n';
    return `${name} = ${value}${next === undefined ? '\n' : gap}`;
  }
  const semi = /^import [^\n]*;\s*$/m.test(text) ? ';' : '';
  return `const ${name} = ${value}${semi}\n${next === undefined ? '' : '\n'}`;
}

function impossible(plan: FilePlan, message: string): FilePlan {
  const problem: PatternDiagnostic = diagnostic('error', 'pattern/hoist-impossible', message, {
    file: plan.path,
    hint: 'drop the "hoist" option to write the replacement at each match',
  });
  return { ...plan, problems: [...plan.problems, problem] };
}

/** The plan with every match pointing at one module constant. */
export function hoistInto(plan: FilePlan, file: SourceText, wanted: string | undefined): FilePlan {
  const values = new Set(plan.sites.map((s) => s.text));
  if (values.size !== 1 || plan.sites.some((s) => s.rule.pattern.metavariables.length > 0))
    return impossible(
      plan,
      'hoisting needs one replacement value for every match (no metavariables)',
    );
  if (plan.sites.some((s) => s.facts.inType))
    return impossible(plan, 'a type cannot be hoisted into a constant');
  const value = [...values][0]!;
  const name = wanted ?? constantNameFor(value);
  const root = parseWith(plan.sites[0]!.rule.pattern.lang, file.text).root();
  const existing = existingConstant(root, plan.family, name);
  if (existing === undefined && scopeBindings(root, plan.family).has(name)) {
    const problem = diagnostic(
      'error',
      'pattern/hoist-name-taken',
      `\`${name}\` is already defined in this module`,
      {
        file: plan.path,
        hint: 'give another name: "hoist": { "name": "..." }',
      },
    );
    return { ...plan, problems: [...plan.problems, problem] };
  }
  const edits = plan.sites.map((s) => Edit.replace(s.match.start, s.match.end, name));
  if (existing !== value.replace(/\s+/g, '')) {
    const { at, before } = insertionPoint(root, file.text);
    edits.push(Edit.insert(at, declaration(plan, file.text, name, value, before)));
  }
  const calls = plan.sites.some((s) => s.rule.replacement.calls);
  const applicability =
    calls || plan.fixes.some((f) => f.applicability === 'unsafe') ? 'unsafe' : 'safe';
  const why = calls ? 'the call runs once, at import, not at each use' : plan.sites[0]!.reason;
  const title = `hoist \`${value}\` into \`${name}\` and use it at ${plan.sites.length} place(s) (${why})`;
  return { ...plan, fixes: [Fix.of(title, edits, applicability)] };
}

/** The value (without spaces) of a module-level `NAME = value` / `const NAME = value`, if any. */
function existingConstant(root: SgNode, family: LanguageFamily, name: string): string | undefined {
  const pattern = family === 'python' ? `${name} = $V` : `const ${name} = $V`;
  const kinds = ['expression_statement', 'lexical_declaration', 'export_statement'];
  for (const stmt of root.namedChildren()) {
    if (!kinds.includes(kindOf(stmt))) continue;
    const v = stmt.find({ rule: { pattern } })?.getMatch('V');
    if (v) return v.text().replace(/\s+/g, '');
  }
  return undefined;
}
