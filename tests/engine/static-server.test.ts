import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlFor, parseRange, startStaticServer, type StaticServer } from '../support/static-server.ts';

let tmp: string;
let server: StaticServer;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'static-server-'));
  await mkdir(path.join(tmp, 'site/en'), { recursive: true });
  await mkdir(path.join(tmp, 'data'), { recursive: true });
  await writeFile(path.join(tmp, 'site/index.html'), '<p>首页</p>');
  await writeFile(path.join(tmp, 'site/en/index.html'), '<p>home</p>');
  await writeFile(path.join(tmp, 'site/404.html'), '<p>not here</p>');
  await writeFile(path.join(tmp, 'site/a.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(path.join(tmp, 'site/app.js'), 'export {};');
  await writeFile(path.join(tmp, 'data/t.csv'), '0123456789');
  await writeFile(path.join(tmp, 'secret.txt'), 'outside');
  server = await startStaticServer({ roots: { '/': path.join(tmp, 'site'), '/data/': path.join(tmp, 'data') } });
});

afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('static test server', () => {
  it('binds to 127.0.0.1 on a free port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves content types WebAssembly and modules need', async () => {
    const wasm = await fetch(`${server.origin}/a.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect((await fetch(`${server.origin}/app.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    const csv = await fetch(`${server.origin}/data/t.csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toBe('0123456789');
  });

  it('answers ranges, suffix ranges, HEAD and unsatisfiable ranges', async () => {
    const r = await fetch(`${server.origin}/data/t.csv`, { headers: { Range: 'bytes=2-5' } });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await r.text()).toBe('2345');
    const suffix = await fetch(`${server.origin}/data/t.csv`, { headers: { Range: 'bytes=-3' } });
    expect(await suffix.text()).toBe('789');
    const open = await fetch(`${server.origin}/data/t.csv`, { headers: { Range: 'bytes=8-' } });
    expect(await open.text()).toBe('89');
    const head = await fetch(`${server.origin}/data/t.csv`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('10');
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    const bad = await fetch(`${server.origin}/data/t.csv`, { headers: { Range: 'bytes=20-30' } });
    expect(bad.status).toBe(416);
    expect(bad.headers.get('content-range')).toBe('bytes */10');
    expect(parseRange('bytes=0-0,5-6', 10)).toBeNull(); // multi-range: whole file
  });

  it('serves directory indexes, redirects to the slash form, 404 with 404.html, refuses traversal', async () => {
    expect(await (await fetch(`${server.origin}/`)).text()).toBe('<p>首页</p>');
    expect(await (await fetch(`${server.origin}/en/`)).text()).toBe('<p>home</p>');
    const redirect = await fetch(`${server.origin}/en`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/en/');
    const missing = await fetch(`${server.origin}/nope/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<p>not here</p>');
    const traversal = await fetch(`${server.origin}/data/..%2f..%2fsecret.txt`);
    expect([403, 404]).toContain(traversal.status);
    expect(await traversal.text()).not.toContain('outside');
  });

  it('keeps hashed assets and versioned data a year, and revalidates everything else with its ETag', async () => {
    await mkdir(path.join(tmp, 'site/_astro'), { recursive: true });
    await writeFile(path.join(tmp, 'site/_astro/view.Ab12.js'), 'export {};');
    const immutable = 'public, max-age=31536000, immutable';
    expect((await fetch(`${server.origin}/_astro/view.Ab12.js`)).headers.get('cache-control')).toBe(immutable);
    expect(cacheControlFor('/portal/_astro/x.wasm', '')).toBe(immutable);
    expect((await fetch(`${server.origin}/data/t.csv?v=abc123`)).headers.get('cache-control')).toBe(immutable);
    const plain = await fetch(`${server.origin}/data/t.csv`);
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${server.origin}/en/`)).headers.get('cache-control')).toBe('no-cache');
    const etag = plain.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+(-gzip)?"$/); // per encoding: gzipped on the fly here
    const again = await fetch(`${server.origin}/data/t.csv`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await fetch(`${server.origin}/data/t.csv`, { headers: { 'If-None-Match': '"0-0"' } });
    expect([changed.status, await changed.text()]).toEqual([200, '0123456789']);
  });

  it('records every request', () => {
    expect(server.requests.some((r) => r.path === '/data/t.csv' && r.range === 'bytes=2-5' && r.status === 206)).toBe(true);
  });
});
