/**
 * Zod pieces the Python transforms' options share: an identifier (not a keyword) and a
 * repository path to a `.py` file (backslashes and a leading `./` normalised).
 */
import { z } from 'zod';

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

export const pythonIdentifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a Python identifier')
  .refine((s) => !KEYWORDS.has(s), 'a Python keyword cannot be a name');

export const pythonFile = z
  .string()
  .min(1)
  .transform((p) => p.replace(/\\/g, '/').replace(/^\.\//, ''))
  .refine((p) => p.endsWith('.py'), 'expected a .py file');
