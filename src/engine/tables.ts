/**
 * The public data files the engines read, and their DuckDB column types. Both engines
 * (DuckDB for Node at build time, DuckDB-WASM in the browser) create their tables from these
 * same typed CSV files with the same statements, so a query sees identical tables in both.
 * CSV, not Parquet: the browser's DuckDB-WASM has no Parquet reader without the network.
 */

export interface PublicTable {
  /** Table name inside DuckDB. */
  name: string;
  /** File name inside the public data directory. */
  file: string;
  /** Column name → DuckDB type, in file order. */
  columns: Readonly<Record<string, string>>;
}

export const PUBLIC_TABLES: readonly PublicTable[] = [
  {
    name: 'jurisdictions',
    file: 'jurisdictions.csv',
    columns: { code: 'VARCHAR', parent: 'VARCHAR', level: 'VARCHAR', name_zh: 'VARCHAR', name_en: 'VARCHAR', valid_from: 'DATE', valid_to: 'DATE' },
  },
  {
    name: 'indicators',
    file: 'indicators.csv',
    columns: {
      id: 'VARCHAR', name_zh: 'VARCHAR', name_en: 'VARCHAR', unit: 'VARCHAR', kind: 'VARCHAR',
      higher_is_better: 'BOOLEAN', additive: 'BOOLEAN', allow_negative: 'BOOLEAN', decimals: 'INTEGER',
      category: 'VARCHAR', definition_zh: 'VARCHAR', definition_en: 'VARCHAR', source: 'VARCHAR',
    },
  },
  {
    name: 'releases',
    file: 'releases.csv',
    // published_at stays text (UTC, ISO 8601 with Z): the wasm build has no time-zone support.
    columns: { id: 'VARCHAR', published_at: 'VARCHAR', title: 'VARCHAR', source: 'VARCHAR', notes: 'VARCHAR' },
  },
  {
    name: 'observations',
    file: 'observations.csv',
    // The latest public vintage of every (jurisdiction, indicator, period). year and month are
    // derived from period; month is NULL for an annual figure.
    columns: {
      jurisdiction: 'VARCHAR', indicator: 'VARCHAR', period: 'VARCHAR', year: 'INTEGER', month: 'INTEGER',
      value: 'DOUBLE', yoy_pct: 'DOUBLE', flag: 'VARCHAR', note: 'VARCHAR', release: 'VARCHAR',
    },
  },
  {
    name: 'observation_vintages',
    file: 'observation_vintages.csv',
    // Every public vintage; vintage 1 is the first publication of a key.
    columns: {
      jurisdiction: 'VARCHAR', indicator: 'VARCHAR', period: 'VARCHAR', year: 'INTEGER', month: 'INTEGER',
      value: 'DOUBLE', yoy_pct: 'DOUBLE', flag: 'VARCHAR', note: 'VARCHAR', release: 'VARCHAR',
      vintage: 'INTEGER', is_latest: 'BOOLEAN',
    },
  },
  {
    name: 'targets',
    file: 'targets.csv',
    columns: {
      jurisdiction: 'VARCHAR', indicator: 'VARCHAR', year: 'INTEGER', type: 'VARCHAR', value: 'DOUBLE',
      qualifier: 'VARCHAR', source: 'VARCHAR', note: 'VARCHAR',
    },
  },
  {
    name: 'exchange_rates',
    file: 'exchange_rates.csv',
    columns: { year: 'INTEGER', currency: 'VARCHAR', cny_per_unit: 'DOUBLE', source: 'VARCHAR' },
  },
];

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** CREATE TABLE statements reading each public CSV; `locate` maps a file name to what read_csv opens. */
export function createTableStatements(locate: (file: string) => string): string[] {
  return PUBLIC_TABLES.map((t) => {
    const cols = Object.entries(t.columns).map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`).join(', ');
    return (
      `CREATE OR REPLACE TABLE ${t.name} AS SELECT * FROM read_csv(${sqlString(locate(t.file))}, ` +
      `header = true, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${cols}})`
    );
  });
}
