/** pep604-optional: fixture cases, inline cases, and refusals. */
import { describe, it } from 'vitest';
import { assertTransform, assertUnchanged, defineFixtureTests } from '../../test/harness.js';
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
});
