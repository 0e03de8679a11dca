/**
 * Every catalog entry runs with its example params, returns exactly its declared columns, only
 * plain types (what both engines turn into the same JSON) and the same rows twice.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_TABLE_STATEMENTS, throughRequest } from '../../src/engine/request.ts';
import { createTableStatements } from '../../src/engine/tables.ts';
import type { Engine } from '../../src/engine/types.ts';
import { queries, runQuery, type QueryDef } from '../../src/queries/index.ts';
import { BASIC, openBasic } from './helpers.ts';

const PLAIN = new Set(['VARCHAR', 'DOUBLE', 'INTEGER', 'BOOLEAN']);
const entries = Object.entries(queries) as unknown as [string, QueryDef<Record<string, unknown>, Record<string, unknown>>][];

let engine: Engine;
beforeAll(async () => {
  engine = await openBasic();
});
afterAll(async () => {
  await engine.close();
});

describe('query catalog', () => {
  it.each(entries)('%s: declared params are exactly the $names in its SQL', (_name, q) => {
    const used = new Set([...q.sql.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...q.params].sort());
    expect(Object.keys(q.example).sort()).toEqual([...q.params].sort());
  });

  it.each(entries)('%s: returns its declared columns, some rows, the same twice', async (_name, q) => {
    const a = await runQuery(engine, q, q.example);
    const b = await runQuery(engine, q, q.example);
    expect(a.length).toBeGreaterThan(0);
    expect(Object.keys(a[0]!)).toEqual([...q.columns]);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('result columns are VARCHAR, DOUBLE, INTEGER or BOOLEAN only', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    try {
      for (const s of [...createTableStatements((f) => path.join(BASIC, f)), ...REQUEST_TABLE_STATEMENTS]) await c.run(s);
      for (const [name, q] of entries) {
        const { sql, update, values } = throughRequest(q.sql, q.example as never);
        if (update) await c.run(update, values);
        const reader = await c.runAndReadAll(sql);
        const types = reader.columnTypes().map((t) => t.toString());
        const names = reader.columnNames();
        const bad = names.filter((_, i) => !PLAIN.has(types[i]!)).map((n) => `${n}: ${types[names.indexOf(n)]}`);
        expect(bad, name).toEqual([]);
      }
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });

  it('a missing parameter is refused before the query runs', async () => {
    await expect(runQuery(engine, queries.progress, { period: '2024', parent: '410000' } as never)).rejects.toThrow(/indicator/);
  });

  it('a malformed period gives no rows rather than an error', async () => {
    for (const period of ['2024-13', '24', '2024-6', 'x']) {
      expect(await runQuery(engine, queries.progress, { period, parent: '410000', indicator: 'retail_sales' })).toEqual([]);
    }
  });
});
