/**
 * The one import resolver: each request is planned by the language adapter on the
 * current tree, and the file is re-parsed incrementally after each edit. It must give
 * the text that applying the requests one by one, parsing from scratch each time, gives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edit.js';
import { noImports } from '../../src/engine/context.js';
import { languageOf } from '../../src/engine/language.js';
import { resolveImports, WorkingFile } from '../../src/engine/pipeline.js';
import {
  type ImportRequest,
  planAddImport,
  planRemoveImportIfUnused,
} from '../../src/python/import-edits.js';
import { loadPython, parsePython, type Tree } from '../../src/python/parser.js';

function oneByOne(
  text: string,
  add: readonly ImportRequest[],
  remove: readonly ImportRequest[],
): string {
  let current = text;
  const step = (plan: (t: string, tree: Tree) => ReturnType<typeof planAddImport>) => {
    const tree = parsePython(current);
    try {
      const edit = plan(current, tree);
      if (edit) current = applyEdits(current, [edit]);
    } finally {
      tree.delete();
    }
  };
  for (const req of add) step((t, tree) => planAddImport(t, tree, req));
  for (const req of remove) step((t, tree) => planRemoveImportIfUnused(t, tree, req));
  return current;
}

function resolved(text: string, add: ImportRequest[], remove: ImportRequest[]): string {
  const file = WorkingFile.parse('case.py', languageOf('case.py'), text);
  try {
    resolveImports(file, { ...noImports(), add, removeIfUnused: remove }, { root: '.' });
    expect(file.syntaxError()).toBeUndefined();
    return file.text;
  } finally {
    file.dispose();
  }
}

const OPTIONAL = { module: 'typing', name: 'Optional' };
const UNION = { module: 'typing', name: 'Union' };
const LIST = { module: 'typing', name: 'List' };
const TYPING = { module: 'typing' };

const CASES: [string, ImportRequest[]][] = [
  ['from typing import Optional, Union\n\nx = 1\n', [OPTIONAL, UNION]],
  ['from typing import Union, Optional\n\nx = 1\n', [OPTIONAL, UNION]],
  ['from typing import Dict, Optional, Union\n\nx: Dict = {}\n', [OPTIONAL, UNION]],
  ['from typing import Optional, Dict, Union\n\nx: Dict = {}\n', [UNION, OPTIONAL]],
  ['from typing import Optional,Dict,  Union, List\n\nx: Dict = {}\n', [OPTIONAL, UNION, LIST]],
  [
    'from typing import (\n    Any,\n    Optional,\n    Union,\n)\n\nx: Any = 1\n',
    [OPTIONAL, UNION],
  ],
  [
    'from typing import (\n    Optional,  # why\n    Union,\n    Any,\n)\nx: Any = 1\n',
    [OPTIONAL, UNION],
  ],
  ['from typing import (Optional,\n    Union, Any)\nx: Any = 1\n', [OPTIONAL, UNION]],
  [
    'import os\n\nfrom typing import Optional\n\nfrom typing import Union\n\nos.x = 1\n',
    [OPTIONAL, UNION],
  ],
  ['"""Doc."""\n\nfrom typing import Optional, Union\n\n\ndef f(): ...\n', [UNION, OPTIONAL]],
  ['from typing import Optional, Union\nimport typing as t\n\nx = 1\n', [OPTIONAL, UNION, TYPING]],
  [
    'import typing, os\nfrom typing import Optional as Opt, Union\nos.x\n',
    [TYPING, OPTIONAL, UNION],
  ],
  ['from typing import Optional, Union\n\nx: Optional[int] = None\n', [OPTIONAL, UNION]],
  ['from typing import Optional, Union\n\nx: "Union[int, str]" = 1\n', [OPTIONAL, UNION]],
  ['\uFEFFfrom typing import Optional, Union\r\n\r\nx = 1\r\n', [OPTIONAL, UNION]],
  ['# 🎉 ü\nfrom typing import List, Optional, Union  # keep\n\nx: List = []\n', [UNION, OPTIONAL]],
  ['from typing import Optional\nfrom typing import Optional, Union\nx = 1\n', [OPTIONAL, UNION]],
  [
    'from typing import Optional, Union\nfrom typing_extensions import Optional\n',
    [OPTIONAL, UNION],
  ],
];

const ADDS: [string, ImportRequest[]][] = [
  ['x = 1\n', [{ module: 'json' }, { module: 'typing', name: 'Any' }]],
  ['"""Doc."""\nfrom typing import List\n\nx: List = []\n', [{ module: 'typing', name: 'Any' }]],
  [
    'import os\r\n\r\nos.x = 1\r\n',
    [{ module: 'sys' }, { module: 'os', name: 'path', alias: 'p' }],
  ],
];

describe('resolveImports', () => {
  beforeAll(loadPython);

  it.each(CASES.map((c, i) => [i, ...c] as const))('removals, case %i', (_, text, requests) => {
    expect(resolved(text, [], [...requests])).toBe(oneByOne(text, [], requests));
  });

  it.each(ADDS.map((c, i) => [i, ...c] as const))(
    'additions then removals, case %i',
    (_, text, add) => {
      const remove = [{ module: 'typing', name: 'List' }];
      expect(resolved(text, [...add], remove)).toBe(oneByOne(text, add, remove));
    },
  );
});
