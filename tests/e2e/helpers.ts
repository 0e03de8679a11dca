/**
 * What the e2e files share: the sites built, served and crawled once by the globalSetup
 * (tests/support/site.ts) and the one Chromium it started.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { representatives, waitForSite, type Lang, type ServedSite, type SiteName, type Template } from '../support/site.ts';

export const portal = inject('portal');

/** The sites of this run, in order: [name, site] (waits until the globalSetup has them ready). */
export const sites: [SiteName, ServedSite][] = await Promise.all(portal.names.map(async (n) => [n, await waitForSite(portal, n)] as [SiteName, ServedSite]));

/** One page per template and language of a site, found by the crawl. */
export function pagesToCheck(site: ServedSite): { lang: Lang; template: Template; path: string; label: string }[] {
  return representatives(site.crawl).map((r) => ({ ...r, label: `${r.lang} ${r.template} ${r.path}` }));
}

/** Connects to the run's Chromium (one browser for every e2e file). */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(portal.wsEndpoint);
}

/**
 * A context that may only talk to the site's origin: every request is recorded, and any to
 * another origin is aborted (so nothing leaves the machine) and recorded as foreign.
 */
export async function isolatedContext(
  browser: Browser,
  origin: string,
  options: { javaScriptEnabled?: boolean; deviceScaleFactor?: number } = {},
): Promise<{ context: BrowserContext; requests: string[]; foreign: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, deviceScaleFactor: options.deviceScaleFactor });
  const requests: string[] = [];
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => requests.push(r.url()));
  return { context, requests, foreign };
}

export { view } from '../support/site.ts';

/**
 * Goes through `items` in `lanes` lanes at once (two suit a machine with two cores: the browser's
 * work is done beside the test's). Each lane takes the next item with `take` until there is none,
 * so it can keep a tab or a context of its own from one item to the next.
 */
export async function inLanes<T>(items: readonly T[], lanes: number, lane: (take: () => T | undefined) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: lanes }, () => lane(() => queue.shift())));
}

/**
 * The paths a built page links (its href attributes, resolved against it), read from the page
 * itself: the crawl keeps only a URL's first few referrers, in an order that varies run to run.
 */
export async function linksOf(origin: string, pagePath: string): Promise<string[]> {
  const html = await (await fetch(origin + pagePath)).text();
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&'), origin + pagePath).pathname);
}
