/**
 * observations/<release>.csv: row checks while reading, then per-series checks (duplicate
 * keys, year-to-date decreases, implausible jumps) once the file is read. Nothing is kept
 * after the file: revisions across releases are allowed, so every rule here is per file.
 */
import { FLAGS_WITHOUT_VALUE, observations as table, type Flag } from '../lib/schema.ts';
import {
  periodCode,
  periodEndDay,
  PERIOD_EXPECTED,
  periodFix,
  periodMonth,
  periodMonths,
  periodYear,
  ANNUAL,
  type PeriodCode,
} from './fields.ts';
import { quote, type Problems } from './problems.ts';
import {
  describeValidity,
  unknownCodeFix,
  validOn,
  type IndicatorIndex,
  type IndicatorInfo,
  type JurisdictionIndex,
} from './refs.ts';
import { checkTable, columnIndex } from './table.ts';

const K = columnIndex(table, ['jurisdiction', 'indicator', 'period', 'value', 'yoy_pct', 'flag', 'note']);

/** Published growth beyond this (in %) is worth a second look. */
export const YOY_WARN_PCT = 80;
/** A level this many times its comparable predecessor (or 1/this) is worth a second look. */
export const JUMP_FACTOR = 10;
/** Beyond this factor from the series' median a figure looks like a unit slip (万 vs 亿 is 10^4). */
export const SLIP_FACTOR = 1000;

/** One (jurisdiction, indicator) series of a file, as parallel arrays in line order. */
interface Series {
  periods: PeriodCode[];
  values: number[]; // NaN when empty, suppressed or invalid
  lines: number[];
}

export interface ObservationRefs {
  jurisdictions: JurisdictionIndex | null;
  indicators: IndicatorIndex | null;
}

