/**
 * progress: every quantity against numbers worked out by hand from fixtures/basic (see its
 * README for the figures). elapsed m/12; completion A/T; pace gap (A/T − m/12)×100;
 * seasonal expected Lm/Lt; seasonal gap (A/T − Lm/Lt)×100; projection A/expected;
 * growth gap yoy − g*; lower is better flips the gaps so that ≥ 0 stays good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import { indicatorList } from '../../src/lib/schema.ts';
import { queries, runQuery, type ProgressRow } from '../../src/queries/index.ts';
import { only, openBasic } from './helpers.ts';

let engine: Engine;
let june: ProgressRow[]; // 2024-06, children of 河南省 410000, every indicator with a target
beforeAll(async () => {
  engine = await openBasic();
  june = await runQuery(engine, queries.progress, { period: '2024-06', parent: '410000', indicator: null });
});
afterAll(async () => {
  await engine.close();
});

const retail = (code: string) => only(june, { indicator: 'retail_sales', jurisdiction: code });
const complaints = (code: string) => only(june, { indicator: 'consumer_complaints', jurisdiction: code });

describe('progress: scope', () => {
  it('lists the children valid at the period, for each indicator with a target this year and figures at the period', () => {
    // gdp has 2024 targets but no 2024-06 figures: left out. population, trade… have no targets.
    expect([...new Set(june.map((r) => r.indicator))]).toEqual(['consumer_complaints', 'online_share', 'retail_sales']);
    // 410699 旧市 ended 2023-12-31 and 410799 新市 starts 2025-01-01: neither is valid on 2024-06-30.
    // Prefectures in code order, then the special unit (levels in schema order).
    expect(june.filter((r) => r.indicator === 'retail_sales').map((r) => r.jurisdiction)).toEqual([
      '410100', '410200', '410300', '410400', '410500', '410600', '411000', '410171',
    ]);
  });

  it('answers for a list of indicators as one query per indicator would, those without a target included', async () => {
    const ids = ['gdp', 'population', 'retail_sales', 'trade_total'];
    const one = async (parent: string | null, indicator: string) => runQuery(engine, queries.progress, { period: '2024-06', parent, indicator });
    for (const parent of ['410000', null]) {
      const each = (await Promise.all(ids.map((id) => one(parent, id)))).flat();
      const listed = await runQuery(engine, queries.progress, { period: '2024-06', parent, indicator: indicatorList(ids) });
      expect(listed).toEqual(each);
      if (parent) expect(new Set(listed.map((r) => r.indicator)), 'population and trade have no target').toEqual(new Set(ids));
    }
  });

  it('carries the figure, its flag and its release', () => {
    const r = retail('410100');
    expect([r.value, r.yoy_pct, r.flag, r.state, r.obs_period]).toEqual([2340, 5, null, 'ok', '2024-06']);
    expect([r.release, r.release_published_at]).toEqual(['r2024', '2025-01-20T02:00:00Z']);
    expect([r.target_type, r.target_value, r.target_qualifier, r.target_source]).toEqual(['level', 5000, '以上', 'fixture']);
  });
});

describe('progress: level targets (higher is better)', () => {
  it('郑州 retail: completion, pace gap, seasonal expected share, seasonal gap, projection', () => {
    const r = retail('410100');
    // elapsed = 6/12 = 0.5
    expect(r.elapsed).toBe(0.5);
    // completion = A/T = 2340/5000 = 0.468
    expect(r.completion).toBe(0.468);
    // pace gap = (0.468 − 0.5) × 100 = −3.2 pp → behind (时间过半, 任务未过半)
    expect(r.pace_gap_pp).toBeCloseTo(-3.2, 12);
    // last year: 1-6月 2023 = 1800, 2023 total = 4000 (annual row; no 2023-12) → expected 1800/4000 = 0.45
    expect([r.last_year_ytd, r.last_year_total, r.seasonal_basis]).toEqual([1800, 4000, 'last_year']);
    expect(r.seasonal_expected).toBe(0.45);
    // seasonal gap = (0.468 − 0.45) × 100 = +1.8 pp: behind the calendar, ahead of last year's pattern
    expect(r.seasonal_gap_pp).toBeCloseTo(1.8, 12);
    // projection = 2340 / 0.45 = 5200
    expect(r.projection).toBeCloseTo(5200, 9);
    expect(r.status).toBe('behind');
  });

  it('开封 retail, no figure last year: linear fallback (expected = elapsed) and says so', () => {
    const r = retail('410200');
    // completion 1100/2000 = 0.55; pace (0.55 − 0.5) × 100 = +5.0 pp → ahead
    expect(r.completion).toBe(0.55);
    expect(r.pace_gap_pp).toBeCloseTo(5, 12);
    // no 2023 rows at all → seasonal_basis 'linear', expected = 6/12 = 0.5, seasonal gap = pace gap = +5.0
    expect([r.last_year_ytd, r.last_year_total, r.seasonal_basis]).toEqual([null, null, 'linear']);
    expect(r.seasonal_expected).toBe(0.5);
    expect(r.seasonal_gap_pp).toBeCloseTo(5, 12);
    // projection = 1100 / 0.5 = 2200
    expect(r.projection).toBeCloseTo(2200, 9);
    expect(r.status).toBe('ahead');
  });

  it("洛阳 retail: last year's total published as 2023-12 (not 2023) is used", () => {
    const r = retail('410300');
    // completion 2340/4000 = 0.585; pace (0.585 − 0.5) × 100 = +8.5
    expect(r.completion).toBe(0.585);
    expect(r.pace_gap_pp).toBeCloseTo(8.5, 12);
    // expected = 2100 (2023-06) / 4200 (2023-12) = 0.5; seasonal gap (0.585 − 0.5) × 100 = +8.5
    expect([r.last_year_ytd, r.last_year_total, r.seasonal_basis]).toEqual([2100, 4200, 'last_year']);
    expect(r.seasonal_expected).toBe(0.5);
    expect(r.seasonal_gap_pp).toBeCloseTo(8.5, 12);
    // projection 2340 / 0.5 = 4680
    expect(r.projection).toBeCloseTo(4680, 9);
    expect(r.status).toBe('ahead');
  });

  it('许昌 retail: a year-to-date flow past its annual target mid-year has achieved it', () => {
    const r = retail('411000');
    // completion 5200/5000 = 1.04; pace (1.04 − 0.5) × 100 = +54
    expect(r.completion).toBe(1.04);
    expect(r.pace_gap_pp).toBeCloseTo(54, 12);
    // no 2023 data → linear; projection 5200 / 0.5 = 10400
    expect(r.projection).toBeCloseTo(10400, 9);
    expect(r.status).toBe('achieved');
  });

  it('平顶山 retail suppressed (flag c): status suppressed, no value, no completion, never zero', () => {
    const r = retail('410400');
    expect([r.value, r.flag, r.state, r.completion, r.pace_gap_pp, r.projection, r.status]).toEqual([
      null, 'c', 'suppressed', null, null, null, 'suppressed',
    ]);
  });

  it('安阳 retail: a target without a figure is no_data', () => {
    const r = retail('410500');
    expect([r.value, r.state, r.target_value, r.completion, r.status]).toEqual([null, 'missing', 1500, null, 'no_data']);
  });

  it('郑州航空港区 retail: a figure without a target is no_target', () => {
    const r = retail('410171');
    expect([r.value, r.target_type, r.completion, r.pace_gap_pp, r.growth_gap_pp, r.status]).toEqual([800, null, null, null, null, 'no_target']);
  });
});

describe('progress: a level target on a rate (not cumulative)', () => {
  it('is held to the whole target at every date, in points of the rate: no completion, pace, seasonal pattern or projection', () => {
    const r = only(june, { indicator: 'online_share', jurisdiction: '410100' });
    // 30 % against 35 %以上: 30 − 35 = −5.0 points → behind (not (30/35 − 1) × 100 = −14.3)
    expect([r.verdict_kind, r.verdict_gap_pp, r.status]).toEqual(['level', -5, 'behind']);
    expect([r.completion, r.pace_gap_pp]).toEqual([null, null]);
    expect([r.seasonal_basis, r.seasonal_expected, r.seasonal_gap_pp, r.projection]).toEqual([null, null, null, null]);
  });
});

describe('progress: growth targets', () => {
  it('鹤壁 retail mid-year: growth gap = yoy − g* and status ahead', () => {
    const r = retail('410600');
    // 5.0 − 4.0 = +1.0 pp; mid-year, so ahead (achieved is only decided at year end)
    expect(r.growth_gap_pp).toBe(1);
    expect([r.completion, r.pace_gap_pp, r.seasonal_gap_pp]).toEqual([null, null, null]);
    expect(r.status).toBe('ahead');
  });

  it('gdp at year end (2024): achieved when yoy ≥ g*, about within a 左右 band, not achieved otherwise', async () => {
    const rows = await runQuery(engine, queries.progress, { period: '2024', parent: '410000', indicator: 'gdp' });
    // 郑州 4.5 − 5.0左右 = −0.5, no more than the band of 0.5 → about; 洛阳 5.5 − 5.0 = +0.5 → achieved;
    // 许昌 5.0 − 5.0 = 0 → achieved (≥)
    expect(only(rows, { jurisdiction: '410100' })).toMatchObject({
      elapsed: 1, growth_gap_pp: -0.5, target_band_pp: 0.5, verdict_kind: 'growth', verdict_gap_pp: -0.5, status: 'about',
    });
    expect(only(rows, { jurisdiction: '410300' })).toMatchObject({ growth_gap_pp: 0.5, status: 'achieved' });
    expect(only(rows, { jurisdiction: '411000' })).toMatchObject({ growth_gap_pp: 0, status: 'achieved' });
    // 开封 has a figure and no target
    expect(only(rows, { jurisdiction: '410200' })).toMatchObject({ target_type: null, status: 'no_target' });
  });
});

describe('progress: lower is better (consumer complaints, a count with a ceiling 以内)', () => {
  it('郑州: on pace when A ≤ T × elapsed; the pace and seasonal gaps are flipped', () => {
    const r = complaints('410100');
    // completion 300/800 = 0.375; T × elapsed = 400 ≥ 300 → on pace
    expect(r.completion).toBe(0.375);
    // flipped pace gap = (elapsed − completion) × 100 = (0.5 − 0.375) × 100 = +12.5
    expect(r.pace_gap_pp).toBe(12.5);
    // expected = 320 (2023-06) / 800 (2023) = 0.4; flipped seasonal gap = (0.4 − 0.375) × 100 = +2.5
    expect(r.seasonal_expected).toBe(0.4);
    expect(r.seasonal_gap_pp).toBeCloseTo(2.5, 12);
    // projection = 300 / 0.4 = 750 (≤ 800: on course to stay under the ceiling)
    expect(r.projection).toBeCloseTo(750, 9);
    // 以内 is a ceiling: on a count it applies pro rata, so the verdict's gap is the flipped pace gap
    expect([r.verdict_kind, r.verdict_gap_pp, r.status]).toEqual(['ceiling', 12.5, 'within']);
  });

  it('开封: over T × elapsed is over the ceiling', () => {
    const r = complaints('410200');
    // completion 450/800 = 0.5625; flipped gap (0.5 − 0.5625) × 100 = −6.25; linear (no 2023)
    expect(r.completion).toBe(0.5625);
    expect(r.pace_gap_pp).toBe(-6.25);
    expect([r.seasonal_basis, r.seasonal_gap_pp]).toEqual(['linear', -6.25]);
    expect([r.verdict_kind, r.verdict_gap_pp, r.status]).toEqual(['ceiling', -6.3, 'over']);
  });

  it('许昌: a growth target of −15% met by −20% (flipped gap g* − yoy = +5)', () => {
    const r = complaints('411000');
    // −15 − (−20) = +5 pp
    expect(r.growth_gap_pp).toBe(5);
    expect(r.status).toBe('ahead');
  });

  it('ranks the smallest value first', () => {
    // values: 许昌 200, 郑州 300, 洛阳 300, 开封 450 → ascending competition ranks 1, 2, 2, 4
    expect(['411000', '410100', '410300', '410200'].map((c) => complaints(c).value_rank)).toEqual([1, 2, 2, 4]);
    // 郑州: ahead 许昌 (300 − 200 = 100 fewer complaints), behind 开封 (450 − 300 = 150)
    expect(complaints('410100')).toMatchObject({ value_ahead_code: '411000', value_ahead_gap: 100, value_behind_code: '410200', value_behind_gap: 150 });
    // growth ascending: −20 (许昌) 1, −10 (郑州) 2, −2 (洛阳) 3, 5 (开封) 4
    expect(['411000', '410100', '410300', '410200'].map((c) => complaints(c).yoy_rank)).toEqual([1, 2, 3, 4]);
  });
});

describe('progress: ranks, pace-setter and pursuer', () => {
  it('competition ranks 1, 2, 2, 4, 5 on value; suppressed and missing unranked; rank_of counts the ranked', () => {
    // 许昌 5200, 郑州 2340, 洛阳 2340, 鹤壁 1500, 开封 1100 (平顶山 c, 安阳 no row)
    const ranks = ['411000', '410100', '410300', '410600', '410200', '410400', '410500'].map((c) => [retail(c).value_rank, retail(c).value_rank_state]);
    expect(ranks).toEqual([[1, 'ranked'], [2, 'ranked'], [2, 'ranked'], [4, 'ranked'], [5, 'ranked'], [null, 'suppressed'], [null, 'missing']]);
    expect(new Set(june.filter((r) => r.indicator === 'retail_sales' && r.level === 'prefecture').map((r) => r.value_rank_of))).toEqual(new Set([5]));
    // the special unit is its own peer group (same parent, different level): 1 of 1
    expect(retail('410171')).toMatchObject({ value_rank: 1, value_rank_of: 1 });
  });

  it('ahead and behind with gaps; ties resolved to the smallest code', () => {
    // 郑州 (2nd =): ahead 许昌, 5200 − 2340 = 2860; behind 鹤壁, 2340 − 1500 = 840
    expect(retail('410100')).toMatchObject({ value_ahead_code: '411000', value_ahead_gap: 2860, value_behind_code: '410600', value_behind_gap: 840 });
    // 许昌 (1st): nobody ahead; behind = the tied 郑州 410100 / 洛阳 410300 → smallest code 410100, gap 2860
    expect(retail('411000')).toMatchObject({ value_ahead_code: null, value_ahead_gap: null, value_behind_code: '410100', value_behind_gap: 2860 });
    // 鹤壁 (4th): ahead = tied pair → 410100 郑州, 2340 − 1500 = 840; behind 开封 1500 − 1100 = 400
    expect(retail('410600')).toMatchObject({ value_ahead_code: '410100', value_ahead_name_zh: '郑州市', value_ahead_gap: 840, value_behind_code: '410200', value_behind_gap: 400 });
    // 开封 (last): ahead 鹤壁 400, nobody behind
    expect(retail('410200')).toMatchObject({ value_ahead_code: '410600', value_ahead_gap: 400, value_behind_code: null });
  });

  it('growth ranks: 开封 8.0 (1), 洛阳 6.5 (2), 郑州 and 鹤壁 5.0 (3, 3), 许昌 3.0 (5); gaps in pp', () => {
    expect(['410200', '410300', '410100', '410600', '411000'].map((c) => retail(c).yoy_rank)).toEqual([1, 2, 3, 3, 5]);
    // 郑州: ahead 洛阳 6.5 − 5.0 = 1.5 pp; behind 许昌 5.0 − 3.0 = 2.0 pp
    expect(retail('410100')).toMatchObject({ yoy_ahead_code: '410300', yoy_ahead_gap: 1.5, yoy_behind_code: '411000', yoy_behind_gap: 2 });
    // 洛阳: ahead 开封 1.5; behind the tied 郑州/鹤壁 → 410100, 6.5 − 5.0 = 1.5
    expect(retail('410300')).toMatchObject({ yoy_ahead_code: '410200', yoy_ahead_gap: 1.5, yoy_behind_code: '410100', yoy_behind_gap: 1.5 });
  });

  it('rank, ahead and behind follow the target: value for level targets, growth for growth targets', () => {
    expect(retail('410100')).toMatchObject({ rank_basis: 'value', rank: 2, rank_of: 5, ahead_code: '411000', ahead_gap: 2860, behind_code: '410600', behind_gap: 840 });
    // 鹤壁 has a growth target: rank 3 of 5 on growth, ahead 洛阳 (1.5 pp), behind 许昌 (2.0 pp)
    expect(retail('410600')).toMatchObject({ rank_basis: 'yoy', rank: 3, rank_of: 5, ahead_code: '410300', ahead_gap: 1.5, behind_code: '411000', behind_gap: 2 });
  });

  it('rows without a target rank on growth when every target of their peers is a growth target', async () => {
    const rows = await runQuery(engine, queries.progress, { period: '2024', parent: '410000', indicator: 'gdp' });
    // gdp 2024 growth: 开封 6.0 (1), 洛阳 5.5 (2), 许昌 5.0 (3), 郑州 4.5 (4); 开封 has no target
    expect(only(rows, { jurisdiction: '410200' })).toMatchObject({ rank_basis: 'yoy', rank: 1, rank_of: 4, behind_code: '410300', behind_gap: 0.5 });
  });
});

describe('progress: a January–February first release', () => {
  it('2025-02 with no 2025-01: elapsed 2/12, seasonal pattern from 2024-02 and the 2024 total', async () => {
    const rows = await runQuery(engine, queries.progress, { period: '2025-02', parent: '410000', indicator: null });
    const r = only(rows, { jurisdiction: '410100' });
    // elapsed = 2/12 = 0.1666…
    expect(r.elapsed).toBe(2 / 12);
    // completion = 800/5000 = 0.16; pace (0.16 − 0.1666…) × 100 = −0.666… pp → behind
    expect(r.completion).toBe(0.16);
    expect(r.pace_gap_pp).toBeCloseTo(-2 / 3, 12);
    expect(r.status).toBe('behind');
    // expected = 720 (2024-02) / 4800 (2024, annual: no 2024-12 for 郑州) = 0.15
    expect([r.last_year_ytd, r.last_year_total, r.seasonal_basis]).toEqual([720, 4800, 'last_year']);
    expect(r.seasonal_expected).toBe(0.15);
    // seasonal gap (0.16 − 0.15) × 100 = +1.0; projection 800 / 0.15 = 5333.33…
    expect(r.seasonal_gap_pp).toBeCloseTo(1, 12);
    expect(r.projection).toBeCloseTo(16000 / 3, 9);
    // 410799 新市 became valid 2025-01-01 and is now a peer (no figure, no target)
    expect(only(rows, { jurisdiction: '410799' })).toMatchObject({ name_en: '新市', status: 'no_target', value_rank_state: 'missing' });
  });
});

describe('progress: the root', () => {
  it('parent NULL lists the roots', async () => {
    const rows = await runQuery(engine, queries.progress, { period: '2024', parent: null, indicator: 'gdp' });
    expect(rows.map((r) => [r.jurisdiction, r.level, r.status, r.value_rank_of])).toEqual([['100000', 'country', 'no_target', 0]]);
  });
});

describe('progress: the ranking a child without a target is on, and among whom', () => {
  it('follows the targets of its peers (same parent and level), not of every child (edge case c)', async () => {
    const rows = await runQuery(engine, queries.progress, { period: '2024', parent: '410000', indicator: 'gdp' });
    // every prefecture target is a growth target: 开封 (no target) is ranked on growth, like them
    expect(only(rows, { jurisdiction: '410200' })).toMatchObject({ target_type: null, rank_basis: 'yoy', rank: 1 });
    // 郑州航空港区 is a special unit: it has no peer with a target, so it is ranked on its value
    expect(only(rows, { jurisdiction: '410171' })).toMatchObject({ target_type: null, rank_basis: 'value', peer_count: 1 });
  });

  it('says how many peers there are beside how many are ranked', async () => {
    const rows = await runQuery(engine, queries.progress, { period: '2024', parent: '410000', indicator: 'retail_sales' });
    // seven prefectures valid in 2024; two with a 2024 figure
    expect(only(rows, { jurisdiction: '410100' })).toMatchObject({ rank: 1, rank_of: 2, peer_count: 7, tied: false });
  });
});
