/** indicators.csv: ids, units, kinds and what a value may do. */
import { PROJECT_RATE_IDS } from '../lib/projects.ts';
import { INDICATOR_ID_RE, indicators as table, type Kind, type Unit, VISIBILITY } from '../lib/schema.ts';
import { quote, type Problems } from './problems.ts';
import type { IndicatorIndex, IndicatorInfo } from './refs.ts';
import { checkTable, columnIndex } from './table.ts';

export interface Indicator {
  id: string;
  name_zh: string;
  name_en: string;
  unit: Unit;
  kind: Kind;
  higher_is_better: boolean;
  additive: boolean;
  allow_negative: boolean;
  decimals: number;
  visibility: (typeof VISIBILITY)[number];
  category: string;
  definition_zh: string;
  definition_en: string;
  source: string;
}

const K = columnIndex(table, [
  'id', 'name_zh', 'name_en', 'unit', 'kind', 'higher_is_better', 'additive', 'allow_negative',
  'decimals', 'visibility', 'category', 'definition_zh', 'definition_en', 'source',
]);
const MAX_DECIMALS = 6;

export function checkIndicators(text: string, file: string, problems: Problems): { rows: Indicator[]; index: IndicatorIndex } | null {
  const rows: Indicator[] = [];
  const index: IndicatorIndex = new Map();
  const lineOf = new Map<string, number>();

  const columns = checkTable(text, file, table, problems, {
    onRow(r) {
      const v = r.values;
      const id = v[K.id]!;
      let ok = r.ok.every(Boolean);
      if (id !== '' && !INDICATOR_ID_RE.test(id)) {
        ok = false;
        const suggestion = id.trim().toLowerCase().replace(/[\s-]+/g, '_');
        problems.error(file, {
          code: 'E_ID_FORMAT',
          line: r.lines[K.id]!,
          column: r.cols[K.id]!,
          found: id,
          expected: 'lower-case letters, digits and _, starting with a letter, e.g. retail_sales',
          fix: INDICATOR_ID_RE.test(suggestion) ? `write ${suggestion}` : 'use lower-case letters, digits and _ only',
          message: `indicator id ${quote(id)} is not a valid id`,
        });
      }
      const decimals = r.nums[K.decimals]!;
      if (r.ok[K.decimals] && (decimals < 0 || decimals > MAX_DECIMALS)) {
        ok = false;
        problems.error(file, {
          code: 'E_RANGE',
          line: r.lines[K.decimals]!,
          column: r.cols[K.decimals]!,
          found: v[K.decimals]!,
          expected: `a whole number from 0 to ${MAX_DECIMALS}`,
          fix: `write the number of decimals to show, 0 to ${MAX_DECIMALS}`,
          message: `decimals ${v[K.decimals]} is out of range`,
        });
      }
      if (id === '') return;
      if (PROJECT_RATE_IDS.has(id)) {
        problems.error(file, {
          code: 'E_PROJECT_INDICATOR',
          line: r.lines[K.id]!,
          column: r.cols[K.id]!,
          found: id,
          expected: 'an id of your own: this one is computed from the projects ledger',
          fix: 'remove the row: the data build declares this rate itself when the package has a projects ledger (projects/)',
          message: `indicator ${id} is one of the three project rates, which the data build computes`,
        });
        return;
      }
      const first = lineOf.get(id);
      if (first !== undefined) {
        problems.error(file, {
          code: 'E_DUPLICATE_KEY',
          line: r.lines[K.id]!,
          column: r.cols[K.id]!,
          found: id,
          expected: 'each indicator id once',
          fix: `remove this row or give it another id (the first is on line ${first})`,
          message: `indicator ${id} is already defined on line ${first}`,
        });
        return;
      }
      lineOf.set(id, r.line);
      const info: IndicatorInfo = {};
      if (r.ok[K.unit] && r.cols[K.unit]) info.unit = v[K.unit] as Unit;
      if (r.ok[K.kind] && r.cols[K.kind]) info.kind = v[K.kind] as Kind;
      if (r.ok[K.allow_negative] && r.cols[K.allow_negative]) info.allowNegative = v[K.allow_negative] === 'true';
      index.set(id, info);
      if (ok) {
        rows.push({
          id,
          name_zh: v[K.name_zh]!,
          name_en: v[K.name_en]!,
          unit: v[K.unit] as Unit,
          kind: v[K.kind] as Kind,
          higher_is_better: v[K.higher_is_better] === 'true',
          additive: v[K.additive] === 'true',
          allow_negative: v[K.allow_negative] === 'true',
          decimals,
          visibility: v[K.visibility] as Indicator['visibility'],
          category: v[K.category]!,
          definition_zh: v[K.definition_zh]!,
          definition_en: v[K.definition_en]!,
          source: v[K.source]!,
        });
      }
    },
  });
  // Without its key column a table defines nothing, and every reference into it would fail.
  return columns?.has('id') ? { rows, index } : null;
}
