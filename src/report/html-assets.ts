/**
 * What the HTML report inlines so it works offline: diff2html's stylesheet and UI
 * bundle (with highlight.js for the common languages), a highlight.js theme, and the
 * page's own small stylesheet and script (filters, diff drawing).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { InputError } from '../core/errors.js';

const require = createRequire(import.meta.url);

function readPackageFile(specifier: string): string | undefined {
  try {
    return fs.readFileSync(require.resolve(specifier), 'utf8');
  } catch {
    return undefined;
  }
}

export interface HtmlAssets {
  readonly css: string;
  readonly js: string;
}

/** diff2html's CSS and UI bundle (required), with the github highlight.js theme when installed. */
export function loadAssets(): HtmlAssets {
  const js = readPackageFile('diff2html/bundles/js/diff2html-ui-slim.min.js');
  const css = readPackageFile('diff2html/bundles/css/diff2html.min.css');
  if (!js || !css)
    throw new InputError('cannot read the diff2html bundle from node_modules', {
      hint: 'reinstall remedy (npm ci): diff2html is one of its dependencies',
    });
  // The highlight.js theme goes before diff2html's stylesheet, as diff2html asks.
  const theme = readPackageFile('highlight.js/styles/github.min.css') ?? '';
  return { css: `${theme}\n${css}\n${PAGE_CSS}`, js: `${js}\n${PAGE_JS}` };
}

const PAGE_CSS = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2328; background: #fff; }
header, main { padding: 0 24px; }
header { border-bottom: 1px solid #d0d7de; padding-bottom: 12px; }
h1 { font-size: 22px; margin: 16px 0 4px; }
.meta { color: #59636e; margin: 0 0 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 6px; }
.filters button { font: inherit; border: 1px solid #d0d7de; background: #f6f8fa; border-radius: 16px; padding: 3px 12px; cursor: pointer; }
.filters button[aria-pressed="true"] { background: #0969da; border-color: #0969da; color: #fff; }
.filters button:disabled { opacity: .45; cursor: default; }
table.summary { border-collapse: collapse; width: 100%; margin: 16px 0; }
table.summary th, table.summary td { border-bottom: 1px solid #d0d7de; padding: 6px 8px; text-align: left; vertical-align: top; }
table.summary th { background: #f6f8fa; font-weight: 600; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.s-applied { background: #1a7f37; } .s-partial { background: #0f766e; } .s-pending { background: #0969da; }
.s-manual { background: #9a6700; } .s-no-op, .s-resolved { background: #6e7781; }
.s-refused { background: #cf222e; } .s-failed { background: #82071e; }
article.finding { border: 1px solid #d0d7de; border-radius: 8px; margin: 16px 0; padding: 0 16px 12px; }
article.finding h2 { font-size: 17px; margin: 14px 0 6px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
dl.facts dt { color: #59636e; } dl.facts dd { margin: 0; }
ul.diagnostics { padding-left: 18px; } .d-error { color: #cf222e; } .d-warning { color: #9a6700; } .d-info { color: #59636e; }
.next { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; }
pre { background: #f6f8fa; padding: 8px; border-radius: 6px; overflow: auto; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
[hidden] { display: none !important; }
`;

/** Draws each finding's diff with diff2html (side by side, highlighted) and runs the filters. */
const PAGE_JS = `
(function () {
  var data = JSON.parse(document.getElementById('remedy-report').textContent);
  document.querySelectorAll('[data-diff]').forEach(function (el) {
    var finding = data.findings[Number(el.getAttribute('data-diff'))];
    var ui = new Diff2HtmlUI(el, finding.diff, {
      outputFormat: 'side-by-side', drawFileList: false, matching: 'lines',
      highlight: true, synchronisedScroll: true, fileContentToggle: false,
    });
    ui.draw();
    ui.highlightCode();
  });
  var buttons = document.querySelectorAll('button[data-filter]');
  buttons.forEach(function (button) {
    button.addEventListener('click', function () {
      var wanted = button.getAttribute('data-filter');
      buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
      document.querySelectorAll('[data-status]').forEach(function (el) {
        el.hidden = wanted !== 'all' && el.getAttribute('data-status') !== wanted;
      });
    });
  });
})();
`;
