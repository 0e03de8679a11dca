/**
 * Two audiences from one package, and the leak scan after every public build: an internal
 * indicator and a release embargoed until 2025-07-15T10:00:00+08:00, built 1 s before and 1 s
 * after that instant for the public and for the bureau (internal).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, type Audience, type BuildResult } from '../../src/build/build-data.ts';
import { buildSite, type SiteDirs } from '../../src/build/build-site.ts';
import { LeakFound, scanForLeaks } from '../../src/build/leak-scan.ts';
import { Document, Header, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const minimal = path.join(import.meta.dirname, 'fixtures/minimal');
const HEADER = 'jurisdiction,indicator,period,value,yoy_pct,flag,note';
const BEFORE = new Date('2025-07-15T09:59:59+08:00');
const AFTER = new Date('2025-07-15T10:00:01+08:00');
let tmp: string;
let pkg: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'audience-'));
  pkg = path.join(tmp, 'data');
  await fs.mkdir(path.join(pkg, 'observations'), { recursive: true });
  for (const f of ['jurisdictions.csv', 'indicators.csv']) await fs.copyFile(path.join(minimal, f), path.join(pkg, f));
  await fs.writeFile(
    path.join(pkg, 'releases.csv'),
    'id,published_at,title,source,notes\n2025-06,2025-06-15T10:00:00+08:00,2025年1-5月,test,\n2025-07,2025-07-15T10:00:00+08:00,2025年1-6月,test,\n',
  );
  await fs.writeFile(
    path.join(pkg, 'observations/2025-06.csv'),
    `${HEADER}\n110000,retail_sales,2025-05,5000.1,2.5,,\n110000,secret_metric,2025-05,12345.6,,,INTERNAL_CANARY\n`,
  );
  await fs.writeFile(path.join(pkg, 'observations/2025-07.csv'), `${HEADER}\n110000,retail_sales,2025-06,76543.2,3.3,,EMBARGO_CANARY\n`);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Every file of a directory as text; Parquet files read back through DuckDB. */
async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    out[path.relative(dir, full)] = e.name.endsWith('.parquet')
      ? JSON.stringify((await c.runAndReadAll(`SELECT * FROM read_parquet('${full}')`)).getRowObjectsJson())
      : await fs.readFile(full, 'utf8');
  }
  c.closeSync();
  db.closeSync();
  return out;
}

const has = (files: Record<string, string>, text: string) => Object.entries(files).filter(([, t]) => t.includes(text)).map(([f]) => f);

async function build(audience: Audience, now: Date, name: string): Promise<{ r: BuildResult; files: Record<string, string>; out: string }> {
  const out = path.join(tmp, name);
  const r = await buildData({ dataDir: pkg, outDir: out, now, audience });
  return { r, files: await contents(out), out };
}

describe('the public audience', () => {
  it('1 s before the instant: neither the internal indicator nor the embargoed release, in any file', async () => {
    const { files } = await build('public', BEFORE, 'public-before');
    expect(files['observations.csv']).toContain('5000.1');
    for (const text of ['secret_metric', '12345.6', 'INTERNAL_CANARY', '76543.2', 'EMBARGO_CANARY', '2025-07,']) expect(has(files, text), text).toEqual([]);
  });

  it('1 s after: the release is out, the internal indicator still is not', async () => {
    const { files } = await build('public', AFTER, 'public-after');
    expect(files['observations.csv']).toContain('76543.2');
    expect(files['releases.csv']).toContain('2025-07,');
    for (const text of ['secret_metric', '12345.6', 'INTERNAL_CANARY']) expect(has(files, text), text).toEqual([]);
  });

  it('the manifest says the audience, and nothing about what was withheld', async () => {
    const { files } = await build('public', BEFORE, 'public-manifest');
    const manifest = JSON.parse(files['manifest.json']!);
    expect(manifest.audience).toBe('public');
    expect(Object.keys(manifest).sort()).toEqual(['audience', 'data_as_of', 'data_version', 'dataset', 'files', 'row_counts']);
    expect(files['manifest.json']).not.toMatch(/embargo|internal|reconcil/i);
  });
});

describe('the internal audience', () => {
  it('1 s before the instant: internal indicators, but not the embargoed release', async () => {
    const { r, files } = await build('internal', BEFORE, 'internal-before');
    expect(files['observations.csv']).toContain('110000,secret_metric,2025-05,2025,5,12345.6');
    expect(files['indicators.csv']).toContain('secret_metric');
    for (const text of ['76543.2', 'EMBARGO_CANARY']) expect(has(files, text), text).toEqual([]);
    expect(JSON.parse(files['manifest.json']!).audience).toBe('internal');
    expect(r.withheld).toBeNull();
    expect(r.internalIndicators).toEqual([]);
  });

  it('1 s after: both', async () => {
    const { files } = await build('internal', AFTER, 'internal-after');
    expect(files['observations.csv']).toContain('76543.2');
    expect(files['observations.csv']).toContain('12345.6');
  });
});

