/** A plain value as both engines return it after normalisation: JSON-safe and comparable. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
export type Params = Readonly<Record<string, string | number | boolean | null>>;

/**
 * One interface over DuckDB for Node (build time) and DuckDB-WASM (browser). Queries use
 * named parameters ($name); values are always bound, never spliced into the SQL text.
 */
export interface Engine {
  query(sql: string, params?: Params): Promise<Row[]>;
  close(): Promise<void>;
}
