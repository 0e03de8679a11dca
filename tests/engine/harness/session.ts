/**
 * One browser session over the harness page: builds it with Vite, serves it and one or more
 * public-data directories from 127.0.0.1, launches Chromium, and drives the page. Shared by
 * tests/engine/parity.test.ts and scripts/bench/wasm.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../support/static-server.ts';
import { buildHarness, type HarnessBuild } from './build.ts';
import { launchChromium, openIsolatedPage } from './browser.ts';
import type { HarnessOpen, HarnessQuery, HarnessResult, HarnessTiming } from './harness.ts';

export type { HarnessOpen, HarnessQuery, HarnessResult, HarnessTiming };

export interface HarnessSession {
  build: HarnessBuild;
  server: StaticServer;
  browser: Browser;
  page: Page;
  /** Requests the page tried to make to any other origin (all were blocked). */
  foreign: string[];
  /** Page errors and console errors. */
  errors: string[];
  /** Loads the harness on a dataset (a fresh page load: a fresh DuckDB-WASM) and opens the engine. */
  open(dataset: string, opts?: { files?: 'buffer' | 'url'; bundle?: 'mvp'; tables?: string[]; indicators?: string[] }): Promise<HarnessOpen>;
  runAll(queries: HarnessQuery[]): Promise<HarnessResult[]>;
  runOverlapping(queries: HarnessQuery[]): Promise<HarnessResult[]>;
  timeQuery(query: HarnessQuery, warmRuns: number): Promise<HarnessTiming>;
  close(): Promise<void>;
}

/** `datasets`: name → public data directory, each served at /data/<name>/. */
export async function startHarnessSession(datasets: Readonly<Record<string, string>>, outDir?: string): Promise<HarnessSession> {
  const build = await buildHarness(outDir);
  const roots: Record<string, string> = { '/': build.dir };
  for (const [name, dir] of Object.entries(datasets)) roots[`/data/${name}/`] = dir;
  const server = await startStaticServer({ roots });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const { page, foreign, errors } = await openIsolatedPage(browser, server.origin);
    page.setDefaultTimeout(300_000);
    const session: HarnessSession = {
      build,
      server,
      browser,
      page,
      foreign,
      errors,
      async open(dataset, opts = {}) {
        if (!(dataset in datasets)) throw new Error(`unknown dataset ${dataset}`);
        const { bundle, ...engineOpts } = opts;
        await page.goto(`${server.origin}/?data=${encodeURIComponent(`/data/${dataset}/`)}${bundle ? `&bundle=${bundle}` : ''}`);
        await page.waitForFunction(() => document.getElementById('status')?.textContent === 'harness ready');
        return page.evaluate((o) => window.openEngine(o), engineOpts);
      },
      runAll: (queries) => page.evaluate((q) => window.runAll(q), queries),
      runOverlapping: (queries) => page.evaluate((q) => window.runOverlapping(q), queries),
      timeQuery: (query, warmRuns) => page.evaluate(([q, n]) => window.timeQuery(q, n), [query, warmRuns] as const),
      async close() {
        await browser?.close().catch(() => {});
        await server.close().catch(() => {});
      },
    };
    return session;
  } catch (err) {
    await browser?.close().catch(() => {});
    await server.close();
    throw err;
  }
}
