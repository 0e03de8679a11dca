/**
 * Revisions in the open, on the minimal package: Beijing's June retail sales, first published
 * in release 2024-06 (6,500.5, preliminary), revised in 2024-07 (6,510.1, flag r). The release
 * page lists the old figure beside the new with the release it replaced; every page showing
 * the figure marks it with a link to that row; a figure never revised has no mark.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';
import type { Engine } from '../../src/engine/types.ts';
import { obsMarkup } from '../../src/views/obs.ts';

const minimal = path.join(import.meta.dirname, '../build/fixtures/minimal');
let tmp: string;
let revisions: typeof import('../../src/site/revisions.ts');
let engine: Engine;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'site-revisions-'));
  await buildData({ dataDir: minimal, outDir: path.join(tmp, 'public', 'data'), now: new Date('2025-01-01T00:00:00Z') });
  // src/site/data.ts reads the public directory when it is first imported.
  process.env.PORTAL_PUBLIC_DIR = path.join(tmp, 'public');
  revisions = await import('../../src/site/revisions.ts');
  engine = await (await import('../../src/site/data.ts')).siteEngine();
});

afterAll(async () => {
  await engine?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('what a release revised', () => {
  it('lists each revised figure under the release that revised it, beside the figure it replaced', async () => {
    const byRelease = await revisions.revisionsByRelease();
    expect([...byRelease.keys()]).toEqual(['2024-07']);
    expect(byRelease.get('2024-07')).toEqual([
      {
        jurisdiction: '110000', indicator: 'retail_sales', period: '2024-06', release: '2024-07', vintage: 2,
        value: 6510.1, yoy_pct: -1.1, flag: 'r',
        old_release: '2024-06', old_value: 6500.5, old_yoy_pct: -1.2, old_flag: 'p',
      },
    ]);
  });

  it('links a revised figure to its row on the release page, in the reader language, and nothing else', async () => {
    const en = await revisions.revisedLookup('en');
    expect(en('110000', 'retail_sales', '2024-06')).toEqual({
      href: '/en/releases/2024-07/#rev-110000-retail_sales-2024-06',
      label: 'revised in 2024年1-7月',
    });
    const zh = await revisions.revisedLookup('zh-CN');
    expect(zh('110000', 'retail_sales', '2024-06')?.href).toBe('/releases/2024-07/#rev-110000-retail_sales-2024-06');
    expect(zh('110000', 'retail_sales', '2024-07')).toBeNull();
    expect(zh('100000', 'retail_sales', '2024-06')).toBeNull();
  });
});

describe('what a browser view carries', () => {
  it('the revised figures it keeps, from which revisedFrom links them as the pages do, and nothing else', async () => {
    const { revisedFrom } = await import('../../src/views/revisions.ts');
    const kept = await revisions.revisionData('en', (j, i) => j === '110000' && i === 'retail_sales');
    expect(kept).toEqual([{ href: '/en/releases/2024-07/', label: 'revised in 2024年1-7月', figures: { '110000 retail_sales': '2024-06' } }]);
    const page = await revisions.revisedLookup('en');
    expect(revisedFrom(kept)('110000', 'retail_sales', '2024-06')).toEqual(page('110000', 'retail_sales', '2024-06'));
    expect(revisedFrom(kept)('110000', 'retail_sales', '2024-07')).toBeNull();
    expect(await revisions.revisionData('en', (_j, i) => i === 'gdp')).toEqual([]);
  });
});

describe('the mark of a revised figure', () => {
  const link = { href: '/releases/2024-07/#rev-110000-retail_sales-2024-06', label: '修订于2024年1-7月' };

  it('is the r mark as a link, said in full to a screen reader, not printed twice', () => {
    const html = obsMarkup(6510.1, 'r', '亿元', 1, 'zh-CN', link);
    expect(html).toContain('<a href="/releases/2024-07/#rev-110000-retail_sales-2024-06" title="修订于2024年1-7月"><span aria-hidden="true">修</span><span class="sr-only">修订于2024年1-7月</span></a>');
    expect(html.match(/修</g)).toHaveLength(1);
  });

  it('comes beside another flag of a later vintage, and leaves a figure never revised as it was', () => {
    expect(obsMarkup(12, 'p', '亿元', 1, 'en', { ...link, label: 'revised in x' })).toMatch(/<sup class="flag">p<\/sup>.*<sup class="flag rev"><a [^>]*>.*r.*<\/a><\/sup>$/);
    expect(obsMarkup(12, null, '亿元', 1, 'en', { ...link, label: 'revised in x' })).toMatch(/^1.20 billion yuan<sup class="flag rev">/);
    expect(obsMarkup(12, null, '亿元', 1, 'en')).toBe(obsMarkup(12, null, '亿元', 1, 'en', null));
    expect(obsMarkup(12, 'r', '亿元', 1, 'en')).not.toContain('<a');
  });
});

describe('the tables that show a revised figure', () => {
  it('mark it in the ranking, the progress table and the trend, linked to its release, and no other figure', async () => {
    const m = await import('../../src/site/model.ts');
    const { rankingFigure } = await import('../../src/views/ranking-figure.ts');
    const { progressFigure } = await import('../../src/views/progress-figure.ts');
    const { trendFigure } = await import('../../src/views/trend-figure.ts');
    const revised = await revisions.revisedLookup('zh-CN');
    const common = { unit: '亿元' as const, decimals: 1, locale: 'zh-CN' as const, hrefFor: (c: string) => `/jurisdictions/${c}/`, revised };
    const marks = (html: string) => [...html.matchAll(/<sup class="flag rev"><a href="([^"]+)"/g)].map((x) => x[1]);
    const expected = ['/releases/2024-07/#rev-110000-retail_sales-2024-06'];

    const ranking = rankingFigure({ ...common, rows: await m.ranking('100000', 'retail_sales', '2024-06', 'value'), basis: 'value', scopeLevel: 'country', title: 'r', idPrefix: 'r' });
    expect(marks(ranking)).toEqual(expected);
    const progress = progressFigure({ ...common, rows: await m.progress('100000', 'retail_sales', '2024-06'), title: 'p', idPrefix: 'p' });
    expect(marks(progress)).toEqual(expected);
    const trend = trendFigure({
      ...common, trend: null, series: await m.series('110000', 'retail_sales'), year: 2024, name: '北京市', indicatorName: 'x', title: 't', idPrefix: 't',
      revisedAt: (p) => revised('110000', 'retail_sales', p),
    });
    expect(marks(trend)).toEqual(expected);
    // Without a lookup the figure keeps its flag mark, unlinked.
    expect(marks(rankingFigure({ ...common, revised: undefined, rows: await m.ranking('100000', 'retail_sales', '2024-06', 'value'), basis: 'value', scopeLevel: 'country', title: 'r', idPrefix: 'r' }))).toEqual([]);
  });
});
