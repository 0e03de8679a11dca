import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Engine, Params, Row } from './types.ts';
import { toCell, toPositional } from './params.ts';
import { createTableStatements } from './tables.ts';

/** Opens an in-memory DuckDB over the public data directory written by the data build. */
export async function openNodeEngine(publicDataDir: string): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const statement of createTableStatements((file) => path.resolve(publicDataDir, file))) {
    await connection.run(statement);
  }
  return {
    async query(sql: string, params?: Params): Promise<Row[]> {
      const { sql: text, values } = toPositional(sql, params);
      const reader = await connection.runAndReadAll(text, values);
      return reader.getRowObjectsJS().map((r) => {
        const row: Row = {};
        for (const [k, v] of Object.entries(r)) row[k] = toCell(v);
        return row;
      });
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
