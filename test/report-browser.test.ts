// The batch report as people see it: headless Chromium (Debian's package) opens the page a fixture
// batch wrote, the figures on the page must equal the --stats JSON of the same run, the page must
// log no console error, and a screenshot is written to test/output/ for review (never compared by
// pixel). CI installs Chromium (.ci/run); elsewhere the test says why it skips.
import { existsSync, mkdirSync, readFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { tree } from './helpers/world.js';
import { root, spawnCli } from './helpers/spawn.js';
import type { BatchStats } from '../src/batch/stats.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// Chromium's background services try the network at start; this machine's network is closed.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Every figure the stats hold, keyed as the page's data-stat attributes are. */
function expectedFigures(s: BatchStats): Map<string, number> {
  const m = new Map<string, number>([
    ['documents', s.documents],
    ['changed', s.changed],
    ['failed', s.failed],
    ['words', s.words],
    ['removedWords', s.removedWords],
    ['warningsTotal', s.warningsTotal],
  ]);
  s.histogram.forEach((n, i) => n && m.set(`histogram.${i}`, n));
  for (const [rule, f] of Object.entries(s.rules)) for (const k of ['documents', 'blocks', 'words'] as const) m.set(`rules.${rule}.${k}`, f[k]);
  s.top.forEach((d, i) => {
    m.set(`top.${i}.words`, d.words);
    m.set(`top.${i}.share`, d.share);
  });
  s.learned.forEach((l, i) => m.set(`learned.${i}.documents`, l.documents));
  return m;
}

describe('the HTML report in a real browser', () => {
  if (!hasChromium && process.env.CI) it('Chromium is installed in CI', () => expect(hasChromium).toBe(true));
  it.skipIf(!hasChromium)('shows the same figures as the JSON stats, logs no console error, and is screenshotted for review', async () => {
    const dir = tree({ 'articles/page.txt': readFileSync(path.join(root, 'fixtures/page-dump-en/input.txt'), 'utf8') });
    cpSync(path.join(root, 'fixtures/across/input'), path.join(dir, 'articles'), { recursive: true });
    const run = spawnCli(['articles', '--check', '--report', 'report.html', '--stats', 'stats.json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    const stats = JSON.parse(readFileSync(path.join(dir, 'stats.json'), 'utf8')) as BatchStats;
    expect(stats.documents).toBe(9);
    expect(Object.keys(stats.rules).length).toBeGreaterThan(3);
    expect(stats.learned.length).toBeGreaterThan(0);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`network request: ${r.url()}`));
      await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
      const shown = await page.$$eval('[data-stat]', (els) =>
        els.map((e) => ({ key: e.getAttribute('data-stat')!, value: Number(e.getAttribute('data-value')), text: e.textContent ?? "", visible: e.getBoundingClientRect().width > 0 || e.closest('details:not([open])') !== null })),
      );
      const onPage = new Map(shown.map((s) => [s.key, s]));
      for (const [key, value] of expectedFigures(stats)) {
        const el = onPage.get(key);
        expect(el, `${key} is on the page`).toBeDefined();
        expect(el!.value, key).toBe(value);
        // What a reader sees: the number as text (thousands separated), or the share as a percentage.
        const read = el!.text.endsWith('%') ? Number(el!.text.slice(0, -1)) / 100 : Number(el!.text.replace(/,/g, ''));
        // A share shows one decimal of a percent: it may be off by half of that (43.55% shows 43.5%).
        if (key.endsWith('share')) expect(Math.abs(read - value), `${key} reads ${el!.text}`).toBeLessThanOrEqual(0.0005 + 1e-12);
        else expect(read, `${key} reads ${el!.text}`).toBe(value);
        expect(el!.visible, `${key} is visible`).toBe(true);
      }
      expect(await page.locator('p.removed').count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      const out = path.join(root, 'test/output');
      mkdirSync(out, { recursive: true });
      await page.screenshot({ path: path.join(out, 'report.png'), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(out, 'report-print.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
