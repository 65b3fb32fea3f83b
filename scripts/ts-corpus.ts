/**
 * A seeded, Next.js-shaped TypeScript corpus for the TS benchmarks: `src/lib` helpers,
 * `src/components` (TSX, with local JSX types: no react needed), `src/app/**\/page.tsx`,
 * services and tests, importing each other through the `@/` alias and relative paths.
 * It carries the sites the TS transforms look for: `'HKD'` literals, `formatMoney(currency,
 * amount)` calls, `fetchUser` imports, and helpers declared between imports. It type-checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seeded } from './bench-corpus.js';

export interface TsCorpusStats {
  readonly files: number;
  readonly lines: number;
  /** `'HKD'` string literals written. */
  readonly hkd: number;
  /** Files with a statement between their imports (imports-first sites). */
  readonly interleaved: number;
}

const NOUNS = [
  'user',
  'order',
  'invoice',
  'product',
  'cart',
  'payment',
  'account',
  'report',
  'coupon',
  'address',
  'review',
  'shipment',
];

interface Module {
  /** Path under `src/`, without extension. */
  readonly id: string;
  readonly ext: '.ts' | '.tsx';
  /** An exported function taking a string and returning a string. */
  readonly fn: string;
}

const BASE: Record<string, string> = {
  'tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: {
        target: 'es2022',
        lib: ['es2022', 'dom'],
        module: 'esnext',
        moduleResolution: 'bundler',
        strict: true,
        jsx: 'preserve',
        noEmit: true,
        paths: { '@/*': ['./src/*'] },
      },
      include: ['src'],
    },
    null,
    2,
  )}\n`,
  'src/types/jsx.d.ts':
    'declare namespace JSX {\n  interface IntrinsicElements {\n    [name: string]: Record<string, unknown>;\n  }\n  type Element = unknown;\n}\n',
  'src/lib/config.ts': "export function getDefaultCurrencyCode(): string {\n  return 'HKD';\n}\n",
  'src/lib/money.ts':
    "export function formatMoney(currency: string, amount: number): string {\n  return currency + ' ' + amount.toFixed(2);\n}\n",
  'src/lib/legacy-api.ts':
    "export interface User {\n  id: string;\n  name: string;\n}\n\nexport async function fetchUser(id: string): Promise<User> {\n  return { id, name: 'user ' + id };\n}\n",
};

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The specifier `from` uses for `to` (both ids under src/): the alias or a relative path. */
function specifier(from: string, to: string, alias: boolean): string {
  if (alias) return `@/${to}`;
  const rel = path.posix.relative(path.posix.dirname(from), to);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function moduleText(
  rand: () => number,
  self: Module,
  deps: readonly Module[],
  stats: { hkd: number; interleaved: number },
): string {
  const imports: string[] = [];
  const usesMoney = rand() < 0.5;
  const usesUser = rand() < 0.3;
  if (usesMoney)
    imports.push(`import { formatMoney } from '${specifier(self.id, 'lib/money', true)}';`);
  if (usesUser) imports.push(`import { fetchUser, type User } from '@/lib/legacy-api';`);
  for (const dep of deps)
    imports.push(`import { ${dep.fn} } from '${specifier(self.id, dep.id, rand() < 0.7)}';`);
  const body: string[] = [];
  const helper = `const ${self.fn}Prefix = '${self.id.split('/').pop()}';`;
  if (imports.length > 1 && rand() < 0.15) {
    imports.splice(1, 0, helper);
    stats.interleaved++;
  } else body.push(helper);
  const currency = rand() < 0.25 ? "'HKD'" : "'USD'";
  if (usesMoney && currency === "'HKD'") stats.hkd++;
  body.push('', `export function ${self.fn}(input: string): string {`);
  body.push(`  const parts: string[] = [${self.fn}Prefix, input];`);
  for (const dep of deps) body.push(`  parts.push(${dep.fn}(input));`);
  if (usesMoney) body.push(`  parts.push(formatMoney(${currency}, input.length));`);
  body.push("  return parts.join('/');", '}');
  if (usesUser) {
    body.push(
      '',
      `export async function load${cap(self.fn)}(id: string): Promise<User> {`,
      '  const user = await fetchUser(id);',
      `  return { ...user, name: ${self.fn}(user.name) };`,
      '}',
    );
  }
  for (let k = 0; k < 2 + Math.floor(rand() * 4); k++) {
    body.push(
      '',
      `export function ${self.fn}Step${k}(values: readonly number[]): number {`,
      '  let total = 0;',
      '  for (const value of values) {',
      `    total += value * ${k + 1};`,
      '  }',
      '  return total;',
      '}',
    );
  }
  if (self.ext === '.tsx') {
    body.push(
      '',
      `export function ${cap(self.fn)}View(props: { label: string }) {`,
      `  return <section className="${self.fn}">{${self.fn}(props.label)}</section>;`,
      '}',
    );
  }
  return `${[...imports, ...body].join('\n')}\n`;
}

const KINDS: { dir: string; ext: '.ts' | '.tsx'; share: number }[] = [
  { dir: 'lib', ext: '.ts', share: 0.12 },
  { dir: 'components', ext: '.tsx', share: 0.4 },
  { dir: 'app', ext: '.tsx', share: 0.23 },
  { dir: 'services', ext: '.ts', share: 0.15 },
  { dir: '__tests__', ext: '.ts', share: 0.1 },
];

function kindFor(rand: () => number): (typeof KINDS)[number] {
  let r = rand();
  for (const kind of KINDS) {
    if (r < kind.share) return kind;
    r -= kind.share;
  }
  return KINDS[0]!;
}

/** Write the corpus (replacing `dir`) with `files` generated modules besides the base ones. */
export function writeTsCorpus(dir: string, files: number, seed = 14): TsCorpusStats {
  const rand = seeded(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  for (const [rel, text] of Object.entries(BASE)) write(rel, text);
  const modules: Module[] = [];
  const stats = { hkd: 1, interleaved: 0 }; // src/lib/config.ts returns 'HKD'
  let lines = 0;
  for (let i = 0; i < files; i++) {
    const kind = kindFor(rand);
    const noun = NOUNS[Math.floor(rand() * NOUNS.length)]!;
    const id = kind.dir === 'app' ? `app/${noun}-${i}/page` : `${kind.dir}/${noun}/${noun}${i}`;
    const self: Module = { id, ext: kind.ext, fn: `${noun}${i}` };
    const deps: Module[] = [];
    // Depend on up to three earlier library-like modules (never on pages or tests).
    const candidates = modules.filter(
      (m) => !m.id.startsWith('app/') && !m.id.startsWith('__tests__/'),
    );
    for (let k = 0; k < Math.floor(rand() * 4) && candidates.length > 0; k++) {
      const dep = candidates[Math.floor(rand() * candidates.length)]!;
      if (!deps.includes(dep)) deps.push(dep);
    }
    const text = moduleText(rand, self, deps, stats);
    write(`src/${id}${kind.ext}`, text);
    lines += text.split('\n').length - 1;
    modules.push(self);
  }
  return { files: files + Object.keys(BASE).length - 1, lines, ...stats };
}
