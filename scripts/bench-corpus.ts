/**
 * A seeded, FastAPI/SQLAlchemy-like Python corpus for the benchmark: models, schemas,
 * services, routers, core helpers and tests, with Optional/Union where real backends
 * have them (dense in models and schemas, rare in tests, absent from some files).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface CorpusStats {
  readonly files: number;
  readonly lines: number;
  /** Optional[...] / Union[...] subscripts written. */
  readonly sites: number;
}

export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = [
  'user',
  'order',
  'invoice',
  'product',
  'tenant',
  'session',
  'payment',
  'shipment',
  'account',
  'report',
  'webhook',
  'coupon',
  'address',
  'review',
  'ticket',
  'project',
];
const SCALARS = ['int', 'str', 'float', 'bool', 'datetime', 'Decimal', 'UUID', 'bytes'];

/** One module being written: its lines, the typing names it uses, and its site count. */
class Writer {
  readonly lines: string[] = [];
  readonly typing = new Set<string>();
  /** Other names the module uses, imported in the header (so the module is pyflakes-clean). */
  readonly needs = new Set<string>();
  sites = 0;

  constructor(
    readonly rand: () => number,
    /** Share of annotations that are Optional/Union (0 for files without any). */
    readonly density: number,
    readonly moduleStyle: boolean,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.rand() < p;
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  private name(form: string): string {
    if (this.moduleStyle) {
      this.needs.add('t');
      return `t.${form}`;
    }
    this.typing.add(form);
    return form;
  }

  optionalOf(type: string): string {
    this.sites++;
    return `${this.name('Optional')}[${type}]`;
  }

  scalar(): string {
    const type = this.pick(SCALARS);
    if (IMPORTS[type]) this.needs.add(type);
    return type;
  }

  need(name: string): string {
    this.needs.add(name);
    if (name === 'logger') this.needs.add('logging');
    return name;
  }

  /** A type annotation: Optional/Union with probability `density`, else a plain type. */
  type(depth = 1): string {
    if (this.chance(this.density)) {
      this.sites++;
      const r = this.rand();
      if (r < 0.6) return `${this.name('Optional')}[${this.plain(depth)}]`;
      if (r < 0.9) {
        const first = this.scalar();
        const second = this.plain(depth - 1);
        const members = [first, second === first ? 'None' : second];
        return `${this.name('Union')}[${members.join(', ')}]`;
      }
      this.sites++;
      return `${this.name('Optional')}[${this.name('Union')}[str, ${this.pick(['int', 'bytes'])}]]`;
    }
    return this.plain(depth);
  }

  plain(depth: number): string {
    if (depth <= 0 || this.chance(0.6)) return this.scalar();
    const r = this.rand();
    if (r < 0.35) return `${this.name('List')}[${this.type(depth - 1)}]`;
    if (r < 0.6) return `${this.name('Dict')}[str, ${this.type(depth - 1)}]`;
    if (r < 0.75) return `list[${this.scalar()}]`;
    if (r < 0.9) return `dict[str, ${this.type(depth - 1)}]`;
    return `${this.name('Sequence')}[${this.scalar()}]`;
  }

  header(doc: string, future: boolean): string[] {
    const head = [`"""${doc}"""`];
    if (future) head.push('from __future__ import annotations');
    head.push('');
    const stdlib = ['json', 'logging', 'datetime', 'Decimal', 'UUID'].filter((n) =>
      this.needs.has(n),
    );
    head.push(...stdlib.map((n) => IMPORTS[n]!));
    if (this.needs.has('t')) head.push('import typing as t');
    const names = [...this.typing].sort();
    if (names.length > 0) {
      head.push(
        names.length > 3
          ? `from typing import (\n${names.map((n) => `    ${n},`).join('\n')}\n)`
          : `from typing import ${names.join(', ')}`,
      );
    }
    const others = [...this.needs].filter((n) => !stdlib.includes(n) && IMPORTS[n]);
    if (others.length > 0) head.push('', ...[...new Set(others.map((n) => IMPORTS[n]!))].sort());
    if (this.needs.has('User')) {
      head.push('', 'if TYPE_CHECKING:', '    from app.models.user import User');
    }
    if (this.needs.has('logger')) head.push('', 'logger = logging.getLogger(__name__)');
    head.push('', '');
    return head;
  }
}

/** Where each name a module may use comes from. */
const IMPORTS: Record<string, string> = {
  json: 'import json',
  logging: 'import logging',
  datetime: 'from datetime import datetime',
  Decimal: 'from decimal import Decimal',
  UUID: 'from uuid import UUID',
  String: 'from sqlalchemy import String',
  Mapped: 'from sqlalchemy.orm import Mapped, mapped_column',
  relationship: 'from sqlalchemy.orm import relationship',
  Session: 'from sqlalchemy.orm import Session',
  Base: 'from app.db import Base',
  BaseModel: 'from pydantic import BaseModel',
  field_validator: 'from pydantic import field_validator',
  APIRouter: 'from fastapi import APIRouter, Depends',
  schemas: 'from app import schemas',
  get_db: 'from app.deps import get_db',
  Cache: 'from app.cache import Cache',
  pytest: 'import pytest',
  factories: 'from tests.factories import *  # noqa: F403',
  op: 'import sqlalchemy as sa\nfrom alembic import op',
};

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function statementBody(w: Writer, indent: string, noun: string): string[] {
  const out: string[] = [];
  const defined: string[] = [];
  const steps = 2 + Math.floor(w.rand() * 8);
  for (let i = 0; i < steps; i++) {
    switch (Math.floor(w.rand() * 9)) {
      case 0:
        out.push(
          `${indent}if ${noun}_id is None:`,
          `${indent}    raise ValueError("missing ${noun} id")`,
        );
        break;
      case 1:
        out.push(
          `${indent}query = {"tenant": str(${noun}_id), "limit": 50, "order": "created_at"}`,
        );
        defined.push('query');
        break;
      case 2:
        out.push(
          `${indent}total = 0`,
          `${indent}for item in range(10):`,
          `${indent}    total += item * 2  # weight`,
          `${indent}    ${w.need('logger')}.debug("item %s -> %s", item, total)`,
        );
        defined.push('total');
        break;
      case 3:
        out.push(
          `${indent}try:`,
          `${indent}    result = ${w.need('json')}.loads(str(${noun}_id))`,
          `${indent}except ValueError as exc:`,
          `${indent}    ${w.need('logger')}.warning("bad ${noun} id: %s", exc)`,
          `${indent}    return None`,
        );
        defined.push('result');
        break;
      case 4:
        out.push(
          `${indent}payload = {"id": str(${noun}_id), "status": "active", "count": ${steps}}`,
        );
        defined.push('payload');
        break;
      case 5:
        out.push(`${indent}value: ${w.type()} = None`);
        defined.push('value');
        break;
      case 6:
        out.push(
          `${indent}# Fall back to the slow path when the cache is cold (see ADR-012).`,
          `${indent}filters = {`,
          `${indent}    "tenant_id": str(${noun}_id),`,
          `${indent}    "status": ["active", "pending", "suspended"],`,
          `${indent}    "created_after": "2024-01-01T00:00:00Z",  # UTC`,
          `${indent}}`,
        );
        defined.push('filters');
        break;
      case 7:
        out.push(
          `${indent}message = f"${noun} {${noun}_id!r}: {len(str(${noun}_id))} characters, checked by {__name__}"`,
          `${indent}if len(message) > 120:`,
          `${indent}    message = message[:117] + "..."`,
          `${indent}elif not message:`,
          `${indent}    message = "empty"`,
        );
        defined.push('message');
        break;
      default:
        out.push(`${indent}names = [str(x) for x in range(5) if x != ${noun}_id]  # keep others`);
        defined.push('names');
    }
  }
  out.push(`${indent}return ${defined.length > 0 ? w.pick(defined) : 'None'}`);
  return out;
}

/** A one-line docstring, or (often) a Google-style one with Args and Returns. */
function docstring(w: Writer, indent: string, summary: string, args: string): string[] {
  if (w.chance(0.55)) return [`${indent}"""${summary}"""`];
  const names = args
    .split(', ')
    .map((a) => a.split(':')[0]!.replace(/^\*+/, ''))
    .filter((a) => a && a !== 'self' && a !== 'cls');
  return [
    `${indent}"""${summary}`,
    '',
    `${indent}Looks the record up in the cache first, then in the database, and records a`,
    `${indent}metric for every miss so that the dashboards stay accurate.`,
    '',
    `${indent}Args:`,
    ...names.map(
      (n) => `${indent}    ${n}: The ${n.replace(/_\d+$/, '').replace(/_/g, ' ')} to use.`,
    ),
    '',
    `${indent}Returns:`,
    `${indent}    The matching rows, newest first, or None when there are none.`,
    `${indent}"""`,
  ];
}

function params(w: Writer, noun: string, count: number): string {
  const ps = [`${noun}_id: ${w.type(0)}`];
  for (let i = 1; i < count; i++) {
    const optional = w.chance(0.5);
    ps.push(
      optional
        ? `${w.pick(['limit', 'offset', 'since', 'status', 'owner', 'tag'])}_${i}: ${w.type()} = None`
        : `${w.pick(['items', 'client', 'tenant_id', 'key'])}_${i}: ${w.type()}`,
    );
  }
  ps.sort((a, b) => Number(a.includes('=')) - Number(b.includes('=')));
  return ps.join(', ');
}

function modelFile(w: Writer, noun: string): void {
  const model = cap(noun);
  w.need('Base');
  w.need('Mapped');
  w.need('String');
  w.push(
    `class ${model}(Base):`,
    `    """A ${noun} row."""`,
    '',
    `    __tablename__ = "${noun}s"`,
    '',
  );
  w.push('    id: Mapped[int] = mapped_column(primary_key=True)');
  const columns = 6 + Math.floor(w.rand() * 14);
  for (let i = 0; i < columns; i++) {
    const nullable = w.density > 0 && w.chance(Math.min(1, w.density * 3.3));
    const ann = nullable ? w.optionalOf(w.scalar()) : w.scalar();
    w.push(
      `    field_${i}: Mapped[${ann}] = mapped_column(String(${32 * (1 + (i % 8))}), nullable=${nullable ? 'True' : 'False'}, index=${i % 3 === 0 ? 'True' : 'False'}, comment="${noun} field ${i}")`,
    );
  }
  if (w.density > 0 && w.chance(0.5)) {
    w.need('User');
    w.typing.add('TYPE_CHECKING');
    w.push(
      `    owner: Mapped[${w.optionalOf('"User"')}] = ${w.need('relationship')}(back_populates="${noun}s")`,
    );
  }
  w.push('', `    def __repr__(self) -> str:`, `        return f"<${model} {self.id}>"`, '');
  w.push(`    def to_dict(self, fields: ${w.type()} = None) -> Dict[str, object]:`);
  w.typing.add('Dict');
  w.push(
    '        data = {c.name: getattr(self, c.name) for c in self.__table__.columns}',
    '        return data',
    '',
  );
}

function schemaFile(w: Writer, noun: string): void {
  const model = cap(noun);
  for (const suffix of ['Base', 'Create', 'Update', 'Out']) {
    w.push(
      `class ${model}${suffix}(${w.need('BaseModel')}):`,
      `    """${suffix} schema for ${noun}s."""`,
      '',
    );
    const fields = 3 + Math.floor(w.rand() * 8);
    for (let i = 0; i < fields; i++) {
      w.push(`    ${noun}_${i}: ${w.type()}${w.chance(0.5) ? ' = None' : ''}`);
    }
    if (w.chance(0.4)) {
      w.push('', `    @${w.need('field_validator')}("${noun}_0")`, '    @classmethod');
      w.push(`    def check_${noun}(cls, v: ${w.type(0)}) -> ${w.type(0)}:`);
      w.push(
        '        if v is not None and not v:',
        '            raise ValueError("empty")',
        '        return v',
      );
    }
    w.push('', '');
  }
}

function serviceFile(w: Writer, noun: string): void {
  const model = cap(noun);
  w.push(`class ${model}Service:`, `    """Business rules for ${noun}s."""`, '');
  w.need('Session');
  w.need('Cache');
  w.push(
    '    def __init__(self, db: Session, cache: Cache) -> None:',
    '        self.db = db',
    '        self.cache = cache',
    '',
  );
  const methods = 3 + Math.floor(w.rand() * 6);
  for (let i = 0; i < methods; i++) {
    const verb = w.pick(['get', 'list', 'update', 'delete', 'sync', 'archive', 'count']);
    const ps = params(w, noun, 1 + Math.floor(w.rand() * 4));
    w.push(`    def ${verb}_${noun}_${i}(self, ${ps}) -> ${w.type()}:`);
    w.push(
      ...docstring(w, '        ', `${cap(verb)} ${noun}s.`, ps),
      ...statementBody(w, '        ', noun),
      '',
    );
  }
}

function routerFile(w: Writer, noun: string): void {
  if (!w.needs.has('APIRouter')) w.push('router = APIRouter()', '', '');
  for (const name of ['APIRouter', 'Session', 'schemas', 'get_db']) w.need(name);
  const endpoints = 3 + Math.floor(w.rand() * 6);
  for (let i = 0; i < endpoints; i++) {
    const method = w.pick(['get', 'post', 'put', 'delete']);
    w.push(
      `@router.${method}("/${noun}s/{${noun}_id}/part${i}", response_model=schemas.${cap(noun)}Out)`,
    );
    const ps = params(w, noun, 2 + Math.floor(w.rand() * 3));
    w.push(
      `async def ${method}_${noun}_${i}(${ps}, db: Session = Depends(get_db)) -> ${w.type(0)}:`,
    );
    w.push(
      ...docstring(w, '    ', `${cap(method)} one ${noun}.`, ps),
      ...statementBody(w, '    ', noun),
      '',
      '',
    );
  }
}

function helperFile(w: Writer, noun: string): void {
  const functions = 3 + Math.floor(w.rand() * 6);
  for (let i = 0; i < functions; i++) {
    const ps = params(w, noun, 1 + Math.floor(w.rand() * 3));
    w.push(`def ${noun}_helper_${i}(${ps}) -> ${w.type()}:`);
    w.push(
      ...docstring(w, '    ', `Helper ${i} for ${noun}s.`, ps),
      ...statementBody(w, '    ', noun),
      '',
      '',
    );
  }
}

function testFile(w: Writer, noun: string): void {
  w.need('factories');
  w.push(
    `@${w.need('pytest')}.fixture`,
    `def ${noun}_factory(db):`,
    `    return ${cap(noun)}Factory(db)`,
    '',
    '',
  );
  const tests = 4 + Math.floor(w.rand() * 10);
  for (let i = 0; i < tests; i++) {
    w.push(`def test_${noun}_${i}(client, ${noun}_factory) -> None:`);
    w.push(`    ${noun} = ${noun}_factory.create(name="n${i}")`);
    w.push(`    response = client.get(f"/api/${noun}s/{${noun}.id}")`);
    w.push(
      '    assert response.status_code == 200',
      `    assert response.json()["id"] == str(${noun}.id)`,
    );
    if (w.chance(0.3)) w.push(`    expected: ${w.type(0)} = None`, '    assert expected is None');
    w.push('', '');
  }
}

/** An alembic revision as the current template writes it (module-level annotations). */
function migrationFile(w: Writer, noun: string): void {
  const rev = Math.floor(w.rand() * 0xffffffffff)
    .toString(16)
    .padStart(10, '0');
  w.need('op');
  w.push(`revision: str = "${rev}"`);
  w.push(`down_revision: ${w.optionalOf('str')} = "${rev.split('').reverse().join('')}"`);
  w.typing.add('Sequence');
  w.sites += 2;
  w.typing.add('Union');
  w.push(`branch_labels: Union[str, Sequence[str], None] = None`);
  w.push(`depends_on: Union[str, Sequence[str], None] = None`, '', '');
  w.push('def upgrade() -> None:');
  const columns = 1 + Math.floor(w.rand() * 5);
  for (let i = 0; i < columns; i++) {
    w.push(
      `    op.add_column("${noun}s", sa.Column("field_${i}", sa.String(length=${32 * (i + 1)}), nullable=True))`,
    );
  }
  w.push(`    op.create_index("ix_${noun}s_field_0", "${noun}s", ["field_0"])`, '', '');
  w.push('def downgrade() -> None:');
  w.push(`    op.drop_index("ix_${noun}s_field_0", table_name="${noun}s")`);
  for (let i = columns - 1; i >= 0; i--) w.push(`    op.drop_column("${noun}s", "field_${i}")`);
}

interface Kind {
  readonly dir: string;
  readonly share: number;
  readonly density: number;
  readonly body: (w: Writer, noun: string) => void;
}

const KINDS: readonly Kind[] = [
  {
    dir: 'app/models',
    share: 0.12,
    density: 0.12,
    body: modelFile,
  },
  {
    dir: 'app/schemas',
    share: 0.12,
    density: 0.25,
    body: schemaFile,
  },
  {
    dir: 'app/services',
    share: 0.18,
    density: 0.18,
    body: serviceFile,
  },
  {
    dir: 'app/api/routers',
    share: 0.13,
    density: 0.2,
    body: routerFile,
  },
  {
    dir: 'app/core',
    share: 0.09,
    density: 0.15,
    body: helperFile,
  },
  {
    dir: 'tests',
    share: 0.3,
    density: 0.03,
    body: testFile,
  },
  {
    dir: 'migrations/versions',
    share: 0.06,
    density: 0,
    body: migrationFile,
  },
];

/** `__init__.py` of a package: often empty, else re-exports of its modules. */
function initFile(modules: readonly string[], rand: () => number): string {
  if (modules.length === 0 || rand() < 0.5) return '';
  const names = modules.slice(0, 6).map((m) => m.replace(/\.py$/, ''));
  return [
    ...names.map((n) => `from . import ${n}`),
    '',
    `__all__ = [${names.map((n) => `"${n}"`).join(', ')}]`,
    '',
  ].join('\n');
}

function kindFor(rand: () => number): Kind {
  let r = rand();
  for (const kind of KINDS) {
    r -= kind.share;
    if (r < 0) return kind;
  }
  return KINDS[KINDS.length - 1]!;
}

/** Every package directory and its parents (`app/models/user` -> `app`, `app/models`...). */
function allPackages(dirs: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const d of dirs) {
    const parts = d.split('/');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('/'));
  }
  return [...out].sort();
}

