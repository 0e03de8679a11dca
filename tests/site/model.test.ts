/**
 * The page model asks the catalog for all indicators of a parent and period at once and asks
 * the series ahead of the pages: pages must still get exactly the rows of the catalog query
 * they stand for.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';
import { queries, runQuery } from '../../src/queries/index.ts';
import type { Engine } from '../../src/engine/types.ts';

const demo = path.join(import.meta.dirname, '../../examples/henan-demo');
let tmp: string;
let m: typeof import('../../src/site/model.ts');
let engine: Engine;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'site-model-'));
  await buildData({ dataDir: demo, outDir: path.join(tmp, 'public', 'data'), now: new Date('2026-11-01T00:00:00Z') });
  // src/site/data.ts reads the public directory when it is first imported.
  process.env.PORTAL_PUBLIC_DIR = path.join(tmp, 'public');
  m = await import('../../src/site/model.ts');
  engine = await (await import('../../src/site/data.ts')).siteEngine();
});

afterAll(async () => {
  await engine?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/**
 * Each indicator at its children's latest period, as the indicator pages ask, for the root
 * (whose children have targets for some indicators) and one city (whose counties have none).
 */
async function pageQuestions(): Promise<{ parent: string; indicator: string; period: string }[]> {
  const out: { parent: string; indicator: string; period: string }[] = [];
  for (const ind of await m.indicators()) {
    for (const parent of ['410000', '410100']) {
      const period = await m.latestChildPeriod(parent, ind.id);
      if (period) out.push({ parent, indicator: ind.id, period });
    }
  }
  return out;
}

const NEWEST_FIRST = 'o.year DESC, coalesce(o.month, 12) DESC, (o.month IS NULL) DESC';

