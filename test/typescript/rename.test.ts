/**
 * The TypeScript rename planner on a small real project (one tsconfig, the `@/` alias,
 * TSX): what it rewrites at each kind of spot, how it resolves or refuses collisions,
 * what it says when the document is wrong, and the invariants — the output parses,
 * type-checks no worse, and planning again on it changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { diskHost, TsProjectView } from '../../src/typescript/project.js';
import { planTsRename } from '../../src/typescript/rename/index.js';
import {
  type TsRenameOptionsInput,
  tsRenameOptionsSchema,
} from '../../src/typescript/rename/options.js';
import { makeTree } from '../helpers.js';
import {
  applyPlan,
  type Change,
  changedLines,
  expectParsesAndTypeChecks,
  overlayOf,
} from './plan-helpers.js';

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'es2022',
      lib: ['es2022', 'dom'],
      module: 'esnext',
      moduleResolution: 'bundler',
      strict: true,
      jsx: 'preserve',
      types: [],
      paths: { '@/*': ['./src/*'] },
    },
    include: ['src'],
  }),
  'src/globals.d.ts': stripIndent(`
    declare namespace JSX { interface IntrinsicElements { [name: string]: unknown } }
    declare const vi: { mock(path: string, factory?: () => unknown): void; spyOn(o: object, k: string): void };
  `),
  'src/ui/Widget.tsx': stripIndent(`
    export function Widget(props: { n: number }) {
      return <div>{props.n}</div>
    }
    export const registry = { Widget }
  `),
  'src/ui/index.ts': "export * from './Widget'\nexport { Widget as W } from './Widget'\n",
  'src/app/uses.tsx': stripIndent(`
    import { Widget } from '@/ui'
    import { Widget as Wd } from '../ui/Widget'
    import * as ui from '@/ui/Widget'

    export const a = <Widget n={1}></Widget>
    export const b = <Wd n={2} />
    export const c = ui.Widget({ n: 3 })
    export const d = { Widget }
  `),
  'src/app/widget.test.tsx': stripIndent(`
    import * as mod from '@/ui/Widget'
    vi.mock('@/ui/Widget', () => ({ Widget: () => null, 'registry': {} }))
    vi.mock('@/ui', () => { return { Widget: () => 'barrel' } })
    vi.mock('./other', () => ({ Widget: 1 }))
    vi.spyOn(mod, 'Widget')
    export const label = 'Widget'
  `),
  'src/app/other.ts': 'export const Widget = 1\n',
  'src/app/clash.tsx': stripIndent(`
    import { Widget } from '@/ui'
    const Panel = 'taken'
    export const e = [Panel, <Widget n={4} />]
  `),
  'src/app/shadow.tsx': stripIndent(`
    import { Widget } from '@/ui'
    export function f() {
      const Panel = 5
      return <Widget n={Panel} />
    }
  `),
  'src/app/about/page.tsx': stripIndent(`
    import { Widget } from '@/ui'
    export default function Panel() {
      return <Widget n={6} />
    }
  `),
  'src/lib/net.ts': stripIndent(`
    export function request(url: string) {
      return fetch(url)
    }
    export function alpha() {
      return 1
    }
    export const beta = 2
  `),
  'src/lib/net-user.ts': stripIndent(`
    import { request } from './net'
    export const go = () => Promise.all([request('/a'), fetch('/b')])
  `),
  'src/lib/send.ts': 'export function send(url: string) {\n  return url\n}\n',
  'src/lib/send-user.ts':
    "import { send } from './send'\nexport const r = [send('a'), fetch('b')]\n",
  'src/lib/id.ts': 'export default function makeId() {\n  return 7\n}\n',
  'src/lib/id-user.ts': stripIndent(`
    import makeId from './id'
    import mk from './id'
    export const ids = [makeId(), mk()]
  `),
  'src/kit/a.ts': 'export function thing() {\n  return 1\n}\n',
  'src/kit/b.ts': 'export function other() {\n  return 2\n}\n',
  'src/kit/index.ts': "export * from './a'\nexport { other as gadget } from './b'\n",
};

let root: string;
let view: TsProjectView;

beforeAll(() => {
  root = makeTree(FILES, 'remedy-tsrename-');
  view = new TsProjectView(diskHost(root));
});

const plan = (input: TsRenameOptionsInput, on = view) =>
  planTsRename(on, tsRenameOptionsSchema.parse(input));
const byPath = (changes: readonly Change[], rel: string) => changes.find((c) => c.path === rel);
const codes = (p: ReturnType<typeof plan>) => p.diagnostics.map((d) => d.code);

describe('TypeScript rename — where it writes', () => {
  let changes: Change[];
  let result: ReturnType<typeof plan>;
  beforeAll(() => {
    result = plan({ renames: [{ file: 'src/ui/Widget.tsx', from: 'Widget', to: 'Panel' }] });
    changes = applyPlan(root, result);
  });

  it('renames the declaration and keeps a shorthand key', () => {
    expect(changedLines(byPath(changes, 'src/ui/Widget.tsx'))).toEqual([
      '-export function Widget(props: { n: number }) {',
      '+export function Panel(props: { n: number }) {',
      '-export const registry = { Widget }',
      '+export const registry = { Widget: Panel }',
    ]);
  });

  it('follows re-exports and export *, keeps import aliases, renames JSX and namespace uses', () => {
    expect(changedLines(byPath(changes, 'src/ui/index.ts'))).toEqual([
      "-export { Widget as W } from './Widget'",
      "+export { Panel as W } from './Widget'",
    ]);
    expect(changedLines(byPath(changes, 'src/app/uses.tsx'))).toEqual([
      "-import { Widget } from '@/ui'",
      "-import { Widget as Wd } from '../ui/Widget'",
      "+import { Panel } from '@/ui'",
      "+import { Panel as Wd } from '../ui/Widget'",
      '-export const a = <Widget n={1}></Widget>',
      '+export const a = <Panel n={1}></Panel>',
      '-export const c = ui.Widget({ n: 3 })',
      '-export const d = { Widget }',
      '+export const c = ui.Panel({ n: 3 })',
      '+export const d = { Widget: Panel }',
    ]);
  });

  it('renames vi.mock factory keys and spyOn names of the module, not of other modules', () => {
    expect(changedLines(byPath(changes, 'src/app/widget.test.tsx'))).toEqual([
      "-vi.mock('@/ui/Widget', () => ({ Widget: () => null, 'registry': {} }))",
      "-vi.mock('@/ui', () => { return { Widget: () => 'barrel' } })",
      "+vi.mock('@/ui/Widget', () => ({ Panel: () => null, 'registry': {} }))",
      "+vi.mock('@/ui', () => { return { Panel: () => 'barrel' } })",
      "-vi.spyOn(mod, 'Widget')",
      "+vi.spyOn(mod, 'Panel')",
    ]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'rename/string-mention',
        file: 'src/app/widget.test.tsx',
        line: 6,
      }),
    );
  });

  it('aliases the import where the importer already declares the new name', () => {
    expect(changedLines(byPath(changes, 'src/app/clash.tsx'))).toEqual([
      "-import { Widget } from '@/ui'",
      "+import { Panel as UiPanel } from '@/ui'",
      '-export const e = [Panel, <Widget n={4} />]',
      '+export const e = [Panel, <UiPanel n={4} />]',
    ]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'rename/resolved-alias',
        file: 'src/app/clash.tsx',
        line: 1,
      }),
    );
  });

  it('renames a local that would shadow the new name', () => {
    expect(changedLines(byPath(changes, 'src/app/shadow.tsx'))).toEqual([
      "-import { Widget } from '@/ui'",
      "+import { Panel } from '@/ui'",
      '-  const Panel = 5',
      '-  return <Widget n={Panel} />',
      '+  const PanelLocal = 5',
      '+  return <Panel n={PanelLocal} />',
    ]);
  });

  it("renames a route's own default-exported function instead (the AboutUsPage trap)", () => {
    expect(changedLines(byPath(changes, 'src/app/about/page.tsx'))).toEqual([
      "-import { Widget } from '@/ui'",
      '-export default function Panel() {',
      '-  return <Widget n={6} />',
      "+import { Panel } from '@/ui'",
      '+export default function AboutRoute() {',
      '+  return <Panel n={6} />',
    ]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'rename/resolved-local', file: 'src/app/about/page.tsx' }),
    );
  });

  it('leaves another module’s export of the same name alone', () => {
    expect(byPath(changes, 'src/app/other.ts')).toBeUndefined();
  });

  it('produces code that parses and type-checks no worse', () => {
    expectParsesAndTypeChecks(root, changes);
  });

  it('changes nothing when planned again on its own output', () => {
    const again = new TsProjectView(diskHost(root, overlayOf(changes)));
    const second = plan(
      { renames: [{ file: 'src/ui/Widget.tsx', from: 'Widget', to: 'Panel' }] },
      again,
    );
    expect(second.edits.size).toBe(0);
    expect(codes(second)).toEqual(['rename/already-done']);
  });
});

describe('TypeScript rename — collisions it cannot resolve, and wrong documents', () => {
  it('refuses a clash in the defining module and applies the other renames (partial)', () => {
    const result = plan({
      renames: [
        { file: 'src/lib/net.ts', from: 'alpha', to: 'beta' },
        { from: 'thing', to: 'widgetThing' },
      ],
    });
    expect(result.refusals).toEqual([]);
    const undone = result.diagnostics.filter((d) => d.undone);
    expect(undone).toEqual([
      expect.objectContaining({ code: 'rename/collision-module', file: 'src/lib/net.ts', line: 7 }),
    ]);
    expect([...result.edits.keys()].sort()).toEqual(['src/kit/a.ts']);
  });

  it('refuses a new name that would capture a global the defining module uses', () => {
    const result = plan({ renames: [{ file: 'src/lib/net.ts', from: 'request', to: 'fetch' }] });
    expect(result.refusals).toEqual([
      expect.objectContaining({ code: 'rename/collision-module', file: 'src/lib/net.ts', line: 2 }),
    ]);
    expect(result.refusals[0]!.message).toContain('the global `fetch`');
  });

  it('refuses a name a barrel that re-exports the declaration already exports', () => {
    const result = plan({ renames: [{ file: 'src/kit/a.ts', from: 'thing', to: 'gadget' }] });
    expect(result.refusals).toEqual([
      expect.objectContaining({ code: 'rename/collision-export', file: 'src/kit/index.ts' }),
    ]);
  });

  it('refuses every collision with collisions: "refuse"', () => {
    const result = plan({
      renames: [{ file: 'src/ui/Widget.tsx', from: 'Widget', to: 'Panel' }],
      collisions: 'refuse',
    });
    expect(result.edits.size).toBe(0);
    expect(result.refusals.map((r) => r.code)).toEqual(['rename/collision']);
    expect(result.refusals[0]!.hint).toContain('collisions: "resolve"');
  });

  it('uses the aliases and local names the options give', () => {
    const result = plan({
      renames: [{ file: 'src/ui/Widget.tsx', from: 'Widget', to: 'Panel' }],
      aliases: { 'src/app/clash.tsx': { Panel: 'Tile' } },
      localNames: { 'src/app/about/page.tsx': { Panel: 'AboutPage' } },
    });
    const changes = applyPlan(root, result);
    expect(changedLines(byPath(changes, 'src/app/clash.tsx'))).toContain(
      "+import { Panel as Tile } from '@/ui'",
    );
    expect(changedLines(byPath(changes, 'src/app/about/page.tsx'))).toContain(
      '+export default function AboutPage() {',
    );
  });

  it('says so when the document names a declaration that does not exist', () => {
    const result = plan({
      renames: [{ file: 'src/lib/net.ts', from: 'requestAll', to: 'fetchAll' }],
    });
    expect(result.refusals).toEqual([
      expect.objectContaining({
        code: 'rename/not-found',
        file: 'src/lib/net.ts',
        message: '`requestAll` is not declared at the top level of src/lib/net.ts',
        hint: 'names declared there that look alike: request',
      }),
    ]);
    const noFile = plan({ renames: [{ file: 'src/lib/nope.ts', from: 'x', to: 'y' }] });
    expect(noFile.refusals.map((r) => r.code)).toEqual(['rename/file-not-found']);
  });

  it('refuses chained renames', () => {
    const result = plan({
      renames: [
        { from: 'alpha', to: 'beta', file: 'src/lib/net.ts' },
        { from: 'beta', to: 'gamma', file: 'src/lib/net.ts' },
      ],
    });
    expect(result.refusals.map((r) => r.code)).toEqual(['rename/chain']);
  });
});

describe('TypeScript rename — default exports, globals at importers, affixes', () => {
  it('renames a default export with its local name and the default imports named after it', () => {
    const result = plan({ renames: [{ file: 'src/lib/id.ts', from: 'makeId', to: 'createId' }] });
    const changes = applyPlan(root, result);
    expect(changedLines(byPath(changes, 'src/lib/id-user.ts'))).toEqual([
      "-import makeId from './id'",
      "+import createId from './id'",
      '-export const ids = [makeId(), mk()]',
      '+export const ids = [createId(), mk()]',
    ]);
    expectParsesAndTypeChecks(root, changes);
  });

  it('aliases an import whose new name would capture a global the importer uses', () => {
    const result = plan({ renames: [{ file: 'src/lib/send.ts', from: 'send', to: 'fetch' }] });
    const changes = applyPlan(root, result);
    expect(changedLines(byPath(changes, 'src/lib/send-user.ts'))).toEqual([
      "-import { send } from './send'",
      "-export const r = [send('a'), fetch('b')]",
      "+import { fetch as sendFetch } from './send'",
      "+export const r = [sendFetch('a'), fetch('b')]",
    ]);
    expect(result.diagnostics.find((d) => d.code === 'rename/resolved-alias')?.message).toContain(
      'the global `fetch`',
    );
    expectParsesAndTypeChecks(root, changes);
  });

  it('expands an affix into the exported components of the files given', () => {
    const result = plan({ affix: { suffix: 'View', files: ['src/ui', 'src/app/uses.tsx'] } });
    const changes = applyPlan(root, result);
    expect(changedLines(byPath(changes, 'src/ui/Widget.tsx'))[1]).toBe(
      '+export function WidgetView(props: { n: number }) {',
    );
    expectParsesAndTypeChecks(root, changes);
  });
});
