/**
 * How extract-shared-helpers reports what it leaves alone: a divergent copy with a
 * unified diff against the shared one (never merged), a source without a copy, and a
 * dependency it moves because a shared helper needs it.
 */
import { createTwoFilesPatch } from 'diff';
import type { PlanDiagnostic } from '../planning.js';
import type { TsProjectView } from '../project-view.js';
import { statementEnd, statementStart } from '../top-level.js';
import type { Copy, Divergence, GroupPlan } from './copies.js';

function copyText(copy: Copy): string {
  const sf = copy.statements[0]!.getSourceFile();
  const start = statementStart(sf.text, copy.statements[0]!, sf);
  const end = statementEnd(sf.text, copy.statements[copy.statements.length - 1]!);
  return `${sf.text.slice(start, end).replace(/\r\n/g, '\n').trimEnd()}\n`;
}

/** A unified diff of two copies (without jsdiff's preamble). */
export function copyDiff(a: Copy, b: Copy): string {
  const patch = createTwoFilesPatch(
    `${a.file} (${a.from})`,
    `${b.file} (${b.from})`,
    copyText(a),
    copyText(b),
    undefined,
    undefined,
    { context: 2 },
  );
  return patch.slice(patch.indexOf('--- ')).replace(/\t$/gm, '').trimEnd();
}

function divergence(
  view: TsProjectView,
  target: string,
  to: string,
  d: Divergence,
): PlanDiagnostic {
  const { copy, against } = d;
  const where =
    against.file === target ? `the one in ${target}` : `the copy shared from ${against.file}`;
  const message = d.reason
    ? `\`${copy.from}\` in ${copy.file} is left in place: ${d.reason}`
    : `\`${copy.from}\` in ${copy.file} differs from ${where}: left in place, not merged into \`${to}\`\n${copyDiff(against, copy)}`;
  return {
    severity: 'warning',
    code: d.reason ? 'extract/divergent-dependency' : 'extract/divergent',
    message,
    file: copy.file,
    line: view.lineOf(copy.file, copy.statements[0]!.getStart()),
    hint: 'reconcile the copies by hand (or in a separate finding) before sharing them',
  };
}

/** Every warning and info about the copies, in group order. */
export function copyDiagnostics(
  view: TsProjectView,
  plans: readonly GroupPlan[],
  target: string,
): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  for (const p of plans) {
    const to = p.group.to;
    for (const d of p.divergent) out.push(divergence(view, target, to, d));
    for (const file of p.absent) {
      if (file === target) continue;
      out.push({
        severity: 'info',
        code: 'extract/absent',
        message: `\`${to}\` is not declared in ${file}; nothing to share there`,
        file,
      });
    }
    const moved = p.shared.filter((c) => c.file !== target);
    if (p.group.dependency && moved.length > 0) {
      out.push({
        severity: 'info',
        code: 'extract/dependency',
        message: `\`${to}\` moves to ${target} too: the shared helpers use it (${moved.map((c) => c.file).join(', ')})`,
        file: target,
      });
    }
    if (moved.length === 0 && p.shared.some((c) => c.file === target) && !p.group.dependency) {
      out.push({
        severity: 'info',
        code: 'extract/already-shared',
        message: `\`${to}\` is already in ${target}`,
        file: target,
      });
    }
  }
  return out;
}
