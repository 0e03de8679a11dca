/**
 * observations/<release>.csv: row checks while reading, then per-series checks (duplicate
 * keys, year-to-date decreases, implausible jumps) once the file is read. Nothing is kept
 * after the file: revisions across releases are allowed, so every rule here is per file.
 */
import { PROJECT_RATE_IDS } from '../lib/projects.ts';
import { FLAGS_WITHOUT_VALUE, observations as table, type Flag } from '../lib/schema.ts';
import { isPlausibleYear, lastYear, periodCode, periodEndDay, PERIOD_EXPECTED, periodFix, periodYear, yearsExpected, type PeriodCode } from './fields.ts';
import { quote, type Problems } from './problems.ts';
import {
  describeValidity,
  unknownCodeFix,
  validOn,
  type IndicatorIndex,
  type IndicatorInfo,
  type JurisdictionIndex,
  type Validity,
} from './refs.ts';
import { checkAllSeries, SeriesRows } from './series.ts';
import { checkTable, columnIndex } from './table.ts';

const K = columnIndex(table, ['jurisdiction', 'indicator', 'period', 'value', 'yoy_pct', 'flag', 'note']);

/** Published growth beyond this (in %) is worth a second look. */
export const YOY_WARN_PCT = 80;
/** Rough bytes per row, to size the row store once instead of growing it. */
const BYTES_PER_ROW = 32;

export interface ObservationRefs {
  jurisdictions: JurisdictionIndex | null;
  indicators: IndicatorIndex | null;
}

/** Checks one observations file; returns the number of data rows read. */
export function checkObservations(text: string, file: string, refs: ObservationRefs, problems: Problems): number {
  const { jurisdictions, indicators } = refs;
  const series = new SeriesRows(Math.ceil(text.length / BYTES_PER_ROW));
  const periods = new Map<string, PeriodCode | null>();
  const jurisdictionFix = new Map<string, string>();
  const indicatorFix = new Map<string, string>();
  const withoutValue = new Set<string>(FLAGS_WITHOUT_VALUE);
  let rows = 0;
  const last = lastYear();
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

      let validity: readonly Validity[] | undefined;
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
        if (info === undefined && PROJECT_RATE_IDS.has(i)) {
          problems.error(file, {
            code: 'E_PROJECT_INDICATOR',
            line: r.lines[K.indicator]!,
            column: r.cols[K.indicator]!,
            found: i,
            expected: 'an indicator the package publishes figures for',
            fix: 'remove the row: this rate is computed from the projects ledger (projects/), never written as a figure',
            message: `indicator ${quote(i)} is one of the three project rates, which the data build computes`,
          });
        } else if (info === undefined) {
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
      if (period !== null && !isPlausibleYear(periodYear(period), last)) {
        problems.error(file, {
          code: 'E_PERIOD',
          line: r.lines[K.period]!,
          column: r.cols[K.period]!,
          found: p,
          expected: yearsExpected(last),
          fix: 'check the year of the period',
          message: `period ${quote(p)} is not a plausible year`,
        });
        period = null;
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
      // A malformed value already has its own problem (whose fix covers placeholders like —).
      if (r.ok[K.flag] && r.ok[K.value] && r.cols[K.flag] && r.cols[K.value]) {
        const flag = v[K.flag] as Flag;
        if (valueText === '' && !withoutValue.has(flag)) {
          problems.error(file, {
            code: 'E_FLAG_VALUE',
            line: r.lines[K.value]!,
            column: r.cols[K.value]!,
            found: '',
            expected: 'a value, or flag na (not available) or c (suppressed) with an empty value',
            fix: 'write the figure, or set flag na if there is none, or c if it is withheld',
            message: flag === '' ? 'value is empty and there is no flag' : `value is empty but flag is ${flag}`,
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

      if (j !== '' && i !== '' && period !== null) series.add(j, i, period, r.ok[K.value] ? value : NaN, r.line);
    },
  });

  checkAllSeries(series, {
    file,
    jurisdictionColumn: cols.j,
    valueColumn: cols.v,
    indicator: (id) => indicators?.get(id),
    problems,
  });
  return rows;
}
