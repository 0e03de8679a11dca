/**
 * Each ranking, progress table and board links the public CSV files it comes from and says
 * which of their rows it shows; on the minimal package, those rows are the table's rows.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';
import type { Engine } from '../../src/engine/types.ts';
import { tableDownloads } from '../../src/views/downloads.ts';

const minimal = path.join(import.meta.dirname, '../build/fixtures/minimal');
let tmp: string;
let publicData: string;
let m: typeof import('../../src/site/model.ts');
let engine: Engine;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'table-downloads-'));
  publicData = path.join(tmp, 'public', 'data');
  await buildData({ dataDir: minimal, outDir: publicData, now: new Date('2025-01-01T00:00:00Z') });
  // src/site/data.ts reads the public directory when it is first imported.
  process.env.PORTAL_PUBLIC_DIR = path.join(tmp, 'public');
  m = await import('../../src/site/model.ts');
  engine = await (await import('../../src/site/data.ts')).siteEngine();
});

afterAll(async () => {
  await engine?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The rows of a public CSV a downloads paragraph names, by its data attributes. */
async function rowsNamed(html: string): Promise<{ jurisdiction: string; indicator: string }[]> {
  const p = /<p class="caption downloads"([^>]*)>/.exec(html)![1]!;
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(p)?.[1] ?? null;
  const read = async (file: string) =>
    Papa.parse<Record<string, string>>((await fs.readFile(path.join(publicData, file), 'utf8')).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  const children = new Set((await read('jurisdictions.csv')).filter((j) => j.parent === attr('data-parent')).map((j) => j.code));
  return (await read('observations.csv'))
    .filter((o) => children.has(o.jurisdiction!) && o.period === attr('data-period') && (attr('data-indicator') === null || o.indicator === attr('data-indicator')))
    .map((o) => ({ jurisdiction: o.jurisdiction!, indicator: o.indicator! }));
}

const linked = (html: string) => [...html.matchAll(/<p class="caption downloads"[^>]*>.*?<\/p>/gs)].flatMap((p) => [...p[0].matchAll(/href="([^"]+)" download=""/g)].map((x) => x[1]));

describe('the download under a table', () => {
  it('links the files and names the rows in both languages', () => {
    const zh = tableDownloads({ indicator: 'retail_sales', period: '2024-06', parent: '100000', targets: true }, 'zh-CN');
    expect(zh).toBe(
      '<p class="caption downloads" data-indicator="retail_sales" data-period="2024-06" data-parent="100000">本表数据（CSV）：<a href="/data/observations.csv" download="">observations.csv</a>中indicator为retail_sales、period为2024-06的行，地区为<a href="/data/jurisdictions.csv" download="">jurisdictions.csv</a>中parent为100000的地区；目标见<a href="/data/targets.csv" download="">targets.csv</a>中year为2024的行。</p>',
    );
    const en = tableDownloads({ indicator: null, period: '2024', parent: '100000', targets: false }, 'en');
    expect(en).toContain("This table's data as CSV: the rows of <a href=\"/data/observations.csv\" download=\"\">observations.csv</a> with every indicator with a target and period 2024, for the units whose parent is 100000 in <a href=\"/data/jurisdictions.csv\" download=\"\">jurisdictions.csv</a>.");
    expect(en).not.toContain('data-indicator');
  });

  it('is under the ranking, the progress table and the board, and its rows are theirs', async () => {
    const { indicatorViewBody } = await import('../../src/views/indicator-view.ts');
    const { boardBody } = await import('../../src/views/board-view.ts');
    const ind = await m.indicator('retail_sales');
    const parent = await m.jurisdiction('100000');
    const progress = await m.progress('100000', 'retail_sales', '2024-06');
    const body = indicatorViewBody({
      indicator: ind, parent, period: '2024-06', metric: 'value', progress,
      rankValue: await m.ranking('100000', 'retail_sales', '2024-06', 'value'), rankYoy: await m.ranking('100000', 'retail_sales', '2024-06', 'yoy'),
      map: null, showRest: false, locale: 'zh-CN', hrefFor: (c) => `/jurisdictions/${c}/`,
    });
    // From each ranking or progress figure to the next (a figure holds its chart's own figure).
    const figures = body.split(/(?=<figure class="chart (?:ranking|progress))/).filter((f) => /^<figure class="chart (ranking|progress)/.test(f));
    expect(figures.length).toBe(3); // by level, by growth, progress
    for (const f of figures) {
      expect(linked(f)).toEqual(f.includes('class="chart progress') ? ['/data/observations.csv', '/data/jurisdictions.csv', '/data/targets.csv'] : ['/data/observations.csv', '/data/jurisdictions.csv']);
      const shown = new Set([...f.matchAll(/<th scope="row"><a href="\/jurisdictions\/(\d+)\/">/g)].map((x) => x[1]));
      expect((await rowsNamed(f)).map((r) => r.jurisdiction).sort()).toEqual([...shown].sort());
    }
    const board = boardBody({
      parent, period: '2024-06', children: await m.childrenOf('100000'), sortBy: null, locale: 'en', hrefFor: (c) => `/en/jurisdictions/${c}/`,
      columns: [{ indicator: ind, rows: progress, href: '/en/indicators/retail_sales/' }],
    });
    expect(linked(board)).toEqual(['/data/observations.csv', '/data/jurisdictions.csv', '/data/targets.csv']);
    expect((await rowsNamed(board)).map((r) => `${r.jurisdiction} ${r.indicator}`).sort()).toEqual(['110000 retail_sales', '120000 retail_sales']);
  });
});
