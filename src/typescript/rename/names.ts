/**
 * Deterministic names for collision resolutions: a free name for a local that would
 * shadow or be shadowed (`HomePageLocal`), an alias for an import whose new name is
 * taken in the importer (from the new name and the module: `PagesAboutUsPage`), and a
 * name for the default-exported function of a Next.js route file (`AboutUsRoute`,
 * the name a route component usually has: nothing imports it by name).
 */
import { ts } from 'ts-morph';
import { identifiersNamed } from '../scopes.js';

const MEANINGS = ts.SymbolFlags.Value | ts.SymbolFlags.Type | ts.SymbolFlags.Namespace;

/** Whether `name` is spelled nowhere in the file and names no global. */
export function isFreeIn(sf: ts.SourceFile, name: string, checker: ts.TypeChecker): boolean {
  if (identifiersNamed(sf, name).length > 0) return false;
  return checker.resolveName(name, sf, MEANINGS, false) === undefined;
}

/** `base`, else `base2`, `base3`... the first that is free in the file. */
export function firstFree(
  sf: ts.SourceFile,
  base: string,
  checker: ts.TypeChecker,
  taken: ReadonlySet<string> = new Set(),
): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (!taken.has(name) && isFreeIn(sf, name, checker)) return name;
  }
}

const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9$]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** The new name of a local that clashes: based on its own name. */
export function localNameFor(name: string): string {
  return `${name}Local`;
}

/**
 * An alias for importing `name` from `specifier` where `name` is taken: the closest
 * path segment of the module that the name does not already contain, in front of it
 * (`AboutUsPage` from `@/components/pages/AboutUs` -> `PagesAboutUsPage`;
 * `formatDate` from `./dates` -> `datesFormatDate`).
 */
export function aliasFor(name: string, specifier: string): string {
  const segments = specifier
    .replace(/\.[cm]?[jt]sx?$/, '')
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..' && s !== 'index' && !s.startsWith('@'));
  const word = [...segments]
    .reverse()
    .map(pascal)
    .find((w) => w !== '' && !name.toLowerCase().includes(w.toLowerCase()));
  if (!word) return `${name}Import`;
  if (/^[A-Z]/.test(name)) return `${word}${name}`;
  return `${word[0]!.toLowerCase()}${word.slice(1)}${name[0]!.toUpperCase()}${name.slice(1)}`;
}

const ROUTE_FILE =
  /(?:^|\/)app\/((?:[^/]+\/)*)(page|layout|template|default|error|global-error|not-found|loading)\.[cm]?[jt]sx?$/;

/**
 * For a Next.js app-router file (`app/about-us/page.tsx`), the name its default-exported
 * component would have by the segment and the file's role (`AboutUsRoute`,
 * `ClassesLayout`); undefined for any other file.
 */
export function routeComponentName(file: string): string | undefined {
  const m = ROUTE_FILE.exec(file);
  if (!m) return undefined;
  const segments = m[1]!
    .split('/')
    .filter((s) => s !== '' && !/^\(.*\)$/.test(s) && !s.startsWith('@'))
    .map((s) => s.replace(/^\[+(?:\.\.\.)?|\]+$/g, ''));
  const segment = pascal(segments[segments.length - 1] ?? 'root') || 'Root';
  const role = m[2] === 'page' ? 'Route' : pascal(m[2]!);
  return `${segment}${role}`;
}
