/**
 * replace-definition — replace a function or class with the definition the finding gives.
 *
 * What it does: the finding's code block defines `def name(...)` (or a class); the
 * definition of that name in the named file — found by name, never by the document's
 * line numbers — is replaced with it. The old decorators stay unless the block has its
 * own; comments around the definition stay; the old docstring stays when the block has
 * none; a method's code is re-indented to the class body. Names the new code reads and
 * the module does not bind are imported the way the rest of the project imports them
 * (`from app.exceptions import ValidationError`, `import json`), or from the one module
 * that defines them; imports only the old code used are removed.
 * Why: auditors often write the fixed function in full (B-ARCH-03 `_parse_body`,
 * B-SEC-03 `collect_query_params`).
 * Example: a block `def _parse_body(event): ...json.loads... except json.JSONDecodeError
 * as exc: raise ValidationError(...)` replaces `_parse_body` in `admin_request.py`.
 * Fix safety: the new behaviour is what the finding asks for, so the fix is safe — unless
 * it drops comments of the old definition that the new code does not repeat, or changes
 * the parameters callers see (names, kinds, defaults) of a method or of a function that
 * something in the project uses: then it is unsafe (applied with --unsafe). Refuses
 * a sketch (`...` statements, `# ...` comments), a block that is not one definition, a
 * name with no definition in the file (the finding adds new code) or several, and names
 * no import can be found for (listed). Does nothing when the definition already matches.
 * Options: `file` (repository path), `code` (the block), `name` (optional: the
 * definition to replace, `name` or `Class.method`; default the block's own name).
 */
import { z } from 'zod';
import { Edit } from '../../src/core/edit.js';
import { Fix } from '../../src/core/fix.js';
import { defineTransform } from '../../src/engine/contract.js';
import type { PythonProjectContext } from '../../src/python/adapter.js';
import { findDefinitions, isMethod, parameterShape } from '../../src/python/definitions.js';
import { lineOf } from '../../src/python/nodes.js';
import type { Node } from '../../src/python/parser.js';
import { findSymbolUses } from '../../src/python/project/references.js';
import { sameCode, tokenize } from '../../src/python/tokens.js';
import { type NewDefinition, readNewDefinition } from './code.js';
import { dropStaleImports, planImports, requestImports } from './imports.js';
import { spliceDefinition } from './splice.js';

const options = z.strictObject({
  file: z.string().min(1),
  code: z.string().refine((s) => s.trim() !== '', 'the code is empty'),
  name: z
    .string()
    .regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/, 'expected `name` or `Class.method`')
    .optional(),
});

export type ReplaceDefinitionOptions = z.infer<typeof options>;

type Ctx = PythonProjectContext<ReplaceDefinitionOptions>;

function run(ctx: Ctx): void {
  const { file } = ctx.options;
  const fresh = readNewDefinition(ctx.options.code);
  if (typeof fresh === 'string') {
    // A sketch is not for pasting: the finding needs a person, not a failed step.
    if (fresh.includes('is a sketch')) ctx.notApplicable(fresh);
    ctx.refuse({ code: 'replace-definition/not-a-definition', message: fresh });
  }
  const name = targetName(ctx, fresh);
  if (!ctx.exists(file))
    ctx.refuse({ code: 'replace-definition/no-file', message: `${file} does not exist` });
  const fileCtx = ctx.file(file);
  const old = locate(ctx, name, fresh);
  const splice = spliceDefinition(fileCtx.text, old, fresh, fileCtx.eol);
  if (sameCode(fileCtx.text.slice(splice.start, splice.end), splice.text)) {
    const message = `${name} in ${file} already matches the finding's code`;
    ctx.report({ severity: 'info', code: 'replace-definition/already-applied', message, file });
    return;
  }
  const imports = planImports(ctx.project, file, fresh);
  if (imports.missing.length > 0) {
    ctx.refuse(
      {
        code: 'replace-definition/missing-imports',
        message: `the new ${name} uses names ${file} does not define or import, and no import for them was found: ${imports.missing.join(', ')}`,
        file,
      },
      {
        hint: 'add the imports by hand first, or give the definition with its imports in the code',
      },
    );
  }
  requestImports(ctx, fileCtx, imports);
  dropStaleImports(fileCtx, old, fresh);
  const title = `replace ${name} (line ${lineOf(old)})`;
  const edits = [Edit.replace(splice.start, splice.end, splice.text)];
  const risks = [
    ...droppedComments(fileCtx.text.slice(splice.start, splice.end), splice.text),
    ...signatureChange(ctx, old, fresh),
  ];
  ctx.fix(
    file,
    risks.length > 0 ? Fix.unsafe(`${title} (${risks.join('; ')})`, edits) : Fix.safe(title, edits),
  );
}

