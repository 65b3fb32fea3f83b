/**
 * Names commonly imported from the standard library, and the module each comes from:
 * what `from <module> import <name>` an undefined `Path` or `dataclass` asks for. Only
 * names with one usual home are listed (`Callable` lives in both `typing` and
 * `collections.abc`; it is found through the module's own imports instead).
 */

const TABLE: Readonly<Record<string, string>> = {
  Path: 'pathlib',
  PurePath: 'pathlib',
  dataclass: 'dataclasses',
  field: 'dataclasses',
  asdict: 'dataclasses',
  Enum: 'enum',
  IntEnum: 'enum',
  StrEnum: 'enum',
  auto: 'enum',
  Decimal: 'decimal',
  Fraction: 'fractions',
  UUID: 'uuid',
  uuid4: 'uuid',
  ABC: 'abc',
  abstractmethod: 'abc',
  defaultdict: 'collections',
  OrderedDict: 'collections',
  Counter: 'collections',
  deque: 'collections',
  namedtuple: 'collections',
  partial: 'functools',
  wraps: 'functools',
  lru_cache: 'functools',
  cache: 'functools',
  cached_property: 'functools',
  reduce: 'functools',
  contextmanager: 'contextlib',
  asynccontextmanager: 'contextlib',
  suppress: 'contextlib',
  date: 'datetime',
  timedelta: 'datetime',
  timezone: 'datetime',
  Any: 'typing',
  Optional: 'typing',
  Union: 'typing',
  TypeVar: 'typing',
  Generic: 'typing',
  Protocol: 'typing',
  Literal: 'typing',
  TYPE_CHECKING: 'typing',
  cast: 'typing',
  overload: 'typing',
  ClassVar: 'typing',
  Final: 'typing',
  TypedDict: 'typing',
  NamedTuple: 'typing',
  Self: 'typing',
};

/**
 * Members of the class `datetime.datetime` that the module `datetime` lacks: a use
 * like `datetime.now()` needs `from datetime import datetime`, not `import datetime`.
 */
export const DATETIME_CLASS_ATTRIBUTES: ReadonlySet<string> = new Set(
  'now utcnow today fromtimestamp utcfromtimestamp fromisoformat strptime combine min max resolution fromordinal'.split(
    ' ',
  ),
);

/** The standard-library module that usually provides `name`, if it is listed. */
export function stdlibHomeOf(name: string): string | undefined {
  return Object.hasOwn(TABLE, name) ? TABLE[name] : undefined;
}
