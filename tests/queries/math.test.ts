/**
 * src/lib/progress.ts: the same math in TypeScript, hand-worked, and bit-for-bit agreement with
 * the progress query on every row of the fixture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import {
  classifyStatus,
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

describe('status', () => {
  const base = { value: null, yoyPct: null, state: 'ok' as const, m: 6, cumulative: true, higherIsBetter: true };
  it('no_target, suppressed, no_data come first', () => {
    expect(classifyStatus({ ...base, targetType: null, target: null, value: 5 })).toBe('no_target');
    expect(classifyStatus({ ...base, targetType: 'level', target: 10, state: 'suppressed' })).toBe('suppressed');
    expect(classifyStatus({ ...base, targetType: 'level', target: 10, state: 'missing' })).toBe('no_data');
    expect(classifyStatus({ ...base, targetType: 'growth', target: 5, value: 3 })).toBe('no_data'); // level but no growth
  });

  it('level, higher is better', () => {
    const t = { ...base, targetType: 'level' as const, target: 100 };
    expect(classifyStatus({ ...t, value: 50 })).toBe('ahead'); // 50 % at June: gap 0
    expect(classifyStatus({ ...t, value: 49 })).toBe('behind');
    expect(classifyStatus({ ...t, value: 100 })).toBe('achieved'); // a YTD flow reaching T mid-year
    expect(classifyStatus({ ...t, value: 100, m: 12 })).toBe('achieved');
    expect(classifyStatus({ ...t, value: 99, m: 12 })).toBe('behind');
    // a stock mid-year at target is ahead, not achieved (it can fall again)
    expect(classifyStatus({ ...t, value: 100, cumulative: false })).toBe('ahead');
  });

  it('level, lower is better: achieved only at year end', () => {
    const t = { ...base, targetType: 'level' as const, target: 800, higherIsBetter: false };
    expect(classifyStatus({ ...t, value: 300 })).toBe('ahead');
    expect(classifyStatus({ ...t, value: 450 })).toBe('behind');
    expect(classifyStatus({ ...t, value: 800, m: 12 })).toBe('achieved');
    expect(classifyStatus({ ...t, value: 801, m: 12 })).toBe('behind');
  });

  it('growth: ahead mid-year, achieved at year end', () => {
    const t = { ...base, targetType: 'growth' as const, target: 5, value: 1 };
    expect(classifyStatus({ ...t, yoyPct: 5 })).toBe('ahead');
    expect(classifyStatus({ ...t, yoyPct: 5, m: 12 })).toBe('achieved');
    expect(classifyStatus({ ...t, yoyPct: 4.9, m: 12 })).toBe('behind');
    expect(classifyStatus({ ...t, yoyPct: -20, target: -15, higherIsBetter: false })).toBe('ahead');
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
      const level = r.target_type === 'level' ? r.target_value : null;
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
      expect(r.status, where).toBe(
        classifyStatus({ targetType: r.target_type, target: r.target_value, value: r.value, yoyPct: r.yoy_pct, state: r.state, m, cumulative, higherIsBetter: hib }),
      );
    }
  });
});
