/**
 * A full year may be published as YYYY or as YYYY-12. When one form is an na row and the other
 * carries a usable figure (here from a later release), the usable one answers for the year,
 * whichever form the request is written in, and next year's seasonal pattern is last year's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queries, runQuery } from '../../src/queries/index.ts';
import { only } from './helpers.ts';
import { openSmallPackage, type SmallPackage } from './small-package.ts';

// 郑州: 2024-12 na in r1, 2024 usable in r2. 开封: 2024 na in r1, 2024-12 usable in r2.
// 洛阳: both forms usable, to show that the form written like the request still wins between equals.
let pkg: SmallPackage;
beforeAll(async () => {
  pkg = await openSmallPackage({
    'releases.csv': `id,published_at,title,source,notes
r1,2025-01-20T10:00:00+08:00,2024 年快报,test,
r2,2025-03-20T10:00:00+08:00,2024 年年报,test,
r3,2025-07-20T10:00:00+08:00,2025 年 1-6 月,test,`,
    'observations/r1.csv': `jurisdiction,indicator,period,value,yoy_pct,flag,note
410100,retail_sales,2024-06,1800,5.0,,
410100,retail_sales,2024-12,,,na,not yet available
410200,retail_sales,2024-06,1400,6.0,,
410200,retail_sales,2024,,,na,not yet available
410300,retail_sales,2024-06,1000,4.0,,
410300,retail_sales,2024-12,2000,4.0,,
410300,retail_sales,2024,2001,4.1,,`,
    'observations/r2.csv': `jurisdiction,indicator,period,value,yoy_pct,flag,note
410100,retail_sales,2024,4000,5.5,,
410200,retail_sales,2024-12,3000,6.5,,`,
    'observations/r3.csv': `jurisdiction,indicator,period,value,yoy_pct,flag,note
410100,retail_sales,2025-06,2000,4.0,,
410200,retail_sales,2025-06,1500,5.0,,
410300,retail_sales,2025-06,1100,4.0,,`,
    'targets/2025.csv': `jurisdiction,indicator,year,type,value,qualifier,source,note
410100,retail_sales,2025,level,4400,,test,
410200,retail_sales,2025,level,3300,,test,
410300,retail_sales,2025,level,2200,,test,`,
  });
});
afterAll(async () => {
  await pkg.close();
});

const figureAt = async (period: string) => {
  const rows = await runQuery(pkg.engine, queries.ranking, { period, parent: '410000', indicator: 'retail_sales', basis: 'value' });
  return rows.map((r) => [r.jurisdiction, r.obs_period, r.value, r.yoy_pct, r.rank]);
};

describe('a usable full-year figure over an na one, in either form', () => {
  it('answers for the year whether the request is written YYYY or YYYY-12', async () => {
    // 洛阳 has both forms usable: the one written like the request
    expect(await figureAt('2024')).toEqual([
      ['410100', '2024', 4000, 5.5, 1],
      ['410200', '2024-12', 3000, 6.5, 2],
      ['410300', '2024', 2001, 4.1, 3],
    ]);
    expect(await figureAt('2024-12')).toEqual([
      ['410100', '2024', 4000, 5.5, 1],
      ['410200', '2024-12', 3000, 6.5, 2],
      ['410300', '2024-12', 2000, 4, 3],
    ]);
  });

  it('is last year’s total for next year’s seasonal pattern', async () => {
    const rows = await runQuery(pkg.engine, queries.progress, { period: '2025-06', parent: '410000', indicator: 'retail_sales' });
    const zhengzhou = only(rows, { jurisdiction: '410100' });
    expect([zhengzhou.last_year_ytd, zhengzhou.last_year_total, zhengzhou.seasonal_basis]).toEqual([1800, 4000, 'last_year']);
    expect(zhengzhou.seasonal_expected).toBe(0.45); // 1800 / 4000
    const kaifeng = only(rows, { jurisdiction: '410200' });
    expect([kaifeng.last_year_ytd, kaifeng.last_year_total, kaifeng.seasonal_basis]).toEqual([1400, 3000, 'last_year']);
    // 洛阳: a monthly request, so 2024-12 (2000) over 2024 (2001)
    expect(only(rows, { jurisdiction: '410300' }).last_year_total).toBe(2000);
  });

  it('is the full year of the trend', async () => {
    for (const [code, period, value] of [['410100', '2024', 4000], ['410200', '2024-12', 3000]] as const) {
      const trend = await runQuery(pkg.engine, queries.trend, { jurisdiction: code, indicator: 'retail_sales', year: 2025 });
      expect(only(trend, { month: 12 })).toMatchObject({ last_year_period: period, last_year_value: value, last_year_state: 'ok' });
      expect(only(trend, { month: 6 }).last_year_share).toBe((code === '410100' ? 1800 : 1400) / value);
    }
  });
});
