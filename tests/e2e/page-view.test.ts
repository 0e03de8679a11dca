/**
 * Every page template, one page each per language, viewed in Chromium with JavaScript on
 * (load, scroll to the end, network quiet), once, two at a time; then:
 *  - no request left 127.0.0.1 (any attempt is also aborted, so nothing leaves the machine);
 *  - DuckDB-WASM was not loaded: no .wasm, no DuckDB worker or module (the pages are complete
 *    as built; the engine comes only when a reader asks for more);
 *  - no uncaught page error;
 *  - axe-core (node_modules/axe-core, injected) reports no violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, inLanes, isolatedContext, pagesToCheck, sites, view } from './helpers.ts';

// Evaluated through the DevTools protocol, not added as a <script>: the pages are served under
// their Content-Security-Policy, which refuses an inline script (src/build/security-headers.ts).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

interface Viewed {
  requests: string[];
  foreign: string[];
  errors: string[];
  violations: AxeViolation[];
  failure?: string;
}

describe.each(sites)('%s site: page view with JavaScript', (_name, site) => {
  const pages = pagesToCheck(site);
  const viewed = new Map<string, Viewed>();
  let browser: Browser;

  beforeAll(async () => {
    browser = await connectBrowser();
    // Two views at a time, each lane with a context of its own (nothing leaves it: see
    // isolatedContext, which records what it stopped per context) and a fresh page per view.
    await inLanes(pages, 2, async (take) => {
      const { context, foreign } = await isolatedContext(browser, site.origin);
      try {
        for (let p = take(); p !== undefined; p = take()) {
          const v: Viewed = { requests: [], foreign: [], errors: [], violations: [] };
          viewed.set(p.path, v);
          const page = await context.newPage();
          const foreignBefore = foreign.length;
          page.on('request', (r) => v.requests.push(r.url()));
          page.on('pageerror', (e) => v.errors.push(e.message));
          try {
            await view(page, site.origin + p.path);
            v.foreign = foreign.slice(foreignBefore);
            // Only now: axe is ours, not part of the page view.
            await page.evaluate(axeSource);
            v.violations = (await page.evaluate(async () => {
              const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: unknown[] }> } }).axe;
              return (await axe.run(document, { resultTypes: ['violations'] })).violations;
            })) as AxeViolation[];
          } catch (err) {
            v.failure = String(err);
          } finally {
            await page.close();
          }
        }
      } finally {
        await context.close();
      }
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('is served from 127.0.0.1', () => expect(new URL(site.origin).hostname).toBe('127.0.0.1'));

  it.each(pages.map((p) => [p.label, p] as const))('%s: stays on 127.0.0.1, loads no DuckDB-WASM, no page error', (_label, p) => {
    const v = viewed.get(p.path)!;
    expect(v.failure, 'the page view failed').toBeUndefined();
    const elsewhere = v.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).hostname !== '127.0.0.1');
    expect([...new Set([...elsewhere, ...v.foreign])], 'requests that left 127.0.0.1').toEqual([]);
    const duckdb = v.requests.filter((u) => /\.wasm(\?|#|$)/i.test(u) || /duckdb/i.test(new URL(u, site.origin).pathname));
    expect(duckdb, 'DuckDB-WASM requested on page view').toEqual([]);
    expect(v.errors, 'uncaught page errors').toEqual([]);
  });

  it.each(pages.map((p) => [p.label, p] as const))('%s: axe-core finds no violation', (_label, p) => {
    const v = viewed.get(p.path)!;
    expect(v.failure, 'the page view failed').toBeUndefined();
    const lines = v.violations.map(
      (x) => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.length} node(s), e.g. ${x.nodes.slice(0, 2).map((n) => JSON.stringify(n.target)).join(' ')}`,
    );
    expect(lines, `${p.label}:\n${lines.join('\n')}`).toEqual([]);
  });
});
