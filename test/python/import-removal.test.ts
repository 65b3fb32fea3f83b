/** removeUnusedImports gives the text that removing the imports one by one (re-parsing each time) gives. */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edit.js';
import { removeUnusedImports } from '../../src/engine/import-removal.js';
import { type ImportRequest, planRemoveImportIfUnused } from '../../src/python/import-edits.js';
import { loadPython, parsePython } from '../../src/python/parser.js';

function oneByOne(text: string, requests: readonly ImportRequest[]): string {
  let current = text;
  for (const req of requests) {
    const tree = parsePython(current);
    try {
      const edit = planRemoveImportIfUnused(current, tree, req);
      if (edit) current = applyEdits(current, [edit]);
    } finally {
      tree.delete();
    }
  }
  return current;
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

describe('removeUnusedImports', () => {
  beforeAll(loadPython);

  it.each(CASES.map((c, i) => [i, ...c] as const))('case %i', (_, text, requests) => {
    const tree = parsePython(text);
    try {
      // Every removal here is a plain deletion: the one-tree path must handle it.
      expect(removeUnusedImports(text, tree, requests)).toBe(oneByOne(text, requests));
    } finally {
      tree.delete();
    }
  });
});
