/**
 * Link previews: a built page that names an og:image gets preview.png beside it, 1200 × 630,
 * drawn from its own first figure under its title, with resvg and explicit fonts; a page without
 * an og:image gets none; the internal site's pictures carry its mark; a rebuild takes them from
 * the cache; and a machine without a CJK font is told what to install.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml, PreviewFontsMissing, previewFonts, previewFooter, previewPage, renderPreviews } from '../../src/build/previews.ts';
import { fitText, previewSvg, textWidthEm } from '../../src/render/preview.ts';
import { inkShare, pixelAt, pngSize, readPng } from '../support/png.ts';

const CHART = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 190" width="320" height="190" font-family="system-ui" font-size="11"><title id="t">零售额逐月完成进度</title><rect x="10" y="10" width="300" height="150" fill="#0b3c6e"/><svg viewBox="0 0 10 10" x="0" y="0" width="20" height="20"><rect width="10" height="10" fill="#e07b00"/></svg><text x="20" y="180">1月</text></svg>`;

function page(o: { title: string; og?: boolean; chart?: string | null; lang?: string }): string {
  const image = o.og === false ? '' : '<meta property="og:image" content="/briefings/x/preview.png"><meta property="og:image:width" content="1200">';
  const figure = o.chart === null ? '<p>no figure</p>' : `<figure class="chart">${o.chart ?? CHART}</figure>`;
  return (
    `<!doctype html><html lang="${o.lang ?? 'zh-CN'}"><head><meta property="og:title" content="${o.title}">${image}` +
    `<meta property="og:site_name" content="商务指标"></head><body><header><svg viewBox="0 0 1 1"></svg></header><main><h1>x</h1>${figure}</main></body></html>`
  );
}

describe('the preview picture (src/render/preview.ts)', () => {
  it('sets a title as large as fits, and cuts one that never fits', () => {
    expect(textWidthEm('郑州市')).toBe(3);
    expect(textWidthEm('ab')).toBeCloseTo(1.12);
    expect(fitText('郑州市', 1104, 46, 28)).toEqual({ text: '郑州市', size: 46 });
    expect(fitText('郑'.repeat(30), 1104, 46, 28).size).toBe(36);
    const cut = fitText('郑'.repeat(60), 1104, 46, 28);
    expect(cut.size).toBe(28);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(textWidthEm(cut.text) * 28).toBeLessThanOrEqual(1104);
  });

  it('places the chart with its own viewBox under the title, the internal mark across the top', () => {
    const svg = previewSvg({ chart: CHART, title: 'A & B <1>', subtitle: '零售额', footer: '', internalMark: '内部资料 / Internal' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
    expect(svg).toContain('A &amp; B &lt;1&gt;');
    expect(svg).toContain('>内部资料 / Internal</text>');
    // The chart keeps its viewBox and drawing, loses its size and font family, and its nested svg is untouched.
    expect(svg).toMatch(/<svg x="48" y="\d+" width="1104" height="\d+" viewBox="0 0 320 190" preserveAspectRatio="xMidYMid meet" xmlns="http:\/\/www.w3.org\/2000\/svg" font-size="11"><title/);
    expect(svg).toContain('<svg viewBox="0 0 10 10" x="0" y="0" width="20" height="20">');
    expect(svg).not.toContain('system-ui');
    // No footer: no rule above it.
    expect(svg).not.toContain('<line');
    expect(() => previewSvg({ chart: '<div></div>', title: 'x', subtitle: null, footer: '', internalMark: null })).toThrow(/not one <svg>/);
  });
});

describe('reading a built page (previewPage)', () => {
  it('takes the first svg of the first figure in <main>, nested svg and all, its title, and the page title', () => {
    const p = previewPage(page({ title: '郑州市商务运行简报（2025年1-9月）&amp;' }))!;
    expect(p.chart).toBe(CHART);
    expect(p.subtitle).toBe('零售额逐月完成进度');
    expect(p.title).toBe('郑州市商务运行简报（2025年1-9月）&');
    expect(p.site).toBe('商务指标');
    expect(p.locale).toBe('zh-CN');
    expect(previewPage(page({ title: 'x', lang: 'en' }))!.locale).toBe('en');
  });

  it('is null for a page without an og:image, and has no chart for one without a figure', () => {
    expect(previewPage(page({ title: 'x', og: false }))).toBeNull();
    expect(previewPage(page({ title: 'x', chart: null }))!.chart).toBeNull();
  });

  it('decodes the entities Astro writes in attributes', () => {
    expect(decodeHtml('a &amp; b &lt;&gt; &quot;q&quot; &#39;&#x4e2d;')).toBe('a & b <> "q" \'中');
  });

  it('says the data are synthetic in the footer unless the site name does, and leaves out a name that is the title', () => {
    const synthetic = { internal: false, synthetic: { 'zh-CN': '示例数据（合成）', en: 'Synthetic demo data' } };
    expect(previewFooter({ title: 'T', site: '商务指标', locale: 'zh-CN' }, synthetic)).toBe('商务指标 · 示例数据（合成）');
    expect(previewFooter({ title: 'T', site: 'Henan (synthetic demo data)', locale: 'en' }, synthetic)).toBe('Henan (synthetic demo data)');
    expect(previewFooter({ title: '商务指标', site: '商务指标', locale: 'zh-CN' }, synthetic)).toBe('示例数据（合成）');
    expect(previewFooter({ title: '商务指标', site: '商务指标', locale: 'zh-CN' }, { internal: false, synthetic: null })).toBe('');
  });
});

describe('renderPreviews', () => {
  let dist: string;
  let cacheDir: string;
  const fonts = previewFonts();

  beforeAll(async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'previews-'));
    dist = path.join(tmp, 'dist');
    cacheDir = path.join(tmp, 'cache');
    const pages: Record<string, string> = {
      'briefings/x/index.html': page({ title: '郑州市商务运行简报（2025年1-9月）' }),
      'en/briefings/x/index.html': page({ title: 'Zhengzhou: briefing, Jan–Sep 2025', lang: 'en' }),
      'no-figure/index.html': page({ title: '没有图的页面', chart: null }),
      'plain/index.html': page({ title: 'plain', og: false }),
    };
    for (const [file, html] of Object.entries(pages)) {
      await fs.mkdir(path.dirname(path.join(dist, file)), { recursive: true });
      await fs.writeFile(path.join(dist, file), html);
    }
  });
  afterAll(async () => {
    await fs.rm(path.dirname(dist), { recursive: true, force: true });
  });

  it('writes a 1200 × 630 PNG beside every page that names one, with its chart and title, and none elsewhere', async () => {
    const r = await renderPreviews(dist, { fonts, site: { internal: false, synthetic: null }, cacheDir });
    expect(r.files).toEqual(['briefings/x/preview.png', 'en/briefings/x/preview.png', 'no-figure/preview.png']);
    expect(r.cached).toBe(0);
    expect(r.withoutChart).toEqual(['no-figure/index.html']);
    await expect(fs.stat(path.join(dist, 'plain/preview.png'))).rejects.toThrow();
    for (const file of r.files) {
      const bytes = await fs.readFile(path.join(dist, file));
      expect(pngSize(bytes), file).toEqual({ width: 1200, height: 630 });
      const png = readPng(bytes);
      // The title line has ink (its glyphs were found: no font, no text), the corner is white.
      expect(inkShare(png, { x: 48, y: 30, width: 500, height: 50 }), `${file} title`).toBeGreaterThan(0.05);
      expect(pixelAt(png, 2, 2)).toBe('#ffffff');
    }
    const chart = readPng(await fs.readFile(path.join(dist, 'briefings/x/preview.png')));
    // The chart's big rectangle, scaled into the picture's middle.
    expect(pixelAt(chart, 600, 350)).toBe('#0b3c6e');
    const alone = readPng(await fs.readFile(path.join(dist, 'no-figure/preview.png')));
    expect(inkShare(alone, { x: 0, y: 200, width: 1200, height: 300 })).toBe(0);
  });

  it('marks the internal site’s pictures across the top', async () => {
    const internalDist = path.join(path.dirname(dist), 'internal');
    await fs.cp(dist, internalDist, { recursive: true });
    await renderPreviews(internalDist, { fonts, site: { internal: true, synthetic: null }, cacheDir: null });
    const png = readPng(await fs.readFile(path.join(internalDist, 'briefings/x/preview.png')));
    expect(pixelAt(png, 5, 5)).toBe('#a21b1b');
    expect(pixelAt(png, 1195, 40)).toBe('#a21b1b');
  });

  it('takes them from the cache the second time, byte for byte', async () => {
    const before = await fs.readFile(path.join(dist, 'briefings/x/preview.png'));
    await fs.rm(path.join(dist, 'briefings/x/preview.png'));
    const r = await renderPreviews(dist, { fonts, site: { internal: false, synthetic: null }, cacheDir });
    expect(r.cached).toBe(3);
    expect((await fs.readFile(path.join(dist, 'briefings/x/preview.png'))).equals(before)).toBe(true);
  });
});

describe('fonts', () => {
  it('are the Noto Sans CJK files here, a CJK face first', () => {
    const fonts = previewFonts({});
    expect(fonts[0]).toMatch(/NotoSansCJK-Regular\.ttc$/);
  });

  it('are missing without a CJK font, and the build is told what to install', () => {
    const error = (() => {
      try {
        previewFonts({}, { cjk: ['/nowhere/NotoSansCJK-Regular.ttc'], latin: [] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PreviewFontsMissing);
    expect((error as Error).message).toMatch(/\/nowhere\/NotoSansCJK-Regular\.ttc is missing.*apt-get install fonts-noto-cjk.*PORTAL_PREVIEW_FONTS/);
  });

  it('are the files PORTAL_PREVIEW_FONTS names, each of which must exist', () => {
    const [first] = previewFonts({});
    expect(previewFonts({ PORTAL_PREVIEW_FONTS: `${first}:` })).toEqual([first]);
    expect(() => previewFonts({ PORTAL_PREVIEW_FONTS: '/nowhere/font.ttf' })).toThrow(PreviewFontsMissing);
    expect(() => previewFonts({ PORTAL_PREVIEW_FONTS: '/nowhere/font.ttf' })).toThrow(/\/nowhere\/font\.ttf/);
  });
});
