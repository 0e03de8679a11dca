/**
 * Paper, in Chromium: the root's progress board and its latest circular printed to PDF
 * (`page.pdf`, the page's own @page sizes), read back page by page (tests/support/pdf.ts):
 *  - the board on landscape A4 pages, every column on the page (the table no wider than the
 *    printable width, every row's cells in the PDF's text, the column key);
 *  - the circular's sentences on portrait pages and its ranking tables on landscape pages;
 *  - every briefing of a unit with subdivisions on at most 2 portrait pages;
 *  - on every page the footer: the page number of the total, the data version, "data as of"
 *    (in the page's own footer line) and the page's address;
 *  - no controls and no disclosure triangles, and table rows that do not break across pages.
 */
import fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readPdf, type PdfPage } from '../support/pdf.ts';
import { htmlPages, templateOf } from '../support/site.ts';
import { connectBrowser, inLanes, linksOf, sites } from './helpers.ts';

/** A4 in PDF points. */
const A4 = { short: 595, long: 842 };
const landscape = (p: PdfPage) => Math.abs(p.width - A4.long) < 2 && Math.abs(p.height - A4.short) < 2;
const portrait = (p: PdfPage) => Math.abs(p.width - A4.short) < 2 && Math.abs(p.height - A4.long) < 2;
/** Text compared without spaces: the PDF's runs are cut where the glyphs were placed, not where the words are. */
const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The page number of the total as the margin box prints it, squeezed (a CJK glyph may read back as its radical form, hence the dots; NFKC made the comma ASCII). */
const pageNumber = (lang: 'zh' | 'en', i: number, n: number) => (lang === 'en' ? new RegExp(`Page${i}of${n}`) : new RegExp(`第${i}.,共${n}.`));

