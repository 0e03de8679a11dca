/**
 * How the engine and the data reach a reader's browser, on the demo site's indicator view served
 * by the test server as the README tells a production server to serve it (precompressed copies,
 * hashed and versioned URLs cached for a year). The test runs its own server over the built
 * site, to see every request that reaches it and the bytes it sent:
 *  - the first re-render transfers the engine as brotli, and of the data only what the view
 *    needs: its own indicator's observations, never observations.csv, the vintages or the
 *    projects ledger;
 *  - every data URL the view fetches carries the data version (?v=), which is what makes a
 *    year's caching safe;
 *  - the status line's megabytes count the engine, which its worker fetches out of the page's
 *    sight;
 *  - a second visit in the same browser profile takes the engine and the data from the cache:
 *    none of them reaches the server again.
 * (No request routing here: Playwright's routing turns the HTTP cache off.)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { observationsFileOf } from '../../src/engine/tables.ts';
import { VIEW_STATUS } from '../../src/lib/i18n.ts';
import { startStaticServer, type RequestRecord, type StaticServer } from '../support/static-server.ts';
import { connectBrowser, sites } from './helpers.ts';
import { openState } from './state-url.ts';

const demo = sites.find(([name]) => name === 'demo')?.[1];
const INDICATOR = 'online_retail';
const PAGE = `/indicators/${INDICATOR}/`;
const STATE = 'period=2024-06&metric=pace_gap&parent=410000';
const LATER_STATE = 'period=2024-03&metric=value&parent=410000';

const pathOf = (r: RequestRecord) => new URL(r.path, 'http://x').pathname;
const searchOf = (r: RequestRecord) => new URL(r.path, 'http://x').search;
/** The engine (wasm, workers, DuckDB's bundle), the site's scripts and the data. */
const isAsset = (r: RequestRecord) => pathOf(r).startsWith('/_astro/') || pathOf(r).startsWith('/data/');

describe.runIf(demo)('delivery of the engine and the data (demo site)', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let first: RequestRecord[];
  let dataVersion: string;
  /** Every text the view's status line showed during the cold start. */
  let statusLines: string[];

  beforeAll(async () => {
    server = await startStaticServer({ roots: demo!.distDir });
    browser = await connectBrowser();
    context = await browser.newContext();
    dataVersion = (JSON.parse(await readFile(path.join(demo!.distDir, 'data/manifest.json'), 'utf8')) as { data_version: string }).data_version;
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { statusLines: string[] }).statusLines = []);
      new MutationObserver(() => {
        const line = document.querySelector('.view-status')?.textContent ?? '';
        if (line !== seen.at(-1)) seen.push(line);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await openState(page, `${server.origin}${PAGE}?${STATE}`, STATE);
    statusLines = await page.evaluate(() => (window as unknown as { statusLines: string[] }).statusLines);
    await page.close();
    first = [...server.requests];
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('sends the engine, its worker and the scripts precompressed with brotli', () => {
    const wasm = first.filter((r) => pathOf(r).endsWith('.wasm'));
    expect(wasm.map((r) => [r.status, r.encoding])).toEqual([[200, 'br']]);
    expect(wasm[0]!.bytes).toBeLessThan(6e6);
    const scripts = first.filter((r) => /^\/_astro\/.*\.js$/.test(pathOf(r)));
    expect(scripts.some((r) => /duckdb-browser-eh\.worker/.test(pathOf(r)))).toBe(true);
    for (const r of scripts) expect(r.encoding, r.path).toBe('br');
  });

  it('the status line counts the engine in the megabytes loaded', () => {
    const wasm = first.find((r) => pathOf(r).endsWith('.wasm'))!;
    const shown = statusLines.flatMap((line) => [...line.matchAll(/([\d.]+) MB/g)].map((m) => Number(m[1])));
    // the line rounds to 0.1 MB (2^20 bytes)
    expect(Math.max(...shown), statusLines.join(' | ')).toBeGreaterThanOrEqual(Math.floor((wasm.bytes / 1048576) * 10) / 10);
  });

  it('the status line goes forward: once the data is loading it never says the engine is loading again', () => {
    const words = VIEW_STATUS['zh-CN'];
    const firstData = statusLines.findIndex((l) => l.startsWith(words.data));
    expect(firstData, statusLines.join(' | ')).toBeGreaterThan(0);
    expect(statusLines.slice(firstData).filter((l) => l.startsWith(words.engine)), statusLines.join(' | ')).toEqual([]);
  });

  it("fetches only the view's own indicator's observations, each data URL with the data version", () => {
    const data = first.filter((r) => pathOf(r).startsWith('/data/'));
    const files = data.map((r) => pathOf(r).slice('/data/'.length));
    expect(files.filter((f) => f.startsWith('observation'))).toEqual([observationsFileOf(INDICATOR)]);
    expect(files).toContain('targets.csv');
    // nor the projects ledger, which only the project queries read (VIEW_TABLES)
    expect(files).not.toContain('projects.csv');
    for (const r of data) expect(searchOf(r), r.path).toBe(`?v=${dataVersion}`);
    for (const r of data.filter((x) => x.path.includes('.csv'))) expect(r.encoding, r.path).toBe('br');
    const bytes = first.filter(isAsset).reduce((n, r) => n + r.bytes, 0);
    console.log(`first re-render: ${(bytes / 1e6).toFixed(2)} MB of engine, scripts and data over the wire`);
  });

  it('a second visit takes the engine and the data from the cache', async () => {
    const before = server.requests.length;
    const page = await context.newPage();
    try {
      await openState(page, `${server.origin}${PAGE}?${LATER_STATE}`, LATER_STATE);
    } finally {
      await page.close();
    }
    const again = server.requests.slice(before);
    expect(again.length).toBeGreaterThan(0); // the page itself is revalidated
    expect(again.filter(isAsset).map((r) => `${r.status} ${r.path}`)).toEqual([]);
  });
});
