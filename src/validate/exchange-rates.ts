/** exchange_rates.csv (optional): annual average CNY per unit of a currency. */
import { exchangeRates as table } from '../lib/schema.ts';
import type { Problems } from './problems.ts';
import { isPlausibleYear, lastYear, yearsExpected } from './fields.ts';
import { checkTable, columnIndex } from './table.ts';

export interface ExchangeRate {
  year: number;
  currency: string;
  cny_per_unit: number;
  source: string;
}

const K = columnIndex(table, ['year', 'currency', 'cny_per_unit', 'source']);

export function checkExchangeRates(text: string, file: string, problems: Problems): ExchangeRate[] {
  const rows: ExchangeRate[] = [];
  const lineOf = new Map<string, number>();
  const last = lastYear();
  checkTable(text, file, table, problems, {
    onRow(r) {
      const v = r.values;
      let ok = r.ok.every(Boolean);
      if (r.ok[K.year] && v[K.year] !== '' && !isPlausibleYear(r.nums[K.year]!, last)) {
        ok = false;
        problems.error(file, {
          code: 'E_RANGE',
          line: r.lines[K.year]!,
          column: r.cols[K.year]!,
          found: v[K.year]!,
          expected: yearsExpected(last),
          fix: 'check the year',
          message: `year ${v[K.year]} is not a plausible year`,
        });
      }
      const rate = r.nums[K.cny_per_unit]!;
      if (r.ok[K.cny_per_unit] && !(rate > 0)) {
        ok = false;
        problems.error(file, {
          code: 'E_RANGE',
          line: r.lines[K.cny_per_unit]!,
          column: r.cols[K.cny_per_unit]!,
          found: v[K.cny_per_unit]!,
          expected: 'a rate above 0 (CNY per one unit of the currency, about 7 for USD)',
          fix: 'write how many yuan one unit of the currency buys',
          message: `exchange rate ${v[K.cny_per_unit]} is not positive`,
        });
      }
      const key = `${v[K.year]},${v[K.currency]}`;
      const first = lineOf.get(key);
      if (first !== undefined) {
        problems.error(file, {
          code: 'E_DUPLICATE_KEY',
          line: r.lines[K.year]!,
          column: r.cols[K.year]!,
          found: key,
          expected: 'one rate per year and currency',
          fix: `keep one of this row and line ${first}`,
          message: `the ${v[K.currency]} rate for ${v[K.year]} is already given on line ${first}`,
        });
        return;
      }
      lineOf.set(key, r.line);
      if (ok) rows.push({ year: r.nums[K.year]!, currency: v[K.currency]!, cny_per_unit: rate, source: v[K.source]! });
    },
  });
  return rows;
}
