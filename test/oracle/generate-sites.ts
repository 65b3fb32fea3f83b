/**
 * A deterministic, seeded generator of Python modules full of Optional/Union annotation
 * sites (params, returns, variables, class attributes, nesting, dotted types, Callable,
 * Literal, unions of 2-4 members), all under `from __future__ import annotations`, for
 * the oracle test against ruff.
 */

/** mulberry32: a small seeded PRNG, good enough to vary test input reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How a module reaches `typing`: names from it, the module, an alias, or typing_extensions. */
type ImportStyle = 'from' | 'module' | 'alias' | 'extensions';

export interface GeneratedModule {
  readonly name: string;
  readonly text: string;
  /** Optional[...] / Union[...] subscripts written into the module. */
  readonly sites: number;
}

const ATOMS = ['int', 'str', 'bytes', 'float', 'bool', 'object'];
const DOTTED = ['models.User', 'datetime.datetime', 'decimal.Decimal', 'uuid.UUID', 'schemas.Page'];
const BUILTIN_GENERICS = ['list', 'set', 'type'];

class ModuleBuilder {
  private readonly typingUsed = new Set<string>();
  sites = 0;

  constructor(
    readonly rand: () => number,
    readonly style: ImportStyle,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.rand() < p;
  }

  /** `Optional`/`Union`/`List`... spelled for this module's import style. */
  private typing(name: string): string {
    const unionForm = name === 'Optional' || name === 'Union';
    if (this.style === 'module') return `typing.${name}`;
    if (this.style === 'alias' && unionForm) return `t.${name}`;
    this.typingUsed.add(name);
    return name;
  }

  private atom(): string {
    return this.chance(0.25) ? this.pick(DOTTED) : this.pick(ATOMS);
  }

  /** A non-union type, maybe generic, with nested sites below `depth`. */
  plain(depth: number): string {
    if (depth <= 0 || this.chance(0.45)) return this.atom();
    switch (Math.floor(this.rand() * 9)) {
      case 0:
        return `${this.typing('List')}[${this.any(depth - 1)}]`;
      case 1:
        return `${this.typing('Dict')}[str, ${this.any(depth - 1)}]`;
      case 2:
        return `${this.typing('Tuple')}[${this.any(depth - 1)}, ...]`;
      case 3:
        return `${this.typing('Callable')}[..., ${this.any(depth - 1)}]`;
      case 4:
        return `${this.typing('Callable')}[[${this.any(depth - 1)}, int], ${this.any(depth - 1)}]`;
      case 5:
        return `${this.typing('Literal')}[${this.pick(['"a", "b"', '1, 2, 3', '"json"', 'True'])}]`;
      case 6:
        return `${this.pick(BUILTIN_GENERICS)}[${this.atom()}]`;
      case 7:
        return `dict[str, ${this.any(depth - 1)}]`;
      default:
        return `${this.typing('Sequence')}[${this.any(depth - 1)}]`;
    }
  }

  /** Distinct union members (None at most once). */
  private members(count: number, depth: number): string[] {
    const out: string[] = [];
    for (let guard = 0; out.length < count && guard < 20; guard++) {
      const m = this.chance(0.12) && !out.includes('None') ? 'None' : this.plain(depth);
      if (!out.includes(m)) out.push(m);
    }
    while (out.length < 2) out.push(out.includes('int') ? 'str' : 'int');
    return out;
  }

  /** A union site: Optional[T], Union[A, B, ...], Optional[Union[...]]. */
  site(depth: number): string {
    this.sites++;
    const r = this.rand();
    if (r < 0.45) {
      const inner = this.chance(0.2) ? this.site(depth - 1) : this.plain(depth);
      return `${this.typing('Optional')}[${inner}]`;
    }
    if (r < 0.85) {
      const count = 2 + Math.floor(this.rand() * 3);
      return `${this.typing('Union')}[${this.members(count, depth).join(', ')}]`;
    }
    this.sites++;
    const inner = this.members(2 + Math.floor(this.rand() * 2), depth).filter((m) => m !== 'None');
    if (inner.length < 2) inner.push('bytes');
    return `${this.typing('Optional')}[${this.typing('Union')}[${inner.join(', ')}]]`;
  }

