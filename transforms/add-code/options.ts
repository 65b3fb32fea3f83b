/**
 * add-code options (zod): what to add and where. One kind per step:
 * `definitions` (a block of code into a module or a class), `fields` (annotated fields
 * into a class), `validator` (a pydantic validator from a stated predicate) and
 * `exports` (names a package `__init__.py` imports and lists in `__all__`).
 */
import { z } from 'zod';
import { pythonFile, pythonIdentifier } from '../../src/python/option-schemas.js';

/** What the finding also asks that this step does not do: reported undone (the finding is partial). */
const also = z.array(z.string().min(1)).optional();

const definitions = z.strictObject({
  kind: z.literal('definitions'),
  also,
  /** The module to add to. */
  file: pythonFile,
  /** A class of that module to add the code to (methods, fields). */
  class: pythonIdentifier.optional(),
  /** The code: definitions, module-level assignments, imports. */
  code: z.string().refine((s) => s.trim() !== '', 'the code is empty'),
  /** Module-level definitions that will call the new code (it goes before the first). */
  usedBy: z.array(pythonIdentifier).optional(),
  /** Functions that write a new helper out by hand and should call it instead. */
  callSites: z
    .strictObject({
      /** The call as the finding writes it: `paginate_response(assets, limit, event, f)`. */
      call: z.string().min(1),
      sites: z.array(z.strictObject({ file: pythonFile, function: pythonIdentifier })).min(1),
    })
    .optional(),
});

const fields = z.strictObject({
  kind: z.literal('fields'),
  also,
  /** The module of the class; optional when one class of the project has the name. */
  file: pythonFile.optional(),
  class: pythonIdentifier,
  /** `name: type = default` each. */
  fields: z.array(z.string().min(1)).min(1, 'give at least one field'),
});

export const predicateSchema = z.strictObject({
  /** Python over the field names (`0 <= priority <= 299`). */
  expression: z.string().min(1),
  /** `raise-when`: raise if true; `require`: raise unless true; `call`: call it (it raises). */
  sense: z.enum(['raise-when', 'require', 'call']),
  raises: pythonIdentifier.default('ValueError'),
});

const validator = z.strictObject({
  kind: z.literal('validator'),
  also,
  file: pythonFile.optional(),
  class: pythonIdentifier,
  /** `model` (`@model_validator(mode="after")`) or `field` (`@field_validator("<field>")`). */
  scope: z.enum(['model', 'field']),
  /** The validated field (scope `field`). */
  field: pythonIdentifier.optional(),
  predicate: predicateSchema,
  /** The method's name (default `_check_<fields>`). */
  name: pythonIdentifier.optional(),
});

const exportsKind = z.strictObject({
  kind: z.literal('exports'),
  also,
  /** The package `__init__.py`. */
  file: pythonFile,
  names: z.array(pythonIdentifier).min(1, 'give at least one name'),
});

export const addCodeOptions = z.discriminatedUnion('kind', [
  definitions,
  fields,
  validator,
  exportsKind,
]);

export type AddCodeOptions = z.infer<typeof addCodeOptions>;
export type DefinitionsOptions = z.infer<typeof definitions>;
export type FieldsOptions = z.infer<typeof fields>;
export type ValidatorOptions = z.infer<typeof validator>;
export type ExportsOptions = z.infer<typeof exportsKind>;
export type PredicateOptions = z.infer<typeof predicateSchema>;
