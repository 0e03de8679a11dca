/**
 * The rows of one observations file grouped into (jurisdiction, indicator) series, and the
 * checks that need a whole series: duplicate keys, year-to-date decreases, implausible jumps.
 * Rows are stored column-wise in typed arrays, because a file may hold a million rows and a
 * series is often a single row.
 */
import { ANNUAL, periodMonth, periodMonths, periodYear, type PeriodCode } from './fields.ts';
import type { Problems } from './problems.ts';
import type { IndicatorInfo } from './refs.ts';

/** A level this many times its comparable predecessor (or 1/this) is worth a second look. */
export const JUMP_FACTOR = 10;
/** Beyond this factor from the series' median a figure looks like a unit slip (万 vs 亿 is 10^4). */
export const SLIP_FACTOR = 1000;

export class SeriesRows {
  /** indicator → jurisdiction → series id: two lookups instead of a key string per row. */
  private readonly ids = new Map<string, Map<string, number>>();
  readonly jurisdictionOf: string[] = [];
  readonly indicatorOf: string[] = [];
  size = 0;
  series: Int32Array;
  periods: Int32Array;
  /** NaN when empty, suppressed or invalid. */
  values: Float64Array;
  lines: Int32Array;

  constructor(expectedRows: number) {
    const capacity = Math.max(16, expectedRows);
    this.series = new Int32Array(capacity);
    this.periods = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.lines = new Int32Array(capacity);
  }

  add(jurisdiction: string, indicator: string, period: PeriodCode, value: number, line: number): void {
    let byJurisdiction = this.ids.get(indicator);
    if (byJurisdiction === undefined) this.ids.set(indicator, (byJurisdiction = new Map()));
    let id = byJurisdiction.get(jurisdiction);
    if (id === undefined) {
      id = this.jurisdictionOf.length;
      byJurisdiction.set(jurisdiction, id);
      this.jurisdictionOf.push(jurisdiction);
      this.indicatorOf.push(indicator);
    }
    if (this.size === this.series.length) this.grow();
    const n = this.size++;
    this.series[n] = id;
    this.periods[n] = period;
    this.values[n] = value;
    this.lines[n] = line;
  }

  private grow(): void {
    const capacity = this.series.length * 2;
    this.series = copyInto(new Int32Array(capacity), this.series);
    this.periods = copyInto(new Int32Array(capacity), this.periods);
    this.values = copyInto(new Float64Array(capacity), this.values);
    this.lines = copyInto(new Int32Array(capacity), this.lines);
  }

  /**
   * Row numbers grouped by series (a counting sort, so rows of a series keep their line
   * order), each series sorted by period; series s is order[starts[s]] … order[starts[s+1]-1].
   */
  grouped(): { order: Int32Array; starts: Int32Array } {
    const count = this.jurisdictionOf.length;
    const starts = new Int32Array(count + 1);
    for (let n = 0; n < this.size; n++) starts[this.series[n]! + 1]!++;
    for (let s = 0; s < count; s++) starts[s + 1]! += starts[s]!;
    const next = starts.slice(0, count);
    const order = new Int32Array(this.size);
    for (let n = 0; n < this.size; n++) order[next[this.series[n]!]!++] = n;
    for (let s = 0; s < count; s++) {
      const segment = order.subarray(starts[s]!, starts[s + 1]!);
      let sorted = true;
      for (let k = 1; k < segment.length && sorted; k++) sorted = this.periods[segment[k - 1]!]! <= this.periods[segment[k]!]!;
      if (!sorted) segment.sort((a, b) => this.periods[a]! - this.periods[b]! || a - b);
    }
    return { order, starts };
  }
}

function copyInto<T extends Int32Array | Float64Array>(target: T, source: T): T {
  target.set(source);
  return target;
}

export interface SeriesContext {
  file: string;
  /** Field positions of jurisdiction and value in the file. */
  jurisdictionColumn: number;
  valueColumn: number;
  indicator: (id: string) => IndicatorInfo | undefined;
  problems: Problems;
}

/** Runs every series check over the rows of one file. */
export function checkAllSeries(rows: SeriesRows, ctx: SeriesContext): void {
  const { order, starts } = rows.grouped();
  const duplicate = new Uint8Array(rows.size);
  for (let s = 0; s + 1 < starts.length; s++) {
    const from = starts[s]!;
    const to = starts[s + 1]!;
    if (to - from < 2) continue; // nothing to compare a single row with
    const segment = order.subarray(from, to);
    markDuplicates(rows, segment, duplicate, ctx);
    const info = ctx.indicator(rows.indicatorOf[s]!);
    if (info?.kind === 'ytd_flow' && info.allowNegative === false) checkYtdIncreases(rows, segment, duplicate, ctx);
    if (info?.kind === 'ytd_flow' || info?.kind === 'stock') checkPlausibleLevels(rows, segment, duplicate, info.kind === 'ytd_flow', ctx);
  }
}

