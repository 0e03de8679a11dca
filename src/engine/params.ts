import type { Cell, Params } from './types.ts';

/**
 * Rewrites `$name` placeholders to positional `$1..$n` and lists the values in that order.
 * DuckDB-WASM binds prepared-statement arguments by position only, so both engines bind the
 * same positional form and a query text runs unchanged in either.
 */
export function toPositional(sql: string, params: Params = {}): { sql: string; values: Cell[] } {
  const order: string[] = [];
  const text = sql.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`query parameter $${name} has no value`);
    let i = order.indexOf(name);
    if (i < 0) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  return { sql: text, values: order.map((n) => params[n] ?? null) };
}

/** Normalises a driver value to a Cell: BIGINT → number, dates → ISO text. */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