describe('the leak scan', () => {
  it('finds a withheld row, its figure and an internal id planted in the public data (CSV and Parquet)', async () => {
    const { r, out } = await build('public', BEFORE, 'planted-data');
    await fs.appendFile(path.join(out, 'observations.csv'), '110000,retail_sales,2025-06,2025,6,76543.2,3.3,,,2025-07\n');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`COPY (SELECT 'secret_metric' AS id, 'x' AS name_zh) TO '${path.join(out, 'parquet/indicators.parquet')}' (FORMAT parquet)`);
    c.closeSync();
    db.closeSync();
    const leaks = await scanForLeaks(out, r.withheld!);
    expect(leaks).toEqual([
      { file: 'observations.csv', where: 'row 2', what: 'the withheld row 110000 retail_sales 2025-06 of release 2025-07 (embargoed)' },
      { file: 'observations.csv', where: 'row 2, column value', what: 'figure 76543.2 of 110000 retail_sales 2025-06 of release 2025-07 (embargoed)' },
      { file: 'observations.csv', where: 'row 2, column release', what: 'embargoed release 2025-07' },
      { file: 'parquet/indicators.parquet', where: 'row 1, column id', what: 'internal indicator secret_metric' },
    ]);
  });

  it('finds them in a page, a JS chunk and the sitemap as printed, and then nothing is published', async () => {
    await buildSite({ dataDir: pkg, publicDir: path.join(tmp, 'site-public'), outDir: path.join(tmp, 'site-dist'), now: BEFORE, siteStep: pages({}) });
    const before = await contents(path.join(tmp, 'site-dist'));
    const planted = pages({
      'en/index.html': '<table><tr><td data-indicator="retail_sales">7,654.32 billion yuan</td></tr></table>',
      'indicators/index.html': '<a href="/indicators/secret_metric/">内部</a><p>12,345.6亿元</p>',
      '_astro/chunk.js': 'const rows=[["110000",12345.6]];',
      'sitemap-0.xml': '<url><loc>https://x/indicators/secret_metric/</loc></url>',
    });
    const error = await buildSite({ dataDir: pkg, publicDir: path.join(tmp, 'site-public'), outDir: path.join(tmp, 'site-dist'), now: BEFORE, siteStep: planted }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeakFound);
    expect((error as LeakFound).leaks.map((l) => `${l.file} ${l.where}: ${l.what}`)).toEqual([
      '_astro/chunk.js line 1: figure 12345.6 of 110000 secret_metric 2025-05 of release 2025-06 (internal)',
      'en/index.html line 1: figure 7,654.32 of 110000 retail_sales 2025-06 of release 2025-07 (embargoed)',
      'indicators/index.html line 1: internal indicator secret_metric',
      'indicators/index.html line 1: figure 12,345.6 of 110000 secret_metric 2025-05 of release 2025-06 (internal)',
      'sitemap-0.xml line 1: internal indicator secret_metric',
    ]);
    expect((error as Error).message).toMatch(/^leak scan: 5 withheld item\(s\) in the site for .*site-dist, so nothing was published:\n {2}_astro\/chunk.js \(line 1\)/);
    expect(await contents(path.join(tmp, 'site-dist'))).toEqual(before);
  });

  it('opens a Word file (a circular) and finds a figure split across runs, an id in a cell and one in the header', async () => {
    const { r, out } = await build('public', BEFORE, 'planted-docx');
    const dir = path.join(out, 'circulars/100000/2025-05');
    await fs.mkdir(dir, { recursive: true });
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const leaky = new Document({
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('embargoed release 2025-07 is not an id here; this is:'), new Paragraph('secret_metric')] }) },
          children: [
            // Word keeps a figure in as many runs as it likes: 12,345 and .6 are one figure.
            new Paragraph({ children: [new TextRun('北京市零售额'), new TextRun('12,345'), new TextRun('.6亿元。')] }),
            new Table({ rows: [new TableRow({ children: [cell('北京市'), cell('76543.2'), cell('5,000.1')] })] }),
          ],
        },
      ],
    });
    await fs.writeFile(path.join(dir, 'circular-100000-2025-05.docx'), await Packer.toBuffer(leaky));
    // Public words, and a public figure, in a Word file of their own: nothing.
    const quiet = new Document({ sections: [{ children: [new Paragraph('secret_metric 一词出现在正文中；5,000.1亿元是公开数字。')] }] });
    await fs.writeFile(path.join(dir, 'circular-quiet.docx'), await Packer.toBuffer(quiet));
    await fs.writeFile(path.join(dir, 'broken.docx'), 'not a zip');
    const leaks = (await scanForLeaks(out, r.withheld!)).map((l) => `${l.file} ${l.where}: ${l.what}`);
    expect(leaks).toEqual([
      'circulars/100000/2025-05/broken.docx the file: not a readable Word file, so it could not be scanned (invalid zip data)',
      'circulars/100000/2025-05/circular-100000-2025-05.docx word/document.xml paragraph 1: figure 12,345.6 of 110000 secret_metric 2025-05 of release 2025-06 (internal)',
      'circulars/100000/2025-05/circular-100000-2025-05.docx word/document.xml paragraph 3: figure 76543.2 of 110000 retail_sales 2025-06 of release 2025-07 (embargoed)',
      'circulars/100000/2025-05/circular-100000-2025-05.docx word/header1.xml paragraph 2: internal indicator secret_metric',
    ]);
  });

  it('does not take SVG geometry, prose or a public figure for a leak', async () => {
    const { r, out } = await build('public', BEFORE, 'quiet');
    const dir = path.join(out, 'pages');
    await fs.mkdir(dir);
    await fs.writeFile(
      path.join(dir, 'index.html'),
      '<svg><path d="M12345.6,76543.2L1,2"/></svg><p>The secret_metric word in prose; 2025-07 as a period; 5,000.1亿元 is public.</p>',
    );
    expect(await scanForLeaks(out, r.withheld!)).toEqual([]);
  });
});

/** A site step that copies the public dir (as Astro does) and writes the given pages. */
function pages(files: Record<string, string>) {
  return async (dirs: SiteDirs) => {
    await fs.cp(dirs.publicDir, dirs.outDir, { recursive: true });
    for (const [file, text] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(dirs.outDir, file)), { recursive: true });
      await fs.writeFile(path.join(dirs.outDir, file), text);
    }
  };
}
