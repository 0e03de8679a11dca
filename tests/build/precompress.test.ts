/**
 * Precompressed copies beside a built site's scripts, wasm and data, and the test server that
 * sends them as a production server configured by the README would.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrecompressed, precompressSite, type PrecompressedFile } from '../../src/build/precompress.ts';
import { acceptedEncodings, startStaticServer, type StaticServer } from '../support/static-server.ts';

let tmp: string;
let dist: string;
let cacheDir: string;
let written: PrecompressedFile[];
let server: StaticServer;

/** Compressible but not trivially: CSV rows with varying figures. */
const csv = (rows: number) =>
  '\uFEFFjurisdiction,indicator,period,value\n' +
  Array.from({ length: rows }, (_, i) => `41${String(i % 97).padStart(4, '0')},retail_sales,2024-${String((i % 12) + 1).padStart(2, '0')},${(i * 7919) % 100003}.${i % 10}\n`).join('');

const files: Record<string, string | Buffer> = {
  'index.html': '<p>首页</p>'.repeat(200),
  '_astro/page.Ab12.js': 'export const x = "a view";\n'.repeat(400),
  '_astro/duckdb-eh.Xy34.wasm': Buffer.concat([Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]), Buffer.alloc(4000, 7)]),
  'data/observations.csv': csv(20_000), // over the cache threshold
  'data/observations/retail_sales.csv': csv(50),
  'data/manifest.json': JSON.stringify({ data_version: 'abc', files: Object.keys({ a: 1, b: 2, c: 3 }).map((p) => ({ path: `${p}.csv`, bytes: 1000 })) }, null, 2),
  'data/geo/map.topo.json': JSON.stringify({ type: 'Topology', arcs: Array.from({ length: 300 }, (_, i) => [[i, i + 1]]) }),
  'data/tiny.json': '{}',
  'data/parquet/observations.parquet': Buffer.alloc(3000, 1),
  'robots.txt': 'User-agent: *\n'.repeat(50),
};

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'precompress-'));
  dist = path.join(tmp, 'dist');
  cacheDir = path.join(tmp, 'cache');
  for (const [file, body] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dist, file)), { recursive: true });
    await fs.writeFile(path.join(dist, file), body);
  }
  written = await precompressSite(dist, { cacheDir });
  server = await startStaticServer({ roots: dist });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

function get(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.origin}${urlPath}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('precompressSite', () => {
  it('picks the scripts and wasm under _astro/ and the CSV and JSON data, not Parquet or HTML', () => {
    expect(Object.keys(files).filter(isPrecompressed).sort()).toEqual([
      '_astro/duckdb-eh.Xy34.wasm',
      '_astro/page.Ab12.js',
      'data/geo/map.topo.json',
      'data/manifest.json',
      'data/observations.csv',
      'data/observations/retail_sales.csv',
      'data/tiny.json',
    ]);
    expect(written.map((f) => f.file).sort()).toEqual(Object.keys(files).filter(isPrecompressed).sort());
  });

  it('writes .br and .gz that decompress to the file, each smaller than it', async () => {
    for (const f of written.filter((w) => w.file !== 'data/tiny.json')) {
      const raw = await fs.readFile(path.join(dist, f.file));
      const br = await fs.readFile(path.join(dist, `${f.file}.br`));
      const gz = await fs.readFile(path.join(dist, `${f.file}.gz`));
      expect(zlib.brotliDecompressSync(br).equals(raw), f.file).toBe(true);
      expect(zlib.gunzipSync(gz).equals(raw), f.file).toBe(true);
      expect(f).toEqual({ file: f.file, raw: raw.length, brotli: br.length, gzip: gz.length });
      expect(br.length).toBeLessThan(raw.length);
      expect(gz.length).toBeLessThan(raw.length);
    }
    const listing = await fs.readdir(dist, { recursive: true });
    expect(listing.filter((f) => /\.(br|gz)$/.test(f) && !isPrecompressed(f.replace(/\.(br|gz)$/, '')))).toEqual([]);
  });

  it('leaves out a copy that would not be smaller', async () => {
    expect(written.find((f) => f.file === 'data/tiny.json')).toEqual({ file: 'data/tiny.json', raw: 2, brotli: null, gzip: null });
    await expect(fs.stat(path.join(dist, 'data/tiny.json.br'))).rejects.toThrow();
  });

  it('keeps the brotli output of a large file in the cache and reuses it', async () => {
    const entries = await fs.readdir(cacheDir);
    expect(entries).toHaveLength(1); // only observations.csv is large enough
    const entry = path.join(cacheDir, entries[0]!);
    expect(zlib.brotliDecompressSync(await fs.readFile(entry)).equals(await fs.readFile(path.join(dist, 'data/observations.csv')))).toBe(true);
    // A planted entry proves the second run reads the cache instead of compressing again.
    const planted = zlib.brotliCompressSync(Buffer.from(files['data/observations.csv'] as string), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
    await fs.writeFile(entry, planted);
    await precompressSite(dist, { cacheDir });
    expect((await fs.readFile(path.join(dist, 'data/observations.csv.br'))).equals(planted)).toBe(true);
  });
});

describe('the test server sends the precompressed copies', () => {
  it('reads Accept-Encoding: brotli first, then gzip, none refused with q=0', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });

  it('sends the brotli or gzip copy with the file type, and the file itself otherwise', async () => {
    const raw = await fs.readFile(path.join(dist, 'data/observations.csv'));
    const br = await get('/data/observations.csv', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(zlib.brotliDecompressSync(br.body).equals(raw)).toBe(true);

    const gz = await get('/data/observations.csv', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(raw)).toBe(true);

    const plain = await get('/data/observations.csv');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);

    const wasm = await get('/_astro/duckdb-eh.Xy34.wasm', { 'Accept-Encoding': 'br' });
    expect([wasm.headers['content-type'], wasm.headers['content-encoding']]).toEqual(['application/wasm', 'br']);

    const record = server.requests.find((r) => r.path === '/data/observations.csv' && r.encoding === 'br');
    expect(record?.bytes).toBe(br.body.length);
  });

  it('answers a Range request from the file itself, and gzips HTML on the fly as nginx and Caddy are told to', async () => {
    const part = await get('/data/observations.csv', { 'Accept-Encoding': 'br', Range: 'bytes=3-12' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.body.toString('latin1')).toBe((await fs.readFile(path.join(dist, 'data/observations.csv'))).subarray(3, 13).toString('latin1'));
    const html = await fs.readFile(path.join(dist, 'index.html'));
    const page = await get('/', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect([page.headers['content-encoding'], page.headers.vary]).toEqual(['gzip', 'Accept-Encoding']);
    expect(zlib.gunzipSync(page.body).equals(html)).toBe(true);
    expect(server.requests.findLast((r) => r.path === '/')).toMatchObject({ encoding: 'gzip', bytes: page.body.length });
    const brOnly = await get('/', { 'Accept-Encoding': 'br' });
    expect(brOnly.headers['content-encoding']).toBeUndefined();
    expect(brOnly.body.equals(html)).toBe(true);
  });
});
