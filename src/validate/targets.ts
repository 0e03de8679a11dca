/** targets/<year>.csv: annual targets per jurisdiction and indicator. */
import { PROJECT_RATE_IDS } from '../lib/projects.ts';
import { NUMERIC_TARGET_TYPES, targets as table, type TargetType } from '../lib/schema.ts';
import { quote, type Problems } from './problems.ts';
import { describeValidity, overlapsYear, unknownCodeFix, type IndicatorIndex, type JurisdictionIndex } from './refs.ts';
import { isPlausibleYear, lastYear, yearsExpected } from './fields.ts';
import { checkTable, columnIndex, type Row } from './table.ts';

export interface Target {
  jurisdiction: string;
  indicator: string;
  year: number;
  type: TargetType;
  /** Null exactly for qualitative and none. */
  value: number | null;
  /** The upper bound of a 区间 target; null otherwise. */
  value_max: number | null;
  qualifier: string;
  source: string;
  note: string;
}

const K = columnIndex(table, ['jurisdiction', 'indicator', 'year', 'type', 'value', 'value_max', 'qualifier', 'source', 'note']);

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
  const last = lastYear();
  checkTable(text, file, table, problems, {
    numberUnit: (r) => (r.values[K.type] === 'growth' ? '%' : indicators?.get(r.values[K.indicator]!)?.unit),
    onRow(r) {
      const v = r.values;
      let ok = r.ok.every(Boolean);
      const j = v[K.jurisdiction]!;
      const i = v[K.indicator]!;
      const year = r.nums[K.year]!;
      if (r.ok[K.year] && r.cols[K.year] && !isPlausibleYear(year, last)) {
        ok = false;
        r.ok[K.year] = false;
        problems.error(file, {
          ...at(r, K.year),
          code: 'E_RANGE',
          expected: yearsExpected(last),
          fix: 'check the year, and the file name it must match',
          message: `year ${v[K.year]} is not a plausible target year`,
        });
      }

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
          fix: PROJECT_RATE_IDS.has(i)
            ? 'a target for a project rate needs the projects ledger it is computed from: add projects/<release>.csv'
            : unknownCodeFix(i, indicators, 'indicators.csv'),
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
      if (r.ok[K.type] && r.ok[K.value] && r.ok[K.value_max] && r.ok[K.qualifier] && !checkShape(r, file, problems)) ok = false;
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
          value: v[K.value] === '' ? null : value,
          value_max: v[K.value_max] === '' ? null : r.nums[K.value_max]!,
          qualifier: v[K.qualifier]!,
          source: v[K.source]!,
          note: v[K.note]!,
        });
      }
    },
  });
  return rows;
}

/**
 * Whether value, value_max and qualifier fit the row's type: a number for level and growth,
 * none for qualitative and none (a target in words, or none set, has nothing to qualify), and
 * an upper bound exactly for a 区间 range. Reports each disagreement; true when there is none.
 */
function checkShape(r: Row, file: string, problems: Problems): boolean {
  const v = r.values;
  const type = v[K.type] as TargetType;
  const numeric = NUMERIC_TARGET_TYPES.includes(type);
  const qualifier = v[K.qualifier]!;
  let ok = true;
  if (numeric && v[K.value] === '') {
    ok = false;
    problems.error(file, {
      ...at(r, K.value),
      code: 'E_TARGET_VALUE',
      expected: `a number: a ${type} target has a value`,
      fix: type === 'level'
        ? "write the target in the indicator's unit; if the document sets it in words only, write type qualitative"
        : 'write the growth rate in %; if the document sets it in words only, write type qualitative',
      message: `${type} target without a value`,
    });
  } else if (!numeric && v[K.value] !== '') {
    ok = false;
    problems.error(file, {
      ...at(r, K.value),
      code: 'E_TARGET_VALUE',
      expected: `an empty value: a ${type} target has no number`,
      fix: 'empty the value (the wording goes in note), or write type level or growth if the document sets a number',
      message: `${type} target with the value ${quote(v[K.value]!)}`,
    });
  }
  if (!numeric && qualifier !== '') {
    ok = false;
    problems.error(file, {
      ...at(r, K.qualifier),
      code: 'E_TARGET_QUALIFIER',
      expected: `an empty qualifier: a ${type} target has no number to qualify`,
      fix: 'empty the qualifier (the wording goes in note)',
      message: `${type} target with the qualifier ${quote(qualifier)}`,
    });
  }
  const maxAt = r.cols[K.value_max] === 0 ? { line: r.line, column: 0, found: '' } : at(r, K.value_max);
  if (!numeric && v[K.value_max] !== '') {
    ok = false;
    problems.error(file, {
      ...maxAt,
      code: 'E_TARGET_VALUE_MAX',
      expected: `an empty value_max: a ${type} target has no number`,
      fix: 'empty value_max, or write type level or growth if the document sets a range',
      message: `${type} target with the upper bound ${quote(v[K.value_max]!)}`,
    });
  } else if (numeric && qualifier === '区间' && v[K.value_max] === '') {
    ok = false;
    problems.error(file, {
      ...maxAt,
      code: 'E_TARGET_VALUE_MAX',
      expected: 'the upper bound of the range in value_max (value is the lower bound)',
      fix: r.cols[K.value_max] === 0
        ? 'add a column value_max to the header and write the upper bound there, e.g. 5.5 for 增长5%-5.5%'
        : 'write the upper bound in value_max, e.g. 5.5 for 增长5%-5.5%',
      message: '区间 target without an upper bound',
    });
  } else if (numeric && qualifier !== '区间' && v[K.value_max] !== '') {
    ok = false;
    problems.error(file, {
      ...maxAt,
      code: 'E_TARGET_VALUE_MAX',
      expected: 'an empty value_max: only a 区间 (range) target has an upper bound',
      fix: 'empty value_max, or write qualifier 区间 if the document sets a range',
      message: `value_max ${quote(v[K.value_max]!)} on a target that is not a range`,
    });
  } else if (numeric && qualifier === '区间' && v[K.value] !== '' && r.nums[K.value_max]! < r.nums[K.value]!) {
    ok = false;
    problems.error(file, {
      ...maxAt,
      code: 'E_TARGET_BOUNDS',
      expected: `an upper bound of ${v[K.value]} or more (value is the lower bound)`,
      fix: `swap them: value ${v[K.value_max]}, value_max ${v[K.value]}`,
      message: `the range's upper bound ${v[K.value_max]} is below its lower bound ${v[K.value]}`,
    });
  }
  return ok;
}
