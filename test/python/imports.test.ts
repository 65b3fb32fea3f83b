/** The import statement model and the add/remove import edits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edit.js';
import { stripIndent } from '../../src/core/text.js';
import {
  type ImportRequest,
  isNameUsed,
  planAddImport,
  planRemoveImportIfUnused,
} from '../../src/python/import-edits.js';
import { collectImports, hasFutureAnnotations, topLevelImports } from '../../src/python/imports.js';
import { loadPython, withTree } from '../../src/python/parser.js';

beforeAll(() => loadPython());

describe('import model', () => {
  it('describes every import form with the name each binds', () => {
    const text = stripIndent(`
      from __future__ import annotations
      import a.b as c, d.e
      from .x import (y as z, w,)
      from ..pkg.m import *
      from . import q
      def f():
          import json
    `);
    withTree(text, (tree) => {
      const all = collectImports(tree);
      expect(
        all.map((s) => [
          s.kind,
          s.level,
          s.module,
          s.names.map((n) => `${n.name}->${n.bound}`),
          s.topLevel,
        ]),
      ).toEqual([
        ['from', 0, '__future__', ['annotations->annotations'], true],
        ['import', 0, '', ['a.b->c', 'd.e->d'], true],
        ['from', 1, 'x', ['y->z', 'w->w'], true],
        ['from', 2, 'pkg.m', [], true],
        ['from', 1, '', ['q->q'], true],
        ['import', 0, '', ['json->json'], false],
      ]);
      expect(all[2]!.parenthesized).toBe(true);
      expect(all[3]!.wildcard).toBe(true);
      expect(topLevelImports(tree)).toHaveLength(5);
      expect(hasFutureAnnotations(tree)).toBe(true);
    });
  });
});

function add(source: string, req: ImportRequest): string {
  const text = stripIndent(source);
  return withTree(text, (tree) => {
    const edit = planAddImport(text, tree, req);
    return edit ? applyEdits(text, [edit]) : text;
  });
}

function remove(source: string, req: ImportRequest): string {
  const text = stripIndent(source);
  return withTree(text, (tree) => {
    const edit = planRemoveImportIfUnused(text, tree, req);
    return edit ? applyEdits(text, [edit]) : text;
  });
}

describe('planAddImport', () => {
  it('merges into an existing from-import in sorted position', () => {
    expect(
      add('from typing import Any, cast\n\nx = 1\n', { module: 'typing', name: 'Optional' }),
    ).toBe('from typing import Any, Optional, cast\n\nx = 1\n');
  });

  it('merges into a parenthesised multi-line import, one name per line', () => {
    const out = add(
      `
      from app.api.admin_request import (
          _parse_body,
          _parse_uuid,
      )
      `,
      { module: 'app.api.admin_request', name: '_encode_cursor' },
    );
    expect(out).toBe(
      'from app.api.admin_request import (\n    _encode_cursor,\n    _parse_body,\n    _parse_uuid,\n)\n',
    );
  });

  it('does nothing when the binding already exists', () => {
    const text = 'from uuid import UUID as UUIDType\nimport os\n';
    expect(add(text, { module: 'uuid', name: 'UUID', alias: 'UUIDType' })).toBe(text);
    expect(add(text, { module: 'os' })).toBe(text);
  });

  it('puts a new statement in its group: stdlib after __future__, before third-party', () => {
    const out = add(
      `
      """Doc."""
      from __future__ import annotations

      import os

      import requests

      x = 1
      `,
      { module: 'json' },
    );
    expect(out).toContain('import os\nimport json\n\nimport requests');
  });

  it('adds after the last import of the same top-level package', () => {
    const out = add(
      'import os\n\nfrom app.db import engine\nfrom app.api import admin\n\nx = 1\n',
      {
        module: 'app.exceptions',
        name: 'ValidationError',
      },
    );
    expect(out).toBe(
      'import os\n\nfrom app.db import engine\nfrom app.api import admin\nfrom app.exceptions import ValidationError\n\nx = 1\n',
    );
  });

  it('adds after the module docstring when there are no imports', () => {
    expect(add('"""Module."""\n\nx = 1\n', { module: 'enum' })).toBe(
      '"""Module."""\n\nimport enum\n\nx = 1\n',
    );
    expect(add('x = 1\n', { module: 'enum' })).toBe('import enum\n\nx = 1\n');
  });

  it('keeps CRLF line endings', () => {
    expect(add('import os\r\n\r\nx = 1\r\n', { module: 'sys' })).toBe(
      'import os\r\nimport sys\r\n\r\nx = 1\r\n',
    );
  });
});

describe('planRemoveImportIfUnused', () => {
  it('removes one name from a multi-name import', () => {
    expect(
      remove('from typing import Any, Optional\n\nx: Any\n', {
        module: 'typing',
        name: 'Optional',
      }),
    ).toBe('from typing import Any\n\nx: Any\n');
    expect(
      remove('from typing import Optional, Any\n\nx: Any\n', {
        module: 'typing',
        name: 'Optional',
      }),
    ).toBe('from typing import Any\n\nx: Any\n');
  });

  it('removes a name alone on its line in a parenthesised import', () => {
    expect(
      remove(
        'from typing import (\n    Any,\n    Optional,\n    cast,\n)\n\nx: Any = cast(int, 1)\n',
        {
          module: 'typing',
          name: 'Optional',
        },
      ),
    ).toBe('from typing import (\n    Any,\n    cast,\n)\n\nx: Any = cast(int, 1)\n');
  });

  it('deletes the whole statement without leaving blank lines behind', () => {
    expect(
      remove(
        'from __future__ import annotations\n\nfrom typing import Optional\n\n\ndef f(): ...\n',
        {
          module: 'typing',
          name: 'Optional',
        },
      ),
    ).toBe('from __future__ import annotations\n\n\ndef f(): ...\n');
    expect(remove('import typing as t\n\nx = 1\n', { module: 'typing' })).toBe('x = 1\n');
  });

  it('keeps an import still used by code or by a string annotation, not by a docstring', () => {
    const used = 'from typing import Optional\n\nx: Optional[int] = None\n';
    expect(remove(used, { module: 'typing', name: 'Optional' })).toBe(used);
    const inString = 'from typing import Optional\n\ndef f(a: "Optional[int]"): ...\n';
    expect(remove(inString, { module: 'typing', name: 'Optional' })).toBe(inString);
    const docOnly = 'from typing import Optional\n\ndef f():\n    """Returns Optional things."""\n';
    expect(remove(docOnly, { module: 'typing', name: 'Optional' })).toBe(
      'def f():\n    """Returns Optional things."""\n',
    );
  });

  it('does not count attribute names or keyword arguments as uses', () => {
    withTree('from m import name\nobj.name = 1\nf(name=2)\n', (tree) => {
      expect(isNameUsed(tree, 'name')).toBe(false);
    });
    withTree('from m import name\nprint(name)\n', (tree) => {
      expect(isNameUsed(tree, 'name')).toBe(true);
    });
  });
});