/** Checks one observations file; returns the number of data rows read. */
export function checkObservations(text: string, file: string, refs: ObservationRefs, problems: Problems): number {
  const { jurisdictions, indicators } = refs;
  // indicator → jurisdiction → series: two lookups instead of a key string per row.
  const series = new Map<string, Map<string, Series>>();
  const periods = new Map<string, PeriodCode | null>();
  const jurisdictionFix = new Map<string, string>();
  const indicatorFix = new Map<string, string>();
  const withoutValue = new Set<string>(FLAGS_WITHOUT_VALUE);
  let rows = 0;
  // Field positions are the same on every row of a file.
  const cols = { j: 0, v: 0 };

  checkTable(text, file, table, problems, {
    numberUnit: (r, k) => (k === K.yoy_pct ? '%' : indicators?.get(r.values[K.indicator]!)?.unit),
    onRow(r) {
      rows++;
      const v = r.values;
      const j = v[K.jurisdiction]!;
      const i = v[K.indicator]!;
      const p = v[K.period]!;
      cols.j = r.cols[K.jurisdiction]!;
      cols.v = r.cols[K.value]!;

      let validity = undefined;
      if (jurisdictions && j !== '') {
        validity = jurisdictions.get(j);
        if (validity === undefined) {
          let fix = jurisdictionFix.get(j);
          if (fix === undefined) jurisdictionFix.set(j, (fix = unknownCodeFix(j, jurisdictions, 'jurisdictions.csv')));
          problems.error(file, {
            code: 'E_UNKNOWN_JURISDICTION',
            line: r.lines[K.jurisdiction]!,
            column: r.cols[K.jurisdiction]!,
            found: j,
            expected: 'a code from jurisdictions.csv',
            fix,
            message: `jurisdiction ${quote(j)} is not in jurisdictions.csv`,
          });
        }
      }
      let info: IndicatorInfo | undefined;
      if (indicators && i !== '') {
        info = indicators.get(i);
        if (info === undefined) {
          let fix = indicatorFix.get(i);
          if (fix === undefined) indicatorFix.set(i, (fix = unknownCodeFix(i, indicators, 'indicators.csv')));
          problems.error(file, {
            code: 'E_UNKNOWN_INDICATOR',
            line: r.lines[K.indicator]!,
            column: r.cols[K.indicator]!,
            found: i,
            expected: 'an id from indicators.csv',
            fix,
            message: `indicator ${quote(i)} is not in indicators.csv`,
          });
        }
      }

      let period = periods.get(p);
      if (period === undefined) periods.set(p, (period = periodCode(p)));
      if (period === null && p !== '') {
        problems.error(file, {
          code: 'E_PERIOD',
          line: r.lines[K.period]!,
          column: r.cols[K.period]!,
          found: p,
          expected: PERIOD_EXPECTED,
          fix: periodFix(p),
          message: `period ${quote(p)} is not YYYY or YYYY-MM`,
        });
      }
      if (validity !== undefined && period !== null && !validOn(validity, periodEndDay(period))) {
        problems.error(file, {
          code: 'E_JURISDICTION_VALIDITY',
          line: r.lines[K.jurisdiction]!,
          column: r.cols[K.jurisdiction]!,
          found: j,
          expected: `a jurisdiction valid at the end of ${p} (${j} is valid ${describeValidity(validity)})`,
          fix: `use the code valid at the end of ${p}, or correct valid_from/valid_to in jurisdictions.csv`,
          message: `jurisdiction ${j} is not valid at the end of period ${p}`,
        });
      }

      const valueText = v[K.value]!;
      const value = r.nums[K.value]!;
      if (r.ok[K.flag] && r.cols[K.flag] && r.cols[K.value]) {
        const flag = v[K.flag] as Flag;
        if (valueText === '' && !withoutValue.has(flag)) {
          problems.error(file, {
            code: 'E_FLAG_VALUE',
            line: r.lines[K.value]!,
            column: r.cols[K.value]!,
            found: '',
            expected: 'a value, or flag na (not available) or c (suppressed) with an empty value',
            fix: 'write the figure, or set flag na if there is none, or c if it is withheld',
            message: `value is empty but flag is ${flag === '' ? 'empty' : flag}`,
          });
        } else if (valueText !== '' && withoutValue.has(flag)) {
          problems.error(file, {
            code: 'E_FLAG_VALUE',
            line: r.lines[K.flag]!,
            column: r.cols[K.flag]!,
            found: flag,
            expected: `an empty value with flag ${flag}`,
            fix: flag === 'c' ? 'a suppressed figure is not published: empty the value, or remove the flag if it may be published' : 'empty the value, or remove the flag na since there is a figure',
            message: `flag ${flag} (${flag === 'c' ? 'suppressed' : 'not available'}) but value ${quote(valueText)} is given`,
          });
        }
      }
      if (value < 0 && info?.allowNegative === false) {
        problems.error(file, {
          code: 'E_NEGATIVE',
          line: r.lines[K.value]!,
          column: r.cols[K.value]!,
          found: valueText,
          expected: `0 or more (${i} has allow_negative=false)`,
          fix: 'correct the sign; a fall belongs in yoy_pct, which may be negative',
          message: `value ${valueText} is negative`,
        });
      }
      const yoy = r.nums[K.yoy_pct]!;
      if (Math.abs(yoy) > YOY_WARN_PCT) {
        problems.warning(file, {
          code: 'W_YOY_RANGE',
          line: r.lines[K.yoy_pct]!,
          column: r.cols[K.yoy_pct]!,
          found: v[K.yoy_pct]!,
          expected: `growth within ±${YOY_WARN_PCT} %`,
          fix: 'check the figure against the source; yoy_pct is in %, so 12.5 means 12.5 % (not 0.125)',
          message: `year-on-year growth ${v[K.yoy_pct]} % is unusually large`,
        });
      }

      if (j === '' || i === '' || period === null) return;
      let byJurisdiction = series.get(i);
      if (byJurisdiction === undefined) series.set(i, (byJurisdiction = new Map()));
      let s = byJurisdiction.get(j);
      if (s === undefined) byJurisdiction.set(j, (s = { periods: [], values: [], lines: [] }));
      s.periods.push(period);
      s.values.push(r.ok[K.value] ? value : NaN);
      s.lines.push(r.line);
    },
  });

  for (const [i, byJurisdiction] of series) {
    const info = indicators?.get(i);
    for (const [j, s] of byJurisdiction) checkSeries(s, j, i, info, file, cols, problems);
  }
  return rows;
}

/** Order of a series' rows by period; rows of one period keep their line order. */
function periodOrder(s: Series): number[] {
  const order = s.periods.map((_, n) => n);
  let sorted = true;
  for (let n = 1; n < s.periods.length && sorted; n++) sorted = s.periods[n - 1]! <= s.periods[n]!;
  if (!sorted) order.sort((a, b) => s.periods[a]! - s.periods[b]! || a - b);
  return order;
}

