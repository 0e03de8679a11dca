/**
 * src/lib/progress.ts: the same math in TypeScript, hand-worked, and bit-for-bit agreement with
 * the progress query on every row of the fixture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import {
  competitionRanks,
  completion,
  elapsedShare,
  growthGapPp,
  isCumulative,
  isYearEnd,
  paceGapPp,
  parsePeriod,
  periodEndDate,
  projection,
  seasonalBasis,
  seasonalExpected,
  seasonalGapPp,
} from '../../src/lib/progress.ts';
import { queries, runQuery, type ProgressRow } from '../../src/queries/index.ts';
import { roundGap, tracksCompletion, verdictKind, verdictOf, verdictPhrase, type VerdictInput } from '../../src/lib/verdict.ts';
import { openBasic } from './helpers.ts';

describe('periods', () => {
  it('parses YYYY and YYYY-MM only', () => {
    expect(parsePeriod('2024')).toEqual({ period: '2024', year: 2024, month: null, m: 12, annual: true });
    expect(parsePeriod('2024-02')).toEqual({ period: '2024-02', year: 2024, month: 2, m: 2, annual: false });
    for (const bad of ['2024-13', '2024-00', '2024-2', '24', '2024-06-30', '']) expect(parsePeriod(bad)).toBeNull();
  });

  it('elapsed share = MM/12, an annual period is 1', () => {
    expect(elapsedShare('2024-06')).toBe(0.5); // 6/12
    expect(elapsedShare('2024-02')).toBe(2 / 12); // 1-2月: 0.1666…
    expect(elapsedShare('2024-09')).toBe(0.75); // 9/12
    expect(elapsedShare('2024')).toBe(1);
    expect(() => elapsedShare('2024-6')).toThrow(/YYYY-MM/);
  });

  it('period end date (validity is checked on it), year end', () => {
    expect(periodEndDate('2024-02')).toBe('2024-02-29'); // leap year
    expect(periodEndDate('2023-02')).toBe('2023-02-28');
    expect(periodEndDate('2024-06')).toBe('2024-06-30');
    expect(periodEndDate('2024')).toBe('2024-12-31');
    expect([isYearEnd('2024'), isYearEnd('2024-12'), isYearEnd('2024-11')]).toEqual([true, true, false]);
    expect(['ytd_flow', 'count', 'stock', 'rate'].map(isCumulative)).toEqual([true, true, false, false]);
  });
});

describe('level targets', () => {
  it('completion and pace gap, higher is better', () => {
    // 2340 / 5000 = 0.468; (0.468 − 0.5) × 100 = −3.2
    expect(completion(2340, 5000)).toBe(0.468);
    expect(paceGapPp({ value: 2340, target: 5000, m: 6, cumulative: true, higherIsBetter: true })).toBe(-3.2);
    // 时间过半任务过半 exactly: 2500 / 5000 = 0.5 at June → gap 0
    expect(paceGapPp({ value: 2500, target: 5000, m: 6, cumulative: true, higherIsBetter: true })).toBe(0);
    // no target, zero target, no value → null
    expect([completion(1, null), completion(1, 0), completion(null, 5)]).toEqual([null, null, null]);
  });

  it('lower is better flips: on pace when A ≤ T × m/12', () => {
    // T 800, June: allowance 400. A 300 → (0.5 − 0.375) × 100 = +12.5; A 450 → (0.5 − 0.5625) × 100 = −6.25
    expect(paceGapPp({ value: 300, target: 800, m: 6, cumulative: true, higherIsBetter: false })).toBe(12.5);
    expect(paceGapPp({ value: 450, target: 800, m: 6, cumulative: true, higherIsBetter: false })).toBe(-6.25);
  });

  it('a stock or rate is held to the whole target at every date', () => {
    // level 90 against 100: (0.9 − 1) × 100 = −10 whatever the month; lower is better: +10
    expect(paceGapPp({ value: 90, target: 100, m: 3, cumulative: false, higherIsBetter: true })).toBe(-10);
    expect(paceGapPp({ value: 90, target: 100, m: 3, cumulative: false, higherIsBetter: false })).toBe(10);
  });

  it('seasonal pace from last year, linear fallback', () => {
    const ly = { lastYearYtd: 1800, lastYearTotal: 4000, m: 6 };
    // expected 1800/4000 = 0.45; gap (0.468 − 0.45) × 100 = 1.8; projection 2340 / 0.45 = 5200
    expect([seasonalBasis(ly), seasonalExpected(ly)]).toEqual(['last_year', 0.45]);
    expect(seasonalGapPp({ ...ly, value: 2340, target: 5000, higherIsBetter: true })).toBe(1.8);
    expect(projection({ ...ly, value: 2340 })).toBe(5200);
    // lower is better: expected 320/800 = 0.4, A/T = 300/800 = 0.375 → (0.4 − 0.375) × 100 = 2.5
    expect(seasonalGapPp({ lastYearYtd: 320, lastYearTotal: 800, m: 6, value: 300, target: 800, higherIsBetter: false })).toBe(2.5);
    // no last year → linear: expected 6/12, projection 1100 × 12 / 6 = 2200
    const none = { lastYearYtd: null, lastYearTotal: null, m: 6 };
    expect([seasonalBasis(none), seasonalExpected(none), projection({ ...none, value: 1100 })]).toEqual(['linear', 0.5, 2200]);
    // a zero or missing total also falls back
    expect(seasonalBasis({ lastYearYtd: 10, lastYearTotal: 0, m: 6 })).toBe('linear');
  });
});

describe('growth targets', () => {
  it('gap = yoy − g*, flipped when lower is better', () => {
    expect(growthGapPp(5.5, 5, true)).toBe(0.5);
    expect(growthGapPp(4.5, 5, true)).toBe(-0.5);
    // complaints: target −15 %, actual −20 % → −15 − (−20) = +5
    expect(growthGapPp(-20, -15, false)).toBe(5);
    expect(growthGapPp(null, 5, true)).toBeNull();
  });
});

describe('verdict', () => {
  const base: VerdictInput = {
    targetType: 'level', target: 100, qualifier: null, bandPp: null, value: null, yoyPct: null,
    state: 'ok', m: 6, cumulative: true, higherIsBetter: true, unit: '亿元',
  };
  const status = (i: Partial<VerdictInput>) => verdictOf({ ...base, ...i }).status;
  const gap = (i: Partial<VerdictInput>) => verdictOf({ ...base, ...i }).gapPp;

  it('no_target, qualitative, none_stated, suppressed, no_data come first', () => {
    expect(status({ targetType: null, target: null, value: 5 })).toBe('no_target');
    expect(status({ targetType: 'qualitative', target: null, value: 5 })).toBe('qualitative');
    expect(status({ targetType: 'none', target: null, value: 5 })).toBe('none_stated');
    expect(status({ state: 'suppressed' })).toBe('suppressed');
    expect(status({ state: 'missing' })).toBe('no_data');
    expect(status({ targetType: 'growth', target: 5, value: 3 })).toBe('no_data'); // a level but no growth
  });

  it('a level target on a flow: pace before year end, achieved or not at year end', () => {
    expect(status({ value: 50 })).toBe('ahead'); // 50 % at June: gap 0
    expect(status({ value: 49 })).toBe('behind');
    expect(status({ value: 100 })).toBe('achieved'); // a YTD flow reaching T mid-year
    expect(status({ value: 100, m: 12 })).toBe('achieved');
    expect(status({ value: 99, m: 12 })).toBe('not_achieved');
    expect(gap({ value: 99, m: 12 })).toBe(-1);
    // a stock mid-year at target is ahead, not achieved (it can fall again)
    expect(status({ value: 100, cumulative: false })).toBe('ahead');
    expect(verdictKind({ targetType: 'level', qualifier: null, cumulative: false, higherIsBetter: true })).toBe('level');
  });

  it('exactly on pace is on pace (edge case a: 75.3 of 100.4 at 1–9月)', () => {
    // 12 × 75.3 − 9 × 100.4 is −1.1e-13 in doubles, not 0
    expect(12 * 75.3 - 9 * 100.4).not.toBe(0);
    expect(verdictOf({ ...base, target: 100.4, value: 75.3, m: 9 })).toEqual({ kind: 'pace', gapPp: 0, status: 'ahead' });
    expect(Object.is(roundGap(-9.4e-15), 0)).toBe(true); // never −0
    expect(status({ value: 49.96 })).toBe('ahead'); // −0.04 points shows as 0.0 and is on pace
    expect(status({ value: 49.94 })).toBe('behind'); // −0.06 shows as −0.1
  });

  it('a lower-is-better flow keeps a pace, flipped', () => {
    const t = { target: 800, higherIsBetter: false };
    expect(status({ ...t, value: 300 })).toBe('ahead');
    expect(status({ ...t, value: 450 })).toBe('behind');
    expect(status({ ...t, value: 800, m: 12 })).toBe('achieved');
    expect(status({ ...t, value: 801, m: 12 })).toBe('not_achieved');
  });

  it('a ceiling on a rate: within or over by points, never completion against time', () => {
    const t = { target: 15, qualifier: '以内', cumulative: false, higherIsBetter: false, unit: '%' };
    expect(verdictOf({ ...base, ...t, value: 16.74 })).toEqual({ kind: 'ceiling', gapPp: -1.7, status: 'over' });
    expect(verdictOf({ ...base, ...t, value: 11.25, m: 3 })).toEqual({ kind: 'ceiling', gapPp: 3.8, status: 'within' });
    expect(verdictOf({ ...base, ...t, value: 15, m: 12 })).toEqual({ kind: 'ceiling', gapPp: 0, status: 'within' });
    expect(tracksCompletion('ceiling', false, '%')).toBe(false);
    // any target of a lower-is-better rate is a ceiling, with or without 以内
    expect(verdictKind({ targetType: 'level', qualifier: null, cumulative: false, higherIsBetter: false })).toBe('ceiling');
    // a growth ceiling: 以内
    expect(verdictOf({ ...base, targetType: 'growth', target: 3, qualifier: '以内', yoyPct: 3.4 })).toEqual({ kind: 'ceiling', gapPp: -0.4, status: 'over' });
  });

  it('a level target on a % rate: above or below it by points of the rate, never a ratio to it', () => {
    // 开工率 36.4 % against "60%以上": 36.4 − 60 = −23.6 points (not (36.4/60 − 1) × 100 = −39.3)
    const t = { target: 60, qualifier: '以上', cumulative: false, unit: '%' };
    expect(verdictOf({ ...base, ...t, value: 36.4 })).toEqual({ kind: 'level', gapPp: -23.6, status: 'behind' });
    expect(verdictOf({ ...base, ...t, value: 36.4, m: 12 })).toEqual({ kind: 'level', gapPp: -23.6, status: 'not_achieved' });
    // 履约率 85.2 % against 80: +5.2 points, ahead mid-year, achieved at year end
    expect(verdictOf({ ...base, ...t, target: 80, value: 85.2 })).toEqual({ kind: 'level', gapPp: 5.2, status: 'ahead' });
    expect(verdictOf({ ...base, ...t, target: 80, value: 80, m: 12 })).toEqual({ kind: 'level', gapPp: 0, status: 'achieved' });
    // a 区间 on a rate is held to its lower bound, in points too: 2.6 against 3–5 → −0.4
    expect(verdictOf({ ...base, ...t, qualifier: '区间', target: 3, value: 2.6 })).toEqual({ kind: 'range', gapPp: -0.4, status: 'behind' });
    expect(tracksCompletion('level', false, '%')).toBe(false);
    // a stock in another unit keeps its ratio: 90 against 100 万人 is 10 % short
    expect(tracksCompletion('level', false, '万人')).toBe(true);
    expect(verdictOf({ ...base, ...t, unit: '万人', target: 100, value: 90 })).toEqual({ kind: 'level', gapPp: -10, status: 'behind' });
  });

  it('growth: ahead mid-year, achieved or not at year end; 以上 is a floor', () => {
    const t = { targetType: 'growth' as const, target: 5, qualifier: '以上', value: 1 };
    expect(status({ ...t, yoyPct: 5 })).toBe('ahead');
    expect(status({ ...t, yoyPct: 5, m: 12 })).toBe('achieved');
    expect(status({ ...t, yoyPct: 4.9, m: 12 })).toBe('not_achieved');
    expect(gap({ ...t, yoyPct: 4.9, m: 12 })).toBe(-0.1);
  });

  it('左右 is a band: short by no more than the band is about on target', () => {
    const t = { targetType: 'growth' as const, target: 5.5, qualifier: '左右', bandPp: 0.5, value: 1 };
    expect(verdictOf({ ...base, ...t, yoyPct: 5.4, m: 12 })).toEqual({ kind: 'growth', gapPp: -0.1, status: 'about' });
    expect(status({ ...t, yoyPct: 5.0, m: 12 })).toBe('about');
    expect(status({ ...t, yoyPct: 4.9, m: 12 })).toBe('not_achieved');
    expect(status({ ...t, yoyPct: 4.9, m: 6 })).toBe('behind');
    expect(status({ ...t, yoyPct: 5.6, m: 12 })).toBe('achieved');
  });

  it('区间 is held to its lower bound', () => {
    const t = { targetType: 'growth' as const, target: 5, qualifier: '区间', value: 1 };
    expect(verdictOf({ ...base, ...t, yoyPct: 5.2, m: 12 })).toEqual({ kind: 'range', gapPp: 0.2, status: 'achieved' });
    expect(status({ ...t, yoyPct: 6, m: 12 })).toBe('achieved'); // above the range is not a failure
    expect(status({ ...t, yoyPct: 4.8, m: 6 })).toBe('behind');
  });
});

describe('competition ranks', () => {
  it('1, 2, 2, 4 and nulls unranked', () => {
    expect(competitionRanks([5200, 2340, 2340, 1500, null], true)).toEqual([1, 2, 2, 4, null]);
    expect(competitionRanks([200, 300, 300, 450], false)).toEqual([1, 2, 2, 4]);
  });
});

describe('TypeScript and SQL agree', () => {
  let engine: Engine;
  let rows: ProgressRow[];
  beforeAll(async () => {
    engine = await openBasic();
    rows = [];
    for (const period of ['2023-06', '2024-02', '2024-06', '2024', '2025-02']) {
      rows.push(...(await runQuery(engine, queries.progress, { period, parent: '410000', indicator: null })));
      for (const indicator of ['gdp', 'retail_sales', 'consumer_complaints', 'online_share', 'population']) {
        rows.push(...(await runQuery(engine, queries.progress, { period, parent: '410000', indicator })));
      }
    }
  });
  afterAll(async () => {
    await engine.close();
  });

  it('on every progress row of the fixture, exactly', () => {
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      const m = parsePeriod(r.period)!.m;
      const cumulative = isCumulative(r.kind);
      const hib = r.higher_is_better;
      const kind = verdictKind({ targetType: r.target_type, qualifier: r.target_qualifier, cumulative, higherIsBetter: hib });
      const level = r.target_type === 'level' && tracksCompletion(kind, cumulative, r.unit) ? r.target_value : null;
      const ly = { lastYearYtd: r.last_year_ytd, lastYearTotal: r.last_year_total, m };
      const where = `${r.period} ${r.jurisdiction} ${r.indicator}`;
      expect(r.elapsed, where).toBe(elapsedShare(r.period));
      expect(r.completion, where).toBe(completion(r.value, level));
      expect(r.pace_gap_pp, where).toBe(paceGapPp({ value: r.value, target: level, m, cumulative, higherIsBetter: hib }));
      expect(r.seasonal_basis, where).toBe(cumulative ? seasonalBasis(ly) : null);
      expect(r.seasonal_expected, where).toBe(cumulative ? seasonalExpected(ly) : null);
      expect(r.seasonal_gap_pp, where).toBe(cumulative ? seasonalGapPp({ ...ly, value: r.value, target: level, higherIsBetter: hib }) : null);
      expect(r.projection, where).toBe(cumulative ? projection({ ...ly, value: r.value }) : null);
      expect(r.growth_gap_pp, where).toBe(r.target_type === 'growth' ? growthGapPp(r.yoy_pct, r.target_value, hib) : null);
      const verdict = verdictOf({
        targetType: r.target_type, target: r.target_value, qualifier: r.target_qualifier, bandPp: r.target_band_pp, value: r.value,
        yoyPct: r.yoy_pct, state: r.state, m, cumulative, higherIsBetter: hib, unit: r.unit,
      });
      expect({ kind: r.verdict_kind, gapPp: r.verdict_gap_pp, status: r.status }, where).toEqual(verdict);
    }
  });
});

describe('verdict phrases', () => {
  it('say the direction in words and the size of the gap, zh and en', () => {
    expect(verdictPhrase('behind', 'pace', -10.6, 'zh-CN')).toBe('慢于进度10.6个百分点');
    expect(verdictPhrase('behind', 'pace', -10.6, 'en')).toBe('10.6 pp behind pace');
    expect(verdictPhrase('ahead', 'growth', 4.3, 'zh-CN')).toBe('高于目标4.3个百分点');
    expect(verdictPhrase('ahead', 'pace', 0, 'zh-CN')).toBe('与进度持平');
    expect(verdictPhrase('over', 'ceiling', -2.7, 'zh-CN')).toBe('超出控制目标2.7个百分点');
    expect(verdictPhrase('over', 'ceiling', -2.7, 'en')).toBe('over the ceiling by 2.7 pp');
    expect(verdictPhrase('within', 'ceiling', 3.8, 'zh-CN')).toBe('控制在目标以内，低3.8个百分点');
    expect(verdictPhrase('behind', 'level', -23.6, 'zh-CN')).toBe('低于目标23.6个百分点');
    expect(verdictPhrase('behind', 'level', -23.6, 'en')).toBe('23.6 pp below target');
    expect(verdictPhrase('not_achieved', 'growth', -1.9, 'zh-CN')).toBe('未完成，差1.9个百分点');
    expect(verdictPhrase('about', 'growth', -0.1, 'en')).toBe('about on target, 0.1 pp short');
    expect(verdictPhrase('achieved', 'pace', 2, 'zh-CN')).toBe('已完成，超出2.0个百分点');
    expect(verdictPhrase('none_stated', null, null, 'zh-CN')).toBe('未设定量目标');
    expect(verdictPhrase('none_stated', null, null, 'en')).toBe('no numeric target set');
    expect(verdictPhrase('qualitative', null, null, 'en')).toBe('qualitative target');
  });
});
