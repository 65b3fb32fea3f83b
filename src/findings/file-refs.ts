/**
 * Files a finding names: from `**File:**` / `**Files to modify:**` / `**Files to create:**`
 * fields, links and inline mentions; line suffixes become line ranges, and identifiers
 * named next to a file become its symbols.
 */
import type { ListItem, RootContent } from 'mdast';
import { fileFieldRole, type LabelledBlock } from './sections.js';
import { type InlineToken, inlineTokens } from './text.js';

export type FileRole = 'modify' | 'create' | 'mention';

/** One file named in one place (a list item, a paragraph, a table cell). */
export interface RawFileRef {
  readonly path: string;
  readonly range?: { readonly start: number; readonly end: number };
  readonly symbols: readonly string[];
  readonly role: FileRole;
  /** Named in a file field (not just mentioned in prose). */
  readonly explicit: boolean;
}

interface Unit {
  readonly tokens: readonly InlineToken[];
  readonly field: 'modify' | 'create' | undefined;
}

const EXTENSIONS =
  'py|pyi|toml|txt|cfg|ini|ya?ml|json|md|rst|sh|bash|sql|ts|tsx|js|jsx|mjs|cjs|lock|env|conf|html|css|go|rs|java|rb|tf|hcl|xml|csv|properties|gradle|kt|swift|php|cs';
const KNOWN_EXT = new RegExp(`\\.(${EXTENSIONS})$`, 'i');
const BARE_PATH =
  /(?<![\w/.@:-])((?:[\w.-]+\/)*[a-z_][\w-]*(?:\.[\w-]+)*\.(?:py|pyi|toml|txt|cfg|ini|ya?ml|json|sh|sql|lock))(?::(\d+)(?:-(\d+))?)?(?![\w/-])/g;
const NAMED_FILES = /^(Dockerfile|Makefile|Procfile|\.gitignore|\.dockerignore)$/;

/** All file references in labelled blocks, in document order. */
export function fileRefsIn(blocks: readonly LabelledBlock[]): RawFileRef[] {
  return blocks.flatMap((b) => unitsOf(b).flatMap(refsInUnit));
}

function unitsOf(block: LabelledBlock): Unit[] {
  const field = fileFieldRole(block.label);
  if (block.rest) return [{ tokens: inlineTokens(block.rest), field }];
  return unitsInNode(block.node, field);
}

function unitsInNode(node: RootContent, field: Unit['field']): Unit[] {
  switch (node.type) {
    case 'paragraph':
      return [{ tokens: inlineTokens(node.children), field }];
    case 'list':
      return node.children.flatMap((item) => unitsInItem(item, field));
    case 'table':
      return node.children.flatMap((row) =>
        row.children.map((cell) => ({ tokens: inlineTokens(cell.children), field: undefined })),
      );
    case 'blockquote':
      return node.children.flatMap((c) => unitsInNode(c, field));
    default:
      return [];
  }
}

function unitsInItem(item: ListItem, field: Unit['field']): Unit[] {
  return item.children.flatMap((c) => unitsInNode(c, field));
}

interface Located {
  readonly path: string;
  readonly range?: { readonly start: number; readonly end: number };
  readonly index: number;
}

/** Split a unit at each file it names; what follows a file (to the next) describes it. */
function refsInUnit(unit: Unit): RawFileRef[] {
  const files = locateFiles(unit.tokens, unit.field !== undefined);
  return files.map((file, i) => {
    const before = textBetween(
      unit.tokens,
      i === 0 ? 0 : (files[i - 1]?.index ?? 0) + 1,
      file.index,
    );
    const after = unit.tokens.slice(file.index + 1, files[i + 1]?.index ?? unit.tokens.length);
    const alternative = /\bor\b[^,;]*$/i.test(before);
    const explicit = unit.field !== undefined && !alternative;
    const isNew = /\bnew\s*$/i.test(before) || /^\s*\(new( file)?\)/i.test(textOf(after));
    const role: FileRole = !explicit
      ? 'mention'
      : unit.field === 'create' || isNew
        ? 'create'
        : 'modify';
    const range = file.range ?? lineRange(textOf(after));
    return {
      path: file.path,
      ...(range ? { range } : {}),
      symbols: symbolsIn(after, explicit),
      role,
      explicit,
    };
  });
}

function locateFiles(tokens: readonly InlineToken[], allowDirectory: boolean): Located[] {
  const out: Located[] = [];
  tokens.forEach((t, index) => {
    if (t.kind === 'code') {
      const { path, range } = splitLineSuffix(t.value.trim());
      if (isDirectoryOrFile(path, allowDirectory))
        out.push({ path: cleanPath(path), index, ...(range ? { range } : {}) });
    } else if (t.kind === 'link') {
      const file = linkFile(t.url, t.text);
      if (file) out.push({ ...file, index });
    }
  });
  return out.concat(bareFiles(tokens)).sort((a, b) => a.index - b.index);
}

