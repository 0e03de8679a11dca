import path from 'node:path';
import { DuckDBInstance, type DuckDBPreparedStatement } from '@duckdb/node-api';
import type { Engine, Params, Row } from './types.ts';
import { toCell, toPositional } from './params.ts';
import { createTableStatements } from './tables.ts';

/** Prepared statements kept per SQL text; the site runs a few dozen texts thousands of times. */
const MAX_PREPARED = 64;

/** Opens an in-memory DuckDB over the public data directory written by the data build. */
export async function openNodeEngine(publicDataDir: string): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const statement of createTableStatements((file) => path.resolve(publicDataDir, file))) {
    await connection.run(statement);
  }
  // Most recently used last. Preparing the longer catalog queries costs as much as running
  // them at demo scale, so each text is prepared once (as the WASM adapter does).
  const prepared = new Map<string, DuckDBPreparedStatement>();
  // One query at a time: a cached statement is bound and then run, and two callers must not
  // bind the same statement between each other's bind and run.
  let queue: Promise<unknown> = Promise.resolve();

  async function statementFor(text: string): Promise<DuckDBPreparedStatement> {
    let statement = prepared.get(text);
    if (statement) prepared.delete(text);
    else {
      statement = await connection.prepare(text);
      if (prepared.size >= MAX_PREPARED) {
        const [oldest, evicted] = prepared.entries().next().value!;
        prepared.delete(oldest);
        evicted.destroySync();
      }
    }
    prepared.set(text, statement);
    return statement;
  }

  async function run(sql: string, params?: Params): Promise<Row[]> {
    const { sql: text, values } = toPositional(sql, params);
    const statement = await statementFor(text);
    statement.bind(values);
    const reader = await statement.runAndReadAll();
    // Column by column: building a row object per row through the reader costs ten times more.
    const names = reader.columnNames();
    const columns = reader.getColumnsJS();
    const rows: Row[] = Array.from({ length: reader.currentRowCount }, () => ({}));
    names.forEach((name, c) => {
      const values = columns[c]!;
      for (let r = 0; r < rows.length; r++) rows[r]![name] = toCell(values[r]);
    });
    return rows;
  }

  return {
    query(sql: string, params?: Params): Promise<Row[]> {
      const result = queue.then(() => run(sql, params));
      queue = result.catch(() => {});
      return result;
    },
    async close() {
      await queue;
      for (const statement of prepared.values()) statement.destroySync();
      prepared.clear();
      connection.closeSync();
      instance.closeSync();
    },
  };
}
