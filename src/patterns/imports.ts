/**
 * The import side of a rewrite, per language family: the imports a file has (so a name
 * the pattern used can be dropped once unused, and a name the replacement needs is
 * known to be there), and where a needed name comes from: the finding's own import
 * lines, the same import elsewhere in the project, or (Python) the `typing` module.
 */
import type { SgNode } from '@ast-grep/napi';
import { isStdlibModule } from '../python/stdlib.js';
import type { LanguageFamily } from './languages.js';
import { kindOf } from './syntax.js';

/** One imported binding: `from module import name as alias` / `import { name as alias } from 'module'`. */
export interface ImportedBinding {
  /** Python: dotted module with leading dots when relative; TS: the specifier. */
  readonly module: string;
  /** Imported name; undefined for Python `import module`; `default` / `*` for TS default and namespace imports. */
  readonly name: string | undefined;
  /** The local name it binds. */
  readonly local: string;
  /** TS `import type` / an inline `type` specifier. */
  readonly typeOnly: boolean;
}

/** An import a rewritten file must have, in the shape the language adapters take. */
export interface ImportNeed {
  readonly module: string;
  /** Omit for Python `import module`. */
  readonly name?: string;
  readonly alias?: string;
  /** TS: only types use it (an `import type` will do). */
  readonly typeOnly?: boolean;
}

function field(node: SgNode, name: string): SgNode | null {
  return node.field(name as never) as SgNode | null;
}

function pythonImports(stmt: SgNode): ImportedBinding[] {
  const out: ImportedBinding[] = [];
  const kind = kindOf(stmt);
  if (kind === 'import_statement') {
    for (const n of stmt.namedChildren()) {
      const aliased = kindOf(n) === 'aliased_import';
      const dotted = aliased ? field(n, 'name')!.text() : n.text();
      const local = aliased ? field(n, 'alias')!.text() : dotted.split('.')[0]!;
      out.push({ module: dotted, name: undefined, local, typeOnly: false });
    }
  } else if (kind === 'import_from_statement') {
    const module = field(stmt, 'module_name')?.text().replace(/\s+/g, '') ?? '';
    for (const n of stmt.fieldChildren('name' as never) as SgNode[]) {
      const aliased = kindOf(n) === 'aliased_import';
      const name = aliased ? field(n, 'name')!.text() : n.text();
      const local = aliased ? field(n, 'alias')!.text() : name;
      out.push({ module, name, local, typeOnly: false });
    }
  }
  return out;
}

function typescriptImports(stmt: SgNode): ImportedBinding[] {
  if (kindOf(stmt) !== 'import_statement') return [];
  const source = field(stmt, 'source');
  const clause = stmt.namedChildren().find((c) => kindOf(c) === 'import_clause');
  if (!source || !clause) return [];
  const module = source.text().slice(1, -1);
  const typeOnly = stmt.children().some((c) => !c.isNamed() && c.text() === 'type');
  const out: ImportedBinding[] = [];
  for (const part of clause.namedChildren()) {
    const kind = kindOf(part);
    if (kind === 'identifier') out.push({ module, name: 'default', local: part.text(), typeOnly });
    if (kind === 'namespace_import') {
      const local = part.namedChildren()[0]?.text();
      if (local) out.push({ module, name: '*', local, typeOnly });
    }
    if (kind === 'named_imports') {
      for (const spec of part.namedChildren()) {
        if (kindOf(spec) !== 'import_specifier') continue;
        const name = field(spec, 'name')!.text();
        const local = field(spec, 'alias')?.text() ?? name;
        const inlineType = spec.children().some((c) => !c.isNamed() && c.text() === 'type');
        out.push({ module, name, local, typeOnly: typeOnly || inlineType });
      }
    }
  }
  return out;
}

/** The module-level imports of a file (statements directly under the module/program). */
export function moduleImports(root: SgNode, family: LanguageFamily): ImportedBinding[] {
  const read = family === 'python' ? pythonImports : typescriptImports;
  return root.namedChildren().flatMap((stmt) => read(stmt));
}

/** The import line of a binding (`from typing import Any`), for messages. */
export function describeImport(need: ImportNeed, family: LanguageFamily): string {
  if (family === 'python') {
    const alias = need.alias ? ` as ${need.alias}` : '';
    return need.name === undefined
      ? `import ${need.module}${alias}`
      : `from ${need.module} import ${need.name}${alias}`;
  }
  const spec = need.alias ? `${need.name} as ${need.alias}` : need.name;
  return `import ${need.typeOnly ? 'type ' : ''}{ ${spec} } from '${need.module}'`;
}

/** Names `typing` provides that code commonly imports from it. */
const TYPING_NAMES = new Set(
  `Annotated Any AsyncIterator Awaitable Callable ClassVar Final Generator Generic Iterable
  Iterator Literal Mapping MutableMapping NamedTuple Never NoReturn Optional Protocol Self
  Sequence TYPE_CHECKING TypeAlias TypeVar TypedDict Union cast overload`.split(/\s+/),
);

/** Standard-library names code imports with `from module import name`, by module. */
const STDLIB_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    collections: 'Counter OrderedDict defaultdict deque namedtuple',
    dataclasses: 'asdict dataclass field replace',
    datetime: 'date time timedelta timezone',
    decimal: 'Decimal',
    enum: 'Enum IntEnum StrEnum auto',
    functools: 'cache cached_property lru_cache partial reduce wraps',
    pathlib: 'Path PurePath',
    uuid: 'UUID uuid4',
  }).flatMap(([module, names]) => names.split(' ').map((n) => [n, module])),
);

/**
 * A well-known source for a name, when the project shows none: `typing` for `Any`,
 * `datetime` for `timezone`, `import logging` for `logging`.
 */
export function wellKnownImport(name: string, family: LanguageFamily): ImportNeed | undefined {
  if (family !== 'python') return undefined;
  if (TYPING_NAMES.has(name)) return { module: 'typing', name };
  const module = STDLIB_NAMES[name];
  if (module) return { module, name };
  return isStdlibModule(name) && !name.startsWith('_') ? { module: name } : undefined;
}

/**
 * How another file imports `name`, when that import would mean the same in any file:
 * an absolute Python module, a TS package or path-alias specifier (not `./x`).
 */
export function portableImportOf(
  root: SgNode,
  family: LanguageFamily,
  name: string,
): ImportNeed | undefined {
  const found = moduleImports(root, family).find((b) => b.local === name && b.name !== undefined);
  if (!found || found.name === undefined || found.name === 'default' || found.name === '*')
    return undefined;
  // `./x` (TS) and `.x` (Python) mean something else in another directory.
  if (found.module.startsWith('.')) return undefined;
  return {
    module: found.module,
    name: found.name,
    ...(found.local !== found.name ? { alias: found.local } : {}),
  };
}
