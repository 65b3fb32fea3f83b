import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/core/apply.js';
import { stripIndent } from '../../src/core/text.js';
import { preferBaselineWasm } from '../../src/python/guard.js';
import { loadPython, parsePython, syntaxProblems } from '../../src/python/parser.js';
import { RuffSettingsResolver } from '../../src/python/ruff-settings.js';
import { ruffPass } from './candidates.js';
import { planRuffFixes, type RuffFixPlan } from './plan.js';

const INVENTORY = path.resolve(import.meta.dirname, '../../fixtures/inventory-service');
const MR_001 = ['UP045', 'W293', 'F401', 'I001'];

beforeAll(async () => {
  preferBaselineWasm();
  await loadPython();
});

function planFile(rel: string, select = MR_001): { text: string; plan: RuffFixPlan } {
  const text = fs.readFileSync(path.join(INVENTORY, rel), 'utf8');
  const settings = new RuffSettingsResolver(INVENTORY).forFile(rel);
  const plan = planRuffFixes({
    text,
    path: rel,
    select,
    ignore: [],
    workspace: settings.workspace,
    targetVersion: settings.targetVersion,
  });
  return { text, plan };
}

function planText(text: string, select: string[], file = 'mod.py', target = 12): RuffFixPlan {
  return planRuffFixes({
    text,
    path: file,
    select,
    ignore: [],
    workspace: {},
    targetVersion: { major: 3, minor: target },
  });
}

/**
 * The text the pipeline would write: the fixes the mode admits, by its conflict policy,
 * planning again on the new text while some were left out.
 */
function applied(
  text: string,
  plan: RuffFixPlan,
  unsafe: boolean,
  replan: (text: string) => RuffFixPlan = () => plan,
): string {
  let current = text;
  let fixes = plan.fixes.filter((f) => unsafe || f.applicability === 'safe');
  for (let i = 0; i < 10 && fixes.length > 0; i++) {
    const result = applyFixes(current, fixes);
    current = result.output;
    if (result.conflicting.length === 0) break;
    fixes = replan(current).fixes.filter((f) => unsafe || f.applicability === 'safe');
  }
  return current;
}

function parses(text: string): boolean {
  const tree = parsePython(text);
  try {
    return syntaxProblems(tree).length === 0;
  } finally {
    tree.delete();
  }
}

describe('planRuffFixes on inventory-service (MR-001)', () => {
  it('leaves the string-operand site of orm.py and keeps its Optional import', () => {
    const { text, plan } = planFile('backend/models/orm.py');
    const out = applied(text, plan, false);
    expect(out).toBe(plan.safeText);
    expect(out).toContain('supplier: Mapped[Optional["SupplierRow"]] = relationship');
    expect(out).not.toContain('"SupplierRow" | None');
    expect(out).toContain('from typing import Optional\n');
    expect(out.match(/ \| None\]/g)).toHaveLength(6);
    const warning = plan.reports.find((r) => r.code === 'ruff-fix/string-operand');
    expect(warning).toMatchObject({ severity: 'warning', line: 45, undone: true });
    expect(plan.fixes.every((f) => f.applicability === 'safe')).toBe(true);
  });

  it('drops the Optional import of config.py once UP045 has replaced both uses', () => {
    const { text, plan } = planFile('backend/config.py');
    const out = applied(text, plan, false);
    expect(out).not.toContain('Optional');
    expect(out).toContain('sentry_dsn: str | None = None');
    expect(out).toContain('notification_webhook_url: str | None = None');
    // ruff deletes the import's line; the blank lines around it are the formatter's business.
    expect(out).toMatch(
      /^"""Settings from the environment \(``.env`` in development\)."""\n\n\nfrom pydantic_settings/,
    );
  });

  it('composes UP045, I001 and the F401 that follows into fixes on the original text', () => {
    const { text, plan } = planFile('backend/api/orders.py');
    const out = applied(text, plan, false);
    expect(out).toBe(plan.safeText);
    expect(out).toContain(
      stripIndent(`
        import logging
        from typing import Any

        from fastapi import APIRouter, Depends, HTTPException

        from backend.api.deps import CurrentUser, current_user
      `),
    );
    expect(parses(out)).toBe(true);
    expect(ruffPass(out, passSettings('backend/api/orders.py')).candidates).toEqual([]);
  });

  it('holds back the W293 inside the docstring of inventory_service.py as unsafe', () => {
    const { text, plan } = planFile('backend/services/inventory_service.py');
    expect(plan.fixes.map((f) => f.applicability)).toEqual(['unsafe']);
    expect(applied(text, plan, false)).toBe(text);
    const unsafe = applied(text, plan, true);
    expect(unsafe).toBe(plan.unsafeText);
    expect(unsafe.split('\n')[5]).toBe('');
    expect(plan.reports).toContainEqual(
      expect.objectContaining({ code: 'ruff-fix/unsafe', line: 6 }),
    );
  });
});

