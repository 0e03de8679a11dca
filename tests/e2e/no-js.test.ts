/**
 * Every page template, one page each per language, in Chromium with JavaScript DISABLED: the
 * map (`figure.choropleth > svg`), the charts (`figure.chart > svg`) and the tables the template
 * promises are there, drawn (shapes with a size on screen) and filled (rows with text); and
 * any other map, chart or table on the page is not empty either. On the demo, the synthetic
 * data notice is visible. Blocks the browser may skip rendering while off screen (`.defer`,
 * content-visibility: auto) are rendered and filled once scrolled to, and when printed.
 * Each page in a tab of its own, two at a time (the e2e project's maxConcurrency).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Template } from '../support/site.ts';
import { connectBrowser, pagesToCheck, sites } from './helpers.ts';

type Marker = 'map' | 'chart' | 'table';

/** What each template must show without JavaScript (the jurisdiction map: where the unit has children). */
const REQUIRED: Record<Template, readonly Marker[]> = {
  home: ['map', 'table'],
  indicator: ['map', 'chart', 'table'],
  'indicator-parent': ['map', 'chart', 'table'],
  jurisdiction: ['chart', 'table'],
  progress: ['table'],
  'progress-parent': ['table'],
  circular: ['table'],
  briefing: ['table'],
  projects: ['table'],
  data: ['table'],
  methodology: [],
  release: ['table'],
};

const SELECTOR: Record<Marker, string> = {
  map: 'figure.choropleth > svg',
  chart: 'figure.chart > svg',
  table: 'table',
};

interface MarkerState {
  count: number;
  /** Why an instance is empty, one line each. */
  empty: string[];
}

/**
 * Reads the rendered page in one round trip. With JavaScript disabled for the page, this runs
 * through the DevTools protocol, not as a page script: the page's own scripts stay off.
 */
function inspect(page: Page): Promise<Record<Marker, MarkerState>> {
  return page.evaluate((selectors) => {
    const out: Record<string, MarkerState> = {};
    for (const [marker, selector] of Object.entries(selectors)) {
      const empty: string[] = [];
      // A chart is drawn wide and narrow; the page's stylesheet shows the one that fits the screen.
      const all = [...document.querySelectorAll(selector)].filter((el) => !(el.matches('.chart-wide, .chart-narrow') && getComputedStyle(el).display === 'none'));
      all.forEach((el, i) => {
        const where = `${selector} #${i + 1}${el.closest('figure')?.id ? ` (figure#${el.closest('figure')!.id})` : ''}`;
        const box = el.getBoundingClientRect();
        // Inside an off-screen .defer block the browser has skipped (content-visibility: auto) a
        // box has no size until it is scrolled to: the next test scrolls to each such block.
        const skipped = el.closest('.defer') !== null && !el.checkVisibility({ contentVisibilityAuto: true });
        if (!skipped && (box.width < 10 || box.height < 10)) empty.push(`${where} has no size on screen (${Math.round(box.width)}×${Math.round(box.height)})`);
        if (marker === 'table') {
          const cells = [...el.querySelectorAll('td, tbody th')].filter((c) => (c.textContent ?? '').trim() !== '');
          if (cells.length === 0) empty.push(`${where} has no filled data cell`);
        } else {
          const shapes = [...el.querySelectorAll('path, rect, circle, line, polyline, polygon')].filter(
            (s) => s.tagName !== 'path' || (s.getAttribute('d') ?? '').trim() !== '',
          );
          if (shapes.length === 0) empty.push(`${where} draws no shape`);
        }
      });
      out[marker] = { count: all.length, empty };
    }
    return out as Record<'map' | 'chart' | 'table', MarkerState>;
  }, SELECTOR);
}

describe.each(sites)('%s site without JavaScript', (name, site) => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await connectBrowser();
    context = await browser.newContext({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pages = pagesToCheck(site);
  it('has pages to check', () => expect(pages.length).toBeGreaterThan(0));

  it.concurrent.each(pages.map((p) => [p.label, p] as const))('%s renders its map, charts and tables', async (_label, p) => {
    const page = await context.newPage();
    try {
      const res = await page.goto(site.origin + p.path, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      expect(await page.evaluate(() => (document.querySelector('main')?.textContent ?? '').trim().length), 'no or empty <main>').toBeGreaterThan(0);
      const state = await inspect(page);
      const problems: string[] = [];
      // The demo says on every page that its figures are synthetic, visibly (see synthetic.test.ts).
      if (name === 'demo' && !(await page.getByText(p.lang === 'zh' ? /示例数据|合成数据/ : /synthetic/i).first().isVisible())) {
        problems.push('no visible synthetic-data notice');
      }
      for (const m of REQUIRED[p.template]) {
        if (state[m].count === 0) problems.push(`missing ${m} (${SELECTOR[m]})`);
      }
      for (const m of ['map', 'chart', 'table'] as const) problems.push(...state[m].empty);
      expect(problems, `${p.label}:\n${problems.join('\n')}`).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.concurrent.each(pages.map((p) => [p.label, p] as const))('%s renders every off-screen block once it is scrolled to, and in print', async (_label, p) => {
    const page = await context.newPage();
    try {
      await page.goto(site.origin + p.path, { waitUntil: 'load' });
      const blocks = page.locator('.defer');
      const problems: string[] = [];
      const shown = (el: Element) => {
        const box = el.getBoundingClientRect();
        const first = el.firstElementChild;
        // Skipped content reports itself as not visible to checkVisibility({ contentVisibilityAuto }).
        return box.height >= 10 && first !== null && first.checkVisibility({ contentVisibilityAuto: true });
      };
      for (let i = 0; i < (await blocks.count()); i++) {
        const block = blocks.nth(i);
        await block.scrollIntoViewIfNeeded();
        const rendered = await page.waitForFunction(shown, await block.elementHandle(), { timeout: 5_000 }).then(() => true, () => false);
        if (!rendered) problems.push(`.defer #${i + 1} (${await block.evaluate((e) => e.className)}) not rendered in view`);
      }
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.scrollTo(0, 0));
      // The switch to print media reaches content-visibility with a later rendering update, not at
      // once; ask again for a while (from here: timers in a page without JavaScript may not run).
      // (a block left out of print on purpose, display: none there, is not skipped: it is not printed)
      const skipped = () =>
        blocks.evaluateAll((els) =>
          els.filter((e) => getComputedStyle(e).display !== 'none' && !e.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })).map((e) => e.className),
        );
      let hiddenInPrint = await skipped();
      for (const deadline = Date.now() + 5_000; hiddenInPrint.length && Date.now() < deadline; hiddenInPrint = await skipped()) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (hiddenInPrint.length) problems.push(`skipped in print: ${hiddenInPrint.join(', ')}`);
      expect(problems, `${p.label}:\n${problems.join('\n')}`).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
