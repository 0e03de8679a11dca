/**
 * ranking: competition ranks among peers (same parent, same level, valid at the period), the
 * unranked after the ranked, pace-setter and pursuer with their gaps. Figures: fixtures/basic.
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

describe('ranking on value, retail sales 2024-06 under 河南省', () => {
  it('ranked in rank order (ties by code), then suppressed, then missing; each level on its own', async () => {
    const rows = await runQuery(engine, queries.ranking, { period: '2024-06', parent: '410000', indicator: 'retail_sales', basis: 'value' });
    // 许昌 5200 → 1; 郑州 2340 and 洛阳 2340 → 2, 2 (tie); 鹤壁 1500 → 4; 开封 1100 → 5;
    // 平顶山 flag c → suppressed, unranked; 安阳 no row → missing, unranked; 旧市 410699 (ended 2023) not a peer.
    // 航空港区 (special) is ranked among specials only: 1 of 1.
    expect(rows.map((r) => [r.level, r.jurisdiction, r.rank, r.rank_of, r.rank_state, r.tied])).toEqual([
      ['prefecture', '411000', 1, 5, 'ranked', false],
      ['prefecture', '410100', 2, 5, 'ranked', true],
      ['prefecture', '410300', 2, 5, 'ranked', true],
      ['prefecture', '410600', 4, 5, 'ranked', false],
      ['prefecture', '410200', 5, 5, 'ranked', false],
      ['prefecture', '410400', null, 5, 'suppressed', false],
      ['prefecture', '410500', null, 5, 'missing', false],
      ['special', '410171', 1, 1, 'ranked', false],
    ]);
    // a suppressed figure is never a number
    expect(only(rows, { jurisdiction: '410400' })).toMatchObject({ value: null, measure: null, flag: 'c' });
  });

  it('ahead (标兵) and behind (追兵): nearest strictly better / worse, smallest code among equals', async () => {
    const rows = await runQuery(engine, queries.ranking, { period: '2024-06', parent: '410000', indicator: 'retail_sales', basis: 'value' });
    // 洛阳 (2=): ahead 许昌, 5200 − 2340 = 2860; behind 鹤壁, 2340 − 1500 = 840 (its tie partner 郑州 is neither)
    expect(only(rows, { jurisdiction: '410300' })).toMatchObject({
      ahead_code: '411000', ahead_name_zh: '许昌市', ahead_name_en: 'Xuchang', ahead_measure: 5200, ahead_gap: 2860,
      behind_code: '410600', behind_name_zh: '鹤壁市', behind_measure: 1500, behind_gap: 840,
    });
    // 许昌: behind is the 2= pair 郑州 410100 / 洛阳 410300 → 410100
    expect(only(rows, { jurisdiction: '411000' })).toMatchObject({ ahead_code: null, behind_code: '410100', behind_gap: 2860 });
    // unranked rows have neither
    expect(only(rows, { jurisdiction: '410400' })).toMatchObject({ ahead_code: null, behind_code: null, ahead_gap: null, behind_gap: null });
  });

  it('validity follows the period: in 2023-06 旧市 410699 is a peer', async () => {
    const rows = await runQuery(engine, queries.ranking, { period: '2023-06', parent: '410000', indicator: 'retail_sales', basis: 'value' });
    // 2023-06 figures: 洛阳 2100 (1), 郑州 1800 (2), 旧市 500 (3); others missing
    expect(rows.filter((r) => r.rank_state === 'ranked').map((r) => [r.jurisdiction, r.rank, r.rank_of])).toEqual([
      ['410300', 1, 3], ['410100', 2, 3], ['410699', 3, 3],
    ]);
  });
});

describe('ranking on growth', () => {
  it('ranks the published yoy, gaps in pp', async () => {
    const rows = await runQuery(engine, queries.ranking, { period: '2024-06', parent: '410000', indicator: 'retail_sales', basis: 'yoy' });
    // yoy: 开封 8.0, 洛阳 6.5, 郑州 5.0, 鹤壁 5.0, 许昌 3.0 → 1, 2, 3, 3, 5
    expect(rows.filter((r) => r.level === 'prefecture').map((r) => [r.jurisdiction, r.rank, r.measure])).toEqual([
      ['410200', 1, 8], ['410300', 2, 6.5], ['410100', 3, 5], ['410600', 3, 5], ['411000', 5, 3],
      ['410400', null, null], ['410500', null, null],
    ]);
    // 鹤壁: ahead 洛阳 6.5 − 5.0 = 1.5 pp; behind 许昌 5.0 − 3.0 = 2.0 pp
    expect(only(rows, { jurisdiction: '410600' })).toMatchObject({ ahead_code: '410300', ahead_gap: 1.5, behind_code: '411000', behind_gap: 2 });
  });

  it('a figure with a level but no published growth is missing from the growth ranking only', async () => {
    // consumer_complaints 2023-06: 郑州 320 with no yoy
    const rows = await runQuery(engine, queries.ranking, { period: '2023-06', parent: '410000', indicator: 'consumer_complaints', basis: null });
    expect(only(rows, { jurisdiction: '410100', basis: 'value' })).toMatchObject({ rank: 1, rank_state: 'ranked' });
    expect(only(rows, { jurisdiction: '410100', basis: 'yoy' })).toMatchObject({ rank: null, rank_state: 'missing', rank_of: 0 });
  });
});

describe('ranking, lower is better', () => {
  it('ranks ascending: 许昌 200 (1), 郑州 300 (2), 洛阳 300 (2), 开封 450 (4)', async () => {
    const rows = await runQuery(engine, queries.ranking, { period: '2024-06', parent: '410000', indicator: 'consumer_complaints', basis: 'value' });
    expect(rows.filter((r) => r.rank_state === 'ranked' && r.level === 'prefecture').map((r) => [r.jurisdiction, r.rank])).toEqual([
      ['411000', 1], ['410100', 2], ['410300', 2], ['410200', 4],
    ]);
    // 开封: ahead = the 2= pair → 410100, gap 450 − 300 = 150 (distance, always ≥ 0)
    expect(only(rows, { jurisdiction: '410200' })).toMatchObject({ ahead_code: '410100', ahead_gap: 150, behind_code: null });
  });
});
