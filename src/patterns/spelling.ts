/**
 * A rule in each file's own import style (Python). A rule is written the way most
 * files spell things — `datetime.utcnow()` -> `datetime.now(timezone.utc)`, where
 * `datetime` and `timezone` come `from datetime import ...` — but a module that does
 * `import datetime` spells the same call `datetime.datetime.utcnow()`. There the rule
 * becomes `datetime.datetime.utcnow()` -> `datetime.datetime.now(datetime.timezone.utc)`:
 * each name whose source is `from M import N` is written `M.N` in a file that imports
 * `M` as a module and does not import `N` from it (so it needs no new import either).
 */
import type { SgNode } from '@ast-grep/napi';
import { type ImportNeed, moduleImports } from './imports.js';
import type { RewriteRule } from './rules.js';

/** Where each name of the rules comes from (`datetime` -> `from datetime import datetime`). */
export type Homes = ReadonlyMap<string, ImportNeed>;

/** The spelling of each name in this file, for the names it imports only through their module. */
function spellings(root: SgNode, homes: Homes): Map<string, string> {
  const imports = moduleImports(root, 'python');
  const out = new Map<string, string>();
  for (const [name, home] of homes) {
    if (home.name !== name || home.module.startsWith('.')) continue;
    if (imports.some((b) => b.module === home.module && b.name === name)) continue;
    const asModule = imports.find((b) => b.name === undefined && b.module === home.module);
    if (asModule) out.set(name, `${asModule.local}.${name}`);
  }
  return out;
}

/** Replace the name where it is a root reference: not after a dot, not in a string, not `name=`. */
function respell(text: string, spelled: ReadonlyMap<string, string>): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (/[A-Za-z_]/.test(c) && !/[\w.$]/.test(text[i - 1] ?? '')) {
      const word = /^[A-Za-z_]\w*/.exec(text.slice(i))![0];
      const keyword = /^\s*=(?!=)/.test(text.slice(i + word.length));
      const replacement = keyword ? undefined : spelled.get(word);
      out += replacement ?? word;
      i += word.length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

/** The rules as this file spells them (the same objects when nothing changes). */
export function rulesInFileStyle(
  rules: readonly RewriteRule[],
  root: SgNode,
  homes: Homes,
): readonly RewriteRule[] {
  const spelled = spellings(root, homes);
  if (spelled.size === 0) return rules;
  return rules.map((r) => ({
    pattern: respell(r.pattern, spelled),
    replacement: respell(r.replacement, spelled),
  }));
}

/** Names of the rules (roots of references), roughly: identifiers not after a dot. */
export function ruleNames(rules: readonly RewriteRule[]): string[] {
  const names = new Set<string>();
  for (const r of rules) {
    const text = `${r.pattern} ${r.replacement}`.replace(/(['"])(?:(?!\1)[^\\\n])*\1/g, ' ');
    for (const m of text.matchAll(/(?<![\w.$])[A-Za-z_]\w*/g)) names.add(m[0]);
  }
  return [...names];
}

/** The home of each name: how some file of the request imports it, else `resolve`'s answer. */
export function homesOf(
  names: readonly string[],
  roots: readonly SgNode[],
  resolve: (name: string) => ImportNeed | undefined,
): Homes {
  const homes = new Map<string, ImportNeed>();
  const imported = roots.flatMap((root) => moduleImports(root, 'python'));
  for (const name of names) {
    const found = imported.find(
      (b) => b.local === name && b.name === name && !b.module.startsWith('.'),
    );
    const home = found ? { module: found.module, name } : resolve(name);
    if (home?.name === name) homes.set(name, home);
  }
  return homes;
}
