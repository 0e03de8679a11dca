/**
 * How a query's parameters reach DuckDB, the same way in both engines.
 *
 * DuckDB plans a prepared statement again on every execution when it has parameters (their
 * values may change the best plan), and for the catalog's longer queries planning costs as
 * much as running them. So no value is bound to the query itself: a short statement writes the
 * values into the one-row temporary table `request`, and the query reads them from there, each
 * `$name` becoming a scalar subquery such as `(SELECT text1 FROM request)`. The query text then
 * has no parameters: it is prepared once and never planned again. DuckDB still prunes a scan on
 * `column = (SELECT … FROM request)` (checked: as fast as a constant at a million rows).
 *
 * Values never enter the SQL text, with one exception: a NULL value is written as the literal
 * NULL, so that a filter like `($indicator IS NULL OR o.indicator = $indicator)` folds away when
 * the statement is planned (with a subquery there, DuckDB would test every row). The query text
 * therefore depends on which values are NULL and on their types; each variant is prepared once.
 */
import type { Cell, Params } from './types.ts';

/** Values of one type a query may have (the catalog uses at most four parameters). */
export const REQUEST_SLOTS = 8;

type Kind = 'text' | 'int' | 'bigint' | 'double' | 'bool';

/** Each kind's column type: what @duckdb/node-api gives a bound JS value of that kind. */
const COLUMN_TYPE: Record<Kind, string> = { text: 'VARCHAR', int: 'INTEGER', bigint: 'BIGINT', double: 'DOUBLE', bool: 'BOOLEAN' };

const KINDS = Object.keys(COLUMN_TYPE) as Kind[];

/** Run once when an engine opens, before any query. */
export const REQUEST_TABLE_STATEMENTS: readonly string[] = [
  `CREATE TEMP TABLE request (${KINDS.flatMap((k) =>
    Array.from({ length: REQUEST_SLOTS }, (_, i) => `${k}${i + 1} ${COLUMN_TYPE[k]}`),
  ).join(', ')})`,
  'INSERT INTO request DEFAULT VALUES',
];

export interface RequestQuery {
  /** The query, reading its values from `request`. */
  sql: string;
  /** The parameterised UPDATE that writes `values` into `request`; null when there are none. */
  update: string | null;
  values: Cell[];
}

function kindOf(name: string, v: Exclude<Cell, null>): Kind {
  if (typeof v === 'string') return 'text';
  if (typeof v === 'boolean') return 'bool';
  // DuckDB-WASM passes values to the worker as JSON, which has no NaN or Infinity.
  if (!Number.isFinite(v)) throw new Error(`query parameter $${name} = ${v} cannot be passed to DuckDB (only finite numbers)`);
  if (!Number.isInteger(v)) return 'double';
  return v >= -2_147_483_648 && v <= 2_147_483_647 ? 'int' : 'bigint';
}

/** Rewrites `$name` placeholders to read `request` (or NULL), and says how to fill it. */
export function throughRequest(sql: string, params: Params = {}): RequestQuery {
  const column = new Map<string, string>();
  const used: Record<Kind, number> = { text: 0, int: 0, bigint: 0, double: 0, bool: 0 };
  const columns: string[] = [];
  const values: Cell[] = [];
  const text = sql.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`query parameter $${name} has no value`);
    const v = params[name] ?? null;
    if (v === null) return 'NULL';
    let col = column.get(name);
    if (!col) {
      const kind = kindOf(name, v);
      if (used[kind] === REQUEST_SLOTS) throw new Error(`a query may have at most ${REQUEST_SLOTS} parameters of type ${COLUMN_TYPE[kind]}`);
      col = `${kind}${++used[kind]}`;
      column.set(name, col);
      columns.push(col);
      values.push(v);
    }
    return `(SELECT ${col} FROM request)`;
  });
  const update = columns.length ? `UPDATE request SET ${columns.map((c, i) => `${c} = $${i + 1}`).join(', ')}` : null;
  return { sql: text, update, values };
}
