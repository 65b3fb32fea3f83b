/**
 * Framework entry points: exports that nothing in the project imports but that the
 * framework loads by convention, so they are referenced. Next.js: the app router's
 * special files (`page`, `layout`, `template`, `error`, `global-error`, `not-found`,
 * `loading`, `default`, `route`, metadata files) — their default export, route segment
 * config and metadata exports, and a route handler's HTTP methods; `middleware.ts`
 * and `instrumentation.ts` at the root or in `src/`; the pages router's pages. The app
 * and pages directories are at the app's root (where its tsconfig is) or in its `src/`.
 */

const APP_FILES = new Set([
  'page',
  'layout',
  'template',
  'error',
  'global-error',
  'not-found',
  'loading',
  'default',
  'route',
  'opengraph-image',
  'twitter-image',
  'icon',
  'apple-icon',
  'sitemap',
  'robots',
  'manifest',
]);

const SEGMENT_CONFIG = [
  'metadata',
  'generateMetadata',
  'generateStaticParams',
  'viewport',
  'generateViewport',
  'generateImageMetadata',
  'generateSitemaps',
  'dynamic',
  'dynamicParams',
  'revalidate',
  'fetchCache',
  'runtime',
  'preferredRegion',
  'maxDuration',
  'experimental_ppr',
  'alt',
  'size',
  'contentType',
];

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

const ROOT_FILES: Record<string, readonly string[]> = {
  middleware: ['default', 'middleware', 'config'],
  instrumentation: ['register', 'onRequestError'],
  'instrumentation-client': ['onRouterTransitionStart'],
};

const PAGES_EXPORTS = [
  'default',
  'getServerSideProps',
  'getStaticProps',
  'getStaticPaths',
  'config',
  'reportWebVitals',
];

const SOURCE = /\.(tsx?|jsx?|mjs|cjs|mts|cts)$/;

/** `src/app/classes/[slug]/page.tsx` -> { dirs: [...], stem: 'page' } for a source file. */
function parts(file: string): { dirs: string[]; stem: string } | undefined {
  if (!SOURCE.test(file) || /\.(test|spec)\.|\.d\.ts$/.test(file)) return undefined;
  const segments = file.split('/');
  const base = segments.pop()!;
  return { dirs: segments, stem: base.replace(SOURCE, '') };
}

/** Whether the path's directories start with `dir` or `src/<dir>`. */
function under(dirs: readonly string[], dir: string): boolean {
  return dirs[0] === dir || (dirs[0] === 'src' && dirs[1] === dir);
}

/**
 * Why the framework uses export `name` (`default` for the default export) of `file`
 * (relative to the app's root), or undefined when it does not.
 */
export function frameworkUse(file: string, name: string): string | undefined {
  const p = parts(file);
  if (!p) return undefined;
  if (under(p.dirs, 'app') && APP_FILES.has(p.stem)) {
    const names =
      p.stem === 'route' ? [...HTTP_METHODS, ...SEGMENT_CONFIG] : ['default', ...SEGMENT_CONFIG];
    if (names.includes(name)) {
      return `Next.js loads the ${name === 'default' ? 'default export' : `\`${name}\` export`} of ${p.stem}${file.slice(file.lastIndexOf('.'))} files under app/ by convention`;
    }
  }
  const atRoot = p.dirs.length === 0 || (p.dirs.length === 1 && p.dirs[0] === 'src');
  if (atRoot && ROOT_FILES[p.stem]?.includes(name)) {
    return `Next.js loads \`${name}\` from ${p.stem}${file.slice(file.lastIndexOf('.'))} by convention`;
  }
  if (under(p.dirs, 'pages') && PAGES_EXPORTS.includes(name)) {
    return `Next.js loads the ${name === 'default' ? 'default export' : `\`${name}\``} of every file under pages/ by convention`;
  }
  return undefined;
}
