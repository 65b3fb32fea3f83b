/**
 * The FileContext a transform receives: the parsed file plus typed collectors for
 * import requests and notes, and `skip()`. The engine resolves the requests after
 * the transform's fixes are applied.
 */
import type { Note } from '../core/result.js';
import { detectEol, LineIndex } from '../core/text.js';
import type { ImportRequest } from '../python/import-edits.js';
import type { Node, Tree } from '../python/parser.js';
import type { FileContext, TransformSettings } from './contract.js';

/** Thrown by `ctx.skip()`; caught by the engine. */
export class SkipFile extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface ImportRequests {
  readonly add: ImportRequest[];
  readonly removeIfUnused: ImportRequest[];
}

export class PythonFileContext<O> implements FileContext<O> {
  readonly imports: ImportRequests = { add: [], removeIfUnused: [] };
  readonly notes: Note[] = [];
  private lineIndex: LineIndex | undefined;
  private lineEnding: '\n' | '\r\n' | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly tree: Tree,
    readonly options: O,
    readonly settings: TransformSettings,
  ) {}

  /** Built on first use: most files never need a line number. */
  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  get eol(): '\n' | '\r\n' {
    this.lineEnding ??= detectEol(this.text);
    return this.lineEnding;
  }

  addImport(module: string, name?: string, alias?: string): void {
    pushUnique(this.imports.add, {
      module,
      ...(name ? { name } : {}),
      ...(alias ? { alias } : {}),
    });
  }

  removeImportIfUnused(module: string, name?: string): void {
    pushUnique(this.imports.removeIfUnused, { module, ...(name ? { name } : {}) });
  }

  warn(message: string, at?: Node | number): void {
    this.note('warning', message, at);
  }

  info(message: string, at?: Node | number): void {
    this.note('info', message, at);
  }

  skip(reason: string): never {
    throw new SkipFile(reason);
  }

  private note(severity: Note['severity'], message: string, at?: Node | number): void {
    const offset = typeof at === 'number' ? at : at?.startIndex;
    this.notes.push({
      severity,
      message,
      ...(offset === undefined ? {} : { line: this.lines.lineOf(offset) }),
    });
  }
}

function pushUnique(list: ImportRequest[], req: ImportRequest): void {
  if (!list.some((r) => r.module === req.module && r.name === req.name && r.alias === req.alias)) {
    list.push(req);
  }
}
