/** Seed documents for the findings tests: `../shared/seeds/NNN_*.txt`, read and parsed. */
import fs from 'node:fs';
import path from 'node:path';
import { parseFindingsDocument } from '../../src/findings/parse.js';
import type { Finding, FindingsSet } from '../../src/findings/types.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** `../shared/seeds` beside the checkout, else the copy in `test/seeds`. */
export const SEEDS_DIR = [
  path.resolve(REPO_ROOT, '../shared/seeds'),
  path.join(REPO_ROOT, 'test/seeds'),
].find((dir) => fs.existsSync(dir))!;

export type SeedNumber = '000' | '001' | '002' | '003' | '004';
export const SEEDS: readonly SeedNumber[] = ['000', '001', '002', '003', '004'];

export function seedPath(n: SeedNumber): string {
  const name = fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${n}_`));
  if (!name) throw new Error(`seed ${n} not found in ${SEEDS_DIR}`);
  return path.join(SEEDS_DIR, name);
}

export function seedText(n: SeedNumber): string {
  return fs.readFileSync(seedPath(n), 'utf8');
}

const parsed = new Map<SeedNumber, FindingsSet>();

export function parseSeed(n: SeedNumber): FindingsSet {
  const cached = parsed.get(n);
  if (cached) return cached;
  const set = parseFindingsDocument(seedText(n), seedPath(n));
  parsed.set(n, set);
  return set;
}

export function finding(set: FindingsSet, id: string): Finding {
  const found = set.findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
}

export function ids(set: FindingsSet): string[] {
  return set.findings.map((f) => f.id);
}

/** `CF-01`..`CF-42` style ranges. */
export function idRange(prefix: string, from: number, to: number, width = 2): string[] {
  return Array.from(
    { length: to - from + 1 },
    (_, i) => `${prefix}${String(from + i).padStart(width, '0')}`,
  );
}

export function phase(set: FindingsSet, id: string) {
  const found = set.phases.find((p) => p.id === id);
  if (!found) throw new Error(`no phase ${id}; phases: ${set.phases.map((p) => p.id).join(', ')}`);
  return found;
}
