/**
 * axe-core in real Chromium over maps as a page shows them: one linked (a group of links),
 * one not (an image), two on the same page, Chinese and English. Also checks that the links
 * are reachable with the keyboard and that each has the region's name as its accessible name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHOROPLETH_CSS, renderChoropleth, type ChoroplethDatum } from '../../src/render/map.ts';
import { CODES, squaresTopology } from './fixtures/squares.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const DATA: ChoroplethDatum[] = [
  { code: '410100', value: 4.2, status: 'ok', label: '4.2%' },
  { code: '410200', value: -2, status: 'ok', label: '-2.0%' },
  { code: '410300', value: null, status: 'suppressed', label: '' },
  { code: '410400', value: null, status: 'missing', label: '' },
  { code: '410500', value: 0.3, status: 'ok', label: '0.3%' },
  { code: '410600', value: -6.1, status: 'ok', label: '-6.1%' },
];

function page(lang: 'zh-CN' | 'en'): string {
  const common = {
    topology: squaresTopology(),
    codes: CODES,
    data: DATA,
    scale: { type: 'diverging', center: 0 } as const,
    locale: lang,
    legendTitle: lang === 'en' ? 'Retail sales, growth (%)' : '社会消费品零售总额增速（%）',
  };
  const linked = renderChoropleth({ ...common, title: lang === 'en' ? 'Growth by city' : '各市增速', idPrefix: 'a', hrefFor: (c) => `#j-${c}` });
  const image = renderChoropleth({ ...common, title: lang === 'en' ? 'Growth by city (image)' : '各市增速（图）', idPrefix: 'b' });
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>map</title>
<style>${CHOROPLETH_CSS} body{font:16px/1.5 sans-serif;color:#1a1a1a;background:#fff}</style></head>
<body><main><h1>map</h1>${linked}${image}</main></body></html>`;
}

async function axe(p: Page): Promise<{ id: string; nodes: string[] }[]> {
  await p.addScriptTag({ content: AXE });
  return p.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 120)) }));
  });
}

describe.skipIf(!existsSync(CHROMIUM))('choropleth accessibility (axe-core in Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`has no axe violations (${lang})`, async () => {
      const p = await browser.newPage();
      await p.setContent(page(lang));
      expect(await axe(p)).toEqual([]);
      await p.close();
    });
  }

  it('reaches every linked region with Tab, named by region and value', async () => {
    const p = await browser.newPage();
    await p.setContent(page('zh-CN'));
    const names: string[] = [];
    for (let i = 0; i < CODES.length; i++) {
      await p.keyboard.press('Tab');
      names.push(
        await p.evaluate(() => {
          const a = document.activeElement;
          return a && a.tagName.toLowerCase() === 'a' ? `${a.getAttribute('href')} ${a.getAttribute('aria-label')}` : String(a?.tagName);
        }),
      );
    }
    expect(names).toEqual([
      '#j-410100 郑州市：4.2%',
      '#j-410200 开封市：-2.0%',
      '#j-410300 洛阳市：保密',
      '#j-410400 平顶山市：无数据',
      '#j-410500 安阳市：0.3%',
      '#j-410600 鹤壁市：-6.1%',
    ]);
    // The accessibility tree names the links as the region and its value.
    const snapshot = await p.locator('figure').first().ariaSnapshot();
    expect(snapshot).toContain('link "郑州市：4.2%"');
    expect(snapshot).toContain('group "各市增速"');
    await p.close();
  });
});
