/**
 * The browser views in real Chromium, per template with a view (the demo site's online retail
 * sales: level targets, so every part is there: two maps, rankings, the progress chart and its
 * table, their sentences):
 *  - a plain page view fetches no DuckDB-WASM; a pointer over the controls (or focus on one)
 *    starts fetching the engine;
 *  - a control change redraws the maps (region data-value), the charts, the tables and the
 *    sentences, and puts the canonical state in the URL and in data-view-state;
 *  - back and forward show the previous and next states again, reloading a state's URL shows
 *    the same view, and a control that picks another parent leads to that parent's page in
 *    that state;
 *  - a state drawn once is drawn again in another tab from the rows the browser kept, with no
 *    engine; a state never drawn, or another data version, still waits for the engine.
 * The tests of the engine's own path (its wait, its failures) run in a browser context of
 * their own, where no rows were kept.
 * Every wait is on data-view-state and aria-busy (view-driver.ts), never a fixed sleep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ServedSite } from '../support/site.ts';
import { connectBrowser, isolatedContext, sites, view } from './helpers.ts';
import { changeControl, goInHistory, holdEngine, openView, readView, VIEW, viewQuery, waitForStatus, waitForViewState, type ShownView } from './view-driver.ts';

const demo = sites.find(([name]) => name === 'demo')?.[1];

/** A request for the engine: the wasm module, or DuckDB's worker or bundle. */
const isEngine = (url: string) => /\.wasm(\?|#|$)/i.test(url) || /duckdb/i.test(new URL(url).pathname);

interface ViewCase {
  template: string;
  path: string;
  /** The static page's state, in the view's parameter order. */
  initial: Record<string, string>;
  /** An older period, a metric other than value, and another parent whose page has the view. */
  period: string;
  metric: string;
  otherParent: { code: string; path: string };
  /**
   * What the status line says when the view cannot be updated to `period`: the engine (here its
   * `failing` part, by a real network failure) could not be loaded, or there is no WebAssembly.
   */
  failed: { failing: 'wasm' | 'worker'; load: string; noWasm: string };
}

const CASES: ViewCase[] = [
  {
    template: 'indicator',
    path: '/indicators/online_retail/',
    initial: { period: '2025-09', metric: 'value', parent: '410000' },
    period: '2024-06',
    metric: 'pace_gap',
    otherParent: { code: '410300', path: '/indicators/online_retail/410300/' },
    failed: {
      failing: 'wasm',
      load: '未能更新到2024年1-6月：浏览器查询引擎或数据未能加载。本页显示的仍是静态页面：2025年1-9月。',
      noWasm: '未能更新到2024年1-6月：此浏览器不支持 WebAssembly，无法在浏览器中查询。本页显示的仍是静态页面：2025年1-9月。',
    },
  },
  {
    template: 'indicator-parent (English)',
    path: '/en/indicators/online_retail/410100/',
    initial: { period: '2025-09', metric: 'value', parent: '410100' },
    period: '2024-03',
    metric: 'completion',
    otherParent: { code: '410000', path: '/en/indicators/online_retail/' },
    failed: {
      failing: 'worker',
      load: 'Could not update the view to Jan–Mar 2024: the in-browser query engine or the data could not be loaded. The page still shows its static view: Jan–Sep 2025.',
      noWasm: 'Could not update the view to Jan–Mar 2024: this browser has no WebAssembly, so it cannot run the queries. The page still shows its static view: Jan–Sep 2025.',
    },
  },
];

/** The request that fails in a case: the engine's wasm module, or DuckDB's own worker script (which our guard worker loads). */
const FAILING = { wasm: /\.wasm(\?|#|$)/i, worker: /\/duckdb-browser-eh\.worker\.[^/]*\.js(\?|#|$)/i } as const;

/** Every region of every map as "code=value" (not the map's label, which names the period), for "did the maps change". */
const regionValues = (v: ShownView) => v.maps.flatMap((m) => m.regions);
const tableCells = (v: ShownView) => v.tables.map((t) => t.rows.map((r) => r.cells));
/** What the charts and maps draw: their SVGs without titles, labels and text (which name the period). */
const drawings = (v: ShownView) => v.svgs.map((s) => s.replace(/ aria-label="[^"]*"/g, '').replace(/<(title|text)\b[\s\S]*?<\/\1>/g, ''));
/** The parts a page and its re-render must agree on, for a readable diff. */
const comparable = (v: ShownView) => ({ state: v.state, maps: v.maps, verdicts: v.verdicts, tables: v.tables, headings: v.headings, sentences: v.sentences, svgs: v.svgs, html: v.html });

describe.runIf(demo)('demo site: the browser views', () => {
  const site = demo as ServedSite;
  let browser: Browser;
  let context: BrowserContext;
  let foreign: string[];

  beforeAll(async () => {
    browser = await connectBrowser();
    ({ context, foreign } = await isolatedContext(browser, site.origin));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page in a browser context of its own: no rows kept by the other tests, so its redraws wait for the engine. */
  const ownPage = async () => (await isolatedContext(browser, site.origin)).context.newPage();
  const closeOwn = (page: Page) => page.context().close();

  describe.each(CASES)('$template $path', (c) => {
    const url = site.origin + c.path;
    const q = (state: Record<string, string>) => viewQuery({ ...c.initial, ...state });

    it('a plain view fetches no engine; a pointer over the controls starts fetching it', async () => {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      try {
        await view(page, url); // load, scroll to the end, network quiet
        expect(requests.filter(isEngine), 'DuckDB-WASM fetched on a plain page view').toEqual([]);
        expect(await page.locator(`${VIEW} .view-controls`).isVisible(), 'the controls are shown once the script runs').toBe(true);
        const engine = page.waitForRequest((r) => isEngine(r.url()), { timeout: 15_000 });
        await page.locator(`${VIEW} .view-controls select[name="metric"]`).hover();
        expect(isEngine((await engine).url())).toBe(true);
      } finally {
        await page.close();
      }
    });

    it('focus on a control (keyboard) starts fetching the engine too', async () => {
      const page = await context.newPage();
      try {
        await view(page, url);
        const engine = page.waitForRequest((r) => isEngine(r.url()), { timeout: 15_000 });
        await page.locator(`${VIEW} .view-controls select[name="period"]`).focus();
        expect(isEngine((await engine).url())).toBe(true);
      } finally {
        await page.close();
      }
    });

    it('a link with a state shows the static view, says it is updating, then swaps in the state', async () => {
      const page = await ownPage();
      let release = async () => {};
      try {
        release = await holdEngine(page);
        const state = q({ period: c.period });
        await page.goto(`${url}?${state}`, { waitUntil: 'load' });
        await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-busy') === 'true', VIEW);
        const waiting = await readView(page);
        await release();
        await waitForViewState(page, state);
        const shown = await readView(page);
        await page.goto(url, { waitUntil: 'load' });
        await waitForViewState(page, q({}));
        const staticView = await readView(page);
        expect(waiting.html, 'while updating, the static view').toBe(staticView.html);
        expect(waiting.status, 'the status line while updating').not.toBe(staticView.status);
        expect(waiting.status, 'the status line while updating').not.toBe(shown.status);
        expect(shown.html, 'the state, once drawn').not.toBe(staticView.html);
      } finally {
        await release();
        await closeOwn(page);
      }
    });

    it('a change taken back before the engine is ready leaves the static view, not busy', async () => {
      const page = await ownPage();
      let release = async () => {};
      try {
        await openView(page, url, q({}));
        const staticView = await readView(page);
        release = await holdEngine(page);
        await page.locator(`${VIEW} .view-controls select[name="period"]`).selectOption(c.period);
        await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-busy') === 'true', VIEW);
        await page.goBack();
        await waitForViewState(page, q({}), 10_000);
        expect(comparable(await readView(page))).toEqual(comparable(staticView));
      } finally {
        await release();
        await closeOwn(page);
      }
    });

    it(`an engine that cannot be loaded (its ${c.failed.failing} fails to download) is reported; the static view stays, the controls work, a later change tries again`, async () => {
      const page = await ownPage();
      const failed: string[] = [];
      try {
        await openView(page, url, q({}));
        const staticView = await readView(page);
        // A real network failure of the request, in the browser: nothing about the engine is mocked.
        await page.route(FAILING[c.failed.failing], (route) => {
          failed.push(route.request().url());
          return route.abort('failed');
        });
        await page.locator(`${VIEW} .view-controls select[name="period"]`).selectOption(c.period);
        await waitForStatus(page, c.failed.load);
        expect(failed.length, `requests for the ${c.failed.failing} that failed`).toBeGreaterThan(0);
        const shown = await readView(page);
        expect(shown.state, 'data-view-state: the static view’s, not the state asked for').toBe(q({}));
        expect(await page.locator(VIEW).getAttribute('aria-busy'), 'aria-busy').toBeNull();
        expect(shown.html, 'the static view, intact').toBe(staticView.html);
        const period = page.locator(`${VIEW} .view-controls select[name="period"]`);
        expect(await period.inputValue(), 'the period control shows what the page shows').toBe(c.initial.period);
        expect(await period.isEnabled()).toBe(true);
        // The network is back: picking the period again draws it.
        await page.unroute(FAILING[c.failed.failing]);
        await changeControl(page, 'period', c.period, q({ period: c.period }));
        expect((await readView(page)).html, 'the state, drawn on the second try').not.toBe(staticView.html);
      } finally {
        await closeOwn(page);
      }
    });

    it('a browser without WebAssembly says so, keeps the static view and fetches no engine', async () => {
      const page = await ownPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      try {
        await openView(page, url, q({}));
        const staticView = await readView(page);
        await page.addInitScript(() => {
          delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
        });
        await page.goto(`${url}?${q({ period: c.period })}`, { waitUntil: 'load' });
        await waitForStatus(page, c.failed.noWasm);
        const shown = await readView(page);
        expect(shown.state).toBe(q({}));
        expect(shown.html, 'the static view, intact').toBe(staticView.html);
        expect(requests.filter(isEngine), 'engine requests').toEqual([]);
      } finally {
        await closeOwn(page);
      }
    });

    it('a state drawn once is drawn again in another tab from the rows this browser kept, with no engine; a state or a data version never drawn waits for the engine', async () => {
      const first = await ownPage();
      const refused: string[] = [];
      try {
        const state = q({ period: c.period });
        await openView(first, `${url}?${state}`, state);
        const drawn = await readView(first);

        // Another tab where every request for the engine fails (the view starts it all the same, for
        // the next change): only the kept rows can draw the state.
        const again = await first.context().newPage();
        await again.route(
          (u) => isEngine(u.href),
          (route) => {
            refused.push(route.request().url());
            return route.abort('failed');
          },
        );
        await openView(again, `${url}?${state}`, state);
        expect(comparable(await readView(again)), 'the state drawn from the kept rows').toEqual(comparable(drawn));
        expect(refused.length, 'engine requests, refused').toBeGreaterThan(0);
        const sources = await again.evaluate(() =>
          performance.getEntriesByType('measure').flatMap((m) => (m.name === 'view:query' ? [(m as PerformanceMeasure).detail?.source] : [])),
        );
        expect(sources, 'where the rows came from').toEqual(['kept']);

        // Another metric of the same period is drawn from the same kept rows (a metric asks no other query) …
        await changeControl(again, 'metric', c.metric, q({ period: c.period, metric: c.metric }));
        expect((await again.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name === 'view:query').map((m) => (m as PerformanceMeasure).detail?.source))).at(-1), 'where the rows came from').toBe('kept');
        // … but a period never drawn needs the engine, which fails here: the static view comes back, and the
        // status line says why (its words after the period's name, which is another here, are the same).
        const periods = await again.locator(`${VIEW} .view-controls select[name="period"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        const never = periods.find((p) => p !== c.period && p !== c.initial.period)!;
        await again.locator(`${VIEW} .view-controls select[name="period"]`).selectOption(never);
        await waitForViewState(again, q({}));
        const why = c.failed.load.slice(c.failed.load.search(/：|: /) + 1).trim();
        expect(await again.locator(`${VIEW} .view-status`).textContent(), 'the status line').toContain(why);

        // The same state over another data version (the page's data URL changed as a new build
        // would change it) needs the engine too.
        await again.route((u) => u.pathname === c.path && u.search === `?${state}`, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/(\/data\/\?v=)([0-9a-f]+)/, '$1$2f');
          expect(body, 'the page names its data version').toMatch(/\/data\/\?v=[0-9a-f]+f&quot;/);
          await route.fulfill({ response, body });
        });
        await again.goto(`${url}?${state}`, { waitUntil: 'load' });
        await waitForStatus(again, c.failed.load);
      } finally {
        await closeOwn(first);
      }
    });

    describe('a reader’s journey', () => {
      let page: Page;
      const errors: string[] = [];
      const shown: Record<'initial' | 'period' | 'metric', ShownView> = {} as never;

      beforeAll(async () => {
        page = await context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        await openView(page, url, q({}));
        shown.initial = await readView(page);
      });
      afterAll(async () => {
        await page?.close();
      });

      it('starts at the static page’s state, the URL without a query', () => {
        expect(shown.initial.state).toBe(q({}));
        expect(shown.initial.search).toBe('');
        expect(shown.initial.maps.length, 'maps on the page').toBeGreaterThanOrEqual(1);
        expect(shown.initial.svgs.length, 'maps and charts on the page').toBeGreaterThanOrEqual(3);
        expect(shown.initial.verdicts.length, 'verdicts on the page').toBeGreaterThan(0);
      });

      it('another period redraws the maps, charts, tables and sentences, and the URL says so', async () => {
        await changeControl(page, 'period', c.period, q({ period: c.period }));
        const v = (shown.period = await readView(page));
        expect(v.search).toBe(q({ period: c.period }));
        expect(v.maps.map((m) => m.regions.length), 'regions per map').toEqual(shown.initial.maps.map((m) => m.regions.length));
        expect(regionValues(v).filter((r) => r.endsWith('=')).length, 'regions without a value').toBeLessThan(regionValues(v).length);
        expect(regionValues(v), 'map region values').not.toEqual(regionValues(shown.initial));
        expect(drawings(v), 'what the charts and maps draw').not.toEqual(drawings(shown.initial));
        expect(tableCells(v), 'tables').not.toEqual(tableCells(shown.initial));
        expect(v.sentences.length, 'summary sentences').toBeGreaterThan(0);
        expect(v.sentences, 'summary sentences').not.toEqual(shown.initial.sentences);
        expect(v.verdicts.length, 'verdicts').toBeGreaterThan(0);
        const periods = new Set(v.verdicts.map((x) => x.split(' ')[2]));
        expect([...periods], 'the verdicts’ period').toEqual([c.period]);
      });

      it('another metric redraws the map and the ranking in that metric', async () => {
        await changeControl(page, 'metric', c.metric, q({ period: c.period, metric: c.metric }));
        const v = (shown.metric = await readView(page));
        expect(v.search).toBe(q({ period: c.period, metric: c.metric }));
        expect(v.maps.length, 'one map, of the metric').toBe(1);
        expect(regionValues(v)).not.toEqual(regionValues(shown.period));
        expect(v.maps[0]!.regions.some((r) => !r.endsWith('=')), 'the metric map has values').toBe(true);
        expect(tableCells(v)[0], 'the ranking table').not.toEqual(tableCells(shown.period)[0]);
        expect(v.headings[0], 'the map heading names the metric').not.toBe(shown.period.headings[0]);
      });

      it('back shows the previous state again, back again the static page; forward the next', async () => {
        await goInHistory(page, 'back', q({ period: c.period }));
        expect(comparable(await readView(page))).toEqual(comparable(shown.period));
        await goInHistory(page, 'back', q({}));
        expect(comparable(await readView(page))).toEqual(comparable(shown.initial));
        expect(new URL(page.url()).search).toBe('');
        await goInHistory(page, 'forward', q({ period: c.period }));
        await goInHistory(page, 'forward', q({ period: c.period, metric: c.metric }));
        expect(comparable(await readView(page))).toEqual(comparable(shown.metric));
      });

      it('reloading the URL shows the same view; back from there too', async () => {
        await page.reload({ waitUntil: 'load' });
        await waitForViewState(page, q({ period: c.period, metric: c.metric }));
        expect(comparable(await readView(page))).toEqual(comparable(shown.metric));
        await goInHistory(page, 'back', q({ period: c.period }));
        expect(comparable(await readView(page))).toEqual(comparable(shown.period));
        await goInHistory(page, 'forward', q({ period: c.period, metric: c.metric }));
      });

      it('another parent leads to its page in the same state; back returns', async () => {
        const there = viewQuery({ ...c.initial, period: c.period, metric: c.metric, parent: c.otherParent.code });
        await changeControl(page, 'parent', c.otherParent.code, there);
        expect(new URL(page.url()).pathname).toBe(c.otherParent.path);
        const v = await readView(page);
        expect(v.maps.length).toBe(1);
        expect(v.verdicts.every((x) => x.split(' ')[2] === c.period), 'the verdicts’ period').toBe(true);
        await goInHistory(page, 'back', q({ period: c.period, metric: c.metric }));
        expect(new URL(page.url()).pathname).toBe(c.path);
        expect(comparable(await readView(page))).toEqual(comparable(shown.metric));
      });

      it('raised no page error and asked nothing of another origin', () => {
        expect(errors).toEqual([]);
        expect(foreign).toEqual([]);
      });
    });
  });
});
