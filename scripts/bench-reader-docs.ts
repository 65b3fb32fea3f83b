/**
 * Generated audit documents for the reader benchmark: realistic ones of any size (ID
 * headings with File / Problem / Fix and code, numbered findings, tables with a # column,
 * checklists), and the pathological shapes issue #16 measured (nested emphasis,
 * unmatched emphasis markers, deep quotes and lists). Deterministic.
 */

/** One finding in one of four styles; `n` numbers it. */
function finding(n: number): string {
  const file = `backend/app/module_${n % 97}/service_${n % 13}.py`;
  switch (n % 4) {
    case 0:
      return [
        `### B-SEC-${String(n).padStart(4, '0')} · HIGH — Error details leaked in handler ${n}`,
        '',
        `**File:** \`${file}:${40 + (n % 50)}, ${120 + (n % 30)}\``,
        '',
        `**Problem:** the handler returns \`str(exc)\` to the client, so stack details and *internal* paths leak. See **${file}**.`,
        '',
        '```python',
        `def handler_${n}(event):`,
        '    try:',
        '        return process(event)',
        '    except Exception as exc:',
        '        return {"error": str(exc)}',
        '```',
        '',
        '**Fix:** log the exception and return a generic message.',
        '',
      ].join('\n');
    case 1:
      return [
        `### ${n}. Retry helper copied in client ${n} ⭐⭐`,
        '',
        `**File**: \`${file}\``,
        '**Status**: 🔴 OPEN',
        '**Effort**: Small',
        '',
        `The \`_retry()\` helper in \`${file}\` duplicates the one in \`backend/app/clients/base.py\`; _extract_ it.`,
        '',
      ].join('\n');
    case 2:
      return [
        `| # | Issue | Severity | Location |`,
        '|---|-------|----------|----------|',
        `| ${n} | Unbounded query in report ${n} | 🟡 Medium | \`${file}:${n % 300}\` |`,
        `| ${n + 100_000} | Missing index on table ${n} | 🟢 Low | \`backend/app/models/table_${n % 40}.py\` |`,
        '',
      ].join('\n');
    default:
      return [
        `- [ ] **Task ${n}: Remove debug print in worker ${n}**`,
        `  - **Files:** \`${file}\``,
        '  - **Effort:** 1 hour',
        '',
      ].join('\n');
  }
}

/** A realistic audit document of about `bytes` characters. */
export function auditDocument(bytes: number): string {
  const parts = ['# Backend Audit\n', 'Scope: the whole backend. Findings by severity.\n'];
  let size = parts.join('\n').length;
  for (let n = 1; size < bytes; n++) {
    if (n % 40 === 1) parts.push(`## Area ${Math.ceil(n / 40)}\n`);
    const text = finding(n);
    parts.push(text);
    size += text.length + 1;
  }
  return parts.join('\n').slice(0, bytes);
}

/** `*a _a *a ... x ... a_ a* a_ a*`: one paragraph of emphasis nested as deep as `bytes` allows. */
export function nestedEmphasisParagraph(bytes: number): string {
  const depth = Math.floor(bytes / 6);
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const d = i % 2 ? '_' : '*';
    open += `${d}a `;
    close = ` a${d}${close}`;
  }
  return `${open}x${close}`;
}

export function nestedEmphasis(bytes: number): string {
  return `# Audit\n\n${nestedEmphasisParagraph(bytes)}\n`;
}

/** `*_*_*_...`: emphasis markers that never close. */
export function unmatchedEmphasis(bytes: number): string {
  return `# Audit\n\n${'*_'.repeat(Math.floor(bytes / 2))}\n`;
}

export function deepQuotes(depth: number): string {
  return `# Audit\n\n${'>'.repeat(depth)} deep\n`;
}

export function deepList(depth: number): string {
  return `# Audit\n\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')}\n`;
}
