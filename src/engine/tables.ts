/**
 * The public data files the engines read, and their DuckDB column types. Both engines
 * (DuckDB for Node at build time, DuckDB-WASM in the browser) create their tables from these
 * same typed CSV files with the same statements, so a query sees identical tables in both.
 * CSV, not Parquet: the browser's DuckDB-WASM has no Parquet reader without the network.
 */
import { OBS_VALUE } from '../queries/fragments.ts';

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
    columns: { id: 'VARCHAR', published_at: 'VARCHAR', title: 'VARCHAR', title_en: 'VARCHAR', source: 'VARCHAR', notes: 'VARCHAR' },
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
    // value_max: the upper bound of a 区间 target. band_pp: for a 左右 target, how far short of
    // it (in the verdict's points) still counts as about on target; from dataset.json.
    columns: {
      jurisdiction: 'VARCHAR', indicator: 'VARCHAR', year: 'INTEGER', type: 'VARCHAR', value: 'DOUBLE', value_max: 'DOUBLE',
      qualifier: 'VARCHAR', band_pp: 'DOUBLE', source: 'VARCHAR', note: 'VARCHAR',
    },
  },
  {
    name: 'exchange_rates',
    file: 'exchange_rates.csv',
    columns: { year: 'INTEGER', currency: 'VARCHAR', cny_per_unit: 'DOUBLE', source: 'VARCHAR' },
  },
  {
    name: 'projects',
    file: 'projects.csv',
    // The investment projects ledger: one row per project and month (period YYYY-MM, year and
    // month derived from it), amounts in their own unit, visibility resolved (empty → by stage),
    // release = the file the row came from. Header only when the package has no ledger. The
    // public build holds the public rows of published releases only.
    columns: {
      project: 'VARCHAR', period: 'VARCHAR', year: 'INTEGER', month: 'INTEGER', name_zh: 'VARCHAR', name_en: 'VARCHAR',
      jurisdiction: 'VARCHAR', sector: 'VARCHAR', origin: 'VARCHAR', stage: 'VARCHAR', amount: 'DOUBLE', funds_arrived: 'DOUBLE',
      unit: 'VARCHAR', signed_on: 'DATE', planned_start_on: 'DATE', started_on: 'DATE', visibility: 'VARCHAR', stage_note: 'VARCHAR',
      source: 'VARCHAR', note: 'VARCHAR', release: 'VARCHAR',
    },
  },
];

/**
 * The tables the query catalog reads, which is what the browser loads: every earlier vintage
 * (observation_vintages, about half of the public CSV bytes) is there for downloads only.
 */
export const CATALOG_TABLES: readonly string[] = PUBLIC_TABLES.map((t) => t.name).filter((n) => n !== 'observation_vintages');

/**
 * What a browser view loads unless it names its tables (src/client/engine.ts): the catalog's
 * but the projects ledger, which only the project queries read (projectRates, projectFunnel,
 * projectLedger) and which was a sixth of the demo's data on every first re-render. A view
 * running those queries names its tables (CATALOG_TABLES). Node loads every table.
 */
export const VIEW_TABLES: readonly string[] = CATALOG_TABLES.filter((n) => n !== 'projects');

/**
 * One indicator's observations: the rows of observations.csv for that indicator, in the same
 * columns and order. A view of one indicator loads its own file instead of every indicator's
 * (observations.csv stays: the download, and what a view of every indicator loads).
 */
export const observationsFileOf = (indicator: string): string => `observations/${indicator}.csv`;

/**
 * The files a table is read from: its own, or for observations limited to `indicators` (each
 * an indicator id) those indicators' files, which together hold exactly their rows of
 * observations.csv in the same order, so the table and what is derived from it are the same
 * for those indicators.
 */
export function tableFiles(table: PublicTable, indicators?: readonly string[]): string[] {
  return table.name === 'observations' && indicators ? indicators.map(observationsFileOf) : [table.file];
}

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * Tables each engine derives from the public ones right after loading them, with the same
 * statement in both engines, so they are as identical as their sources. Each one summarises a
 * whole table that a catalog query would otherwise scan on every call: at a million
 * observations the scan, not the answer, was the cost.
 */
export interface DerivedTable {
  name: string;
  /** Public tables it is computed from; it exists only where all of them are loaded. */
  from: readonly string[];
  select: string;
}

export const DERIVED_TABLES: readonly DerivedTable[] = [
  {
    // Observations and those with a usable value, per indicator and period: what `periods` and
    // `latest` report (src/queries/series.ts).
    name: 'observation_periods',
    from: ['observations'],
    select: `SELECT o.indicator, o.year, o.month, CAST(count(*) AS INTEGER) AS n,
  CAST(count(${OBS_VALUE}) AS INTEGER) AS n_ok
FROM observations o
GROUP BY o.indicator, o.year, o.month
ORDER BY o.indicator, o.year, o.month NULLS LAST`,
  },
];

/**
 * CREATE TABLE statements reading each public CSV (`only`: these tables; default all; the
 * observations of `indicators` only, default all), then those deriving DERIVED_TABLES from
 * them. `locate` maps a file name to what read_csv opens.
 */
export function createTableStatements(locate: (file: string) => string, only?: readonly string[], indicators?: readonly string[]): string[] {
  const loaded = PUBLIC_TABLES.filter((t) => !only || only.includes(t.name));
  return [
    ...publicTableStatements(locate, loaded, indicators),
    ...derivedTableStatements(loaded.map((t) => t.name)).map((d) => d.statement),
  ];
}

/** The CREATE TABLE statements of `tables` from their CSV files (see createTableStatements). */
export function publicTableStatements(locate: (file: string) => string, tables: readonly PublicTable[], indicators?: readonly string[]): string[] {
  return tables.map((t) => {
    const cols = Object.entries(t.columns).map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`).join(', ');
    const files = tableFiles(t, indicators).map((f) => sqlString(locate(f)));
    return (
      `CREATE OR REPLACE TABLE ${t.name} AS SELECT * FROM read_csv(${files.length === 1 ? files[0] : `[${files.join(', ')}]`}, ` +
      `header = true, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${cols}})`
    );
  });
}

/** The derived tables that can be made from the `loaded` public tables, each with its CREATE TABLE statement. */
export function derivedTableStatements(loaded: readonly string[]): { name: string; statement: string }[] {
  return DERIVED_TABLES.filter((d) => d.from.every((f) => loaded.includes(f))).map((d) => ({ name: d.name, statement: `CREATE OR REPLACE TABLE ${d.name} AS ${d.select}` }));
}
