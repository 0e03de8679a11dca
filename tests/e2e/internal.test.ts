/**
 * The internal site says 内部资料 / Internal on every page and every printed sheet, at the top of
 * every page of its circulars' Word files and across its link previews; the public site never
 * does. The internal site is the minimal package built for the bureau (its internal indicator
 * included); the public one is each site of this run.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../../src/build/build-site.ts';
import { strFromU8, unzipSync } from 'fflate';
import { INTERNAL_MARK } from '../../src/site/audience.ts';
import { readPdf } from '../support/pdf.ts';
import { pixelAt, readPng } from '../support/png.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';
import { connectBrowser, sites } from './helpers.ts';

const minimal = path.join(import.meta.dirname, '../build/fixtures/minimal');

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

describe('the internal site', () => {
  let tmp: string;
  let dist: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'internal-site-'));
    dist = path.join(tmp, 'dist-internal');
    await fs.mkdir(path.join(tmp, 'public'));
    await buildSite({ dataDir: minimal, publicDir: path.join(tmp, 'public'), outDir: dist, audience: 'internal', now: new Date('2025-01-01T00:00:00Z') });
    server = await startStaticServer({ roots: dist });
    browser = await connectBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('marks every page, in its title and at the top of its body, in both languages', async () => {
    const files = await htmlFiles(dist);
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.includes(`${path.sep}en${path.sep}`))).toBe(true);
    const unmarked = [];
    for (const f of files) {
      const html = await fs.readFile(f, 'utf8');
      const body = html.slice(html.indexOf('<body'));
      const first = body.slice(0, body.indexOf('<main'));
      if (!html.includes(`<title>【${INTERNAL_MARK}】`) || !first.includes(`<aside class="internal-mark" aria-label="${INTERNAL_MARK}"><strong>${INTERNAL_MARK}</strong>`)) {
        unmarked.push(path.relative(dist, f));
      }
    }
    expect(unmarked).toEqual([]);
    // It is the internal site: its internal indicator has a page.
    expect(files.some((f) => f.includes(`indicators${path.sep}secret_metric`))).toBe(true);
    // Its briefings, in both languages, have a section on the internal indicator.
    const briefings = files.map((f) => path.relative(dist, f).split(path.sep).join('/')).filter((f) => /^(en\/)?briefings\/[^/]+\/[^/]+\/index\.html$/.test(f));
    for (const en of [false, true]) {
      const withSecret = [];
      for (const f of briefings.filter((b) => b.startsWith('en/') === en)) if ((await fs.readFile(path.join(dist, f), 'utf8')).includes('<section class="briefing-indicator" id="secret_metric"')) withSecret.push(f);
      expect(withSecret.length, `${en ? 'English' : 'Chinese'} briefings with the internal indicator`).toBeGreaterThan(0);
    }
  });

  it('shows the mark on screen and in print, and prints it at the top of every sheet', async () => {
    for (const p of ['/indicators/secret_metric/', '/en/jurisdictions/110000/']) {
      // A fresh page each: a PDF printed after switching the emulated media back and forth lost its margin boxes.
      const page = await browser.newPage();
      try {
        await page.goto(server.origin + p);
        const sheets = readPdf(await page.pdf({ preferCSSPageSize: true }));
        expect(sheets.length, p).toBeGreaterThan(1);
        const unmarked = sheets.flatMap((sheet, i) => (sheet.text.replace(/\s+/g, '').includes(INTERNAL_MARK.replace(/\s+/g, '')) ? [] : [`${p} sheet ${i + 1}`]));
        expect(unmarked).toEqual([]);
        await expect.poll(() => page.locator('.internal-mark').isVisible(), { message: `${p} on screen` }).toBe(true);
        await page.emulateMedia({ media: 'print' });
        await expect.poll(() => page.locator('.internal-mark').isVisible(), { message: `${p} in print` }).toBe(true);
      } finally {
        await page.close();
      }
    }
  });

  it('marks its circulars’ Word files at the top of every page, and its link previews across the top', async () => {
    const entries = await fs.readdir(dist, { recursive: true, withFileTypes: true });
    const of = (ext: string) => entries.filter((e) => e.isFile() && e.name.endsWith(ext)).map((e) => path.join(e.parentPath, e.name));
    const words = of('.docx');
    expect(words.length).toBeGreaterThan(1);
    for (const file of words) {
      const zip = unzipSync(await fs.readFile(file));
      const doc = strFromU8(zip['word/document.xml']!);
      const sections = doc.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g) ?? [];
      expect(sections.length, file).toBe(2);
      for (const s of sections) expect(s, file).toMatch(/<w:headerReference w:type="default"/);
      const headers = Object.keys(zip).filter((n) => /^word\/header\d+\.xml$/.test(n));
      expect(headers.length, file).toBeGreaterThan(0);
      for (const h of headers) expect(strFromU8(zip[h]!), `${file} ${h}`).toContain(INTERNAL_MARK);
    }
    const previews = of('preview.png');
    expect(previews.length).toBeGreaterThan(0);
    for (const file of previews) expect(pixelAt(readPng(await fs.readFile(file)), 600, 5), file).toBe('#a21b1b');
  });
});

describe.each(sites)('%s site (public)', (_name, site) => {
  it('never says 内部资料 / Internal, on a page or in print', async () => {
    const marked = [];
    for (const f of await htmlFiles(site.distDir)) {
      const html = await fs.readFile(f, 'utf8');
      if (html.includes('内部资料') || html.includes('class="internal-mark"') || /<html[^>]*--internal-mark/.test(html)) marked.push(path.relative(site.distDir, f));
    }
    expect(marked).toEqual([]);
    const manifest = JSON.parse(await fs.readFile(path.join(site.distDir, 'data/manifest.json'), 'utf8')) as { audience?: string };
    expect(manifest.audience).toBe('public');
  });
});