/** The old definition's comments the new text does not repeat (they would be lost). */
function droppedComments(oldText: string, newText: string): string[] {
  const comments = (text: string) =>
    tokenize(text)
      .filter((t) => t.kind === 'comment')
      .map((t) => t.text.trim());
  const kept = new Set(comments(newText));
  const lost = comments(oldText).filter((c) => !kept.has(c));
  return lost.length > 0 ? [`drops ${lost.length} comment(s): ${lost.join(' | ')}`] : [];
}

/**
 * Why a changed signature may break callers: a method's (its callers cannot be proven),
 * or a module-level function's that something in the project uses. Empty when the
 * parameters callers see are the same, or nothing uses the function.
 */
function signatureChange(ctx: Ctx, old: Node, fresh: NewDefinition): string[] {
  const before = parameterShape(old);
  if (before === undefined || before === fresh.parameters) return [];
  const change = `changes the parameters (${before}) -> (${fresh.parameters ?? ''})`;
  if (isMethod(old)) return [`${change} of a method, whose callers remedy cannot list`];
  const uses = findSymbolUses(ctx.project, { path: ctx.options.file, name: fresh.name });
  const outside = uses.names.filter(
    (u) =>
      u.path !== ctx.options.file ||
      u.reference.start < old.startIndex ||
      u.reference.start >= old.endIndex,
  );
  const count = outside.length + uses.attributes.length + uses.imports.length + uses.strings.length;
  return count > 0 ? [`${change}, and ${count} place(s) use it`] : [];
}

function targetName(ctx: Ctx, fresh: NewDefinition): string {
  const name = ctx.options.name ?? fresh.name;
  if (name.split('.').pop() !== fresh.name) {
    const message = `the finding's code defines ${fresh.name}, not ${name}`;
    ctx.refuse({ code: 'replace-definition/other-name', message });
  }
  return name;
}

function locate(ctx: Ctx, name: string, fresh: NewDefinition) {
  const { file } = ctx.options;
  const found = findDefinitions(ctx.file(file).tree, name);
  if (found.length === 0) {
    // Nothing to replace: the finding adds new code, which is a person's call.
    ctx.notApplicable(`no definition of ${name} in ${file}: this finding adds new code`);
  }
  if (found.length > 1) {
    const lines = found.map(lineOf).join(', ');
    const message = `${found.length} definitions of ${name} in ${file} (lines ${lines}): which one is meant?`;
    ctx.refuse({ code: 'replace-definition/ambiguous', message, file });
  }
  const old = found[0]!;
  const oldKind = old.type === 'class_definition' ? 'class' : 'function';
  if (oldKind !== fresh.kind) {
    const message = `${name} in ${file} is a ${oldKind}; the finding's code defines a ${fresh.kind}`;
    ctx.refuse({ code: 'replace-definition/other-kind', message, file });
  }
  return old;
}

export default defineTransform({
  id: 'replace-definition',
  languages: ['python'],
  reads: 'project',
  summary: "replace the definition with the finding's version",
  options,
  run,
});