/** Paths written as plain words (`pyproject.toml`, `admin.py line 65`). */
function bareFiles(tokens: readonly InlineToken[]): Located[] {
  const out: Located[] = [];
  tokens.forEach((t, index) => {
    if (t.kind !== 'text') return;
    for (const m of t.value.matchAll(BARE_PATH)) {
      const range = m[2] ? { start: Number(m[2]), end: Number(m[3] ?? m[2]) } : undefined;
      out.push({ path: cleanPath(m[1] ?? ''), index, ...(range ? { range } : {}) });
    }
  });
  return out;
}

function linkFile(url: string, text: string): Omit<Located, 'index'> | undefined {
  if (/^([a-z]+:|#|\/\/)/i.test(url)) return undefined;
  const [rawPath = '', fragment = ''] = decodeURI(url).split('#');
  const path = cleanPath(rawPath);
  if (!isDirectoryOrFile(path, true)) return undefined;
  const fromText = splitLineSuffix(text.trim()).range ?? lineRange(text);
  const fromFragment = /^L(\d+)(?:-L?(\d+))?$/.exec(fragment);
  const range =
    fromText ??
    (fromFragment
      ? { start: Number(fromFragment[1]), end: Number(fromFragment[2] ?? fromFragment[1]) }
      : undefined);
  return { path, ...(range ? { range } : {}) };
}

/** `config.py:12`, `main.py:31-32`, `x.py#L157` -> path and range. */
export function splitLineSuffix(text: string): {
  path: string;
  range?: { start: number; end: number };
} {
  const m = /^(.*?)(?::(\d+)(?:[-–](\d+))?|#L(\d+)(?:-L?(\d+))?)$/.exec(text);
  if (!m?.[1]) return { path: text };
  const start = Number(m[2] ?? m[4]);
  const end = Number(m[3] ?? m[5] ?? start);
  return { path: m[1], range: { start, end } };
}

function cleanPath(path: string): string {
  return path.trim().replace(/^\.\//, '').replace(/\\/g, '/');
}

/** A relative path to a file (known extension or name) or, when allowed, a directory (`routers/`). */
function isDirectoryOrFile(path: string, allowDirectory: boolean): boolean {
  if (!/^[\w.@~-][\w.@~/-]*$/.test(path) || path.includes('//') || path.startsWith('~'))
    return false;
  if (path.endsWith('/')) return allowDirectory && path.length > 1;
  const name = path.split('/').pop() ?? '';
  return KNOWN_EXT.test(name) || NAMED_FILES.test(name);
}

/** `line 70`, `(lines 56-66)` in the text that follows a file. */
function lineRange(text: string): { start: number; end: number } | undefined {
  const m = /\blines?\s+(\d+)(?:\s*[-–]\s*(\d+))?/i.exec(text);
  return m ? { start: Number(m[1]), end: Number(m[2] ?? m[1]) } : undefined;
}

const NOT_SYMBOLS = new Set(
  'None True False Any Optional Union Callable Mapping Sequence Iterable Exception ValueError TypeError KeyError RuntimeError str int dict list set tuple bool bytes float object'.split(
    ' ',
  ),
);

/**
 * Identifiers in code spans after a file: `_safe_handler()`, `_DummySigner`; not rename
 * targets. In prose (not a file list) only calls and class names count.
 */
function symbolsIn(tokens: readonly InlineToken[], listed: boolean): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'code') return;
    const m = /^([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)(\(\))?$/.exec(t.value.trim());
    if (!m?.[1] || NOT_SYMBOLS.has(m[1])) return;
    const called = m[2] !== undefined;
    const className = /^_?[A-Z][a-z0-9]+[A-Za-z0-9]*$/.test(m[1]);
    const looksNamed = listed ? /_|[A-Z]/.test(m[1]) : className;
    const before = textOf(tokens.slice(Math.max(0, i - 1), i));
    if (!called && !looksNamed) return;
    if (/\b(renam\w*\s+(it\s+)?(to|as)|new name:?|import(ed)?\s+from|from)\s*$/i.test(before))
      return;
    out.push(m[1]);
  });
  return [...new Set(out)];
}

function textOf(tokens: readonly InlineToken[]): string {
  return tokens
    .map((t) => (t.kind === 'text' ? t.value : t.kind === 'code' ? t.value : t.text))
    .join('');
}

function textBetween(tokens: readonly InlineToken[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .filter((t) => t.kind === 'text')
    .map((t) => (t.kind === 'text' ? t.value : ''))
    .join('');
}
