/** targets/<year>.csv: annual targets per jurisdiction and indicator. */
import { targets as table, type TargetType } from '../lib/schema.ts';
import { quote, type Problems } from './problems.ts';
import { describeValidity, overlapsYear, unknownCodeFix, type IndicatorIndex, type JurisdictionIndex } from './refs.ts';
import { checkTable, columnIndex, type Row } from './table.ts';

export interface Target {
  jurisdiction: string;
  indicator: string;
  year: number;
  type: TargetType;
  value: number;
  qualifier: string;
  source: string;
  note: string;
}

const K = columnIndex(table, ['jurisdiction', 'indicator', 'year', 'type', 'value', 'qualifier', 'source', 'note']);

/** Where a problem in column k of row r is, and what is there. */
function at(r: Row, k: number): { line: number; column: number; found: string } {
  return { line: r.lines[k]!, column: r.cols[k]!, found: r.values[k]! };
}

/**
 * `fileYear` is the year in the file name, or null when the name is not a year (reported by
 * the caller). A target needs its jurisdiction valid on some day of the year: targets are set
 * at the start of the year, and a unit may be renamed later in it.
 */
export function checkTargets(
  text: string,
  file: string,
  fileYear: number | null,
  jurisdictions: JurisdictionIndex | null,
  indicators: IndicatorIndex | null,
  problems: Problems,
): Target[] {
  const rows: Target[] = [];
  const lineOf = new Map<string, number>();
  checkTable(text, file, table, problems, {
    numberUnit: (r) => (r.values[K.type] === 'growth' ? '%' : indicators?.get(r.values[K.indicator]!)?.unit),
    onRow(r) {
      const v = r.values;
      let ok = r.ok.every(Boolean);
      const j = v[K.jurisdiction]!;
      const i = v[K.indicator]!;
      const year = r.nums[K.year]!;

      const validity = jurisdictions?.get(j);
      if (jurisdictions && j !== '' && validity === undefined) {
        ok = false;
        problems.error(file, {
          ...at(r, K.jurisdiction),
          code: 'E_UNKNOWN_JURISDICTION',
          expected: 'a code from jurisdictions.csv',
          fix: unknownCodeFix(j, jurisdictions, 'jurisdictions.csv'),
          message: `jurisdiction ${quote(j)} is not in jurisdictions.csv`,
        });
      } else if (validity && r.ok[K.year] && !overlapsYear(validity, year)) {
        ok = false;
        problems.error(file, {
          ...at(r, K.jurisdiction),
          code: 'E_JURISDICTION_VALIDITY',
          expected: `a jurisdiction valid in ${year} (${j} is valid ${describeValidity(validity)})`,
          fix: `use the code valid in ${year}, or correct valid_from/valid_to in jurisdictions.csv`,
          message: `jurisdiction ${j} is not valid in ${year}`,
        });
      }
      const info = indicators?.get(i);
      if (indicators && i !== '' && info === undefined) {
        ok = false;
        problems.error(file, {
          ...at(r, K.indicator),
          code: 'E_UNKNOWN_INDICATOR',
          expected: 'an id from indicators.csv',
          fix: unknownCodeFix(i, indicators, 'indicators.csv'),
          message: `indicator ${quote(i)} is not in indicators.csv`,
        });
      }
      if (fileYear !== null && r.ok[K.year] && r.cols[K.year] && year !== fileYear) {
        ok = false;
        problems.error(file, {
          ...at(r, K.year),
          code: 'E_TARGET_YEAR',
          expected: `${fileYear}, the year in the file name`,
          fix: `write ${fileYear}, or move the row to targets/${year}.csv`,
          message: `year ${v[K.year]} in a file for ${fileYear}`,
        });
      }
      const value = r.nums[K.value]!;
      if (v[K.type] === 'level' && value < 0 && info?.allowNegative === false) {
        ok = false;
        problems.error(file, {
          ...at(r, K.value),
          code: 'E_NEGATIVE',
          expected: `a value of 0 or more (${i} has allow_negative=false)`,
          fix: 'correct the sign; a target to reduce something is a growth target with a negative rate',
          message: `level target ${v[K.value]} is negative`,
        });
      }
      if (j !== '' && i !== '' && r.ok[K.year]) {
        const key = `${j},${i},${year}`;
        const first = lineOf.get(key);
        if (first !== undefined) {
          ok = false;
          problems.error(file, {
            ...at(r, K.jurisdiction),
            found: key,
            code: 'E_DUPLICATE_KEY',
            expected: 'one target per jurisdiction, indicator and year',
            fix: `keep one of this row and line ${first}; a second target type belongs in note`,
            message: `a target for ${j}, ${i}, ${year} is already on line ${first}`,
          });
        } else lineOf.set(key, r.line);
      }
      if (ok) {
        rows.push({
          jurisdiction: j,
          indicator: i,
          year,
          type: v[K.type] as TargetType,
          value,
          qualifier: v[K.qualifier]!,
          source: v[K.source]!,
          note: v[K.note]!,
        });
      }
    },
  });
  return rows;
}