function checkSeries(
  s: Series,
  j: string,
  i: string,
  info: IndicatorInfo | undefined,
  file: string,
  cols: { j: number; v: number },
  problems: Problems,
): void {
  const order = periodOrder(s);
  // Distinct periods only: a duplicate is reported and then left out of the other checks.
  const kept: number[] = [];
  for (const n of order) {
    const prev = kept[kept.length - 1];
    if (prev !== undefined && s.periods[prev] === s.periods[n]) {
      problems.error(file, {
        code: 'E_DUPLICATE_KEY',
        line: s.lines[n]!,
        column: cols.j,
        found: `${j},${i},${periodText(s.periods[n]!)}`,
        expected: 'each jurisdiction, indicator and period once per release',
        fix: `keep one of this row and line ${s.lines[prev]}; a correction of an earlier release goes in a new release file`,
        message: `${j}, ${i}, ${periodText(s.periods[n]!)} is already on line ${s.lines[prev]}`,
      });
    } else kept.push(n);
  }
  if (info?.kind === 'ytd_flow' && info.allowNegative === false) checkYtdIncreases(s, kept, j, i, file, cols.v, problems);
  if (info?.kind === 'ytd_flow' || info?.kind === 'stock') checkPlausibleLevels(s, kept, info.kind === 'ytd_flow', j, i, file, cols.v, problems);
}

/** A year-to-date total of a non-negative flow can only grow within a year (the year's total last). */
function checkYtdIncreases(s: Series, kept: number[], j: string, i: string, file: string, column: number, problems: Problems): void {
  let last = -1;
  for (const n of kept) {
    const value = s.values[n]!;
    if (Number.isNaN(value)) continue;
    if (last >= 0 && periodYear(s.periods[last]!) === periodYear(s.periods[n]!) && value < s.values[last]!) {
      const before = periodText(s.periods[last]!);
      const now = periodText(s.periods[n]!);
      problems.error(file, {
        code: 'E_YTD_DECREASE',
        line: s.lines[n]!,
        column,
        found: String(value),
        expected: `at least ${s.values[last]}, the year-to-date figure for ${before} (line ${s.lines[last]})`,
        fix: `check both figures: a year-to-date total includes every earlier month of the year; ${i} is cumulative (kind ytd_flow)`,
        message: `${j} ${i} ${now} (${value}) is less than ${before} (${s.values[last]}) of the same year`,
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
function checkPlausibleLevels(
  s: Series,
  kept: number[],
  ytd: boolean,
  j: string,
  i: string,
  file: string,
  column: number,
  problems: Problems,
): void {
  const points = kept.filter((n) => s.values[n]! > 0);
  if (points.length < 2) return;
  const level = (n: number) => (ytd ? s.values[n]! / periodMonths(s.periods[n]!) : s.values[n]!);
  const sortedLevels = points.map(level).sort((a, b) => a - b);
  const median = sortedLevels[(sortedLevels.length - 1) >> 1]!;
  const slips = new Set<number>();
  for (const n of points) {
    const ratio = level(n) / median;
    if (ratio < SLIP_FACTOR && ratio > 1 / SLIP_FACTOR) continue;
    slips.add(n);
    const power = Math.round(Math.log10(ratio));
    problems.warning(file, {
      code: 'W_UNIT_SLIP',
      line: s.lines[n]!,
      column,
      found: String(s.values[n]),
      expected: `a figure of the same order as the rest of ${j} ${i} in this file`,
      fix: `check the unit: the value is about 10^${power} times the series' typical figure (万 vs 亿 is 10^4); write it in the indicator's unit`,
      message: `${j} ${i} ${periodText(s.periods[n]!)} is about 10^${power} × the typical figure of its series${ytd ? ' (per month)' : ''}`,
    });
  }
  const lastInGroup = new Map<boolean, number>(); // comparable group → its latest point so far
  for (const n of points) {
    if (slips.has(n)) continue;
    const group = ytd || periodMonth(s.periods[n]!) === ANNUAL;
    const prev = lastInGroup.get(group);
    lastInGroup.set(group, n);
    if (prev === undefined) continue;
    const ratio = level(n) / level(prev);
    if (ratio < JUMP_FACTOR && ratio > 1 / JUMP_FACTOR) continue;
    const factor = ratio >= 1 ? `${ratio.toFixed(0)} ×` : `1/${(1 / ratio).toFixed(0)} of`;
    problems.warning(file, {
      code: 'W_LEVEL_JUMP',
      line: s.lines[n]!,
      column,
      found: String(s.values[n]),
      expected: `within ${JUMP_FACTOR} × of ${periodText(s.periods[prev]!)} (${s.values[prev]}, line ${s.lines[prev]})${ytd ? ', compared per month covered' : ''}`,
      fix: 'check the figure and its unit against the source',
      message: `${j} ${i} ${periodText(s.periods[n]!)} is ${factor} ${periodText(s.periods[prev]!)}`,
    });
  }
}

function periodText(p: PeriodCode): string {
  const m = periodMonth(p);
  return m === ANNUAL ? String(periodYear(p)) : `${periodYear(p)}-${String(m).padStart(2, '0')}`;
}
