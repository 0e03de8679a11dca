import path from 'node:path';
import { DuckDBInstance, type DuckDBPreparedStatement } from '@duckdb/node-api';
import type { Engine, Params, Row } from './types.ts';
import { toCell } from './params.ts';
import { REQUEST_TABLE_STATEMENTS, throughRequest } from './request.ts';
import { createTableStatements } from './tables.ts';

/** Prepared statements kept per SQL text; the site runs a few dozen texts thousands of times. */
const MAX_PREPARED = 64;

/** Opens an in-memory DuckDB over the public data directory written by the data build. */
export async function openNodeEngine(publicDataDir: string): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const statement of [...createTableStatements((file) => path.resolve(publicDataDir, file)), ...REQUEST_TABLE_STATEMENTS]) {
    await connection.run(statement);
  }
  // Most recently used last. Each text is prepared once (as in the WASM adapter): the values
  // come through the request table (./request.ts), so a prepared query is never planned again.
  const prepared = new Map<string, DuckDBPreparedStatement>();
  // One query at a time: a query is its request written, then read, and two callers must not
  // write the request between each other's write and read.
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
    const { sql: text, update, values } = throughRequest(sql, params);
    if (update) {
      const write = await statementFor(update);
      write.bind(values);
      await write.run();
    }
    const reader = await (await statementFor(text)).runAndReadAll();
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
