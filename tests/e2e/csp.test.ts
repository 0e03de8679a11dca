/**
 * The site under the headers it ships with (dist/_headers, which the test server applies): every
 * template in both languages, and an indicator page redrawn in the browser for another period
 * (so the DuckDB-WASM worker and its WebAssembly run), load in Chromium without a single
 * Content-Security-Policy violation, console error or page error. The pages carry no inline
 * script or <style>; the policy allows 'wasm-unsafe-eval' to the engine's worker only. Each page
 * in a context of its own, two at a time (the e2e project's maxConcurrency).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { COMMON_HEADERS, formatHeaderRules, isEngineWorker, PAGE_CSP, securityHeaderRules, WORKER_CSP } from '../../src/build/security-headers.ts';
import { scanHtml } from '../support/site.ts';
import { connectBrowser, pagesToCheck, sites, view } from './helpers.ts';

interface Seen {
  violations: string[];
  errors: string[];
  requests: string[];
}

describe.each(sites)('%s site under its Content-Security-Policy', (_name, site) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a URL in a fresh context (no CSP bypass), recording violations, console errors and page errors. */
  async function load(url: string, until?: (page: import('playwright-core').Page) => Promise<void>): Promise<Seen> {
    const context = await browser.newContext();
    const seen: Seen = { violations: [], errors: [], requests: [] };
    try {
      const page = await context.newPage();
      // Before any script of the page: the listener is the browser's own report of each violation.
      await page.addInitScript(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
        );
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) seen.errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => seen.errors.push(`page error: ${e.message}`));
      page.on('request', (r) => seen.requests.push(r.url()));
      await view(page, url);
      if (until) await until(page);
      seen.violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    } finally {
      await context.close();
    }
    return seen;
  }

  it('ships dist/_headers, which the test server applies: the pages\' policy on pages, the worker\'s on the worker', async () => {
    expect(await readFile(path.join(site.distDir, '_headers'), 'utf8')).toBe(formatHeaderRules(await securityHeaderRules(site.distDir)));
    const workers = (await readdir(path.join(site.distDir, '_astro'))).filter(isEngineWorker);
    expect(workers.length).toBeGreaterThan(0);
    const pagePaths = ['/', '/en/', ...pagesToCheck(site).map((p) => p.path), '/data/observations.csv'];
    for (const p of pagePaths) {
      const res = await fetch(site.origin + p, { method: 'HEAD' });
      expect(res.headers.get('content-security-policy'), p).toBe(PAGE_CSP);
      for (const [k, v] of Object.entries(COMMON_HEADERS)) expect(res.headers.get(k), `${p} ${k}`).toBe(v);
    }
    for (const w of workers) {
      const res = await fetch(`${site.origin}/_astro/${w}`, { method: 'HEAD' });
      expect(res.headers.get('content-security-policy'), w).toBe(WORKER_CSP);
    }
    expect((await fetch(`${site.origin}/_headers`)).status).toBe(404);
  });

  it('has no inline script or <style> on any page', async () => {
    const inline: string[] = [];
    for (const entry of await readdir(site.distDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
      const file = path.join(entry.parentPath, entry.name);
      scanHtml(
        await readFile(file, 'utf8'),
        ({ name, attrs }) => {
          if ((name === 'script' && !attrs.has('src')) || name === 'style') inline.push(`${path.relative(site.distDir, file)}: <${name}>`);
          for (const a of attrs.keys()) if (a.startsWith('on')) inline.push(`${path.relative(site.distDir, file)}: <${name} ${a}>`);
        },
        () => {},
      );
    }
    expect(inline.slice(0, 20)).toEqual([]);
  });

  it.concurrent.each(pagesToCheck(site).map((p) => [p.label, p.path] as const))('%s: no violation', async (_label, p) => {
    const seen = await load(site.origin + p);
    expect([...seen.violations, ...seen.errors]).toEqual([]);
  });

  it('redraws an indicator page in the browser (engine, worker and WebAssembly) with no violation', async () => {
    const p = pagesToCheck(site).find((x) => x.template === 'indicator' && x.lang === 'zh')!.path;
    const html = await (await fetch(site.origin + p)).text();
    let configText = '';
    scanHtml(html, ({ attrs }) => (configText ||= attrs.get('data-view-config') ?? ''), () => {});
    const config = JSON.parse(configText) as { periods: string[]; initial: { period: string; parent: string } };
    const other = config.periods.find((x) => x !== config.initial.period)!;
    expect(other, 'the indicator has no other period to draw').toBeDefined();
    const state = `period=${other}&metric=value&parent=${config.initial.parent}`;
    let drawn: string | null = null;
    let status = '';
    const seen = await load(`${site.origin}${p}?${state}`, async (page) => {
      // Drawn, or given up: the status line then says why (src/client/engine.ts).
      const view = '[data-view="indicator"]';
      await page.waitForFunction(
        ([v, s]) => document.querySelector(v)?.getAttribute('data-view-state') === s || /未能更新|Could not update/.test(document.querySelector(`${v} .view-status`)?.textContent ?? ''),
        [view, state] as const,
        { timeout: 240_000 },
      );
      drawn = await page.locator(view).getAttribute('data-view-state');
      status = (await page.locator(`${view} .view-status`).textContent()) ?? '';
    });
    expect([...seen.violations, ...seen.errors]).toEqual([]);
    expect(drawn, `not redrawn: ${status}`).toBe(state);
    expect(seen.requests.some((u) => /\.wasm(\?|$)/.test(u)), 'the engine was not loaded').toBe(true);
    expect(seen.requests.some((u) => isEngineWorker(path.posix.basename(new URL(u).pathname))), 'no engine worker').toBe(true);
  }, 300_000);
});