function passSettings(rel: string) {
  const settings = new RuffSettingsResolver(INVENTORY).forFile(rel);
  return {
    path: rel,
    select: MR_001,
    ignore: [],
    workspace: { ...settings.workspace },
    targetVersion: settings.targetVersion ?? { major: 3 as const, minor: 10 },
  };
}

describe('planRuffFixes', () => {
  it('marks PEP 604 rewrites unsafe below Python 3.10, as ruff does', () => {
    const text =
      'from __future__ import annotations\nfrom typing import Optional\n\n\ndef f(x: Optional[int]) -> None: ...\n';
    const plan = planText(text, ['UP045', 'F401'], 'mod.py', 9);
    expect(applied(text, plan, false)).toBe(text);
    const out = applied(text, plan, true);
    expect(out).toBe('from __future__ import annotations\n\n\ndef f(x: int | None) -> None: ...\n');
  });

  it("composes an unsafe fix with the safe one it touches, each mode giving ruff's result", () => {
    const text =
      'from __future__ import annotations\nfrom typing import Optional\n\nx: Optional[int]  \n';
    const plan = planText(text, ['UP045', 'W291', 'F401'], 'mod.py', 9);
    expect(plan.fixes.map((f) => f.applicability).sort()).toEqual(['safe', 'unsafe', 'unsafe']);
    expect(applied(text, plan, false)).toBe(text.replace('  \n', '\n'));
    const replan = (t: string) => planText(t, ['UP045', 'W291', 'F401'], 'mod.py', 9);
    expect(applied(text, plan, true, replan)).toBe(
      'from __future__ import annotations\n\nx: int | None\n',
    );
  });

  it('makes a fix that drops a comment unsafe', () => {
    const text = 'import os  # keep me\n\nprint(1)\n';
    const plan = planText(text, ['F401']);
    expect(plan.fixes.map((f) => f.applicability)).toEqual(['unsafe']);
  });

  it('treats F401 in __init__.py as unsafe (a re-export)', () => {
    const plan = planText('from .a import b\n', ['F401'], 'pkg/__init__.py');
    expect(plan.fixes.map((f) => f.applicability)).toEqual(['unsafe']);
  });

  it('holds back rules whose fix safety remedy does not know, and says so', () => {
    const text = 'x = 1\nif x == None:\n    pass\n';
    const plan = planText(text, ['E711']);
    expect(plan.fixes.map((f) => f.applicability)).toEqual(['unsafe']);
    expect(plan.reports.map((r) => r.code)).toEqual(['ruff-fix/unsafe']);
  });

  it('reports selected diagnostics ruff cannot fix', () => {
    const text = `x = "${'a'.repeat(100)}"\n`;
    const plan = planText(text, ['E501']);
    expect(plan.fixes).toEqual([]);
    expect(plan.reports).toEqual([expect.objectContaining({ code: 'ruff-fix/no-fix', line: 1 })]);
  });

  it('keeps UTF-16 offsets right after non-ASCII text', () => {
    const text = 'import os\nimport sys\n\nname = "é😀"\nprint(sys.argv)   \n';
    const plan = planText(text, ['F401', 'W291']);
    expect(applied(text, plan, false)).toBe('import sys\n\nname = "é😀"\nprint(sys.argv)\n');
  });
});
