/**
 * A generated 200-file Python service for the many-renames test: 20 helper modules
 * define 40 `_load_record_<k>` helpers; 175 handler modules import them (absolute,
 * relative, module attribute and function-local imports), some holding a local named
 * like the new name (`load_record_5 = _load_record_5(...)`), some defining their own
 * `load_record_<k>`; a unittest suite checks every handler's result and patches one
 * helper by its dotted name. An audit document asks for the 40 renames in one finding.
 */
import fs from 'node:fs';
import path from 'node:path';

export const HELPERS = 40;
const MODULES = HELPERS / 2;
const HANDLERS = 175;

const helperModule = (k: number) => `h${String(Math.floor(k / 2)).padStart(2, '0')}`;
const handlerName = (n: number) => `m${String(n).padStart(3, '0')}`;
/** What `_load_record_<k>(x)` returns. */
const load = (k: number, x: number) => x * (k + 1) + Math.floor(k / 2);

/** Handlers whose `handle` holds a local named like the new name. */
export const isShadowing = (n: number) => n % 25 === 5;
/** Handlers that define their own `load_record_<k>`. */
export const hasOwn = (n: number) => n % 25 === 12;

function helperText(i: number): string {
  const defs = [2 * i, 2 * i + 1].map(
    (k) => `

def _load_record_${k}(value):
    if value is None:
        return 0
    return value * ${k + 1} + SCALE`,
  );
  const summary =
    i === 0
      ? `


def summarize(values):
    load_record_0 = _load_record_0(values[0]) if values else 0
    total = load_record_0
    for value in values[1:]:
        total += _load_record_0(value)
    return total`
      : '';
  return `"""Record loaders, group ${i}."""

SCALE = ${i}
${defs.join('\n')}${summary}
`;
}

function imports(n: number, k1: number, k2: number): { top: string; local: string } {
  const m2 = helperModule(k2);
  if (n % 3 === 0)
    return {
      top: `from svc.helpers import ${m2}\nfrom svc.helpers.${helperModule(k1)} import _load_record_${k1}\n`,
      local: '',
    };
  if (n % 3 === 1)
    return {
      top: `from ..helpers import ${m2}\nfrom ..helpers.${helperModule(k1)} import _load_record_${k1}\n`,
      local: '',
    };
  return {
    top: `from svc.helpers import ${m2}\n`,
    local: `    from svc.helpers.${helperModule(k1)} import _load_record_${k1}\n\n`,
  };
}

function handlerText(n: number): string {
  const k1 = n % HELPERS;
  const k2 = (n * 7 + 3) % HELPERS;
  const { top, local } = imports(n, k1, k2);
  const own = hasOwn(n)
    ? `

def load_record_${k1}(value):
    """This module's own loader, not the shared helper."""
    return -value
`
    : '';
  const ownUse = hasOwn(n) ? ` + load_record_${k1}(value)` : '';
  const shadowing = isShadowing(n)
    ? `

def handle_capped(event):
${local}    load_record_${k1} = _load_record_${k1}(event.get("value", 0))
    if load_record_${k1} > 100:
        load_record_${k1} = 100
    return load_record_${k1}
`
    : '';
  return `"""Handler ${n}."""

import logging

${top}
logger = logging.getLogger(__name__)
${own}

def handle(event):
${local}    value = event.get("value")
    if value is None:
        logger.warning("no value")
        return {"status": 400}
    first = _load_record_${k1}(value)
    second = ${helperModule(k2)}._load_record_${k2}(value + 1)
    return {"status": 200, "total": first + second${ownUse}}
${shadowing}`;
}

function expected(n: number, v: number): number {
  const k1 = n % HELPERS;
  const k2 = (n * 7 + 3) % HELPERS;
  return load(k1, v) + load(k2, v + 1) + (hasOwn(n) ? -v : 0);
}

function testText(): string {
  const totals = Array.from(
    { length: HANDLERS },
    (_, n) => `    "${handlerName(n)}": ${expected(n, 3)},`,
  );
  const capped = Array.from({ length: HANDLERS }, (_, n) => n)
    .filter(isShadowing)
    .map((n) => `    "${handlerName(n)}": ${Math.min(load(n % HELPERS, 9), 100)},`);
  return `import importlib
import unittest
from unittest import mock

from svc.helpers import h00

TOTALS = {
${totals.join('\n')}
}

CAPPED = {
${capped.join('\n')}
}


class GeneratedTests(unittest.TestCase):
    def test_every_handler(self) -> None:
        for name, total in TOTALS.items():
            module = importlib.import_module(f"svc.handlers.{name}")
            self.assertEqual(module.handle({"value": 3}), {"status": 200, "total": total}, name)

    def test_capped_handlers(self) -> None:
        for name, capped in CAPPED.items():
            module = importlib.import_module(f"svc.handlers.{name}")
            self.assertEqual(module.handle_capped({"value": 9}), capped, name)

    def test_summary(self) -> None:
        self.assertEqual(h00.summarize([1, 2]), ${load(0, 1) + load(0, 2)})

    def test_patched_helper(self) -> None:
        from svc.handlers import m001

        with mock.patch("svc.handlers.m001._load_record_1", return_value=0):
            self.assertEqual(m001.handle({"value": 3})["total"], ${expected(1, 3) - load(1, 3)})
`;
}

function auditText(): string {
  const rows = Array.from(
    { length: HELPERS },
    (_, k) =>
      `| \`_load_record_${k}\` | \`load_record_${k}\` | \`svc/helpers/${helperModule(k)}.py\` |`,
  );
  return `# Service audit

## Code quality

### Q-01 · MEDIUM — Leading underscores on the shared record loaders

**Problem:** the loaders in \`svc/helpers/\` are imported by every handler but are
named as if they were private.

**Fix:** drop the leading underscore and update every import site:

| Current name | New name | File |
|---|---|---|
${rows.join('\n')}
`;
}

/** Write the project (200 Python files), its audit and config into `dir`. */
export function writeManyRenamesProject(dir: string): void {
  const files: Record<string, string> = {
    'svc/__init__.py': '',
    'svc/helpers/__init__.py': '',
    'svc/handlers/__init__.py': '',
    'tests/__init__.py': '',
    'tests/test_generated.py': testText(),
    'docs/AUDIT.md': auditText(),
    'remedy.config.json': JSON.stringify({
      docs: ['docs/AUDIT.md'],
      verify: 'python3 -m unittest discover -q',
    }),
  };
  for (let i = 0; i < MODULES; i++)
    files[`svc/helpers/h${String(i).padStart(2, '0')}.py`] = helperText(i);
  for (let n = 0; n < HANDLERS; n++) files[`svc/handlers/${handlerName(n)}.py`] = handlerText(n);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}
