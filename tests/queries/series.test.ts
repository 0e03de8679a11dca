/**
 * trend (this year against last year by month), series, periods and latest, on fixtures/basic.
 * 郑州 retail sales: 2023-06 1800, 2023 4000, 2024-02 720, 2024-06 2340, 2024 4800 (p), 2025-02 800.
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

describe('trend', () => {
  it('12 months; the full year is month 12; last year’s share of its total', async () => {
    const rows = await runQuery(engine, queries.trend, { jurisdiction: '410100', indicator: 'retail_sales', year: 2024 });
    expect(rows.map((r) => r.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const withData = rows.filter((r) => r.this_year_state === 'ok' || r.last_year_state === 'ok');
    // last_year_share: 1800 / 4000 = 0.45 at June, 4000 / 4000 = 1 at December
    expect(withData.map((r) => [r.month, r.this_year_period, r.this_year_value, r.last_year_period, r.last_year_value, r.last_year_share])).toEqual([
      [2, '2024-02', 720, null, null, null],
      [6, '2024-06', 2340, '2023-06', 1800, 0.45],
      [12, '2024', 4800, '2023', 4000, 1],
    ]);
    expect(only(rows, { month: 12 })).toMatchObject({ this_year_flag: 'p', this_year_yoy_pct: 5.2, last_year_yoy_pct: 4 });
  });

  it('a year whose first release is 1-2月 has no January', async () => {
    const rows = await runQuery(engine, queries.trend, { jurisdiction: '410100', indicator: 'retail_sales', year: 2025 });
    // January 2025: nothing (published with February); February: 800 against 720 in 2024-02, share 720/4800 = 0.15
    expect(only(rows, { month: 1 })).toMatchObject({ this_year_value: null, this_year_state: 'missing' });
    expect(only(rows, { month: 2 })).toMatchObject({ this_year_value: 800, last_year_value: 720, last_year_share: 0.15 });
  });

  it('a suppressed month is state suppressed with no value', async () => {
    const rows = await runQuery(engine, queries.trend, { jurisdiction: '410400', indicator: 'retail_sales', year: 2024 });
    expect(only(rows, { month: 6 })).toMatchObject({ this_year_value: null, this_year_flag: 'c', this_year_state: 'suppressed' });
  });
});

describe('series, periods, latest', () => {
  it('series: every period, oldest first, the annual figure after its -12', async () => {
    const rows = await runQuery(engine, queries.series, { jurisdiction: '410300', indicator: 'retail_sales' });
    expect(rows.map((r) => r.period)).toEqual(['2023-06', '2023-12', '2024-06', '2024-12']);
    const zz = await runQuery(engine, queries.series, { jurisdiction: '410100', indicator: 'retail_sales' });
    expect(zz.map((r) => [r.period, r.release])).toEqual([
      ['2023-06', 'r2023'], ['2023', 'r2023'], ['2024-02', 'r2024'], ['2024-06', 'r2024'], ['2024', 'r2024'], ['2025-02', 'r2025'],
    ]);
  });

  it('periods of one indicator, with elapsed shares', async () => {
    const rows = await runQuery(engine, queries.periods, { indicator: 'retail_sales' });
    expect(rows.map((r) => [r.period, r.annual, r.elapsed])).toEqual([
      ['2023-06', false, 0.5], ['2023-12', false, 1], ['2023', true, 1],
      ['2024-02', false, 2 / 12], ['2024-06', false, 0.5], ['2024-12', false, 1], ['2024', true, 1],
      ['2025-02', false, 2 / 12],
    ]);
    // 2024-06 retail rows: 410000, 410100, 410171, 410200, 410300, 410400 (c), 410600, 410699, 411000 = 9, 8 with a value
    expect(only(rows, { period: '2024-06' })).toMatchObject({ indicators: 1, observations: 9, with_value: 8 });
  });

  it('latest period per indicator', async () => {
    const rows = await runQuery(engine, queries.latest, { indicator: null });
    expect(rows.map((r) => [r.indicator, r.latest_period])).toEqual([
      ['consumer_complaints', '2024-06'], ['fdi_actual', '2024'], ['gdp', '2024'], ['online_share', '2024-06'],
      ['population', '2024'], ['retail_sales', '2025-02'], ['trade_total', '2024'],
    ]);
  });
});
