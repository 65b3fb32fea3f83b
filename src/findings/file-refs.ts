/**
 * Files a finding names: from `**File:**` / `**Files to modify:**` / `**Files to create:**`
 * fields, links and inline mentions; line suffixes become line ranges, and identifiers
 * named next to a file become its symbols.
 */
import type { ListItem, RootContent } from 'mdast';
import { isStrongId } from './ids.js';
import { type LineRange, lineList, lineRanges, splitLineSuffix } from './line-refs.js';
import { fileFieldRole, isFixLabel, type LabelledBlock, paragraphLabel } from './sections.js';

import { type InlineToken, inlineText, inlineTokens } from './text.js';

export type FileRole = 'modify' | 'create' | 'mention';

/** One file named in one place (a list item, a paragraph, a table cell). */
export interface RawFileRef {
  readonly path: string;
  /** Line ranges given with the path (`:43, 134, 246` -> three). */
  readonly ranges: readonly LineRange[];
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
  'sqlite3?|db|py|pyi|toml|txt|cfg|ini|ya?ml|json|md|rst|sh|bash|sql|ts|tsx|js|jsx|mjs|cjs|lock|env|conf|html|css|go|rs|java|rb|tf|hcl|xml|csv|properties|gradle|kt|swift|php|cs';
const KNOWN_EXT = new RegExp(`\\.(${EXTENSIONS})$`);
const BARE_PATH =
  /(?<![\w/.@:-])((?:[\w.[\]-]+\/)*[A-Za-z_][\w-]*(?:\.[\w-]+)*\.(?:py|pyi|toml|txt|cfg|ini|ya?ml|json|sh|sql|lock|ts|tsx|js|jsx|mjs|cjs|md))(?::(\d+(?:\s*[-–]\s*\d+)?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*))?(?![\w/-])/g;
/** Product names that look like file names (`Node.js`, `Next.js`). */
const FRAMEWORK_NAMES =
  /^(node|next|vue|nuxt|express|three|chart|angular|ember|backbone|socket\.io|d3|p5)\.js$/i;
const NAMED_FILES = /^(Dockerfile|Makefile|Procfile|\.gitignore|\.dockerignore|\.env(\.[\w-]+)?)$/;

/**
 * All file references in labelled blocks, in document order. A `**Lines:** 640, 646`
 * label adds its lines to the file named just before it.
 */
export function fileRefsIn(blocks: readonly LabelledBlock[]): RawFileRef[] {
  const out: RawFileRef[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last && b.rest && /^(lines?|строк[аи]?)$/iu.test(b.label ?? '')) {
      const ranges = lineList(inlineTokens(b.rest).map(tokenValue).join(''));
      out[out.length - 1] = { ...last, ranges: [...last.ranges, ...ranges] };
      continue;
    }
    if (b.node.type === 'code') out.push(...codeFileRef(b.node.value, b.label));
    else out.push(...unitsOf(b).flatMap(refsInUnit));
  }
  return out;
}

/**
 * The file a code block's first line names in a comment: `# backend/grading/tasks.py
 * (NEW FILE)` (create), `# Add to backend/core/settings.py` (modify), `# pagination.py:73`.
 */
function codeFileRef(code: string, label: string | null): RawFileRef[] {
  const first = code.split('\n', 1)[0]?.trim() ?? '';
  const m =
    /^(?:#|\/\/|--|\/\*)\s*(?:(add(?:\s+to)?|modify|update|edit|change|create|in|file|location)\b:?\s*)?(\S+?)(?:\s*\((new(?: file)?)\))?\s*(?:\*\/)?$/i.exec(
      first,
    );
  if (!m?.[2]) return [];
  const { path, ranges } = splitLineSuffix(m[2]);
  if (!path.includes('/') || !isDirectoryOrFile(path, false)) return [];
  const verb = (m[1] ?? '').toLowerCase();
  const role: FileRole =
    m[3] || verb === 'create'
      ? 'create'
      : verb && verb !== 'in' && verb !== 'file' && verb !== 'location'
        ? 'modify'
        : isFixLabel(label)
          ? 'modify'
          : 'mention';
  return [{ path: cleanPath(path), ranges, symbols: [], role, explicit: role !== 'mention' }];
}

function tokenValue(t: InlineToken): string {
  return t.kind === 'link' ? t.text : t.value;
}

/** A file label covers its own line and the lists or tables after it, not later prose. */
function unitsOf(block: LabelledBlock): Unit[] {
  const field = fileFieldRole(block.label);
  if (block.rest) return [{ tokens: inlineTokens(block.rest), field }];
  return unitsInNode(block.node, block.node.type === 'paragraph' ? undefined : field);
}

/** The paragraph names a file (a path with a known extension, in code or plain text). */
export function namesFile(node: RootContent): boolean {
  return node.type === 'paragraph' && locateFiles(inlineTokens(node.children), false).length > 0;
}