  /** Any annotation: about half of them contain a site. */
  any(depth: number): string {
    return this.chance(0.5) ? this.site(depth) : this.plain(depth);
  }

  imports(): string {
    const lines = ['from __future__ import annotations', ''];
    lines.push('import datetime', 'import decimal');
    if (this.style === 'module') lines.push('import typing');
    if (this.style === 'alias') lines.push('import typing as t');
    lines.push('import uuid');
    const names = [...this.typingUsed].sort();
    if (names.length > 0) {
      const from = this.style === 'extensions' ? 'typing_extensions' : 'typing';
      const clause =
        names.length > 4 ? `(\n${names.map((n) => `    ${n},`).join('\n')}\n)` : names.join(', ');
      lines.push('', `from ${from} import ${clause}`);
    }
    lines.push('', 'from app import models, schemas');
    return lines.join('\n');
  }
}

function param(b: ModuleBuilder, i: number): string {
  const annotation = b.any(2);
  const name = `arg${i}`;
  return b.chance(0.3) ? `${name}: ${annotation} = None` : `${name}: ${annotation}`;
}

function functionDef(b: ModuleBuilder, name: string, indent: string, method: boolean): string {
  const params = Array.from({ length: 1 + Math.floor(b.pick([0, 1, 2, 3])) }, (_, i) =>
    param(b, i),
  );
  // Defaults must come last: order params without defaults first.
  params.sort((x, y) => Number(x.includes(' = ')) - Number(y.includes(' = ')));
  if (b.chance(0.15)) params.push(`*args: ${b.any(1)}`);
  if (b.chance(0.15)) params.push(`**kwargs: ${b.any(1)}`);
  if (method) params.unshift('self');
  const asyncKw = b.chance(0.2) ? 'async ' : '';
  const head = `${indent}${asyncKw}def ${name}(${params.join(', ')}) -> ${b.any(2)}:`;
  const body: string[] = [];
  if (b.chance(0.3)) body.push(`${indent}    result: ${b.any(1)} = None`);
  if (b.chance(0.15)) {
    body.push(`${indent}    def inner(value: ${b.any(1)}) -> ${b.any(1)}:`);
    body.push(`${indent}        return value`);
  }
  body.push(
    `${indent}    ${body.length > 0 && body[0]!.includes('result') ? 'return result' : '...'}`,
  );
  return [head, ...body].join('\n');
}

function classDef(b: ModuleBuilder, name: string): string {
  const lines: string[] = [];
  if (b.chance(0.4)) lines.push('@dataclass');
  lines.push(`class ${name}:`);
  const fields = 1 + Math.floor(b.rand() * 4);
  for (let i = 0; i < fields; i++) {
    const annotation = b.any(2);
    lines.push(
      b.chance(0.4) ? `    field${i}: ${annotation} = None` : `    field${i}: ${annotation}`,
    );
  }
  if (b.chance(0.6)) lines.push('', functionDef(b, `method${name}`, '    ', true));
  return lines.join('\n');
}

function moduleText(b: ModuleBuilder, index: number): string {
  const blocks: string[] = [];
  const count = 3 + Math.floor(b.rand() * 4);
  for (let i = 0; i < count; i++) {
    const r = b.rand();
    if (r < 0.45) blocks.push(functionDef(b, `func${index}_${i}`, '', false));
    else if (r < 0.75) blocks.push(classDef(b, `Model${index}x${i}`));
    else blocks.push(`value${i}: ${b.any(2)} = None`);
  }
  const body = blocks.join('\n\n\n');
  const needsDataclass = body.includes('@dataclass');
  const header = b.imports() + (needsDataclass ? '\nfrom dataclasses import dataclass' : '');
  return `${header}\n\n\n${body}\n`;
}

/** `count` modules from `seed`; the same seed always gives the same text. */
export function generateModules(seed: number, count: number): GeneratedModule[] {
  const rand = seededRandom(seed);
  const styles: ImportStyle[] = ['from', 'from', 'from', 'module', 'alias', 'extensions'];
  const out: GeneratedModule[] = [];
  for (let i = 0; i < count; i++) {
    const b = new ModuleBuilder(rand, styles[Math.floor(rand() * styles.length)]!);
    const text = moduleText(b, i);
    out.push({ name: `generated_${String(i).padStart(3, '0')}.py`, text, sites: b.sites });
  }
  return out;
}
