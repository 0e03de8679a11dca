/**
 * The site served under a sub-path (Astro's base, PORTAL_BASE=/portal/): the default data's
 * site is built with that base into a temporary directory of its own, served only under
 * /portal/ (anything outside it is a 404), and
 *  - crawled from /portal/ and /portal/en/: every link, script, stylesheet and download is
 *    found under /portal/ and answers 200 (fragments within a page do not depend on the base:
 *    links.test.ts checks them);
 *  - an indicator view opened in Chromium with a state redraws it, fetching the engine, its
 *    worker and the data under /portal/ too.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPackageSite, crawlSite, htmlPages, PACKAGES, type CrawlResult } from '../support/site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { openState } from './state-url.ts';

const BASE = '/portal/';
let tmp: string;
let server: StaticServer;
let crawl: CrawlResult;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'base-path-'));
  // astro build (a child process) reads it; this test file runs in a worker of its own.
  process.env.PORTAL_BASE = BASE;
  try {
    const built = await buildPackageSite('default-under-portal', PACKAGES.default, tmp);
    server = await startStaticServer({ roots: { [BASE]: built.distDir } });
  } finally {
    delete process.env.PORTAL_BASE;
  }
  crawl = await crawlSite(server.origin, [BASE, `${BASE}en/`]);
}, 600_000);

afterAll(async () => {
  await server?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('the site under a base path (/portal/)', () => {
  it('every link, script and download is under the base path and found', () => {
    expect(htmlPages(crawl).length).toBeGreaterThan(50);
    expect(crawl.urls.filter((u) => !u.path.startsWith(BASE)).map((u) => `${u.path} ← ${u.referrers.join(', ')}`)).toEqual([]);
    expect(crawl.urls.filter((u) => u.status !== 200).map((u) => `${u.status} ${u.path} ← ${u.referrers.join(', ')}`)).toEqual([]);
    expect(crawl.foreignResources).toEqual([]);
    const paths = new Set(crawl.urls.map((u) => u.path));
    // The other language's page, the scripts and the downloads are among what the pages reference.
    expect(paths).toContain(`${BASE}en/data/`);
    expect([...paths].some((p) => p.startsWith(`${BASE}_astro/`))).toBe(true);
    expect(paths).toContain(`${BASE}data/observations.csv`);
  });

  it('an indicator view redraws a state, with the engine and the data fetched under the base path', async () => {
    const page = crawl.urls.find((u) => /^\/portal\/indicators\/[^/]+\/$/.test(u.path) && u.html && u.html.maps > 0)!;
    expect(page).toBeDefined();
    const browser: Browser = await chromium.connect(inject('portal').wsEndpoint);
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(server.origin + page.path);
      const cfg = await tab.evaluate(() => JSON.parse((document.querySelector('[data-view="indicator"]') as HTMLElement).dataset.viewConfig!)) as {
        periods: string[];
        initial: { period: string; parent: string };
      };
      const period = cfg.periods.find((p) => p !== cfg.initial.period)!;
      const state = new URLSearchParams({ period, metric: 'growth', parent: cfg.initial.parent }).toString();
      const before = server.requests.length;
      await openState(tab, `${server.origin}${page.path}?${state}`, state);
      const fetched = server.requests.slice(before);
      expect(fetched.filter((r) => r.status >= 400 || !r.path.startsWith(BASE)).map((r) => `${r.status} ${r.path}`)).toEqual([]);
      const paths = fetched.map((r) => new URL(r.path, server.origin).pathname);
      expect(paths.some((p) => /^\/portal\/_astro\/duckdb-eh\.[\w-]+\.wasm$/.test(p))).toBe(true);
      expect(paths.some((p) => p.startsWith(`${BASE}data/observations/`))).toBe(true);
      expect(await tab.locator('[data-view] .choropleth [data-jurisdiction]').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
      await browser.close();
    }
  });
});
