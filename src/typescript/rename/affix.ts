/**
 * "Add a `Page` suffix to every page component": the concrete renames an affix request
 * stands for — every named-exported component (a PascalCase function, arrow-function
 * constant or class) of the given `.tsx`/`.jsx` files or directories, except those that
 * already carry the affix. Default exports and Next.js route files are left out: their
 * names are nobody's import.
 */
import { ts } from 'ts-morph';
import type { PlanDiagnostic } from '../plan.js';
import type { TsProjectView } from '../project.js';
import { routeComponentName } from './names.js';
import type { TsRenameOptions, TsRenameRequest } from './options.js';

type Affix = NonNullable<TsRenameOptions['affix']>;

function isExportedNamed(node: ts.Node): boolean {
  const flags = ts.getCombinedModifierFlags(node as ts.Declaration);
  return (flags & ts.ModifierFlags.Export) !== 0 && (flags & ts.ModifierFlags.Default) === 0;
}

function isFunctionValue(e: ts.Expression | undefined): boolean {
  let x = e;
  while (x && (ts.isParenthesizedExpression(x) || ts.isCallExpression(x))) {
    // `memo(function X() {})`, `forwardRef((props, ref) => ...)`
    x = ts.isCallExpression(x) ? x.arguments[0] : x.expression;
  }
  return x !== undefined && (ts.isArrowFunction(x) || ts.isFunctionExpression(x));
}

/** Names of the named-exported components of a file. */
export function exportedComponents(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const s of sf.statements) {
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name && isExportedNamed(s)) {
      out.push(s.name.text);
    } else if (ts.isVariableStatement(s) && isExportedNamed(s)) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && isFunctionValue(d.initializer)) out.push(d.name.text);
      }
    }
  }
  return out.filter((n) => /^[A-Z]/.test(n));
}

/** The files an affix request covers: the files given, and the files under directories given. */
function filesOf(view: TsProjectView, given: readonly string[]): string[] {
  const norm = given.map((g) => g.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, ''));
  return view.files.filter(
    (f) =>
      /\.[jt]sx$/.test(f) &&
      !routeComponentName(f) &&
      norm.some((g) => f === g || f.startsWith(`${g}/`)),
  );
}

/** The renames an affix stands for; a warning when it matches nothing. */
export function expandAffix(
  view: TsProjectView,
  affix: Affix,
): { renames: TsRenameRequest[]; diagnostics: PlanDiagnostic[] } {
  const prefix = affix.prefix ?? '';
  const suffix = affix.suffix ?? '';
  const renames: TsRenameRequest[] = [];
  for (const file of filesOf(view, affix.files)) {
    const sf = view.sourceFile(file);
    for (const name of sf ? exportedComponents(sf) : []) {
      if (name.startsWith(prefix) && name.endsWith(suffix)) continue;
      renames.push({ file, from: name, to: `${prefix}${name}${suffix}` });
    }
  }
  const diagnostics: PlanDiagnostic[] =
    renames.length > 0
      ? []
      : [
          {
            severity: 'warning',
            code: 'rename/affix-no-components',
            message: `no exported component without the affix in ${affix.files.join(', ')}`,
            hint: 'components are named-exported PascalCase functions or classes of .tsx/.jsx files',
          },
        ];
  return { renames, diagnostics };
}