function unitsInNode(node: RootContent, field: Unit['field']): Unit[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return [{ tokens: inlineTokens(node.children), field }];
    case 'list':
      return node.children.flatMap((item) => unitsInItem(item, field));
    case 'table': {
      const idTable = node.children
        .slice(1)
        .every((row) => isStrongId(inlineText(row.children[0] ?? row, { backticks: false })));
      const header = idTable
        ? undefined
        : node.children[0]?.children.map((c) => inlineText(c, { backticks: false }));
      return node.children.flatMap((row, r) =>
        row.children.map((cell, i) => ({
          tokens: inlineTokens(cell.children),
          field: r > 0 ? fileFieldRole(header?.[i] ?? null) : undefined,
        })),
      );
    }
    case 'blockquote':
      return node.children.flatMap((c) => unitsInNode(c, field));
    default:
      return [];
  }
}

/** A list item's units; `- **Files:** a.py, b/` makes the item a file field of its own. */
function unitsInItem(item: ListItem, field: Unit['field']): Unit[] {
  const [first, ...rest] = item.children;
  const label = first?.type === 'paragraph' ? paragraphLabel(first) : undefined;
  const own = label ? fileFieldRole(label.label) : undefined;
  if (!label || !own) return item.children.flatMap((c) => unitsInNode(c, field));
  return [
    { tokens: inlineTokens(label.rest), field: own },
    ...rest.flatMap((c) => unitsInNode(c, own)),
  ];
}

interface Located {
  readonly path: string;
  readonly ranges: readonly LineRange[];
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
    const isNew =
      /\b(new|create|add)\s*:?\s*$/i.test(before) || /^\s*\(new( file)?\)/i.test(textOf(after));
    const role: FileRole = !explicit
      ? 'mention'
      : unit.field === 'create' || isNew
        ? 'create'
        : 'modify';
    const ranges = file.ranges.length > 0 ? file.ranges : lineRanges(textOf(after));
    return {
      path: file.path,
      ranges,
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
      const { path, ranges } = splitLineSuffix(t.value.trim());
      if (isDirectoryOrFile(path, allowDirectory))
        out.push({ path: cleanPath(path), index, ranges });
    } else if (t.kind === 'link') {
      const file = linkFile(t.url, t.text);
      if (file) out.push({ ...file, index });
    }
  });
  const bare = bareFiles(tokens).concat(allowDirectory ? bareDirectories(tokens) : []);
  return out.concat(bare).sort((a, b) => a.index - b.index);
}

/** Paths written as plain words (`pyproject.toml`, `admin.py line 65`). */
function bareFiles(tokens: readonly InlineToken[]): Located[] {
  const out: Located[] = [];
  tokens.forEach((t, index) => {
    if (t.kind !== 'text') return;
    for (const m of t.value.matchAll(BARE_PATH)) {
      if (FRAMEWORK_NAMES.test(m[1] ?? '')) continue;
      out.push({ path: cleanPath(m[1] ?? ''), index, ranges: m[2] ? lineList(m[2]) : [] });
    }
  });
  return out;
}

/** `observability/tempo/` written as a plain word in a file field. */
function bareDirectories(tokens: readonly InlineToken[]): Located[] {
  const out: Located[] = [];
  tokens.forEach((t, index) => {
    if (t.kind !== 'text') return;
    for (const m of t.value.matchAll(/(?<![\w/.@:-])((?:[\w.-]+\/)+)(?=[\s,;)]|$)/g))
      if (m[1] && m[1].length > 2) out.push({ path: cleanPath(m[1]), index, ranges: [] });
  });
  return out;
}

function linkFile(url: string, text: string): Omit<Located, 'index'> | undefined {
  if (/^([a-z]+:|#|\/\/)/i.test(url)) return undefined;
  const [rawPath = '', fragment = ''] = decodeURI(url).split('#');
  const path = cleanPath(rawPath);
  if (!isDirectoryOrFile(path, true)) return undefined;
  const suffix = splitLineSuffix(text.trim()).ranges;
  const fromText = suffix.length > 0 ? suffix : lineRanges(text);
  const fromFragment = /^L(\d+)(?:-L?(\d+))?$/.exec(fragment);
  const ranges =
    fromText.length > 0 || !fromFragment
      ? fromText
      : [{ start: Number(fromFragment[1]), end: Number(fromFragment[2] ?? fromFragment[1]) }];
  return { path, ranges };
}

function cleanPath(path: string): string {
  return path
    .trim()
    .replace(/\\/g, '/')
    .replace(/^\.?\/(?!\/)/, '');
}

/** A relative path to a file (known extension or name) or, when allowed, a directory (`routers/`). */
function isDirectoryOrFile(path: string, allowDirectory: boolean): boolean {
  if (!/^\/?[\w.@~[(-][\w.@~/[\]()-]*$/.test(path) || path.includes('//') || path.startsWith('~'))
    return false;
  if (path.endsWith('/')) return allowDirectory && path.length > 1;
  const name = path.split('/').pop() ?? '';
  return KNOWN_EXT.test(name) || NAMED_FILES.test(name);
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
