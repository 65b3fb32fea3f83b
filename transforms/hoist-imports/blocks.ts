/**
 * What the blocks around a function-local import say about moving it: `if TYPE_CHECKING`,
 * a version or platform check, a `try` that catches import errors (or the fallback in
 * its handler), `with suppress(ImportError)` or `warnings.catch_warnings()` keep it;
 * any other `if`/`else`, `try`, `with`, `for`, `while` or `match` is only noted, since
 * importing an always-available standard-library module cannot fail and binds the
 * same module wherever it runs.
 */
import type { Node } from '../../src/python/parser.js';

/** A reason the blocks alone give to keep the import: `hoist/<code>`. */
export interface BlockStay {
  readonly code:
    | 'type-checking'
    | 'version-gated'
    | 'platform-specific'
    | 'guarded-import-error'
    | 'guarded';
  readonly why: string;
}

export interface BlockFacts {
  readonly stay: BlockStay | undefined;
  /** The innermost block around the import (`if`, `try`, `with`, `for`...), if any. */
  readonly block: string | undefined;
  /**
   * The handler of a `try` around it that would catch an import error without naming
   * it (`except:`, `except Exception:`), and whether that `try` guards imports only.
   */
  readonly broad: { readonly handler: string; readonly importsOnly: boolean } | undefined;
}

const IMPORT_ERRORS = /\b(ImportError|ModuleNotFoundError)\b/;
const BROAD = /^(Exception|BaseException)$/;
const VERSION_CHECK = /\b(version_info|hexversion|PY_?\d+\w*|PYTHON_VERSION\w*|python_version)\b/;
const PLATFORM_CHECK =
  /\bsys\.platform\b|\bos\.name\b|\bplatform\.(system|machine|uname|win32_ver|mac_ver)\b|\bIS_(WINDOWS|WIN|MAC|MACOS|LINUX|POSIX)\b/;
const IMPORT_TYPES = new Set(['import_statement', 'import_from_statement']);

function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** `except (ImportError, KeyError)` for a handler, without its body and `as name`. */
function handlerHead(handler: Node): string {
  const value = handler.childForFieldName('value');
  const types = value?.type === 'as_pattern' ? value.namedChild(0) : value;
  return types ? `except ${flat(types.text)}` : 'except';
}

/** The conditions that must hold (or fail) for code in `child` of the if statement `p` to run. */
function conditionsOf(p: Node, child: Node): Node[] {
  if (p.type === 'elif_clause') {
    return child.id === p.childForFieldName('consequence')?.id
      ? [p.childForFieldName('condition')!]
      : [];
  }
  const own = p.childForFieldName('condition')!;
  if (child.id === p.childForFieldName('consequence')?.id) return [own];
  // Reached through an elif or else: every earlier condition was false.
  const elifs = p.childrenForFieldName('alternative').filter((a) => a?.type === 'elif_clause');
  return [own, ...elifs.map((e) => e!.childForFieldName('condition')!)];
}

function gateOf(conditions: readonly Node[]): BlockStay | undefined {
  for (const condition of conditions) {
    const text = flat(condition.text);
    if (/\bTYPE_CHECKING\b/.test(text))
      return { code: 'type-checking', why: 'it is under `if TYPE_CHECKING`' };
    if (VERSION_CHECK.test(text))
      return { code: 'version-gated', why: `it is version-gated (inside \`if ${text}\`)` };
    if (PLATFORM_CHECK.test(text))
      return { code: 'platform-specific', why: `it is platform-gated (inside \`if ${text}\`)` };
  }
  return undefined;
}

/** The exception names a handler catches (`[]` for a bare `except:`). */
function caught(handler: Node): string[] {
  const value = handler.childForFieldName('value');
  if (!value) return [];
  const types = value.type === 'as_pattern' ? value.namedChild(0) : value;
  const items =
    types?.type === 'tuple' || types?.type === 'parenthesized_expression'
      ? types.namedChildren.filter((c): c is Node => !!c)
      : types
        ? [types]
        : [];
  return items.map((i) => i.text.split('.').pop()!);
}

function handlersOf(tryNode: Node): Node[] {
  return tryNode.namedChildren.filter(
    (c): c is Node => !!c && (c.type === 'except_clause' || c.type === 'except_group_clause'),
  );
}

interface TryFacts {
  readonly stay?: BlockStay;
  readonly broad?: BlockFacts['broad'];
}

function tryFacts(p: Node, child: Node): TryFacts {
  const handlers = handlersOf(p);
  if (child.id === p.childForFieldName('body')?.id) {
    const naming = handlers.find((h) => caught(h).some((n) => IMPORT_ERRORS.test(n)));
    if (naming) {
      const what = handlerHead(naming);
      return {
        stay: {
          code: 'guarded-import-error',
          why: `it is inside \`try\`/\`${what}\` (an optional import)`,
        },
      };
    }
    const broad = handlers.find(
      (h) => caught(h).length === 0 || caught(h).some((n) => BROAD.test(n)),
    );
    if (!broad) return {};
    const statements = child.namedChildren.filter((c) => c && c.type !== 'comment');
    const importsOnly = statements.every((s) => IMPORT_TYPES.has(s!.type));
    return { broad: { handler: handlerHead(broad), importsOnly } };
  }
  if (child.type === 'except_clause' && caught(child).some((n) => IMPORT_ERRORS.test(n))) {
    return {
      stay: {
        code: 'guarded-import-error',
        why: 'it is the fallback in `except ImportError` (an optional import)',
      },
    };
  }
  return {};
}

function withStay(p: Node): BlockStay | undefined {
  const items = p.namedChildren.find((c) => c?.type === 'with_clause');
  const text = flat(items?.text ?? '');
  if (
    /\bsuppress\s*\(/.test(text) &&
    (IMPORT_ERRORS.test(text) || /\b(Base)?Exception\b/.test(text))
  )
    return {
      code: 'guarded-import-error',
      why: `it is inside \`with ${text}\` (an optional import)`,
    };
  if (/\bcatch_warnings\s*\(/.test(text))
    return { code: 'guarded', why: `its warnings are filtered (inside \`with ${text}\`)` };
  return undefined;
}

const BLOCK_NAMES: Record<string, string> = {
  if_statement: 'if',
  elif_clause: 'elif',
  else_clause: 'else',
  try_statement: 'try',
  except_clause: 'except',
  finally_clause: 'finally',
  with_statement: 'with',
  for_statement: 'for',
  while_statement: 'while',
  match_statement: 'match',
  case_clause: 'case',
};

/** What the blocks between `node` and its function `fn` say about moving it. */
export function blockFacts(node: Node, fn: Node): BlockFacts {
  let block: string | undefined;
  let broad: BlockFacts['broad'];
  let child = node;
  for (let p = node.parent; p && p.id !== fn.id; child = p, p = p.parent) {
    block ??= BLOCK_NAMES[p.type];
    let stay: BlockStay | undefined;
    if (p.type === 'if_statement' || p.type === 'elif_clause')
      stay = gateOf(conditionsOf(p, child));
    else if (p.type === 'try_statement') {
      const facts = tryFacts(p, child);
      stay = facts.stay;
      broad ??= facts.broad;
    } else if (p.type === 'with_statement') stay = withStay(p);
    if (stay) return { stay, block, broad };
  }
  return { stay: undefined, block, broad };
}
