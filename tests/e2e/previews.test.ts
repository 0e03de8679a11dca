/**
 * Link previews on the built sites: the briefings (those that draw a trajectory), the home page
 * and the root's indicator pages name a 1200 × 630 PNG in og:image, with its size, its words and
 * a large-image card; the PNG is served beside the page as a PNG of that size, and is a picture,
 * not a blank: the title at the top, the page's chart below it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlPages, templateOf } from '../support/site.ts';
import { inkShare, pngSize, readPng } from '../support/png.ts';
import { sites } from './helpers.ts';

/** The page's <meta property|name=… content=…> as a map. */
function metaOf(html: string): Map<string, string> {
  const meta = new Map<string, string>();
  for (const m of html.matchAll(/<meta\s[^>]*>/g)) {
    const key = /\s(?:property|name)="([^"]*)"/.exec(m[0])?.[1];
    const content = /\scontent="([^"]*)"/.exec(m[0])?.[1];
    if (key && content !== undefined) meta.set(key, content);
  }
  return meta;
}

describe.each(sites)('%s site: link previews', (name, site) => {
  const pages = htmlPages(site.crawl);

  it('names a preview on the home page, the root’s indicator pages and the briefings with a trajectory, in both languages, and a PNG of 1200 × 630 is beside each', async () => {
    const named: { path: string; template: string }[] = [];
    const problems: string[] = [];
    for (const u of pages) {
      const html = await fs.readFile(path.join(site.distDir, u.path, 'index.html'), 'utf8');
      const meta = metaOf(html);
      const image = meta.get('og:image');
      if (!image) {
        if (meta.get('twitter:card') !== 'summary') problems.push(`${u.path}: twitter:card ${meta.get('twitter:card')} without an image`);
        continue;
      }
      named.push({ path: u.path, template: templateOf(u.path)?.template ?? '' });
      // A path here (no PORTAL_SITE), or the address of the page's own preview.png.
      if (new URL(image, 'http://x').pathname !== `${u.path}preview.png`) problems.push(`${u.path}: og:image ${image}`);
      if (meta.get('og:image:width') !== '1200' || meta.get('og:image:height') !== '630' || meta.get('og:image:type') !== 'image/png') problems.push(`${u.path}: size or type`);
      if (!meta.get('og:image:alt')) problems.push(`${u.path}: no og:image:alt`);
      if (meta.get('twitter:card') !== 'summary_large_image') problems.push(`${u.path}: twitter:card ${meta.get('twitter:card')}`);
      const bytes = await fs.readFile(path.join(site.distDir, u.path, 'preview.png')).catch(() => null);
      if (!bytes) problems.push(`${u.path}: no preview.png`);
      else if (JSON.stringify(pngSize(bytes)) !== '{"width":1200,"height":630}') problems.push(`${u.path}: ${JSON.stringify(pngSize(bytes))}`);
    }
    expect(problems).toEqual([]);
    const templates = new Set(named.map((n) => `${n.path.startsWith('/en/') ? 'en' : 'zh'} ${n.template}`));
    for (const lang of ['zh', 'en']) {
      expect(templates, `${name}: ${lang} home`).toContain(`${lang} home`);
      expect(templates, `${name}: ${lang} indicator`).toContain(`${lang} indicator`);
    }
    // Only the root's indicator pages: a subdivision's own pages are shared through its briefing.
    expect(named.filter((n) => n.template === 'indicator-parent')).toEqual([]);
    if (name === 'demo') {
      expect(templates).toContain('zh briefing');
      expect(templates).toContain('en briefing');
    }
  });

  it('serves each as image/png, a picture with its title and its chart', async () => {
    const withPreview = [];
    for (const u of pages) {
      const html = await fs.readFile(path.join(site.distDir, u.path, 'index.html'), 'utf8');
      if (metaOf(html).has('og:image')) withPreview.push(u.path);
    }
    // The first and last of each template and language: the home page, an indicator, a briefing.
    const sample = [...new Map(withPreview.map((p) => [`${p.startsWith('/en/')}${templateOf(p)?.template}`, p])).values(), ...withPreview.slice(0, 3)];
    for (const p of sample) {
      const response = await fetch(`${site.origin}${p}preview.png`);
      expect(response.status, p).toBe(200);
      expect(response.headers.get('content-type'), p).toBe('image/png');
      const png = readPng(new Uint8Array(await response.arrayBuffer()));
      expect(inkShare(png, { x: 48, y: 20, width: 600, height: 60 }), `${p}: title`).toBeGreaterThan(0.03);
      expect(inkShare(png, { x: 48, y: 160, width: 1104, height: 380 }), `${p}: chart`).toBeGreaterThan(0.02);
    }
  });
});
