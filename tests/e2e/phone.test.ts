/**
 * Every page template, one page each per language, on a 390 × 844 phone (Chromium, touch):
 *  - the page never scrolls sideways; a wide table scrolls inside its .table-wrap, and its row
 *    headers (the first column, or the one after the rank) stay in view while it does;
 *  - no table cell wraps its text to fewer than three characters a line (squeezed, a Chinese
 *    name ran down its cell a character a line);
 *  - every chart and map text shown is at least 11 CSS px, measured on the rendered SVG (its font
 *    size through the SVG's scale to the screen), and each chart shows one drawing;
 *  - a tap on a map region opens a tip with its name and figure (and its verdict on an indicator
 *    page) and a link to its page, without leaving the page; the link, or a second tap, goes
 *    there; so does a tap without JavaScript. A map the browser view redraws works the same.
 * Each page in a tab of its own, two at a time (the e2e project's maxConcurrency).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectBrowser, pagesToCheck, sites } from './helpers.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 } as const;


async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const res = await page.goto(url, { waitUntil: 'load' });
  expect(res?.status(), url).toBe(200);
  // Lays out the blocks the browser may skip while off screen, as scrolling to them would. Not a
  // <style>: the site's Content-Security-Policy refuses one; nor addStyleTag, which waits for a
  // script of its own that never runs without JavaScript.
  await page.evaluate(() => {
    for (const block of document.querySelectorAll<HTMLElement>('.defer')) block.style.contentVisibility = 'visible';
  });
  return page;
}

/** Cells whose visible text wraps to fewer than three characters a line, with their lines. */
function squeezedCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const cell of document.querySelectorAll('main td, main th')) {
      // the text a reader sees: not the words for screen readers (.sr-only, a 1 px box of its own)
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      const shown: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement!.closest('.sr-only')) shown.push(n as Text);
      const text = shown.map((n) => n.data).join('');
      const chars = [...text.replace(/\s+/g, '')].length;
      if (chars < 2) continue;
      const bottoms = new Set<number>();
      for (const n of shown) {
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0) bottoms.add(Math.round(r.bottom));
      }
      if (bottoms.size > 1 && chars / bottoms.size < 3) out.push(`"${text.trim().slice(0, 30)}": ${chars} characters on ${bottoms.size} lines`);
    }
    return out;
  });
}

interface TableScroll {
  caption: string;
  /** How far the table scrolled, px. */
  scrolled: number;
  /**
   * How far the row headers and their column header are, scrolled to the end, from where they
   * stay in view: the left edge of the .table-wrap, or, after the rank, where they were minus the
   * scroll until they reach that edge. Px; 0 when they stay.
   */
  offEdge: number[];
}

/** Scrolls every table that is wider than its .table-wrap to its end, and says where its row headers went. */
function scrollTables(page: Page): Promise<TableScroll[]> {
  return page.evaluate(() => {
    const out: TableScroll[] = [];
    for (const wrap of document.querySelectorAll<HTMLElement>('main .table-wrap')) {
      if (wrap.scrollWidth <= wrap.clientWidth + 1) continue;
      const table = wrap.querySelector('table')!;
      const rowHeaders = [...table.querySelectorAll<HTMLElement>('tbody th[scope="row"]')];
      const column = rowHeaders[0] ? [...rowHeaders[0].parentElement!.children].indexOf(rowHeaders[0]) : 0;
      const header = table.querySelector<HTMLElement>(`thead tr > :nth-child(${column + 1})`);
      const cells = [...rowHeaders, ...(header ? [header] : [])];
      const edge = wrap.getBoundingClientRect().left + wrap.clientLeft;
      const before = cells.map((c) => c.getBoundingClientRect().left - edge);
      wrap.scrollLeft = wrap.scrollWidth;
      const scrolled = wrap.scrollLeft;
      const offEdge = cells.map((c, i) => Math.abs(c.getBoundingClientRect().left - edge - Math.max(0, before[i]! - scrolled)));
      wrap.scrollLeft = 0;
      out.push({ caption: table.caption?.textContent?.trim().slice(0, 40) ?? '', scrolled, offEdge });
    }
    return out;
  });
}

