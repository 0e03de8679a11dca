import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildData, PublishRefused, ValidationFailed } from '../../src/build/build-data.ts';

const fixture = path.join(import.meta.dirname, 'fixtures/minimal');
const now = new Date('2026-01-01T00:00:00Z');
let tmp: string;

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out.sort();
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'build-data-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('buildData', () => {
  it('reconciles rows read with rows published, superseded, embargoed and internal', async () => {
    const r = await buildData({ dataDir: fixture, outDir: path.join(tmp, 'a'), now });
    expect(r.reconciliation).toEqual({ read: 7, published: 4, superseded: 1, embargoed: 1, internal: 1 });
    expect(r.embargoedReleases).toEqual(['2099-01']);
    expect(r.internalIndicators).toEqual(['secret_metric']);
  });

  it('publishes the latest vintage and keeps every earlier one', async () => {
    const out = path.join(tmp, 'v');
    await buildData({ dataDir: fixture, outDir: out, now });
    const latest = await fs.readFile(path.join(out, 'observations.csv'), 'utf8');
    expect(latest).toContain('110000,retail_sales,2024-06,2024,6,6510.1,-1.1,r,revised,2024-07');
    expect(latest).not.toContain('6500.5');
    const all = await fs.readFile(path.join(out, 'observation_vintages.csv'), 'utf8');
    expect(all).toContain('110000,retail_sales,2024-06,2024,6,6500.5,-1.2,p,,2024-06,1,false');
    expect(all).toContain('110000,retail_sales,2024-06,2024,6,6510.1,-1.1,r,revised,2024-07,2,true');
    // Suppressed stays suppressed: an empty value with its flag, never 0.
    expect(latest).toContain('120000,retail_sales,2024-06,2024,6,,,c,,2024-06');
  });

  it('builds the same bytes twice', async () => {
    const a = path.join(tmp, 'det-a');
    const b = path.join(tmp, 'det-b');
    await buildData({ dataDir: fixture, outDir: a, now });
    await buildData({ dataDir: fixture, outDir: b, now });
    const fa = await listFiles(a);
    const fb = await listFiles(b);
    expect(fa.map((f) => path.relative(a, f))).toEqual(fb.map((f) => path.relative(b, f)));
    for (let i = 0; i < fa.length; i++) {
      expect(Buffer.compare(await fs.readFile(fa[i]!), await fs.readFile(fb[i]!)), path.relative(a, fa[i]!)).toBe(0);
    }
  });

  it('leaves an embargoed release and an internal indicator out of every public file', async () => {
    const out = path.join(tmp, 'pub');
    await buildData({ dataDir: fixture, outDir: out, now });
    const files = await listFiles(out);
    expect(files.some((f) => f.endsWith('.parquet'))).toBe(true);
    const forbidden = ['EMBARGO_CANARY', 'secret_metric', '2099-01', '99999', '内部指标'];
    for (const f of files.filter((f) => !f.endsWith('.parquet'))) {
      const text = await fs.readFile(f, 'utf8');
      for (const word of forbidden) expect(text.includes(word), `${word} in ${f}`).toBe(false);
    }
    // Parquet is compressed: read it back and search every cell.
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    for (const f of files.filter((f) => f.endsWith('.parquet'))) {
      const rows = (await c.runAndReadAll(`SELECT * FROM read_parquet('${f}')`)).getRowObjectsJson();
      const text = JSON.stringify(rows);
      for (const word of forbidden) expect(text.includes(word), `${word} in ${f}`).toBe(false);
    }
    c.closeSync();
    db.closeSync();
  });

  it('a later embargo lift publishes the release', async () => {
    const r = await buildData({ dataDir: fixture, outDir: path.join(tmp, 'future'), now: new Date('2100-01-01T00:00:00Z') });
    expect(r.reconciliation.embargoed).toBe(0);
    expect(r.reconciliation.published).toBe(5);
  });

  it('a failed build leaves the published directory untouched', async () => {
    const out = path.join(tmp, 'keep');
    await buildData({ dataDir: fixture, outDir: out, now });
    const before = await fs.readFile(path.join(out, 'manifest.json'));
    const broken = path.join(tmp, 'broken');
    await fs.cp(fixture, broken, { recursive: true });
    await fs.rm(path.join(broken, 'observations'), { recursive: true });
    await expect(buildData({ dataDir: broken, outDir: out, now })).rejects.toThrow();
    expect(Buffer.compare(await fs.readFile(path.join(out, 'manifest.json')), before)).toBe(0);
    expect((await fs.readdir(tmp)).filter((n) => n.includes('.staging-'))).toEqual([]);
  });

  it('refuses to publish when every release is still embargoed, and keeps what was published', async () => {
    const out = path.join(tmp, 'all-embargoed');
    await buildData({ dataDir: fixture, outDir: out, now });
    const before = await fs.readFile(path.join(out, 'manifest.json'));
    const error = await buildData({ dataDir: fixture, outDir: out, now: new Date('2024-07-15T01:59:59Z') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishRefused);
    expect((error as Error).message).toMatch(/^nothing to publish: of 7 figures read, 6 are embargoed at 2024-07-15T01:59:59.000Z and 1 internal/);
    expect(Buffer.compare(await fs.readFile(path.join(out, 'manifest.json')), before)).toBe(0);
  });

  it('refuses a package the validator rejects, and publishes nothing', async () => {
    const out = path.join(tmp, 'refused');
    await buildData({ dataDir: fixture, outDir: out, now });
    const before = await fs.readFile(path.join(out, 'observations.csv'));
    const bad = path.join(tmp, 'bad-number');
    await fs.cp(fixture, bad, { recursive: true });
    const file = path.join(bad, 'observations/2024-07.csv');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('7600.2', '"7,600.2"'));
    const error = await buildData({ dataDir: bad, outDir: out, now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    const problem = (error as ValidationFailed).report.errors[0]!;
    expect(problem.code).toBe('E_NUMBER_FORMAT');
    expect(problem.file).toContain('2024-07.csv');
    expect(problem.line).toBe(3);
    expect(Buffer.compare(await fs.readFile(path.join(out, 'observations.csv')), before)).toBe(0);
  });

  it('describes every public file in datapackage.json and manifest.json', async () => {
    const out = path.join(tmp, 'meta');
    await buildData({ dataDir: fixture, outDir: out, now });
    const dp = JSON.parse(await fs.readFile(path.join(out, 'datapackage.json'), 'utf8'));
    const paths = dp.resources.map((r: { path: string }) => r.path);
    expect(paths).toContain('observations.csv');
    expect(paths).toContain('parquet/observations.parquet');
    const obs = dp.resources.find((r: { name: string }) => r.name === 'observations');
    expect(obs.schema.fields.map((f: { name: string }) => f.name)).toEqual(
      (await fs.readFile(path.join(out, 'observations.csv'), 'utf8')).replace(/^\uFEFF/, '').split('\n')[0]!.split(','),
    );
    // each public file is described as what it holds, not in the words of the package's files
    // ('The figures of one release. Exactly these columns.'): observations.csv is the latest
    // vintage across releases, typed, with columns the package's files have not
    const described = (name: string) => dp.resources.find((r: { name: string }) => r.name === name).description as string;
    expect(described('observations')).toMatch(/^The figures the site shows: the latest published vintage of every jurisdiction, indicator and period/);
    expect(described('observations')).toMatch(/Typed .*year and month derived from period and the release that published the figure/);
    expect(described('observations')).toMatch(/Internal indicators are left out\.$/);
    expect(described('observations')).not.toContain('projects ledger'); // this package keeps none
    expect(described('observations_parquet')).toBe(described('observations'));
    expect(described('observation_vintages')).toMatch(/^Every vintage of the figures in observations: vintage 1 is a figure’s first publication/);
    expect(described('releases')).toMatch(/^The releases whose embargo had passed when the data was built.*A release still under embargo is left out\.$/);
    const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.data_version).toMatch(/^[0-9a-f]{16}$/);
    expect(manifest.data_as_of).toBe('2024-08-15T02:00:00Z');
    expect(manifest.row_counts.observations).toBe(4);
  });
});

describe('npm run build:data', () => {
  it('says when the data package directory does not exist, without a stack trace, and writes nothing', async () => {
    const out = path.join(tmp ?? os.tmpdir(), 'cli-out');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', path.join(os.tmpdir(), 'no-such-package'), '--out', out], {
      cwd: path.join(import.meta.dirname, '../..'),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-package is not a directory; give the data package directory/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});
