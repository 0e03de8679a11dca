/**
 * The indicator math in TypeScript, for page code that needs it without a query (and as the
 * reference the SQL in src/queries/progress.ts is tested against: same formulas, same order of
 * operations, so both give the same doubles). Documented in docs/progress-report.md.
 *
 * Conventions: shares (elapsed, completion, seasonal expected share) are fractions (0.5 = half);
 * gaps are in percentage points and signed so that >= 0 is good for either direction.
 */
import { PERIOD_RE, type Kind } from './schema.ts';

export interface Period {
  period: string;
  year: number;
  /** NULL for an annual period. */
  month: number | null;
  /** Month of year the period ends in: 12 for an annual period. */
  m: number;
  annual: boolean;
}

/** Parses YYYY or YYYY-MM; returns null for anything else. */
export function parsePeriod(period: string): Period | null {
  const match = PERIOD_RE.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  return { period, year, month, m: month ?? 12, annual: month === null };
}

function mustParse(period: string): Period {
  const p = parsePeriod(period);
  if (!p) throw new Error(`bad period "${period}": use YYYY (a year) or YYYY-MM (January to MM, cumulative)`);
  return p;
}

/**
 * A number that orders periods in time: year, then month of year (a full year as month 12), the
 * annual form YYYY just after YYYY-12, which it equals in coverage.
 */
export function periodSortKey(period: string): number {
  const p = mustParse(period);
  return p.year * 100 + p.m * 2 + (p.annual ? 1 : 0);
}

/** Share of the year elapsed at the end of the period: MM / 12, 1 for an annual period. */
export function elapsedShare(period: string): number {
  return mustParse(period).m / 12;
}

/** Whether the period covers the whole year (YYYY or YYYY-12). */
export function isYearEnd(period: string): boolean {
  return mustParse(period).m === 12;
}

/** Last day of the period, YYYY-MM-DD: the day jurisdictions must be valid on. */
export function periodEndDate(period: string): string {
  const { year, m } = mustParse(period);
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Year-to-date flows and counts accumulate over the year; stocks and rates do not. */
export function isCumulative(kind: Kind | string): boolean {
  return kind === 'ytd_flow' || kind === 'count';
}

/** completion = A / T (a level target T > 0), else null. */
export function completion(value: number | null, target: number | null): number | null {
  if (value === null || target === null || !(target > 0)) return null;
  return value / target;
}

export interface PaceInput {
  value: number | null;
  target: number | null;
  /** Month of year the period ends in (12 for annual). */
  m: number;
  cumulative: boolean;
  higherIsBetter: boolean;
}

/**
 * Time pace gap (时间过半，任务过半), pp, >= 0 on pace.
 *   cumulative, higher is better:  (A/T − m/12) × 100
 *   cumulative, lower is better:   (m/12 − A/T) × 100   (on pace when A ≤ T × m/12)
 *   stock or rate (the whole target applies at every date): (A/T − 1) × 100, or (1 − A/T) × 100
 * Written with one division: (A/T − m/12) × 100 = 100 (12A − mT) / (12T).
 */
export function paceGapPp({ value, target, m, cumulative, higherIsBetter }: PaceInput): number | null {
  if (value === null || target === null || !(target > 0)) return null;
  if (cumulative) {
    return higherIsBetter ? (100 * (12 * value - m * target)) / (12 * target) : (100 * (m * target - 12 * value)) / (12 * target);
  }
  return higherIsBetter ? (100 * (value - target)) / target : (100 * (target - value)) / target;
}

export interface SeasonalInput {
  /** Last year's year-to-date figure at the same month. */
  lastYearYtd: number | null;
  /** Last year's annual total (YYYY or YYYY-12 of last year). */
  lastYearTotal: number | null;
  m: number;
}

export type SeasonalBasis = 'last_year' | 'linear';

/** 'last_year' when both of last year's figures are positive, else 'linear' (expected = m/12). */
export function seasonalBasis({ lastYearYtd, lastYearTotal }: SeasonalInput): SeasonalBasis {
  return lastYearYtd !== null && lastYearTotal !== null && lastYearYtd > 0 && lastYearTotal > 0 ? 'last_year' : 'linear';
}

/** Expected share of the year's total by month m: last year's YTD / last year's total, or m/12. */
export function seasonalExpected(input: SeasonalInput): number {
  return seasonalBasis(input) === 'last_year' ? input.lastYearYtd! / input.lastYearTotal! : input.m / 12;
}

/**
 * Seasonal gap, pp, >= 0 good: (A/T − expected) × 100 (flipped when lower is better), written
 * 100 (A·Lt − Lm·T) / (T·Lt) on last year's pattern, and as the time pace gap when linear.
 */
export function seasonalGapPp(input: SeasonalInput & { value: number | null; target: number | null; higherIsBetter: boolean }): number | null {
  const { value, target, higherIsBetter, m } = input;
  if (value === null || target === null || !(target > 0)) return null;
  if (seasonalBasis(input) === 'linear') return paceGapPp({ value, target, m, cumulative: true, higherIsBetter });
  const lm = input.lastYearYtd!;
  const lt = input.lastYearTotal!;
  return higherIsBetter ? (100 * (value * lt - lm * target)) / (target * lt) : (100 * (lm * target - value * lt)) / (target * lt);
}

/** Year-end projection = A / expected share: A·Lt/Lm on last year's pattern, 12A/m when linear. */
export function projection(input: SeasonalInput & { value: number | null }): number | null {
  if (input.value === null) return null;
  return seasonalBasis(input) === 'last_year' ? (input.value * input.lastYearTotal!) / input.lastYearYtd! : (12 * input.value) / input.m;
}

/** Growth-target gap, pp, >= 0 good: yoy − g* (g* − yoy when lower is better). */
export function growthGapPp(yoyPct: number | null, target: number | null, higherIsBetter: boolean): number | null {
  if (yoyPct === null || target === null) return null;
  return higherIsBetter ? yoyPct - target : target - yoyPct;
}

/** Competition ranks (1, 2, 2, 4) of measures; null measures are unranked (null). */
export function competitionRanks(measures: readonly (number | null)[], higherIsBetter: boolean): (number | null)[] {
  const ranked = measures.filter((x): x is number => x !== null);
  return measures.map((x) => {
    if (x === null) return null;
    return 1 + ranked.filter((y) => (higherIsBetter ? y > x : y < x)).length;
  });
}