interface SvgText {
  text: string;
  px: number;
}

/** Every SVG text shown in main, with its size on screen in CSS px. */
function svgTextSizes(page: Page): Promise<SvgText[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('main svg text')]
      .filter((t) => t.checkVisibility() && (t.textContent ?? '').trim() !== '')
      .map((t) => {
        const m = t.getScreenCTM()!;
        return { text: (t.textContent ?? '').trim().slice(0, 30), px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b) };
      }),
  );
}

/** A point inside a region of the map (the region there is the one named), for a tap. */
function regionPoint(page: Page, mapIndex = 0): Promise<{ x: number; y: number; code: string; href: string; label: string } | null> {
  return page.evaluate((index) => {
    const map = document.querySelectorAll('figure.choropleth')[index];
    if (!map) return null;
    map.scrollIntoView({ block: 'center' });
    // the largest regions first: their centre is most likely inside them
    const regions = [...map.querySelectorAll<SVGAElement>('a[data-jurisdiction]')]
      .map((a) => ({ a, box: a.getBoundingClientRect() }))
      .sort((p, q) => q.box.width * q.box.height - p.box.width * p.box.height);
    for (const { a, box } of regions) {
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (document.elementFromPoint(x, y)?.closest<Element>('a[data-jurisdiction]') === a) {
        return { x, y, code: a.dataset.jurisdiction!, href: a.getAttribute('href')!, label: a.getAttribute('aria-label')! };
      }
    }
    return null;
  }, mapIndex);
}

interface Tip {
  text: string;
  links: { href: string; text: string }[];
  visible: boolean;
}

