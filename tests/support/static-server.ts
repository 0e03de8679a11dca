/**
 * A small static file server for tests and benchmarks: the built site, the DuckDB-WASM files
 * and the public data, served from our own origin on 127.0.0.1 (a random port by default).
 *
 * - Correct content types (.wasm → application/wasm, which WebAssembly.instantiateStreaming
 *   requires; .js/.mjs → text/javascript; .csv; .svg; …).
 * - HTTP Range requests (a single `bytes=` range → 206 + Content-Range; unsatisfiable → 416)
 *   and HEAD with an exact Content-Length: DuckDB-WASM reads registered URLs and attached
 *   database files by ranges.
 * - Directory URLs serve index.html (Astro's `build.format: 'directory'`); a directory without
 *   a trailing slash redirects to it; a missing file answers 404 (with dist/404.html when the
 *   root has one).
 * - Several roots can be mounted under URL prefixes (e.g. the site at `/` and a data fixture
 *   at `/data/`); the longest matching prefix wins.
 * - Every request is recorded (method, path, status, range, encoding, bytes sent) so a test
 *   can assert what was fetched and a benchmark can count the bytes on the wire.
 * - Precompressed files, as a production server is told to serve them (README, deployment
 *   notes): when `<file>.br` or `<file>.gz` exists beside a file (src/build/precompress.ts) and
 *   the request's Accept-Encoding takes it, that copy is sent with Content-Encoding and the
 *   file's own Content-Type; a Range request gets the file itself. Text without such copies
 *   (the pages, the stylesheets) is gzipped on the fly, as the README's nginx (`gzip on`) and
 *   Caddy (`encode gzip`) settings do, at level 6.
 * - Caching as the README tells a production server to do it (`cacheControlFor`): Vite's
 *   hashed files under `_astro/` and data URLs carrying the data version (`?v=`) for a year,
 *   immutable; anything else `no-cache`, revalidated with its ETag (304 Not Modified). So a
 *   second visit in the same browser profile is measured as a reader's would be; a new
 *   browser context starts with an empty cache.
 * - The site's own headers: a `_headers` file in the directory mounted at `/` (the build writes
 *   one: src/build/security-headers.ts) is applied as a static host applies it, and not served;
 *   so the browser tests run under the Content-Security-Policy the site ships with.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { headersForPath, parseHeaderRules, type HeaderRule } from '../../src/build/security-headers.ts';

const gzip = promisify(zlib.gzip);

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.duckdb': 'application/octet-stream',
  '.topojson': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
};

/** The precompressed copies a file may have beside it (src/build/precompress.ts). */
const PRECOMPRESSED = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const;

/** Types a server compresses on the fly when no precompressed copy exists (nginx's gzip_types and text/html). */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json|geo\+json)|image\/svg\+xml)/;

/**
 * Cache-Control for a request: a file whose URL changes whenever its content does (Vite's
 * hashed names under `_astro/`, at any base path; a data URL with the data version `?v=`) is
 * kept a year and never revalidated; anything else (pages, data URLs without a version) is
 * revalidated on every use.
 */
export function cacheControlFor(pathname: string, search: string): string {
  const versioned = /(^|\/)_astro\//.test(pathname) || new URLSearchParams(search).has('v');
  return versioned ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServerOptions {
  /** URL prefix → directory. A plain string mounts that directory at `/`. */
  roots: string | Readonly<Record<string, string>>;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Send COOP/COEP headers so the page is cross-origin isolated (off by default). */
  crossOriginIsolated?: boolean;
  /** Extra headers on every response. */
  headers?: Readonly<Record<string, string>>;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  range?: string;
  /** Content-Encoding of the answer (br, gzip) when a precompressed copy was sent. */
  encoding?: string;
  /** Body bytes sent (compressed ones for a precompressed copy). */
  bytes: number;
}

export interface StaticServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:41234 */
  origin: string;
  port: number;
  requests: RequestRecord[];
  close(): Promise<void>;
}

interface Mount {
  prefix: string;
  dir: string;
}

