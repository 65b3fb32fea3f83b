/**
 * Where transforms read files from: the disk, or the disk seen through an overlay of
 * in-memory texts (so a dry run of several findings lets later ones see earlier
 * ones' changes without writing anything).
 */
import fs from 'node:fs';
import { resolveInRepo } from '../core/paths.js';
import { type ReadOutcome, readSource } from './source.js';

export interface SourceStore {
  /** Absolute repository root. */
  readonly root: string;
  /** Read a repository-relative file. */
  read(relPath: string): ReadOutcome;
  exists(relPath: string): boolean;
  /** Repository-relative files that exist only in memory (created by earlier steps). */
  extraFiles(): readonly string[];
  /** In-memory texts, for handing to worker threads. */
  overlayEntries(): readonly (readonly [string, string])[];
  /** Repository-relative files deleted in memory (by earlier steps). */
  deletedFiles(): readonly string[];
}

export class DiskStore implements SourceStore {
  constructor(readonly root: string) {}

  read(relPath: string): ReadOutcome {
    return readSource(resolveInRepo(this.root, relPath));
  }

  exists(relPath: string): boolean {
    return fs.existsSync(resolveInRepo(this.root, relPath));
  }

  extraFiles(): readonly string[] {
    return [];
  }

  overlayEntries(): readonly (readonly [string, string])[] {
    return [];
  }

  deletedFiles(): readonly string[] {
    return [];
  }
}

/** The disk plus in-memory file texts that take precedence. */
export class OverlayStore implements SourceStore {
  private readonly texts = new Map<string, string>();
  private readonly deleted = new Set<string>();
  private readonly base: SourceStore;

  constructor(base: SourceStore, entries: Iterable<readonly [string, string]> = []) {
    this.base = base;
    for (const [p, text] of entries) this.texts.set(p, text);
  }

  get root(): string {
    return this.base.root;
  }

  set(relPath: string, text: string): void {
    this.deleted.delete(relPath);
    this.texts.set(relPath, text);
  }

  /** The file is gone (for the steps after the one that deleted it). */
  delete(relPath: string): void {
    this.texts.delete(relPath);
    this.deleted.add(relPath);
  }

  read(relPath: string): ReadOutcome {
    if (this.deleted.has(relPath)) {
      return { ok: false, kind: 'unreadable', reason: 'deleted by an earlier step' };
    }
    const text = this.texts.get(relPath);
    return text === undefined ? this.base.read(relPath) : { ok: true, text };
  }

  exists(relPath: string): boolean {
    if (this.deleted.has(relPath)) return false;
    return this.texts.has(relPath) || this.base.exists(relPath);
  }

  deletedFiles(): readonly string[] {
    return [...this.deleted];
  }

  extraFiles(): readonly string[] {
    return [...this.texts.keys()].filter((p) => !this.base.exists(p));
  }

  overlayEntries(): readonly (readonly [string, string])[] {
    return [...this.texts.entries()];
  }
}
