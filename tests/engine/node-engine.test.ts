import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.ts';
import { queries, runQuery } from '../../src/queries/index.ts';
import { openBasic } from '../queries/helpers.ts';

// The Node adapter keeps one prepared statement per SQL text and binds it per call, so calls
// that overlap (the site's pages render concurrently) must not see each other's parameters.
describe('Node engine', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openBasic();
  });
  afterAll(() => engine.close());

  it('gives overlapping calls of one statement their own parameters', async () => {
    const periods = ['2023-06', '2024-06', '2024-03', '2023', '2024', '2023-12'];
    const one = (period: string) => runQuery(engine, queries.progress, { period, parent: '410000', indicator: null });
    const sequential = [];
    for (const p of periods) sequential.push(await one(p));
    const overlapping = await Promise.all([...periods, ...periods].map(one));
    expect(overlapping).toEqual([...sequential, ...sequential]);
    expect(new Set(sequential.map((rows) => JSON.stringify(rows))).size).toBeGreaterThan(2);
    const echoed = await Promise.all(Array.from({ length: 50 }, (_, i) => engine.query('SELECT CAST($v AS VARCHAR) AS v', { v: `p${i}` })));
    expect(echoed).toEqual(Array.from({ length: 50 }, (_, i) => [{ v: `p${i}` }]));
  });

  it('keeps working after a failed query', async () => {
    await expect(engine.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    await expect(engine.query('SELECT CAST($x AS INTEGER) + 1 AS y', { x: 1 })).resolves.toEqual([{ y: 2 }]);
  });

  it('evicts old statements without losing results', async () => {
    for (let i = 0; i < 80; i++) {
      expect(await engine.query(`SELECT ${i} + CAST($x AS INTEGER) AS y`, { x: i })).toEqual([{ y: 2 * i }]);
    }
    expect(await engine.query('SELECT 0 + CAST($x AS INTEGER) AS y', { x: 5 })).toEqual([{ y: 5 }]);
  });
});
