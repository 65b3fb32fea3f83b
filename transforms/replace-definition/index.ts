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
 * that defines them; imports only the old code used are removed. A block of several
 * definitions replaces each one in the file, in one fix: all must exist there (a missing
 * one is refused by name), and the checks above apply to each.
 * Why: auditors often write the fixed function in full (B-ARCH-03 `_parse_body`,
 * B-SEC-03 `collect_query_params`), or two of them (fastapi-platform 1.3).
 * Example: a block `def _parse_body(event): ...json.loads... except json.JSONDecodeError
 * as exc: raise ValidationError(...)` replaces `_parse_body` in `admin_request.py`.
 * Fix safety: the new behaviour is what the finding asks for, so the fix is safe — unless
 * it drops comments of the old definition that the new code does not repeat, or changes
 * the parameters callers see (names, kinds, defaults) of a method or of a function that
 * something in the project uses: then it is unsafe (applied with --unsafe). Refuses
 * a sketch (`...` statements, `# ...` comments), a block that is not only definitions
 * (and imports), a name with no definition in the file (the finding adds new code) or several, and names
 * no import can be found for (listed). Does nothing when the definition already matches.
 * Options: `file` (repository path), `code` (the block), `name` (optional: the
 * definition to replace, `name` or `Class.method`; default the block's own name; only
 * for a block of one definition).
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
import { type NewDefinition, readNewDefinitions } from './code.js';
import { dropStaleImports, planImports, requestImports } from './imports.js';
import { type Splice, spliceDefinition } from './splice.js';

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
  const fresh = readNewDefinitions(ctx.options.code);
  if (typeof fresh === 'string') {
    // A sketch is not for pasting: the finding needs a person, not a failed step.
    if (fresh.includes('is a sketch')) ctx.notApplicable(fresh);
    ctx.refuse({ code: 'replace-definition/not-a-definition', message: fresh });
  }
  const names = targetNames(ctx, fresh);
  if (!ctx.exists(file))
    ctx.refuse({ code: 'replace-definition/no-file', message: `${file} does not exist` });
  const fileCtx = ctx.file(file);
  const olds = locateAll(ctx, names, fresh);
  const pending: Replacement[] = [];
  fresh.forEach((def, i) => {
    const old = olds[i]!;
    const splice = spliceDefinition(fileCtx.text, old, def, fileCtx.eol);
    if (!sameCode(fileCtx.text.slice(splice.start, splice.end), splice.text)) {
      pending.push({ name: names[i]!, old, fresh: def, splice });
      return;
    }
    const message = `${names[i]} in ${file} already matches the finding's code`;
    ctx.report({ severity: 'info', code: 'replace-definition/already-applied', message, file });
  });
  if (pending.length === 0) return;
  const imports = planImports(
    ctx.project,
    file,
    pending.map((p) => p.fresh),
  );
  if (imports.missing.length > 0) {
    const what = pending.map((p) => `the new ${p.name}`).join(' and ');
    ctx.refuse(
      {
        code: 'replace-definition/missing-imports',
        message: `${what} use${pending.length > 1 ? '' : 's'} names ${file} does not define or import, and no import for them was found: ${imports.missing.join(', ')}`,
        file,
      },
      {
        hint: 'add the imports by hand first, or give the definition with its imports in the code',
      },
    );
  }
  requestImports(ctx, fileCtx, imports);
  for (const p of pending) dropStaleImports(fileCtx, p.old, p.fresh);
  ctx.fix(file, replacementFix(ctx, pending));
}

/** One definition of the file and what replaces it. */
interface Replacement {
  readonly name: string;
  readonly old: Node;
  readonly fresh: NewDefinition;
  readonly splice: Splice;
}

/** One fix for all the replacements (all or nothing), unsafe when any of them is risky. */
function replacementFix(ctx: Ctx, pending: readonly Replacement[]): Fix {
  const text = ctx.file(ctx.options.file).text;
  const title = `replace ${pending.map((p) => `${p.name} (line ${lineOf(p.old)})`).join(', ')}`;
  const edits = pending.map((p) => Edit.replace(p.splice.start, p.splice.end, p.splice.text));
  const risks = pending.flatMap((p) => {
    const own = [
      ...droppedComments(text.slice(p.splice.start, p.splice.end), p.splice.text),
      ...signatureChange(ctx, p.old, p.fresh),
    ];
    return pending.length > 1 ? own.map((r) => `${p.name} ${r}`) : own;
  });
  return risks.length > 0
    ? Fix.unsafe(`${title} (${risks.join('; ')})`, edits)
    : Fix.safe(title, edits);
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

/** The file's names to replace, one per definition of the block. */
function targetNames(ctx: Ctx, fresh: readonly NewDefinition[]): string[] {
  const name = ctx.options.name;
  if (name === undefined) return fresh.map((d) => d.name);
  if (fresh.length > 1) {
    const message = `\`name\` (${name}) names one definition; the finding's code defines ${fresh.length} (${fresh.map((d) => d.name).join(', ')})`;
    ctx.refuse({ code: 'replace-definition/other-name', message });
  }
  if (name.split('.').pop() !== fresh[0]!.name) {
    const message = `the finding's code defines ${fresh[0]!.name}, not ${name}`;
    ctx.refuse({ code: 'replace-definition/other-name', message });
  }
  return [name];
}

/**
 * The file's definition for each of the block's: all must exist. None at all means
 * the finding adds new code (not applicable); some missing is refused, naming them.
 */
function locateAll(ctx: Ctx, names: readonly string[], fresh: readonly NewDefinition[]): Node[] {
  const { file } = ctx.options;
  const tree = ctx.file(file).tree;
  const absent = names.filter((n) => findDefinitions(tree, n).length === 0);
  if (absent.length === names.length) {
    // Nothing to replace: the finding adds new code, which is a person's call.
    ctx.notApplicable(
      `no definition of ${absent.join(', ')} in ${file}: this finding adds new code`,
    );
  }
  if (absent.length > 0) {
    const message = `no definition of ${absent.join(', ')} in ${file}, though the finding's code replaces it along with ${names.filter((n) => !absent.includes(n)).join(', ')}; nothing changed`;
    ctx.refuse(
      { code: 'replace-definition/missing-definition', message, file },
      { hint: 'check the name against the code, or map the finding by hand' },
    );
  }
  return names.map((name, i) => locate(ctx, name, fresh[i]!));
}

function locate(ctx: Ctx, name: string, fresh: NewDefinition): Node {
  const { file } = ctx.options;
  const found = findDefinitions(ctx.file(file).tree, name);
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