/** How dense a corpus is: which share of modules has no Optional/Union at all, and so on. */
export interface CorpusShape {
  /** Share of modules written without any Optional/Union. */
  readonly withoutSites: number;
  /** Multiplies each kind's share of Optional/Union annotations. */
  readonly densityScale: number;
  /** A module holds 1 + floor(random * maxBlocks) classes or groups of functions. */
  readonly maxBlocks: number;
}

/**
 * The shape of the real repository the speed targets were measured on (issue #10):
 * 590 modules (+ ~100 `__init__.py`) give 694 files, ~81k lines, 584 sites.
 */
export const REAL_SHAPE: CorpusShape = { withoutSites: 0.45, densityScale: 0.26, maxBlocks: 1.8 };
/** The dense corpus of earlier runs: ~180 lines and ~6 sites per module. */
export const DENSE_SHAPE: CorpusShape = { withoutSites: 0.2, densityScale: 1, maxBlocks: 3 };

/** Write `files` modules under `dir` (plus a pyproject.toml targeting py311). */
export function writeCorpus(
  dir: string,
  files: number,
  seed = 7,
  shape: CorpusShape = REAL_SHAPE,
): CorpusStats {
  const rand = seeded(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'pyproject.toml'),
    '[project]\nname = "bench-backend"\nrequires-python = ">=3.11"\n\n[tool.ruff]\ntarget-version = "py311"\nline-length = 100\n',
  );
  let lines = 0;
  let sites = 0;
  const packages = new Map<string, string[]>();
  for (let i = 0; i < files; i++) {
    const kind = kindFor(rand);
    const density = rand() < shape.withoutSites ? 0 : kind.density * shape.densityScale;
    const w = new Writer(rand, density, rand() < 0.08);
    const noun = NOUNS[Math.floor(rand() * NOUNS.length)]!;
    const blocks = kind.body === migrationFile ? 1 : 1 + Math.floor(rand() * shape.maxBlocks);
    for (let b = 0; b < blocks; b++) kind.body(w, `${noun}${b ? b : ''}`);
    const future = rand() < 0.35;
    const doc = `${cap(noun)} ${kind.dir.split('/').pop()}.`;
    const text = [...w.header(doc, future), ...w.lines].join('\n');
    const name = kind.dir.startsWith('tests') ? `test_${noun}_${i}.py` : `${noun}_${i}.py`;
    const pkg = kind.dir.startsWith('migrations') ? kind.dir : `${kind.dir}/${noun}`;
    const file = path.join(dir, pkg, name);
    packages.set(pkg, [...(packages.get(pkg) ?? []), name]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${text.trimEnd()}\n`);
    lines += text.trimEnd().split('\n').length;
    sites += w.sites;
  }
  let inits = 0;
  for (const pkg of allPackages(packages.keys())) {
    if (pkg.startsWith('migrations')) continue;
    const text = initFile(packages.get(pkg) ?? [], rand);
    fs.writeFileSync(path.join(dir, pkg, '__init__.py'), text);
    lines += text === '' ? 0 : text.trimEnd().split('\n').length;
    inits++;
  }
  return { files: files + inits, lines, sites };
}
