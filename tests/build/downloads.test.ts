/**
 * The public CSVs are both the downloads and the engines' tables: text that a spreadsheet would
 * run as a formula is refused by the validator, and every CSV starts with a UTF-8 byte-order
 * mark (Excel on Chinese Windows reads a file without one as GBK) that DuckDB for Node and
 * DuckDB-WASM both skip.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as duckdbWasm from '@duckdb/duckdb-wasm/blocking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';
import { openNodeEngine } from '../../src/engine/node.ts';
import { createTableStatements, PUBLIC_TABLES } from '../../src/engine/tables.ts';
import { codes, expectProblem, removeDataDirs, validate, withLine, withRows } from '../validate/fixture.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/minimal');
const OBS = 'observations/2025-06.csv';
let tmp: string;
let out: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'downloads-'));
  out = path.join(tmp, 'public');
  await buildData({ dataDir: fixture, outDir: out, now: new Date('2026-01-01T00:00:00Z') });
});
afterAll(async () => {
  await removeDataDirs();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('formula injection', () => {
  it('E_FORMULA_TEXT: text starting with =, +, -, @, a tab or a carriage return is refused at its field', async () => {
    const v = await validate(withLine(OBS, 7, '410308,fdi_actual,2025-06,1234,12,,"=HYPERLINK(""http://x"",""点击"")"'));
    const p = expectProblem(v, 'E_FORMULA_TEXT', OBS, 7, 7);
    expect(p.message).toBe('note "=HYPERLINK(\\"http://x\\",\\"点击\\")" starts with "=": a spreadsheet opening the download would run it as a formula');
    for (const text of ['+1 pp', '@SUM(A1)', '\tcmd', '"\rx"', '-x', '-']) {
      const r = await validate(withRows('releases.csv', `r-${text.length},2025-07-15T10:00:00+08:00,title,${text},`));
      expect(codes(r.report).filter((c) => c === 'E_FORMULA_TEXT'), JSON.stringify(text)).toHaveLength(1);
    }
  });

  it('a negative number in a text field, and numbers in number fields, are left alone', async () => {
    const v = await validate(withLine(OBS, 7, '410308,fdi_actual,2025-06,1234,-12.5,,-3.5'));
    expect(codes(v.report)).toEqual([]);
  });
});

describe('byte-order mark', () => {
  it('every public CSV starts with one, then the header', async () => {
    for (const t of PUBLIC_TABLES) {
      const bytes = await fs.readFile(path.join(out, t.file));
      expect([...bytes.subarray(0, 3)], t.file).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8').split('\n')[0], t.file).toBe(Object.keys(t.columns).join(','));
    }
  });

  it('DuckDB for Node reads the files with their mark as the same tables', async () => {
    const engine = await openNodeEngine(out);
    try {
      expect(await engine.query('SELECT code, name_en FROM jurisdictions ORDER BY code')).toEqual([
        { code: '100000', name_en: 'China' },
        { code: '110000', name_en: 'Beijing' },
        { code: '120000', name_en: 'Tianjin' },
      ]);
    } finally {
      await engine.close();
    }
  });

  it('DuckDB-WASM reads them too, with the statements the browser runs', async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
    const db = await duckdbWasm.createDuckDB(
      { mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') } },
      new duckdbWasm.VoidLogger(),
      duckdbWasm.NODE_RUNTIME,
    );
    await db.instantiate();
    for (const t of PUBLIC_TABLES) db.registerFileBuffer(t.file, await fs.readFile(path.join(out, t.file)));
    const c = db.connect();
    try {
      for (const statement of createTableStatements((file) => file)) c.query(statement);
      const rows = c.query('SELECT code, name_en FROM jurisdictions ORDER BY code').toArray().map((r) => ({ ...r.toJSON() }));
      expect(rows).toEqual([
        { code: '100000', name_en: 'China' },
        { code: '110000', name_en: 'Beijing' },
        { code: '120000', name_en: 'Tianjin' },
      ]);
      const obs = c.query("SELECT value FROM observations WHERE jurisdiction = '110000' AND period = '2024-06'").toArray();
      expect(obs.map((r) => r.toJSON().value)).toEqual([6510.1]);
    } finally {
      c.close();
      db.reset();
    }
  });
});
