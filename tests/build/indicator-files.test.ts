/**
 * The observations split per indicator: one file for each published indicator, which together
 * hold exactly the rows of observations.csv in its order, so an engine that loads only some
 * indicators' files has the same observations (and derived tables) for them as one that
 * loads observations.csv.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';
import { createTableStatements, DERIVED_TABLES, observationsFileOf, PUBLIC_TABLES } from '../../src/engine/tables.ts';

const repo = path.join(import.meta.dirname, '../..');
const now = new Date('2026-01-01T00:00:00Z');
let tmp: string;
let demo: string;
let minimal: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'indicator-files-'));
  demo = path.join(tmp, 'demo');
  await buildData({ dataDir: path.join(repo, 'examples/henan-demo'), outDir: demo, now });
  // The minimal package with a published indicator that has no figures at all.
  const pkg = path.join(tmp, 'minimal-package');
  await fs.cp(path.join(repo, 'tests/build/fixtures/minimal'), pkg, { recursive: true });
  await fs.appendFile(path.join(pkg, 'indicators.csv'), 'no_figures,无数据指标,No figures,亿元,ytd_flow,true,true,false,1,public,consumption,,,\n');
  minimal = path.join(tmp, 'minimal');
  await buildData({ dataDir: pkg, outDir: minimal, now });
}, 120_000);
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const lines = async (file: string) => (await fs.readFile(file, 'utf8')).split('\n').filter((l) => l !== '');

async function publishedIndicators(dir: string): Promise<string[]> {
  return (await lines(path.join(dir, 'indicators.csv'))).slice(1).map((l) => l.split(',')[0]!).sort();
}

describe('observations per indicator', () => {
  it('one file per published indicator, with the header and mark of observations.csv, whose rows they are in order', async () => {
    const ids = await publishedIndicators(demo);
    expect(ids.length).toBeGreaterThan(3);
    const files = (await fs.readdir(path.join(demo, 'observations'))).sort();
    expect(files).toEqual(ids.map((id) => path.basename(observationsFileOf(id))).sort());
    const [header, ...all] = await lines(path.join(demo, 'observations.csv'));
    const concatenated: string[] = [];
    for (const id of ids) {
      const [own, ...rows] = await lines(path.join(demo, observationsFileOf(id)));
      expect(own, id).toBe(header);
      expect(rows.length, id).toBeGreaterThan(0);
      expect(rows.every((r) => r.split(',')[1] === id), id).toBe(true);
      concatenated.push(...rows);
    }
    // observations.csv is ordered by indicator first, so its rows are the files' one after another.
    expect(concatenated).toEqual(all);
  });

  it('an indicator without figures gets a file with the header only; an internal one gets none', async () => {
    expect(await lines(path.join(minimal, observationsFileOf('no_figures')))).toEqual([(await lines(path.join(minimal, 'observations.csv')))[0]]);
    expect(await fs.readdir(path.join(minimal, 'observations'))).toEqual(['no_figures.csv', 'retail_sales.csv']);
  });

  it('the manifest lists them with their hashes, so the data version covers them', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(demo, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    const ids = await publishedIndicators(demo);
    for (const id of ids) expect(manifest.files.map((f) => f.path)).toContain(observationsFileOf(id));
  });

  it('tables loaded from some indicators\' files equal those of observations.csv for them, derived tables too', async () => {
    const ids = await publishedIndicators(demo);
    const some = [ids[0]!, ids[ids.length - 1]!];
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    try {
      const read = async (statements: string[]) => {
        for (const s of statements) await c.run(s);
        const out: Record<string, unknown[]> = {};
        const inList = some.map((id) => `'${id}'`).join(', ');
        // No ORDER BY: the rows' physical order is part of what must match.
        out.observations = (await c.runAndReadAll(`SELECT * FROM observations WHERE indicator IN (${inList})`)).getRowsJS();
        for (const d of DERIVED_TABLES) out[d.name] = (await c.runAndReadAll(`SELECT * FROM ${d.name} WHERE indicator IN (${inList})`)).getRowsJS();
        out.count = (await c.runAndReadAll('SELECT count(DISTINCT indicator) FROM observations')).getRowsJS();
        return out;
      };
      const tables = PUBLIC_TABLES.map((t) => t.name);
      const whole = await read(createTableStatements((f) => path.join(demo, f), tables));
      const split = await read(createTableStatements((f) => path.join(demo, f), tables, some));
      expect(whole.observations!.length).toBeGreaterThan(100);
      expect(split.observations).toEqual(whole.observations);
      for (const d of DERIVED_TABLES) expect(split[d.name], d.name).toEqual(whole[d.name]);
      expect(split.count).toEqual([[2n]]);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});