function normaliseMounts(roots: StaticServerOptions['roots']): Mount[] {
  const entries = typeof roots === 'string' ? [['/', roots] as const] : Object.entries(roots);
  return entries
    .map(([prefix, dir]) => ({
      prefix: `/${prefix.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/'),
      dir: path.resolve(dir),
    }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
}

/** Parses a single `bytes=` range against a size; null = ignore the header, 'invalid' = 416. */
export function parseRange(header: string, size: number): { start: number; end: number } | null | 'invalid' {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null; // multi-range or other units: answer with the whole file
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return 'invalid';
  let start: number;
  let end: number;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}

/**
 * The precompressed copy to send for an Accept-Encoding header, in order of preference: brotli,
 * then gzip, each unless refused (q=0), `*` standing for any coding not named.
 */
export function acceptedEncodings(header: string | undefined): ('br' | 'gzip')[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const takes = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(takes);
}

async function statOrNull(file: string) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

/** The rules of `<dir>/_headers`, none without one. */
async function readHeaderRules(dir: string): Promise<HeaderRule[]> {
  const file = path.join(dir, '_headers');
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
  return text === null ? [] : parseHeaderRules(text, file);
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const mounts = normaliseMounts(options.roots);
  const requests: RequestRecord[] = [];
  const siteRoot = mounts.find((m) => m.prefix === '/');
  const headerRules = siteRoot ? await readHeaderRules(siteRoot.dir) : [];

  const server = http.createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const record: RequestRecord = { method, path: req.url ?? '/', status: 0, bytes: 0 };
    if (req.headers.range) record.range = req.headers.range;
    requests.push(record);
    const send = (status: number, headers: Record<string, string | number>, body?: string) => {
      record.status = status;
      res.writeHead(status, { ...baseHeaders, ...headers });
      if (body !== undefined && method !== 'HEAD') {
        record.bytes = Buffer.byteLength(body);
        res.end(body);
      } else res.end();
    };
    const baseHeaders: Record<string, string> = {
      'Cache-Control': 'no-cache',
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
      ...(options.crossOriginIsolated
        ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
        : {}),
      ...headersForPath(headerRules, (req.url ?? '/').split('?')[0]!),
      ...options.headers,
    };

    try {
      if (method !== 'GET' && method !== 'HEAD') {
        send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'method not allowed\n');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        send(400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'bad request\n');
        return;
      }
      if (pathname.includes('\0')) {
        send(400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'bad request\n');
        return;
      }
      // `/data` should find the `/data/` mount too (and then redirect to the slash form).
      const mount = mounts.find((m) => pathname.startsWith(m.prefix) || `${pathname}/` === m.prefix);
      // The site's headers file is for the server, as on a static host.
      if (!mount || (mount === siteRoot && pathname === '/_headers')) {
        send(404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'not found\n');
        return;
      }
      const rel = pathname.slice(mount.prefix.length);
      let file = path.resolve(mount.dir, `.${path.posix.sep}${rel}`);
      if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) {
        send(403, { 'Content-Type': 'text/plain; charset=utf-8' }, 'forbidden\n');
        return;
      }
      let info = await statOrNull(file);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          send(301, { Location: `${url.pathname}/${url.search}` });
          return;
        }
        file = path.join(file, 'index.html');
        info = await statOrNull(file);
      }
      if (!info?.isFile()) {
        const notFound = path.join(mounts[mounts.length - 1]!.dir, '404.html');
        const nf = await statOrNull(notFound);
        if (nf?.isFile() && method === 'GET') {
          record.status = 404;
          record.bytes = nf.size;
          res.writeHead(404, { ...baseHeaders, 'Content-Type': CONTENT_TYPES['.html']!, 'Content-Length': nf.size });
          createReadStream(notFound).pipe(res);
        } else send(404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'not found\n');
        return;
      }

      const headers: Record<string, string | number> = {
        'Content-Type': contentTypeFor(file),
        'Last-Modified': info.mtime.toUTCString(),
        'Cache-Control': cacheControlFor(url.pathname, url.search),
      };
      let body = file;
      const variants = await Promise.all(PRECOMPRESSED.map(async (v) => ({ ...v, info: await statOrNull(file + v.suffix) })));
      if (variants.some((v) => v.info?.isFile())) {
        headers.Vary = 'Accept-Encoding';
        const accepted = req.headers.range ? [] : acceptedEncodings(req.headers['accept-encoding']);
        const chosen = accepted.map((coding) => variants.find((v) => v.coding === coding && v.info?.isFile())).find(Boolean);
        if (chosen) {
          body = file + chosen.suffix;
          info = chosen.info!;
          headers['Content-Encoding'] = chosen.coding;
          record.encoding = chosen.coding;
        }
      }
      // (not HEAD: DuckDB-WASM asks a file's raw size with it before reading ranges)
      const gzipOnTheFly =
        method === 'GET' &&
        !record.encoding &&
        !req.headers.range &&
        COMPRESSIBLE.test(String(headers['Content-Type'])) &&
        acceptedEncodings(req.headers['accept-encoding']).includes('gzip');
      if (COMPRESSIBLE.test(String(headers['Content-Type']))) headers.Vary = 'Accept-Encoding';
      if (gzipOnTheFly) record.encoding = 'gzip';
      // Per encoding: a cache must not answer a gzip request with the brotli copy's validator.
      headers.ETag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${record.encoding ? `-${record.encoding}` : ''}"`;
      if (!req.headers.range && req.headers['if-none-match']?.split(/\s*,\s*/).some((t) => t.replace(/^W\//, '') === headers.ETag)) {
        delete headers['Content-Encoding'];
        send(304, headers);
        return;
      }
      if (gzipOnTheFly) {
        headers['Content-Encoding'] = 'gzip';
        record.status = 200;
        const compressed = await gzip(await readFile(file), { level: 6 });
        record.bytes = compressed.length;
        res.writeHead(200, { ...baseHeaders, ...headers, 'Content-Length': compressed.length });
        res.end(compressed);
        return;
      }
      const size = info.size;
      let start = 0;
      let end = size - 1;
      let status = 200;
      if (req.headers.range) {
        const r = parseRange(req.headers.range, size);
        if (r === 'invalid') {
          send(416, { 'Content-Range': `bytes */${size}` });
          return;
        }
        if (r) {
          ({ start, end } = r);
          status = 206;
          headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
        }
      }
      const length = size === 0 ? 0 : end - start + 1;
      headers['Content-Length'] = length;
      record.status = status;
      res.writeHead(status, { ...baseHeaders, ...headers });
      if (method === 'HEAD' || length === 0) {
        res.end();
        return;
      }
      record.bytes = length;
      const stream = createReadStream(body, { start, end });
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) send(500, { 'Content-Type': 'text/plain; charset=utf-8' }, `${String(err)}\n`);
      else res.destroy();
    }
  });

  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    origin: `http://${address}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
