/**
 * The whole site, crawled from `/` and `/en/` (by the globalSetup, over HTTP, without running
 * scripts): no link or resource that 404s, no redirecting links, no dangling #fragments, every
 * page template reachable in both languages, the downloads linked and served.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_TEMPLATES, htmlPages, templateOf } from '../support/site.ts';
import { pagesToCheck, sites } from './helpers.ts';

const list = (lines: string[], max = 40) =>
  lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more`].join('\n') : lines.join('\n');

describe.each(sites)('%s site: links', (name, site) => {
  const { crawl } = site;

  it('starts from / and /en/, both HTML pages', () => {
    for (const start of ['/', '/en/']) {
      const u = crawl.urls.find((x) => x.path === start);
      expect(u?.status, `${start}`).toBe(200);
      expect(u?.html, `${start} is not HTML`).toBeDefined();
    }
  });

  it('has no broken link or resource anywhere (every internal URL answers 200 or a redirect)', () => {
    const broken = crawl.urls
      .filter((u) => u.status !== 200 && !(u.status >= 300 && u.status < 400))
      .map((u) => `${u.status} ${u.path}  ← ${u.referrers.join(' | ')}`);
    expect(broken, `broken URLs in the ${name} site:\n${list(broken)}`).toEqual([]);
  });

  it('links name canonical URLs (no redirects: a link without its trailing slash 404s on some hosts)', () => {
    const redirects = crawl.urls
      .filter((u) => u.status >= 300 && u.status < 400)
      .map((u) => `${u.status} ${u.path} → ${u.location}  ← ${u.referrers.join(' | ')}`);
    expect(redirects, list(redirects)).toEqual([]);
  });

  it('links to #fragments that exist on the target page', () => {
    const broken = crawl.brokenFragments.map((f) => `${f.from}: ${f.href}`);
    expect(broken, list(broken)).toEqual([]);
  });

  it('reaches every page template (home, indicator, jurisdiction, progress, data, methodology) in both languages', () => {
    const found = new Set(pagesToCheck(site).map((p) => `${p.lang} ${p.template}`));
    const missing = (['zh', 'en'] as const).flatMap((lang) => CORE_TEMPLATES.map((t) => `${lang} ${t}`)).filter((k) => !found.has(k));
    expect(missing, `templates the crawl never reached: ${missing.join(', ')}`).toEqual([]);
  });

  it('declares the page language: zh-CN at the root, en under /en/', () => {
    const wrong = htmlPages(crawl)
      .filter((u) => templateOf(u.path) || u.path === '/' || u.path.startsWith('/en/'))
      .filter((u) => (u.path.startsWith('/en/') ? u.html!.lang !== 'en' : u.html!.lang !== 'zh-CN'))
      .map((u) => `${u.path}: lang="${u.html!.lang}"`);
    expect(wrong, list(wrong)).toEqual([]);
  });

  it('links the downloads (CSV, Parquet, datapackage.json) and serves every file datapackage.json names', async () => {
    const served = (re: RegExp) => crawl.urls.filter((u) => re.test(u.path));
    expect(served(/^\/data\/[^/]+\.csv$/).length, 'no link to a /data/*.csv download').toBeGreaterThan(0);
    expect(served(/^\/data\/parquet\/[^/]+\.parquet$/).length, 'no link to a /data/parquet/*.parquet download').toBeGreaterThan(0);
    expect(served(/^\/data\/datapackage\.json$/).length, 'no link to /data/datapackage.json').toBe(1);

    const pkg = JSON.parse(await readFile(path.join(site.distDir, 'data/datapackage.json'), 'utf8')) as {
      resources?: { path?: string | string[] }[];
    };
    const files = (pkg.resources ?? []).flatMap((r) => (Array.isArray(r.path) ? r.path : r.path ? [r.path] : []));
    expect(files.length, 'datapackage.json names no resource').toBeGreaterThan(0);
    const missing: string[] = [];
    for (const f of files) {
      if (/^[a-z]+:/i.test(f)) continue; // an absolute URL is not ours to serve
      const res = await fetch(new URL(f, `${site.origin}/data/datapackage.json`), { method: 'HEAD' });
      if (res.status !== 200) missing.push(`${res.status} ${f}`);
    }
    expect(missing, `datapackage.json resources not served:\n${list(missing)}`).toEqual([]);
  });

  it("the 404 page's links all lead to pages, its language link to the English home (not to /en/404/, the 404 page again)", async () => {
    const res = await fetch(`${site.origin}/en/no-such-page/`);
    expect(res.status).toBe(404);
    const html = await res.text();
    const language = /<a href="([^"]*)" hreflang="en"/.exec(html)?.[1];
    expect(language).toBe('/en/');
    expect(html, 'no alternate language version: the page has none').not.toContain('rel="alternate"');
    const found = new Set(crawl.urls.filter((u) => u.status === 200).map((u) => u.path));
    const links = [...html.matchAll(/<a [^>]*href="(\/[^"#]*)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((l) => !found.has(l))).toEqual([]);
  });

  it('loads no resource (script, stylesheet, image, font …) from another origin', () => {
    const foreign = crawl.foreignResources.map((r) => `${r.from}: ${r.url}`);
    expect(foreign, list(foreign)).toEqual([]);
  });
});
