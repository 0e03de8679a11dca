/**
 * The bytes a reader transfers up to the first re-render of an indicator view: the page, its
 * scripts, the DuckDB-WASM engine and worker, and the data the view loads, as the test server
 * sends them (precompressed copies where the browser accepts them: what nginx or Caddy
 * configured as the README says would send). Measured in a fresh browser context (empty
 * cache) by opening the page with a state in its URL and waiting until the view has drawn it.
 */
import type { Browser } from 'playwright-core';
import type { StaticServer } from '../../tests/support/static-server.ts';
import { openState } from '../../tests/e2e/state-url.ts';

/** Goal: everything up to the first re-render ≤ 6 MB over the wire. */
export const RERENDER_GOAL_BYTES = 6_000_000;

export interface RerenderBytes {
  path: string;
  state: string;
  /** Bytes over the wire by kind, and in all. */
  engine: number;
  scripts: number;
  data: number;
  pages: number;
  total: number;
  /** Every request, for the record. */
  requests: number;
}

export async function measureFirstRerender(browser: Browser, server: StaticServer, pagePath: string): Promise<RerenderBytes> {
  // The view's periods, read in a context of its own, so that the measured one starts empty.
  const probe = await browser.newContext();
  const cfg = await probe
    .newPage()
    .then(async (page) => {
      await page.goto(server.origin + pagePath);
      return page.evaluate(() => {
        const root = document.querySelector<HTMLElement>('[data-view="indicator"]');
        return root ? (JSON.parse(root.dataset.viewConfig!) as { periods: string[]; initial: { period: string; parent: string } }) : null;
      });
    })
    .finally(() => probe.close());
  if (!cfg) throw new Error(`${pagePath} has no indicator view`);
  const period = cfg.periods.find((p) => p !== cfg.initial.period) ?? cfg.initial.period;
  const state = new URLSearchParams({ period, metric: 'pace_gap', parent: cfg.initial.parent }).toString();
  const context = await browser.newContext();
  try {
    const before = server.requests.length;
    await openState(await context.newPage(), `${server.origin}${pagePath}?${state}`, state);
    const sent = server.requests.slice(before);
    const kind = (p: string) => (/\.wasm$|duckdb/i.test(p) ? 'engine' : p.includes('/_astro/') ? 'scripts' : p.includes('/data/') ? 'data' : 'pages');
    const sum = (k: string) => sent.filter((r) => kind(new URL(r.path, server.origin).pathname) === k).reduce((n, r) => n + r.bytes, 0);
    const bytes = { engine: sum('engine'), scripts: sum('scripts'), data: sum('data'), pages: sum('pages') };
    return { path: pagePath, state, ...bytes, total: bytes.engine + bytes.scripts + bytes.data + bytes.pages, requests: sent.length };
  } finally {
    await context.close();
  }
}

export function formatRerender(r: RerenderBytes): string {
  const mb = (n: number) => (n / 1e6).toFixed(2);
  return (
    `  first re-render of ${r.path}?${r.state}, empty cache: ${mb(r.total)} MB over the wire in ${r.requests} requests ` +
    `(engine ${mb(r.engine)}, scripts ${mb(r.scripts)}, data ${mb(r.data)}, page ${mb(r.pages)} MB (HTML, gzipped on the fly as a host does); goal ≤ ${mb(RERENDER_GOAL_BYTES)} MB)` +
    (r.total > RERENDER_GOAL_BYTES ? ' !' : '')
  );
}