function readTip(page: Page): Promise<Tip | null> {
  return page.evaluate(() => {
    const tip = document.querySelector<HTMLElement>('.map-tip');
    if (!tip) return null;
    const box = tip.getBoundingClientRect();
    return {
      text: tip.textContent ?? '',
      links: [...tip.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href')!, text: a.textContent ?? '' })),
      visible: tip.checkVisibility() && box.width > 0 && box.left >= 0 && box.right <= innerWidth + 1,
    };
  });
}

describe.each(sites)('%s site on a 390 px phone', (_name, site) => {
  const pages = pagesToCheck(site);
  const withMaps = pages.filter((p) => site.crawl.urls.find((u) => u.path === p.path)?.html?.maps);
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await connectBrowser();
    context = await browser.newContext(PHONE);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has pages with maps to tap', () => expect(withMaps.length).toBeGreaterThan(0));

  it.concurrent.each(pages.map((p) => [p.label, p] as const))('%s: tables scroll inside themselves, row headers stay, no cell a character a line', async (_label, p) => {
    const page = await open(context, site.origin + p.path);
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page scrolls sideways').toBeLessThanOrEqual(390);
      expect(await squeezedCells(page)).toEqual([]);
      const scrolls = await scrollTables(page);
      for (const s of scrolls) {
        expect(s.scrolled, `${s.caption}: does not scroll`).toBeGreaterThan(0);
        expect(Math.max(...s.offEdge), `${s.caption}: the row headers scrolled away with the table`).toBeLessThan(1);
      }
      // The wide tables are the point: the circular and the progress and summary tables must scroll.
      if (['progress', 'progress-parent', 'jurisdiction', 'indicator'].includes(p.template)) expect(scrolls.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it.concurrent.each(pages.map((p) => [p.label, p] as const))('%s: chart and map text is at least 11 px, one drawing a chart', async (_label, p) => {
    const page = await open(context, site.origin + p.path);
    try {
      const texts = await svgTextSizes(page);
      const small = texts.filter((t) => t.px < 11).map((t) => `"${t.text}" at ${t.px.toFixed(1)} px`);
      expect(small.slice(0, 10), `${small.length} of ${texts.length} texts are under 11 px`).toEqual([]);
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('main svg.chart-wide')].map((wide) => [...wide.parentElement!.querySelectorAll(':scope > svg')].filter((s) => s.checkVisibility()).length),
      );
      expect(shown.filter((n) => n !== 1), 'charts showing no drawing or both').toEqual([]);
      if (shown.length > 0) expect(texts.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it.concurrent.each(withMaps.map((p) => [p.label, p] as const))('%s: a tap on a region shows its name and figure with a link, and stays', async (_label, p) => {
    const page = await open(context, site.origin + p.path);
    try {
      const region = await regionPoint(page);
      expect(region, 'no region to tap').not.toBeNull();
      const url = page.url();
      await page.touchscreen.tap(region!.x, region!.y);
      await page.waitForSelector('.map-tip', { timeout: 5_000 });
      expect(page.url()).toBe(url);
      const tip = (await readTip(page))!;
      expect(tip.visible, 'the tip is not on screen').toBe(true);
      // name and figure: the region's own label, "name：figure" / "name: figure"
      const [name, figure] = region!.label.split(/：|: /, 2);
      expect(tip.text).toContain(name);
      expect(tip.text).toContain(figure);
      expect(tip.links.map((l) => l.href)).toEqual([region!.href]);
      if (p.template.startsWith('indicator')) {
        // the region's verdict, as the view's progress table prints it
        const verdict = await page.evaluate((code) => document.querySelector(`.view-body .verdict[data-jurisdiction="${code}"]`)?.textContent ?? null, region!.code);
        if (verdict) expect(tip.text).toContain(verdict);
      }
      // a tap elsewhere closes it; a second tap on the region follows its link
      await page.touchscreen.tap(5, 5);
      expect(await readTip(page)).toBeNull();
      await page.touchscreen.tap(region!.x, region!.y);
      await page.waitForSelector('.map-tip');
      await Promise.all([page.waitForURL((u) => u.pathname === region!.href), page.touchscreen.tap(region!.x, region!.y)]);
    } finally {
      await page.close();
    }
  });

  it('the link in the tip goes to the region\'s page', async () => {
    const p = withMaps[0]!;
    const page = await open(context, site.origin + p.path);
    try {
      const region = (await regionPoint(page))!;
      await page.touchscreen.tap(region.x, region.y);
      await page.waitForSelector('.map-tip a');
      await Promise.all([page.waitForURL((u) => u.pathname === region.href), page.locator('.map-tip a').tap()]);
    } finally {
      await page.close();
    }
  });

  it('without JavaScript a tap on a region follows its link', async () => {
    const noJs = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    try {
      const page = await open(noJs, site.origin + withMaps[0]!.path);
      const region = (await regionPoint(page))!;
      await Promise.all([page.waitForURL((u) => u.pathname === region.href), page.touchscreen.tap(region.x, region.y)]);
    } finally {
      await noJs.close();
    }
  });

  it('a map the browser view redrew opens a tip too', async () => {
    const p = pages.find((x) => x.template === 'indicator' && x.lang === 'zh')!;
    const page = await open(context, `${site.origin}${p.path}?metric=growth`);
    try {
      // the view has drawn the state from DuckDB-WASM when its root carries it and is not busy
      await page.waitForFunction(
        () => {
          const root = document.querySelector('[data-view]');
          return root?.getAttribute('aria-busy') !== 'true' && (root?.getAttribute('data-view-state') ?? '').includes('metric=growth');
        },
        undefined,
        { timeout: 120_000 },
      );
      // redrawn: the static view has the level and the growth map, the growth metric only the growth map
      expect(await page.locator('.view-body figure.choropleth').count()).toBe(1);
      const region = (await regionPoint(page))!;
      await page.touchscreen.tap(region.x, region.y);
      await page.waitForSelector('.map-tip');
      expect((await readTip(page))!.links.map((l) => l.href)).toEqual([region.href]);
    } finally {
      await page.close();
    }
  }, 180_000);
});
