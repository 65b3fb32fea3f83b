/**
 * The report as one self-contained HTML page that works offline: a summary table,
 * filters by status, and per finding its commit, verify result, diagnostics, next
 * step and a side-by-side diff drawn by diff2html from the inlined report data.
 */
import { type HtmlAssets, loadAssets } from './html-assets.js';
import type { Diagnostic, Report, ReportFinding } from './model.js';
import { placeOf, REPORT_STATUSES } from './model.js';

/** Escape text for HTML content and attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON that cannot close the script element it sits in. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Escaped text with the markdown `code` spans of finding titles as <code>. */
function inline(text: string): string {
  return esc(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** A message: its first line, and the rest (a diff, a listing) preformatted. */
function message(text: string): string {
  const [first, ...rest] = text.split('\n');
  return rest.length ? `${esc(first!)}<pre>${esc(rest.join('\n'))}</pre>` : esc(text);
}

function badge(status: string): string {
  return `<span class="badge s-${esc(status)}">${esc(status)}</span>`;
}

function lineCounts(f: ReportFinding): string {
  if (f.diffstat.length === 0) return '';
  const added = f.diffstat.reduce((n, s) => n + s.added, 0);
  const removed = f.diffstat.reduce((n, s) => n + s.removed, 0);
  return `${f.diffstat.length} file(s), +${added} −${removed}`;
}

function verifyText(f: ReportFinding): string {
  if (f.verify) return `${f.verify.passed ? 'passed' : 'failed'}: ${f.verify.command}`;
  return f.status === 'applied' ? 'not recorded' : '';
}

function filters(report: Report): string {
  const all = `<button type="button" data-filter="all" aria-pressed="true">all <span data-count="all">${report.findings.length}</span></button>`;
  const each = REPORT_STATUSES.map((s) => {
    const n = report.counts[s];
    return `<button type="button" data-filter="${s}" aria-pressed="false"${n === 0 ? ' disabled' : ''}>${s} <span data-count="${s}">${n}</span></button>`;
  });
  return `<nav class="filters" aria-label="filter by status">${[all, ...each].join('')}</nav>`;
}

function summaryRow(f: ReportFinding): string {
  const cells = [
    `<a href="#finding-${esc(f.id)}">${esc(f.id)}</a>`,
    inline(f.title),
    esc(f.severity ?? ''),
    badge(f.status),
    f.transform ? `<code>${esc(f.transform)}</code>` : '',
    f.commit ? `<code>${esc(f.commit.hash.slice(0, 10))}</code>` : '',
    esc(lineCounts(f)),
    esc(verifyText(f)),
    String(f.diagnostics.length),
  ];
  return `<tr data-status="${esc(f.status)}" data-id="${esc(f.id)}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

function summaryTable(report: Report): string {
  const head = [
    'ID',
    'Finding',
    'Severity',
    'Status',
    'Transform',
    'Commit',
    'Changes',
    'Verify',
    'Notes',
  ];
  return `<table class="summary" id="summary"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${report.findings.map(summaryRow).join('')}</tbody></table>`;
}

function diagnosticItem(d: Diagnostic): string {
  const where = placeOf(d);
  return `<li class="d-${d.severity}">${where ? `<code>${esc(where)}</code> ` : ''}<strong>${d.severity}</strong> <code>${esc(d.code)}</code>: ${message(d.message)}${d.hint ? ` <em>hint: ${esc(d.hint)}</em>` : ''}</li>`;
}

/** The diffstat, folded when it is long. */
function changes(f: ReportFinding): string {
  const lines = f.diffstat
    .map((s) => `<code>${esc(s.path)}</code> +${s.added} −${s.removed}`)
    .join('<br>');
  if (f.diffstat.length <= 5) return lines;
  return `<details><summary>${esc(lineCounts(f))}</summary>${lines}</details>`;
}

function facts(f: ReportFinding): string {
  const rows: [string, string][] = [
    ['status', badge(f.status)],
    ['source', `<code>${esc(f.source)}</code>`],
    ['transform', f.transform ? `<code>${esc(f.transform)}</code>` : 'none (manual)'],
  ];
  if (f.commit)
    rows.push([
      'commit',
      `<code>${esc(f.commit.hash.slice(0, 10))}</code> ${esc(f.commit.subject)}`,
    ]);
  if (f.diffstat.length) rows.push(['changes', changes(f)]);
  const verify = verifyText(f);
  if (verify) rows.push(['verify', esc(verify)]);
  if (f.heldBack)
    rows.push(['held back', `${f.heldBack} unsafe fix(es): apply them with <code>--unsafe</code>`]);
  if (f.reason) rows.push(['reason', esc(f.reason)]);
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function nextStep(f: ReportFinding): string {
  if (!f.nextStep) return '';
  const entry = f.configEntry
    ? `<pre><code>${esc(JSON.stringify({ [f.id]: f.configEntry }, null, 2))}</code></pre>`
    : '';
  return `<div class="next"><strong>Next step:</strong> ${esc(f.nextStep)}${entry}</div>`;
}

function findingSection(f: ReportFinding, index: number): string {
  const diagnostics = f.diagnostics.length
    ? `<ul class="diagnostics">${f.diagnostics.map(diagnosticItem).join('')}</ul>`
    : '';
  const diff = f.diff ? `<div class="diff" data-diff="${index}"></div>` : '';
  return `<article class="finding" id="finding-${esc(f.id)}" data-status="${esc(f.status)}"><h2>${esc(f.id)} — ${inline(f.title)}</h2>${facts(f)}${diagnostics}${nextStep(f)}${diff}</article>`;
}

export function renderHtml(report: Report, assets: HtmlAssets = loadAssets()): string {
  const where = [
    report.branch ? `branch <code>${esc(report.branch)}</code>` : 'detached HEAD',
    report.head ? `at <code>${esc(report.head.slice(0, 10))}</code>` : '',
    `generated ${esc(report.generatedAt)}`,
  ]
    .filter(Boolean)
    .join(' ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>remedy report — ${esc(report.title)}</title>
<style>${assets.css}</style></head>
<body><header><h1>remedy report — ${esc(report.title)}</h1><p class="meta">${where}; ${report.findings.length} finding(s)</p>${filters(report)}</header>
<main>${summaryTable(report)}<section id="findings">${report.findings.map(findingSection).join('\n')}</section></main>
<script type="application/json" id="remedy-report">${scriptJson(report)}</script>
<script>${assets.js}</script>
</body></html>
`;
}
