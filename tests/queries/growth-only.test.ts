/**
 * Growth-only figures: a row with a published growth and no level (empty value, flag na,
 * yoy_pct given), as offices often publish. Its growth is ranked, mapped, compared with the
 * parent's and held to a growth target; its level stays missing; its flag stays na. A
 * suppressed row (flag c) stays fully suppressed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queries, runQuery } from '../../src/queries/index.ts';
import { only } from './helpers.ts';
import { openSmallPackage, type SmallPackage } from './small-package.ts';

// 郑州 a full figure; 开封 growth only; 洛阳 suppressed. Growth targets for 郑州 and 开封.
let pkg: SmallPackage;
beforeAll(async () => {
  pkg = await openSmallPackage({
    'releases.csv': `id,published_at,title,source,notes
r1,2025-01-20T10:00:00+08:00,2024 年数据,test,`,
    'observations/r1.csv': `jurisdiction,indicator,period,value,yoy_pct,flag,note
410000,gdp,2024,63000,5.1,,
410100,gdp,2024,14000,4.5,,
410200,gdp,2024,,6.0,na,growth published without the level
410300,gdp,2024,,,c,`,
    'targets/2024.csv': `jurisdiction,indicator,year,type,value,qualifier,source,note
410100,gdp,2024,growth,5.0,,test,
410200,gdp,2024,growth,5.5,,test,`,
  });
});
afterAll(async () => {
  await pkg.close();
});

const query = { period: '2024', parent: '410000', indicator: 'gdp' };

describe('a growth-only figure (flag na, a published growth, no level)', () => {
  it('is ranked on growth and not on value; the suppressed row on neither', async () => {
    const rows = await runQuery(pkg.engine, queries.ranking, { ...query, basis: null });
    const on = (basis: 'value' | 'yoy') =>
      rows.filter((r) => r.basis === basis).map((r) => [r.jurisdiction, r.measure, r.rank_state, r.rank, r.rank_of, r.flag]);
    expect(on('yoy')).toEqual([
      ['410200', 6, 'ranked', 1, 2, 'na'],
      ['410100', 4.5, 'ranked', 2, 2, null],
      ['410300', null, 'suppressed', null, 2, 'c'],
    ]);
    expect(on('value')).toEqual([
      ['410100', 14000, 'ranked', 1, 1, null],
      ['410300', null, 'suppressed', null, 1, 'c'],
      ['410200', null, 'missing', null, 1, 'na'],
    ]);
    // 郑州's pace-setter on growth is 开封, 1.5 pp ahead
    expect(only(rows, { basis: 'yoy', jurisdiction: '410100' })).toMatchObject({ ahead_code: '410200', ahead_gap: 1.5 });
  });

  it('is held to its growth target, and carries what the growth map draws', async () => {
    const rows = await runQuery(pkg.engine, queries.progress, query);
    const kaifeng = only(rows, { jurisdiction: '410200' });
    // the growth map (measure growth) draws yoy_pct; the level stays missing, the flag na
    expect([kaifeng.value, kaifeng.yoy_pct, kaifeng.flag, kaifeng.state, kaifeng.obs_period]).toEqual([null, 6, 'na', 'missing', '2024']);
    // 6.0 against 5.5: +0.5 pp, achieved at year end, ranked 1st of 2 on growth
    expect(kaifeng.growth_gap_pp).toBeCloseTo(0.5, 12);
    expect([kaifeng.status, kaifeng.rank_basis, kaifeng.rank, kaifeng.rank_of]).toEqual(['achieved', 'yoy', 1, 2]);
    expect(kaifeng.completion).toBeNull();
    const luoyang = only(rows, { jurisdiction: '410300' });
    expect([luoyang.value, luoyang.yoy_pct, luoyang.state]).toEqual([null, null, 'suppressed']);
  });

  it('is compared with the parent’s growth, but has no share of the parent', async () => {
    const rows = await runQuery(pkg.engine, queries.children, query);
    const kaifeng = only(rows, { jurisdiction: '410200' });
    expect(kaifeng.growth_diff_pp).toBeCloseTo(0.9, 12); // 6.0 − 5.1
    expect([kaifeng.share_of_parent, kaifeng.contribution_pp, kaifeng.state]).toEqual([null, null, 'missing']);
  });

  it('keeps its growth in the series and the trend', async () => {
    const series = await runQuery(pkg.engine, queries.series, { jurisdiction: '410200', indicator: 'gdp' });
    expect(series.map((r) => [r.period, r.value, r.yoy_pct, r.flag, r.state])).toEqual([['2024', null, 6, 'na', 'missing']]);
    const trend = await runQuery(pkg.engine, queries.trend, { jurisdiction: '410200', indicator: 'gdp', year: 2024 });
    expect(only(trend, { month: 12 })).toMatchObject({ this_year_value: null, this_year_yoy_pct: 6, this_year_flag: 'na', this_year_state: 'missing' });
  });

  it('is not summed in the consistency check', async () => {
    const [row] = await runQuery(pkg.engine, queries.consistency, query);
    expect(row).toMatchObject({ children_with_value: 1, children_suppressed: 1, children_missing: 1, children_sum: 14000 });
  });
});
