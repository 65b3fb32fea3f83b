/**
 * What counts as a Python name: identifiers, the keywords no name may be, and dotted
 * module names an import statement can spell. The one copy of the keyword list.
 */
import { z } from 'zod';

/** The hard keywords of Python 3 (`keyword.kwlist`): never a variable, function or module name. */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An ASCII identifier that is not a keyword: a name Python code can bind. */
export function isPythonName(text: string): boolean {
  return IDENTIFIER.test(text) && !PYTHON_KEYWORDS.has(text);
}

/** Whether a dotted module name can appear in an import statement (`app.api`, not `app.lambda`). */
export function isImportableModule(module: string): boolean {
  return module.split('.').every(isPythonName);
}

/** The zod schema of an option that names a Python binding (`from`, `to`). */
export const pythonIdentifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a Python identifier')
  .refine((s) => !PYTHON_KEYWORDS.has(s), 'a Python keyword cannot be a name');
