/**
 * Derived figures: USD → 亿元 through exchange_rates only, trade dependency, per capita.
 * fixtures/basic: USD rate 2024 = 7.12 CNY (none for 2023); 郑州 fdi_actual 2023 = 40000 万美元,
 * 2024 = 50000 万美元; 2024: gdp 郑州 14000 / 开封 2800 亿元, trade 郑州 4200 / 开封 560 亿元,
 * population 郑州 1200 / 开封 480 万人, retail 郑州 4800 (2024) / 洛阳 4700 (2024-12) 亿元.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import { queries, runQuery } from '../../src/queries/index.ts';
import { only, openBasic } from './helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await openBasic();
});
afterAll(async () => {
  await engine.close();
});

describe('toCny: USD only through the exchange rate', () => {
  it('converts with the year’s rate and names its source', async () => {
    const rows = await runQuery(engine, queries.toCny, { period: '2024', parent: '410000', indicator: 'fdi_actual' });
    // 50000 万美元 = 50000 × 1e4 USD × 7.12 = 3.56e9 元 = 35.6 亿元
    expect(only(rows, { jurisdiction: '410100' })).toMatchObject({
      value: 50000, unit: '万美元', currency: 'USD', rate_year: 2024, cny_per_usd: 7.12,
      rate_source: 'fixture: 2024 annual average (test value)', conversion: 'converted',
    });
    expect(only(rows, { jurisdiction: '410100' }).value_cny_yi).toBeCloseTo(35.6, 10);
  });

  it('returns NULL and says no_rate when the year has no rate', async () => {
    const rows = await runQuery(engine, queries.toCny, { period: '2023', parent: '410000', indicator: 'fdi_actual' });
    // 40000 万美元 in 2023, no 2023 USD rate: no number, never a guess
    expect(only(rows, { jurisdiction: '410100' })).toMatchObject({ value: 40000, rate_year: 2023, cny_per_usd: null, rate_source: null, conversion: 'no_rate', value_cny_yi: null });
  });

  it('CNY figures are only rescaled, units without currency are not money', async () => {
    const cny = await runQuery(engine, queries.toCny, { period: '2024', parent: '410000', indicator: 'gdp' });
    // 14000 亿元 × 1e8 / 1e8 = 14000 亿元, no rate involved
    expect(only(cny, { jurisdiction: '410100' })).toMatchObject({ conversion: 'cny', value_cny_yi: 14000, cny_per_usd: null, rate_year: null });
    const people = await runQuery(engine, queries.toCny, { period: '2024', parent: '410000', indicator: 'population' });
    expect(only(people, { jurisdiction: '410100' })).toMatchObject({ conversion: 'not_money', value_cny_yi: null });
  });
});

describe('tradeDependency = trade / GDP × 100', () => {
  it('both in CNY, same jurisdiction and year', async () => {
    const rows = await runQuery(engine, queries.tradeDependency, { period: '2024', parent: '410000', trade: 'trade_total', gdp: 'gdp' });
    // 郑州 4200 / 14000 × 100 = 30 %; 开封 560 / 2800 × 100 = 20 %
    expect(only(rows, { jurisdiction: '410100' })).toMatchObject({ trade_cny_yi: 4200, gdp_cny_yi: 14000, trade_dependency_pct: 30, basis: 'ok', cny_per_usd: null });
    expect(only(rows, { jurisdiction: '410200' })).toMatchObject({ trade_dependency_pct: 20, basis: 'ok' });
    // 洛阳: GDP 5800 but no trade figure
    expect(only(rows, { jurisdiction: '410300' })).toMatchObject({ gdp_value: 5800, trade_value: null, trade_dependency_pct: null, basis: 'no_trade' });
  });

  it('a USD trade figure is converted first (fdi used as a stand-in USD flow)', async () => {
    const rows = await runQuery(engine, queries.tradeDependency, { period: '2024', parent: '410000', trade: 'fdi_actual', gdp: 'gdp' });
    // 50000 万美元 × 1e4 × 7.12 = 3.56e9 元; GDP 14000 亿元 = 1.4e12 元; 3.56e9 / 1.4e12 × 100 = 0.254285714… %
    const r = only(rows, { jurisdiction: '410100' });
    expect(r).toMatchObject({ cny_per_usd: 7.12, rate_source: 'fixture: 2024 annual average (test value)', basis: 'ok' });
    expect(r.trade_dependency_pct).toBeCloseTo(0.356 / 1.4, 12);
  });
});

describe('perCapita: 元 per person', () => {
  it('value in 元 / population in persons', async () => {
    const rows = await runQuery(engine, queries.perCapita, { period: '2024', parent: '410000', indicator: 'retail_sales', population: 'population' });
    // 4800 亿元 = 4.8e11 元; 1200 万人 = 1.2e7 人; 4.8e11 / 1.2e7 = 40000 元/人
    expect(only(rows, { jurisdiction: '410100' })).toMatchObject({ value: 4800, population: 1200, population_unit: '万人', population_period: '2024', per_capita_yuan: 40000, basis: 'ok' });
    // 洛阳: retail 2024 published as 2024-12 (4700) is the full year; no population → no_population
    expect(only(rows, { jurisdiction: '410300' })).toMatchObject({ obs_period: '2024-12', value: 4700, per_capita_yuan: null, basis: 'no_population' });
    // 开封: population but no retail figure → no_data
    expect(only(rows, { jurisdiction: '410200' })).toMatchObject({ population: 480, per_capita_yuan: null, basis: 'no_data' });
  });

  it('a USD indicator per capita goes through the rate, and without a rate it is NULL', async () => {
    const rows = await runQuery(engine, queries.perCapita, { period: '2024', parent: '410000', indicator: 'fdi_actual', population: 'population' });
    // 50000 万美元 × 1e4 × 7.12 = 3.56e9 元 / 1.2e7 人 = 296.666… 元/人
    const r = only(rows, { jurisdiction: '410100' });
    expect(r.per_capita_yuan).toBeCloseTo(3560 / 12, 9);
    expect(r).toMatchObject({ cny_per_usd: 7.12, basis: 'ok' });
    const old = await runQuery(engine, queries.perCapita, { period: '2023', parent: '410000', indicator: 'fdi_actual', population: 'population' });
    // 2023: 40000 万美元 and 1190 万人, but no 2023 USD rate → NULL, basis no_rate
    expect(only(old, { jurisdiction: '410100' })).toMatchObject({ value: 40000, population: 1190, per_capita_yuan: null, cny_per_usd: null, basis: 'no_rate' });
  });
});
