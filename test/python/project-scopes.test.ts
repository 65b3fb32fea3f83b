/** The scope model of one module: bindings, references and Python's resolution rules. */
import { beforeAll, describe, expect, it } from 'vitest';
import { stripIndent } from '../../src/core/text.js';
import { loadPython, parsePython } from '../../src/python/parser.js';
import { analyzeModule, type ModuleAnalysis } from '../../src/python/project/module-analysis.js';
import type { Reference } from '../../src/python/project/scope-types.js';

beforeAll(() => loadPython());

function analyze(source: string): { text: string; analysis: ModuleAnalysis } {
  const text = stripIndent(source);
  return { text, analysis: analyzeModule(parsePython(text)) };
}

/** Where each reference named `name` resolves: `line:binding-kind@line` or `builtin` / `unbound`. */
function resolutions(analysis: ModuleAnalysis, name: string): string[] {
  return analysis.references
    .filter((r) => r.name === name)
    .map((r: Reference) => {
      const line = r.node.startPosition.row + 1;
      const target = r.bindings.length
        ? r.bindings.map((b) => `${b.kind}@${b.node.startPosition.row + 1}`).join(',')
        : r.builtin
          ? 'builtin'
          : 'unbound';
      return `${line}:${target}`;
    });
}

describe('bindings', () => {
  it('records every kind of binding in the module scope', () => {
    const { analysis } = analyze(`
      import a.b as c, d.e
      from .x import (y as z, w)
      p, (q, *r) = 1, (2, 3)
      s += 1
      t: int
      if (u := 10): pass
      for i, j in k: pass
      with open() as (f, g), h as hh: pass
      try: pass
      except (A, B) as e: pass
      def fn(): pass
      class Cls: pass
      match m:
          case Point(x=mx, y=[my, *rest]) | {"k": mk, **mrest} as whole: pass
          case Color.RED: pass
          case _: pass
      `);
    const kinds = Object.fromEntries(
      analysis.bindings.filter((b) => b.scope.kind === 'module').map((b) => [b.name, b.kind]),
    );
    expect(kinds).toEqual({
      c: 'import',
      d: 'import',
      z: 'import',
      w: 'import',
      p: 'assignment',
      q: 'assignment',
      r: 'assignment',
      s: 'augmented-assignment',
      t: 'annotation',
      u: 'walrus',
      i: 'for',
      j: 'for',
      f: 'with',
      g: 'with',
      hh: 'with',
      e: 'except',
      fn: 'function',
      Cls: 'class',
      mx: 'match',
      my: 'match',
      rest: 'match',
      mk: 'match',
      mrest: 'match',
      whole: 'match',
    });
    expect(resolutions(analysis, 'Color')).toEqual(['15:unbound']);
  });

  it('gives imports their targets', () => {
    const { analysis } = analyze(`
      import a.b.c
      import a.b as ab
      from ..pkg import mod as m
      from . import sibling
      `);
    const targets = analysis.bindings.map((b) => `${b.name}=${b.import?.target}`);
    expect(targets).toEqual(['a=a', 'ab=a.b', 'm=..pkg.mod', 'sibling=.sibling']);
  });
});

describe('resolution', () => {
  it('resolves function locals statically and globals through `global`', () => {
    const { analysis } = analyze(`
      x = 1
      def f():
          print(x)
          x = 2
      def g():
          global x
          x = 3
          return x
      `);
    expect(resolutions(analysis, 'x')).toEqual([
      '3:assignment@4',
      '6:assignment@1,assignment@7',
      '8:assignment@1,assignment@7',
    ]);
    expect(resolutions(analysis, 'print')).toEqual(['3:builtin']);
  });

  it('hides class bodies from methods and comprehensions, but not from the class body', () => {
    const { analysis } = analyze(`
      y = 0
      class C:
          y = 1
          z = y
          def m(self):
              return y
          w = [y for _ in range(3)]
          v = [i for i in range(y)]
      `);
    expect(resolutions(analysis, 'y')).toEqual([
      '4:assignment@3',
      '6:assignment@1',
      '7:assignment@1',
      '8:assignment@3',
    ]);
  });

  it('binds nonlocal names in the enclosing function', () => {
    const { analysis } = analyze(`
      def outer():
          n = 0
          def inner():
              nonlocal n
              n += 1
              return n
          return inner
      `);
    expect(resolutions(analysis, 'n')).toEqual([
      '4:assignment@2,augmented-assignment@5',
      '5:assignment@2,augmented-assignment@5',
      '6:assignment@2,augmented-assignment@5',
    ]);
  });

  it('scopes comprehensions and lambdas; walrus binds outside the comprehension', () => {
    const { analysis } = analyze(`
      i = 'outer'
      xs = [i for i in range(3)]
      ys = [last := j for j in xs]
      f = lambda i, k=i: i + k
      print(i, last)
      `);
    expect(resolutions(analysis, 'i')).toEqual([
      '2:comprehension@2',
      '4:assignment@1',
      '4:parameter@4',
      '5:assignment@1',
    ]);
    expect(resolutions(analysis, 'last')).toEqual(['5:walrus@3']);
  });

  it('reads decorators, defaults and annotations in the enclosing scope', () => {
    const { analysis } = analyze(`
      T = int
      def deco(fn): return fn
      class K:
          T = str
          @deco
          def m(self, a: T = T) -> T:
              return a
      `);
    expect(resolutions(analysis, 'T')).toEqual([
      '6:assignment@4',
      '6:assignment@4',
      '6:assignment@4',
    ]);
    expect(resolutions(analysis, 'deco')).toEqual(['5:function@2']);
  });

  it('finds names in string annotations and del targets', () => {
    const { analysis } = analyze(`
      class Foo: pass
      def f(x: "Foo", y: "list[mod.Bar]") -> "Foo | None":
          del x
      `);
    expect(resolutions(analysis, 'Foo')).toEqual(['2:class@1', '2:class@1']);
    expect(resolutions(analysis, 'Bar')).toEqual([]);
    expect(resolutions(analysis, 'x')).toEqual(['3:parameter@2']);
  });

  it('resolves through star imports when nothing else binds a name', () => {
    const { analysis } = analyze(`
      from m import *
      print(thing, len)
      `);
    expect(resolutions(analysis, 'thing')).toEqual(['2:star-import@1']);
    expect(resolutions(analysis, 'len')).toEqual(['2:star-import@1']);
    expect(analysis.references.find((r) => r.name === 'len')!.builtin).toBe(true);
  });

  it('records attribute chains and qualified scope names', () => {
    const { analysis } = analyze(`
      import app.api
      class C:
          def m(self):
              def inner(): return app.api.admin_request._parse_body
      `);
    const chain = analysis.attributeChains[0]!;
    expect(chain.base.name).toBe('app');
    expect(chain.attributes.map((a) => a.text)).toEqual(['api', 'admin_request', '_parse_body']);
    expect(analysis.scopes.map((s) => s.qualifiedName)).toEqual([
      '',
      'C',
      'C.m',
      'C.m.<locals>.inner',
    ]);
    expect(analysis.scopeByQualifiedName('C.m.inner')?.kind).toBe('function');
  });
});
