/**
 * The demo build says on every page that its figures are synthetic (示例数据 / synthetic);
 * the default build, real data, says so nowhere. Read from every crawled page's static HTML
 * (visible text: scripts and styles excluded). That the notice is visible in Chromium is
 * checked on every template by no-js.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { htmlPages } from '../support/site.ts';
import { sites } from './helpers.ts';

const SYNTHETIC = { default: false, demo: true } as const;

describe.each(sites)('%s site: synthetic notice', (name, site) => {
  const expected = SYNTHETIC[name];

  it(expected ? 'says synthetic on every page' : 'never says synthetic', () => {
    const pages = htmlPages(site.crawl);
    expect(pages.length).toBeGreaterThan(0);
    const wrong = pages.filter((p) => p.html!.saysSynthetic !== expected).map((p) => p.path);
    expect(wrong, `${wrong.length} of ${pages.length} pages ${expected ? 'do not say' : 'say'} synthetic: ${wrong.slice(0, 30).join(' ')}`).toEqual([]);
  });
});
