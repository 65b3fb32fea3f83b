/**
 * pep604-optional — use `X | None` instead of `Optional[X]`, and `A | B` instead of `Union[A, B]`.
 *
 * What it does: rewrites `Optional[X]`, `Union[A, B]` and `Optional[Union[A, B]]` (also
 * through `typing.Optional` / `import typing as t`) as PEP 604 unions, nested sites
 * included, keeping comments; then drops `Optional` / `Union` from `from typing import`
 * once unused.
 * Why: one annotation style across a codebase (audit findings like B-QUAL-03).
 * Example: `def f(x: Optional[int]) -> Union[str, bytes]:` -> `def f(x: int | None) -> str | bytes:`
 * Fix safety: safe in annotations when `from __future__ import annotations` is in effect or
 * the target is Python >= 3.10; runtime uses (`cast(...)`, aliases, `isinstance`) need
 * >= 3.10; everything in a `.pyi` stub is safe. Otherwise the fix is unsafe (applied with
 * --unsafe only). Never emits a string operand of `|` (`Optional["Foo"]` stays: `"Foo" |
 * None` raises TypeError when evaluated); string annotations (`"Optional[Foo]"`) are left
 * alone and counted. A union in a tighter context is parenthesised (`(int | None).x`).
 * Each fix states that it only removes references to the typing names it drops, so the
 * engine skips the semantic guard for a file once none of those names is left in it.
 * Options: `unions` (default true) also rewrites `Union[...]`; `targetVersion` (`py310`)
 * overrides the target version from config / pyproject / ruff.
 */
import { z } from 'zod';
import { Edit } from '../../src/core/edit.js';
import { Fix } from '../../src/core/fix.js';
import { defineTransform } from '../../src/engine/contract.js';
import type { PythonFileContext } from '../../src/python/adapter.js';
import { isStubPath } from '../../src/python/files.js';
import { hasFutureAnnotations } from '../../src/python/imports.js';
import type { Node } from '../../src/python/parser.js';
import { atLeast, parsePythonVersion } from '../../src/python/version.js';
import { SiteForest } from './render.js';
import { findSites, type Refusal, refusalFor, typingNames } from './sites.js';

const options = z.strictObject({
  unions: z.boolean().default(true),
  targetVersion: z
    .string()
    .regex(/^py3\d{1,2}$/, 'expected a version like "py310"')
    .optional(),
});

export type Pep604Options = z.infer<typeof options>;
type Options = Pep604Options;

const REFUSAL_TEXT: Record<Refusal, string> = {
  'string-operand':
    'a string operand of | raises TypeError when the annotation is evaluated (e.g. by SQLAlchemy or pydantic)',
  'unsupported-argument': 'its arguments have a shape remedy does not rewrite',
  'none-only': '`None | None` is not valid at runtime',
  empty: 'it has no arguments',
};

function isAnnotation(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'type') return true;
    if (p.type === 'block' || p.type === 'module' || p.type === 'call' || p.type === 'lambda')
      return false;
  }
  return false;
}

function run(ctx: PythonFileContext<Options>): Fix[] {
  const names = typingNames(ctx.tree, ctx.text);
  const found = findSites(ctx.text, ctx.tree, names);
  const sites = ctx.options.unions ? found : found.filter((s) => s.kind === 'Optional');
  countStringAnnotations(
    ctx,
    names.direct.size > 0 || names.modules.size > 0,
    new Set(found.map((s) => s.at)),
  );
  if (sites.length === 0) return [];

  const target = ctx.options.targetVersion
    ? parsePythonVersion(ctx.options.targetVersion)
    : ctx.settings.targetVersion;
  const futureAnnotations = hasFutureAnnotations(ctx.tree, ctx.text);
  // A stub (.pyi) is never executed: nothing in it is evaluated at runtime.
  const stub = isStubPath(ctx.path);
  const renderable = sites.filter((site) => {
    const refusal = refusalFor(site);
    if (refusal) {
      const source = oneLine(ctx.text.slice(site.start, site.end));
      ctx.report({
        severity: 'warning',
        code: `pep604/${refusal}`,
        message: `left ${source} as it is: ${REFUSAL_TEXT[refusal]}`,
        at: site.start,
      });
    }
    return !refusal;
  });
  const forest = new SiteForest(ctx.text, ctx.eol, renderable);
  const fixes: Fix[] = [];
  for (const site of forest.tops) {
    const annotation = isAnnotation(site.node);
    const safe =
      stub || (annotation ? futureAnnotations || atLeast(target, 10) : atLeast(target, 10));
    const replacement = forest.render(site);
    const title = `${oneLine(ctx.text.slice(site.start, site.end))} -> ${oneLine(replacement)}`;
    const reason = annotation
      ? 'annotation evaluated at runtime: needs Python 3.10+ or `from __future__ import annotations`'
      : 'runtime expression: needs Python 3.10+';
    const edit = Edit.replace(site.start, site.end, replacement);
    const family = forest.family(site);
    // The union is the arguments' own text (nested sites rewritten) joined by `|`, with
    // `None` and parentheses: it only drops the references to the typing names.
    const facts = { onlyRemovesReferencesTo: family.map((s) => s.reference) };
    fixes.push(
      safe
        ? Fix.safe(title, [edit], facts)
        : Fix.unsafe(`${title} (${reason}; target ${targetLabel(target)})`, [edit], facts),
    );
    for (const used of family) ctx.removeImportIfUnused(used.binding.module, used.binding.name);
  }
  return fixes;
}

function targetLabel(target: ReturnType<typeof parsePythonVersion>): string {
  return target ? `py3${target.minor}` : 'unknown';
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

/** String annotations are not parsed; count the ones that mention Optional/Union. */
function countStringAnnotations(
  ctx: PythonFileContext<Options>,
  typingImported: boolean,
  siteNames: ReadonlySet<number>,
): void {
  if (!typingImported) return;
  // Only the strings where the text has `Optional[` / `Union[` (each string once); a
  // match that is a site's own name is code, not a string.
  const counted = new Set<number>();
  for (const match of ctx.text.matchAll(/\b(?:Optional|Union)\[/g)) {
    if (siteNames.has(match.index)) continue;
    let node = ctx.tree.rootNode.descendantForIndex(match.index, match.index + match[0].length);
    while (node && node.type !== 'string' && node.type !== 'block' && node.type !== 'module')
      node = node.parent;
    if (node?.type === 'string' && node.parent?.type === 'type') counted.add(node.startIndex);
  }
  if (counted.size > 0) {
    ctx.report({
      severity: 'info',
      code: 'pep604/string-annotation',
      message: `${counted.size} string annotation(s) mention Optional/Union; left as they are`,
    });
  }
}

export default defineTransform({
  id: 'pep604-optional',
  languages: ['python'],
  reads: 'file',
  summary: 'use X | None instead of Optional[X]',
  prefilter: /\b(?:Optional|Union)\b/,
  options,
  run,
});