describe.each(sites)('%s site on paper', (_name, site) => {
  let browser: Browser;
  let context: BrowserContext;
  let version: string;
  const circulars = htmlPages(site.crawl).filter((u) => templateOf(u.path)?.template === 'circular');

  beforeAll(async () => {
    browser = await connectBrowser();
    // The static pages as built: paper is what a reader prints from them.
    context = await browser.newContext({ javaScriptEnabled: false });
    version = ((await (await fetch(`${site.origin}/data/manifest.json`)).json()) as { data_version: string }).data_version;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function printed(path: string): Promise<{ page: Page; pages: PdfPage[] }> {
    const page = await context.newPage();
    await page.goto(site.origin + path, { waitUntil: 'load' });
    const pages = readPdf(await page.pdf({ preferCSSPageSize: true }));
    await page.emulateMedia({ media: 'print' });
    return { page, pages };
  }

  /** On every page: its number of the total, the data version and the address; once, the page's own footer line. */
  async function expectFooter(page: Page, pages: PdfPage[], lang: 'zh' | 'en', path: string): Promise<void> {
    pages.forEach((p, i) => {
      const text = squeeze(p.text);
      expect(text, `page ${i + 1} of ${path}`).toMatch(pageNumber(lang, i + 1, pages.length));
      expect(text, `page ${i + 1} of ${path}`).toContain(version);
      expect(text, `page ${i + 1} of ${path}`).toContain(path);
    });
    const line = await page.locator('footer .print-only').evaluate((el) => ({ text: el.textContent ?? '', shown: getComputedStyle(el).display !== 'none' }));
    expect(line.shown).toBe(true);
    expect(line.text).toContain(version);
    expect(line.text).toMatch(lang === 'en' ? /data as of \d+ \w+ \d{4}/ : /数据截至\d{4}年\d+月\d+日/);
    expect(line.text).toMatch(lang === 'en' ? /source: / : /来源：/);
    expect(line.text).toContain(path);
  }

  /** Controls, links to elsewhere and disclosure triangles are not on paper; rows do not break. */
  async function expectPaperOnly(page: Page): Promise<void> {
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('.view-controls, form, summary, .no-print, header.site nav')].filter((el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0).map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(shown).toEqual([]);
    const breaking = await page.evaluate(() => [...document.querySelectorAll('tr')].filter((tr) => getComputedStyle(tr).breakInside !== 'avoid').length);
    expect(breaking).toBe(0);
  }

  it.each([['zh', '/progress/'], ['en', '/en/progress/']] as const)('the %s board prints on landscape A4 with every column and the footer', async (lang, path) => {
    const { page, pages } = await printed(path);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((p) => !landscape(p)).map((p) => `${p.width}×${p.height}`)).toEqual([]);
    await expectFooter(page, pages, lang, path);
    await expectPaperOnly(page);
    // Laid out at the printable width of landscape A4 (297 − 2 × 10 mm), no board is wider than its page.
    await page.setViewportSize({ width: Math.floor((277 / 25.4) * 96), height: 700 });
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('table.board')].map((t) => ({
        overflow: t.getBoundingClientRect().right - document.body.getBoundingClientRect().right,
        columns: t.querySelectorAll('thead th').length,
        rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
        key: document.querySelector('.board-key')?.textContent ?? '',
      })),
    );
    expect(tables.length).toBeGreaterThan(0);
    const all = squeeze(pages.map((p) => p.text).join(' '));
    for (const t of tables) {
      expect(t.overflow).toBeLessThanOrEqual(1);
      expect(t.columns).toBeGreaterThan(2);
      // Every row is printed whole: its unit and each column's verdict, in order.
      for (const row of t.rows) {
        expect(row).toHaveLength(t.columns);
        if (lang === 'en') expect(all, `row ${row[0]}`).toContain(squeeze(row.join('')));
      }
      if (lang === 'en') expect(all).toContain(squeeze(t.key));
    }
    await page.close();
  });

  it.each(['zh', 'en'] as const)('every %s briefing of a unit with subdivisions prints on at most 2 portrait A4 pages; the largest with the footer', async (lang) => {
    // The units with subdivisions have the most to say (their children's standings): a city with its counties on the demo site.
    const jurisdictions = (await fs.readFile(join(site.distDir, 'data/jurisdictions.csv'), 'utf8')).replace(/^\uFEFF/, '').trim().split('\n');
    expect(jurisdictions[0]!.startsWith('code,parent,')).toBe(true);
    const parents = new Set(jurisdictions.slice(1).map((l) => l.split(',')[1]).filter((p) => p));
    const briefings = htmlPages(site.crawl).filter((u) => {
      const t = templateOf(u.path);
      return t?.template === 'briefing' && t.lang === lang && parents.has(u.path.split('/').at(-3)!);
    });
    expect(briefings.length, 'briefings to print').toBeGreaterThan(0);
    const sizes = await Promise.all(briefings.map(async (u) => ({ path: u.path, bytes: (await fs.stat(join(site.distDir, u.path, 'index.html'))).size })));
    const [largest, ...rest] = sizes.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)).map((b) => b.path);
    const { page, pages } = await printed(largest!);
    expect(pages.length, largest).toBeLessThanOrEqual(2);
    expect(pages.every(portrait), largest).toBe(true);
    await expectFooter(page, pages, lang, largest!);
    await expectPaperOnly(page);
    // At the width of the sheet's printable area (210 − 2 × 12 mm at 96 px an inch), the numbers table stays on the sheet.
    await page.setViewportSize({ width: 703, height: 1000 });
    const overflow = await page.evaluate(() => [...document.querySelectorAll('main table')].map((t) => Math.round(t.getBoundingClientRect().right - document.querySelector('main')!.getBoundingClientRect().right)));
    expect(overflow.filter((px) => px > 1)).toEqual([]);
    await page.close();
    // The others: the size of a page's HTML is no sure guide to its length on paper. Two at a
    // time (the machine may have two cores), each tab going on to the next briefing: a new tab
    // costs more than a navigation, and a page printed is the document just loaded.
    const over: string[] = [];
    await inLanes(rest, 2, async (take) => {
      const tab = await context.newPage();
      for (let path = take(); path !== undefined; path = take()) {
        await tab.goto(site.origin + path, { waitUntil: 'load' });
        const pdf = readPdf(await tab.pdf({ preferCSSPageSize: true }));
        if (pdf.length > 2 || !pdf.every(portrait)) over.push(`${path}: ${pdf.length} pages`);
      }
      await tab.close();
    });
    expect(over.sort()).toEqual([]);
  }, 300_000);

  it.each(['zh', 'en'] as const)('the %s circular prints its text on portrait pages and its tables on landscape pages, with the footer', async (lang) => {
    // The root's latest circular: the one its board links.
    const board = lang === 'en' ? '/en/progress/' : '/progress/';
    const linked = await linksOf(site.origin, board);
    const latest = circulars.find((u) => linked.includes(u.path));
    expect(latest, 'a circular to print').toBeDefined();
    const path = latest!.path;
    const { page, pages } = await printed(path);
    const first = pages.findIndex(landscape);
    expect(first, 'the ranking tables on landscape pages').toBeGreaterThan(0);
    expect(pages.slice(0, first).every(portrait)).toBe(true);
    expect(pages.slice(first).every(landscape)).toBe(true);
    await expectFooter(page, pages, lang, path);
    await expectPaperOnly(page);
    if (lang === 'en') {
      const rows = await page.evaluate(() => [...document.querySelectorAll('table.circular-ranking tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.querySelector('[aria-hidden]')?.textContent ?? c.textContent ?? '').join('')));
      const tablesText = squeeze(pages.slice(first).map((p) => p.text).join(' '));
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(tablesText).toContain(squeeze(r));
    }
    await page.close();
  });
});