describe('site model', () => {
  it("lists the indicators, and the board's columns, in one order: the three rates as the bureaus list them", async () => {
    const investment = (await m.indicators()).filter((i) => i.category === 'investment').map((i) => i.id);
    expect(investment).toEqual([
      'domestic_capital', 'fdi_actual', 'fdi_new_firms',
      'project_fulfilment_rate', 'project_start_rate', 'project_funds_rate',
    ]); // (signed_project_investment is internal)
    const order = (await m.indicators()).map((i) => i.id);
    const columns = await m.targetIndicators('410000', 2025);
    expect(columns.filter((id) => id.startsWith('project_'))).toEqual(['project_fulfilment_rate', 'project_start_rate', 'project_funds_rate']);
    expect(columns).toEqual(order.filter((id) => columns.includes(id)));
  });

  it("answers each parent's children's periods as if asked for that parent and indicator alone", async () => {
    let asked = 0;
    for (const ind of await m.indicators()) {
      // The root and a few cities: every answer comes from the same all-parent query.
      for (const parent of (await m.parentsWithChildData(ind.id)).slice(0, 4)) {
        const params = { parent, indicator: ind.id };
        const all = await engine.query(
          `SELECT DISTINCT o.period, o.year, o.month FROM observations o JOIN jurisdictions j ON j.code = o.jurisdiction
           WHERE j.parent = $parent AND o.indicator = $indicator ORDER BY ${NEWEST_FIRST}`,
          params,
        );
        const latest = await engine.query(
          `SELECT o.period FROM observations o JOIN jurisdictions j ON j.code = o.jurisdiction
           WHERE j.parent = $parent AND o.indicator = $indicator AND o.value IS NOT NULL ORDER BY ${NEWEST_FIRST} LIMIT 1`,
          params,
        );
        expect(await m.childPeriods(parent, ind.id)).toEqual(all.map((r) => r.period));
        expect(await m.latestChildPeriod(parent, ind.id)).toEqual(latest[0]?.period ?? null);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(30);
    expect(await m.childPeriods('no-such-parent', 'retail_sales')).toEqual([]);
    expect(await m.latestChildPeriod('no-such-parent', 'retail_sales')).toBeNull();
  });

  it('gives each indicator the progress rows of the catalog query for that indicator alone', async () => {
    const asked = await pageQuestions();
    expect(asked.length).toBeGreaterThan(10);
    // No figure in January (it is published with February): the all-indicator query leaves
    // every indicator out, so each is asked on its own.
    const january = asked.map((q) => ({ ...q, period: '2025-01' }));
    for (const { parent, indicator, period } of [...asked, ...january]) {
      const alone = await runQuery(engine, queries.progress, { parent, indicator, period });
      expect(await m.progress(parent, indicator, period), `${parent} ${indicator} ${period}`).toEqual(alone);
    }
    expect(await runQuery(engine, queries.progress, { parent: '410000', indicator: null, period: '2025-01' })).toEqual([]);
    expect((await m.progress('410000', 'retail_sales', '2025-01')).length).toBeGreaterThan(0);
  });

  it('gives each indicator and basis the ranking rows of the catalog query for that indicator alone', async () => {
    const asked = await pageQuestions();
    for (const { parent, indicator, period } of [...asked, ...asked.map((q) => ({ ...q, period: '2025-01' }))]) {
      for (const basis of ['value', 'yoy'] as const) {
        const alone = await runQuery(engine, queries.ranking, { parent, indicator, period, basis });
        expect(await m.ranking(parent, indicator, period, basis), `${parent} ${indicator} ${period} ${basis}`).toEqual(alone);
      }
    }
  });

  it("puts the home map at the headline period, on dataset.json's home_indicator", async () => {
    // The demo's headline figures are for 1-9月 2025; its dataset.json names retail sales.
    expect(await m.headlinePeriod('410000')).toBe('2025-09');
    const map = await m.homeMap();
    expect(map && { indicator: map.indicator.id, period: map.period, headline: map.headline }).toEqual({
      indicator: 'retail_sales', period: '2025-09', headline: '2025-09',
    });
    // Without it, the best-covered indicator at the same period (every one covers the 18 cities).
    const coverage = await m.childCoverage('410000');
    const free = m.chooseHomeMap(coverage, { headline: { year: 2025, m: 9 }, children: 18, indicator: null, order: (await m.indicators()).map((i) => i.id) });
    expect(free && [free.year, free.m, free.covered]).toEqual([2025, 9, 18]);
  });

  it('gives releases their English title where there is one, the title otherwise', async () => {
    const [latest] = await m.releases();
    expect(latest!.title_en).toBeNull();
    expect(m.releaseTitle(latest!, 'en')).toBe(latest!.title);
    expect(m.releaseTitle({ title: '2025年1-6月全省商务运行情况', title_en: 'Commerce bulletin, Jan–Jun 2025' }, 'en')).toBe('Commerce bulletin, Jan–Jun 2025');
    expect(m.releaseTitle({ title: '2025年1-6月全省商务运行情况', title_en: 'Commerce bulletin, Jan–Jun 2025' }, 'zh-CN')).toBe('2025年1-6月全省商务运行情况');
  });

  it('answers series and trends asked ahead with the rows of the catalog queries', async () => {
    const codes = (await m.jurisdictions()).map((j) => j.code);
    const sample = [codes[0]!, codes[Math.floor(codes.length / 2)]!, codes.at(-1)!];
    for (const code of sample) {
      for (const ind of await m.indicators()) {
        const period = await m.latestPeriodOf(code, ind.id);
        if (!period) continue;
        const year = Number(period.slice(0, 4));
        expect(await m.series(code, ind.id)).toEqual(await runQuery(engine, queries.series, { jurisdiction: code, indicator: ind.id }));
        expect(await m.trend(code, ind.id, year)).toEqual(await runQuery(engine, queries.trend, { jurisdiction: code, indicator: ind.id, year }));
      }
    }
  });
});

describe('the home map', () => {
  const cov = (indicator: string, year: number, m: number, covered: number) => ({ indicator, year, m, period: m === 12 ? String(year) : `${year}-${String(m).padStart(2, '0')}`, covered });
  // The default data: national figures for 2025, provinces complete for 2024 only.
  const coverage = [cov('retail_sales', 2025, 12, 2), cov('trade_total', 2025, 12, 1), cov('gdp', 2024, 12, 31), cov('retail_sales', 2024, 12, 31), cov('retail_sales', 2023, 12, 31)];
  const order = ['online_retail', 'retail_sales', 'gdp', 'population', 'trade_total'];
  let choose: typeof import('../../src/site/model.ts').chooseHomeMap;
  beforeAll(async () => {
    ({ chooseHomeMap: choose } = await import('../../src/site/model.ts'));
  });

  it('takes the indicator with the most units reporting at the headline period', () => {
    const rows = [cov('gdp', 2025, 12, 20), cov('retail_sales', 2025, 12, 25), cov('retail_sales', 2024, 12, 31)];
    expect(choose(rows, { headline: { year: 2025, m: 12 }, children: 31, indicator: null, order })).toMatchObject({ indicator: 'retail_sales', year: 2025 });
  });

  it('falls back to the newest period at which half the units report, and ties go to the first indicator', () => {
    expect(choose(coverage, { headline: { year: 2025, m: 12 }, children: 31, indicator: null, order })).toMatchObject({ indicator: 'retail_sales', year: 2024, covered: 31 });
    expect(choose(coverage, { headline: { year: 2025, m: 12 }, children: 31, indicator: 'gdp', order })).toMatchObject({ indicator: 'gdp', year: 2024 });
  });

  it('takes the best covered when no period reaches half, and ignores an indicator without figures', () => {
    const sparse = [cov('retail_sales', 2025, 12, 5), cov('trade_total', 2024, 12, 9)];
    expect(choose(sparse, { headline: { year: 2025, m: 12 }, children: 31, indicator: 'online_retail', order })).toMatchObject({ indicator: 'trade_total', covered: 9 });
    expect(choose([], { headline: null, children: 31, indicator: null, order })).toBeNull();
  });
});
