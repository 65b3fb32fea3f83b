/**
 * How a divergent copy is reported: which copies disagree, a unified diff of the two
 * definitions, and the module-level names they read that mean different things.
 */
import { createTwoFilesPatch } from 'diff';
import { shapeOf } from '../../src/python/structure.js';
import type { Divergence } from './classify.js';
import type { Copy } from './copies.js';
import type { DependencyResolver } from './dependencies.js';
import { statementTextStart } from './shared-text.js';

function definitionText(resolverText: (path: string) => string, copy: Copy): string {
  const text = resolverText(copy.path);
  return `${text.slice(statementTextStart(copy.statement), copy.statement.endIndex).replace(/\r\n/g, '\n')}\n`;
}

/** `a/path:name` diff of two copies (without jsdiff's preamble). */
export function copyDiff(read: (path: string) => string, a: Copy, b: Copy): string {
  const patch = createTwoFilesPatch(
    `${a.path} (${a.name})`,
    `${b.path} (${b.name})`,
    definitionText(read, a),
    definitionText(read, b),
    undefined,
    undefined,
    { context: 2 },
  );
  return patch.slice(patch.indexOf('--- ')).replace(/\t$/gm, '').trimEnd();
}

/** Module-level names both copies read whose meaning differs between their modules. */
function environmentDifferences(resolver: DependencyResolver, a: Copy, b: Copy): string[] {
  const meanings = (copy: Copy) => {
    const out = new Map<string, string>();
    for (const ref of shapeOf(resolver.analysis(copy.path), copy.statement).free) {
      const dep = resolver.resolve(copy.path, ref);
      if (dep.kind !== 'helper') out.set(ref.name, resolver.meaning(copy.path, dep));
    }
    return out;
  };
  const left = meanings(a);
  const right = meanings(b);
  return [...left]
    .filter(([name, meaning]) => right.has(name) && right.get(name) !== meaning)
    .map(([name]) => `\`${name}\` is not the same in ${a.path} and ${b.path}`);
}

/** The warning for one divergent copy. */
export function divergenceMessage(
  resolver: DependencyResolver,
  read: (path: string) => string,
  to: string,
  divergence: Divergence,
): string {
  const { copy, against } = divergence;
  const env = environmentDifferences(resolver, against, copy);
  const lines = [
    `\`${copy.name}\` in ${copy.path} differs from the copy in ${against.path}: left in place (not merged into \`${to}\`)`,
    ...env,
    copyDiff(read, against, copy),
  ];
  return lines.join('\n');
}
