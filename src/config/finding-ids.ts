/**
 * Every finding ID in the config's `findings` must name a finding of the documents
 * (its ID or an alias, exactly as mapping uses them): a typo (`B-ARCH-5`) would
 * otherwise be ignored silently, and a finding the user marked manual get automated.
 */
import fs from 'node:fs';
import { InputError } from '../core/errors.js';
import type { RemedyConfig } from './load.js';

/** Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost);
    }
    row = next;
  }
  return row[y.length]!;
}

/** Up to three known IDs closest to `id`. */
export function closestIds(id: string, known: readonly string[]): string[] {
  return known
    .map((k) => ({ k, d: distance(id, k) }))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
    .slice(0, 3)
    .map((e) => e.k);
}

/** 1-based line of the key `"id":` in the config text, if found. */
function keyLine(file: string, id: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const at = text.indexOf(`${JSON.stringify(id)}`);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

/**
 * Throw InputError (exit 2) for the first config finding ID that matches no finding:
 * it names the ID, the config file and line, and the closest existing IDs.
 */
export function checkConfigFindingIds(config: RemedyConfig, known: ReadonlySet<string>): void {
  for (const id of config.findings.keys()) {
    if (known.has(id)) continue;
    const file = config.file ?? 'remedy.config.json';
    const near = closestIds(id, [...known]);
    const line = config.file ? keyLine(config.file, id) : undefined;
    throw new InputError(
      `finding "${id}" in ${file.split(/[\\/]/).pop()} matches no finding in the documents`,
      {
        location: { file, ...(line ? { line } : {}) },
        hint: `${near.length > 0 ? `did you mean ${near.join(', ')}? ` : ''}fix the ID under "findings", or remove the entry`,
      },
    );
  }
}
