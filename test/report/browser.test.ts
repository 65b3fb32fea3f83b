/**
 * The HTML report in a real headless Chromium (Debian's, driven by playwright-core):
 * loaded from a file:// URL with the network blocked, its counts match `--json`, a
 * status filter leaves exactly that status's rows, the diffs are drawn side by side
 * and highlighted by diff2html, and a screenshot lands in the test's temp folder.
 * With CI=true a missing browser fails; elsewhere the test is skipped, saying how
 * to install it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { REPORT_STATUSES } from '../../src/report/model.js';
import { runCli } from '../helpers.js';
import { makeReviewedBranch } from './setup.js';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';
const present = fs.existsSync(CHROMIUM);
const required = process.env.CI === 'true';
if (!present && !required)
  console.warn(`skipping the browser test: ${CHROMIUM} is missing (install it: ${INSTALL})`);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.skipIf(!present && !required)('the HTML report in Chromium', () => {
  it('shows the JSON counts, filters rows by status, and draws highlighted diffs offline', async () => {
    if (!present) throw new Error(`${CHROMIUM} is missing; install it: ${INSTALL}`);
    const { repo, out } = makeReviewedBranch();
    const html = path.join(out, 'report.html');
    const r = runCli(['report', '--phase', '1', '--html', html, '--json'], repo);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const context = await chromium.launchPersistentContext(path.join(out, 'profile'), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const online: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        online.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(html).href);
      await page.locator('.d2h-file-side-diff').first().waitFor();

      for (const status of REPORT_STATUSES)
        expect(await page.locator(`[data-count="${status}"]`).textContent(), status).toBe(
          String(report.counts[status]),
        );
      const rows = page.locator('#summary tbody tr');
      expect(await rows.count()).toBe(report.findings.length);
      expect(await page.locator('.d2h-code-side-line .hljs-keyword').count()).toBeGreaterThan(0);

      await page.click('button[data-filter="manual"]');
      const visible = page.locator('#summary tbody tr:visible');
      const manual = report.findings.filter((f) => f.status === 'manual').map((f) => f.id);
      expect(manual.length).toBeGreaterThan(0);
      expect(
        await visible.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id'))),
      ).toEqual(manual);
      expect(await page.locator('article.finding:visible').count()).toBe(manual.length);

      const screenshot = path.join(out, 'report.png');
      await page.click('button[data-filter="all"]');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(fs.statSync(screenshot).size).toBeGreaterThan(10_000);
      expect(await rows.locator(':visible').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      expect(online).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