function markDuplicates(rows: SeriesRows, segment: Int32Array, duplicate: Uint8Array, ctx: SeriesContext): void {
  let kept = segment[0]!;
  for (let k = 1; k < segment.length; k++) {
    const n = segment[k]!;
    if (rows.periods[n] !== rows.periods[kept]) {
      kept = n;
      continue;
    }
    duplicate[n] = 1;
    const key = `${rows.jurisdictionOf[rows.series[n]!]}, ${rows.indicatorOf[rows.series[n]!]}, ${periodText(rows.periods[n]!)}`;
    ctx.problems.error(ctx.file, {
      code: 'E_DUPLICATE_KEY',
      line: rows.lines[n]!,
      column: ctx.jurisdictionColumn,
      found: key.replaceAll(', ', ','),
      expected: 'each jurisdiction, indicator and period once per release',
      fix: `keep one of this row and line ${rows.lines[kept]}; a correction of an earlier release goes in a new release file`,
      message: `${key} is already on line ${rows.lines[kept]}`,
    });
  }
}

/** A year-to-date total of a non-negative flow can only grow within a year (the year's total last). */
function checkYtdIncreases(rows: SeriesRows, segment: Int32Array, duplicate: Uint8Array, ctx: SeriesContext): void {
  let last = -1;
  for (const n of segment) {
    const value = rows.values[n]!;
    if (duplicate[n] || Number.isNaN(value)) continue;
    if (last >= 0 && periodYear(rows.periods[last]!) === periodYear(rows.periods[n]!) && value < rows.values[last]!) {
      const before = periodText(rows.periods[last]!);
      const now = periodText(rows.periods[n]!);
      const j = rows.jurisdictionOf[rows.series[n]!];
      const i = rows.indicatorOf[rows.series[n]!];
      ctx.problems.error(ctx.file, {
        code: 'E_YTD_DECREASE',
        line: rows.lines[n]!,
        column: ctx.valueColumn,
        found: String(value),
        expected: `at least ${rows.values[last]}, the year-to-date figure for ${before} (line ${rows.lines[last]})`,
        fix: `check both figures (and their units): a year-to-date total includes every earlier month of the year; ${i} is cumulative (kind ytd_flow)`,
        message: `${j} ${i} ${now} (${value}) is less than ${before} (${rows.values[last]}) of the same year`,
      });
    }
    last = n;
  }
}

/**
 * Warnings for figures far from the rest of their series. Year-to-date totals are compared
 * per month (value / months covered) so January and December are comparable; stock levels
 * are compared with the previous period of the same kind (month with month, year with year).
 */
function checkPlausibleLevels(rows: SeriesRows, segment: Int32Array, duplicate: Uint8Array, ytd: boolean, ctx: SeriesContext): void {
  const points = Array.from(segment).filter((n) => !duplicate[n] && rows.values[n]! > 0);
  if (points.length < 2) return;
  const level = (n: number) => (ytd ? rows.values[n]! / periodMonths(rows.periods[n]!) : rows.values[n]!);
  const sortedLevels = points.map(level).sort((a, b) => a - b);
  const median = sortedLevels[(sortedLevels.length - 1) >> 1]!;
  const j = rows.jurisdictionOf[rows.series[points[0]!]!];
  const i = rows.indicatorOf[rows.series[points[0]!]!];
  const slips = new Set<number>();
  for (const n of points) {
    const ratio = level(n) / median;
    if (ratio < SLIP_FACTOR && ratio > 1 / SLIP_FACTOR) continue;
    slips.add(n);
    const power = Math.round(Math.log10(ratio));
    ctx.problems.warning(ctx.file, {
      code: 'W_UNIT_SLIP',
      line: rows.lines[n]!,
      column: ctx.valueColumn,
      found: String(rows.values[n]),
      expected: `a figure of the same order as the rest of ${j} ${i} in this file`,
      fix: `check the unit: the value is about 10^${power} times the series' typical figure (万 vs 亿 is 10^4); write it in the indicator's unit`,
      message: `${j} ${i} ${periodText(rows.periods[n]!)} is about 10^${power} × the typical figure of its series${ytd ? ' (per month)' : ''}`,
    });
  }
  const lastInGroup = new Map<boolean, number>(); // comparable group → its latest point so far
  for (const n of points) {
    if (slips.has(n)) continue;
    const group = ytd || periodMonth(rows.periods[n]!) === ANNUAL;
    const prev = lastInGroup.get(group);
    lastInGroup.set(group, n);
    if (prev === undefined) continue;
    const ratio = level(n) / level(prev);
    if (ratio < JUMP_FACTOR && ratio > 1 / JUMP_FACTOR) continue;
    const factor = ratio >= 1 ? `${ratio.toFixed(0)} ×` : `1/${(1 / ratio).toFixed(0)} of`;
    ctx.problems.warning(ctx.file, {
      code: 'W_LEVEL_JUMP',
      line: rows.lines[n]!,
      column: ctx.valueColumn,
      found: String(rows.values[n]),
      expected: `within ${JUMP_FACTOR} × of ${periodText(rows.periods[prev]!)} (${rows.values[prev]}, line ${rows.lines[prev]})${ytd ? ', compared per month covered' : ''}`,
      fix: 'check the figure and its unit against the source',
      message: `${j} ${i} ${periodText(rows.periods[n]!)} is ${factor} ${periodText(rows.periods[prev]!)}`,
    });
  }
}

function periodText(p: PeriodCode): string {
  const m = periodMonth(p);
  return m === ANNUAL ? String(periodYear(p)) : `${periodYear(p)}-${String(m).padStart(2, '0')}`;
}
