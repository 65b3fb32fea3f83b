/** pep604-optional: fixture cases, inline cases, and refusals. */
import { describe, expect, it } from 'vitest';
import {
  assertTransform,
  assertUnchanged,
  defineFixtureTests,
  transformText,
} from '../../test/harness.js';
import transform from './index.js';

describe('pep604-optional fixtures', () => {
  defineFixtureTests(transform, import.meta.dirname);
});

describe('pep604-optional inline', () => {
  it('rewrites Union under a 3.10 target', () =>
    assertTransform(
      transform,
      `
      from typing import Union

      def f(x: Union[int, str]) -> None: ...
      `,
      `
      def f(x: int | str) -> None: ...
      `,
      { targetVersion: 'py310' },
    ));

  it('leaves a runtime cast alone without a 3.10 target', () =>
    assertUnchanged(
      transform,
      `
      from typing import Optional, cast

      y = cast(Optional[int], 1)
      `,
      { targetVersion: 'py39', notes: ['unsafe fix not applied'] },
    ));

  it('flattens Optional[Optional[X]], Optional[X | None] and a single-member Union', () =>
    assertTransform(
      transform,
      `
      from __future__ import annotations
      from typing import Optional, Union

      def f(a: Optional[Optional[int]], b: Union[int], c: Union[int, str,]) -> None: ...
      def g(a: Optional[None | int], b: Optional[Union[int, None]]) -> None: ...
      `,
      `
      from __future__ import annotations

      def f(a: int | None, b: int, c: int | str) -> None: ...
      def g(a: int | None, b: int | None | None) -> None: ...
      `,
    ));

  it('keeps a union that is one member of a comment-carrying union', () =>
    assertTransform(
      transform,
      `
      from __future__ import annotations
      from typing import Optional, Union

      x: Union[
          Optional[int],  # maybe a number
          str,
      ] = None
      `,
      `
      from __future__ import annotations

      x: (
          int | None  # maybe a number
          | str
      ) = None
      `,
    ));

  it('leaves Optional[X,] (a tuple argument) and reports it', () =>
    assertUnchanged(
      transform,
      `
      from __future__ import annotations
      from typing import Optional

      x: Optional[int,] = None
      `,
      { notes: ['its arguments have a shape remedy does not rewrite'] },
    ));

  it('parenthesises a union that is the operand of a tighter operator', () =>
    assertTransform(
      transform,
      `
      from typing import Optional, Union

      A = Optional[int] * 2
      B = Union[int, str] | bytes
      `,
      `
      A = (int | None) * 2
      B = int | str | bytes
      `,
      { targetVersion: 'py310' },
    ));

  it('rewrites sites nested directly in an attribute-form site', () =>
    assertTransform(
      transform,
      `
      import typing as t

      x = t.cast(t.Optional[t.Union[int, str]], None)
      y: t.Optional[t.Optional[t.Optional[str]]] = None
      `,
      `
      import typing as t

      x = t.cast(int | str | None, None)
      y: str | None = None
      `,
      { targetVersion: 'py310' },
    ));

  it('treats every site of a .pyi stub as safe, whatever the target', async () => {
    const before = 'from typing import Optional\n\ndef f(x: Optional[int] = ...) -> None: ...\n';
    const { output, outcome } = await transformText(
      transform,
      before,
      { targetVersion: 'py38' },
      'case.pyi',
    );
    expect(outcome.results[0]?.kind).toBe('changed');
    expect(output).toBe('def f(x: int | None = ...) -> None: ...\n');
  });

  it('does not rewrite a file that only mentions Optional in text', () =>
    assertUnchanged(
      transform,
      `
      """Optional[int] is discussed here."""
      # Union[A, B]
      NAME = "Optional[str]"
      `,
      { targetVersion: 'py312' },
    ));
});
