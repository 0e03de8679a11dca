/**
 * Precompressed copies of what a reader's browser downloads: `<file>.br` (brotli, quality 11;
 * 10 for the wasm modules)
 * and `<file>.gz` (gzip -9) beside the DuckDB-WASM modules, the scripts (its workers and the
 * site's chunks) and the public CSV and JSON data of a built site. A server that knows them
 * (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`, tests/support/static-server.ts)
 * sends them as they are, so readers get brotli's best ratio without the server compressing
 * 35 MB per request; see the README's deployment notes.
 *
 * Brotli at quality 11 is slow (a 34 MB wasm module takes minutes) and the wasm files change
 * only with DuckDB-WASM's version, so large outputs are kept in a cache keyed by the content's
 * SHA-256: a rebuild with the same files compresses nothing again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotliCompress = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Where compressed outputs of large files are kept between builds. */
export const DEFAULT_CACHE_DIR = path.resolve(import.meta.dirname, '../../node_modules/.cache/portal-precompress');
/** Files at least this large have their brotli output cached (smaller ones take milliseconds). */
const CACHE_FROM_BYTES = 256 * 1024;
/** Cached outputs unused for this long are removed. */
const CACHE_DAYS = 30;
/**
 * Brotli's quality: the best (11) for everything but the wasm modules, for which 10 is 4 % larger
 * (eh: 5.27 MB against 5.07 MB) and takes 50 s instead of several minutes, which a build on a
 * fresh machine (CI) pays before its cache has them.
 */
const HUGE_BYTES = 8 * 1024 * 1024;
const qualityOf = (bytes: number): number => (bytes >= HUGE_BYTES ? 10 : zlib.constants.BROTLI_MAX_QUALITY);
/** Names cache entries: a change of settings must not reuse an output made with others. */
const settingsOf = (bytes: number): string => `q${qualityOf(bytes)}-w24`;

/**
 * Which files of a built site (paths relative to dist, with /) get precompressed copies: the
 * scripts and wasm Vite emits under _astro/, and the public data's CSV and JSON (boundaries
 * included). Not Parquet, which is compressed already, nor HTML, which a server compresses on
 * the fly in no time.
 */
export function isPrecompressed(file: string): boolean {
  if (file.startsWith('_astro/')) return /\.(wasm|js|mjs)$/i.test(file);
  if (file.startsWith('data/')) return /\.(csv|json|topojson|geojson)$/i.test(file);
  return false;
}

export interface PrecompressedFile {
  file: string;
  raw: number;
  /** Bytes of the .gz / .br written; null where compressing did not make it smaller (none written). */
  gzip: number | null;
  brotli: number | null;
}

export interface PrecompressOptions {
  /** Default DEFAULT_CACHE_DIR; null: no cache. */
  cacheDir?: string | null;
  log?: (line: string) => void;
}

/** Writes the .br and .gz of every file `isPrecompressed` picks under `distDir`; returns what it wrote. */
export async function precompressSite(distDir: string, options: PrecompressOptions = {}): Promise<PrecompressedFile[]> {
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  const t0 = performance.now();
  const files: { file: string; bytes: number }[] = [];
  for (const entry of await fs.readdir(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (isPrecompressed(file)) files.push({ file, bytes: (await fs.stat(path.join(distDir, file))).size });
  }
  // Largest first, so the slow wasm modules start at once and the small files fill the gaps.
  files.sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : 1));
  if (cacheDir) await fs.mkdir(cacheDir, { recursive: true });
  const results = new Map<string, PrecompressedFile>();
  let next = 0;
  // zlib's async calls run on libuv's thread pool: one file per CPU at a time.
  const workers = Array.from({ length: Math.max(1, Math.min(os.availableParallelism(), files.length)) }, async () => {
    while (next < files.length) {
      const { file } = files[next++]!;
      results.set(file, await precompressFile(distDir, file, cacheDir));
    }
  });
  await Promise.all(workers);
  if (cacheDir) await pruneCache(cacheDir);
  const out = files.map((f) => results.get(f.file)!);
  const mb = (pick: (f: PrecompressedFile) => number | null) => (out.reduce((n, f) => n + (pick(f) ?? f.raw), 0) / 1e6).toFixed(1);
  options.log?.(
    `  precompressed ${out.length} files: ${mb((f) => f.raw)} MB raw, ${mb((f) => f.gzip)} MB gzip, ${mb((f) => f.brotli)} MB brotli ` +
      `(${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return out;
}

async function precompressFile(distDir: string, file: string, cacheDir: string | null): Promise<PrecompressedFile> {
  const full = path.join(distDir, file);
  const raw = await fs.readFile(full);
  const [br, gz] = await Promise.all([brotliOf(raw, cacheDir), gzip(raw, { level: 9 })]);
  // A copy no smaller than the file is left out: the server then sends the file itself.
  const write = async (suffix: string, data: Buffer) => {
    if (data.length >= raw.length) return null;
    await fs.writeFile(`${full}${suffix}`, data);
    return data.length;
  };
  return { file, raw: raw.length, brotli: await write('.br', br), gzip: await write('.gz', gz) };
}

function brotli(raw: Buffer): Promise<Buffer> {
  return brotliCompress(raw, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: qualityOf(raw.length),
      // The largest window every brotli decoder accepts (the default is 22): 2 % smaller wasm.
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
}

async function brotliOf(raw: Buffer, cacheDir: string | null): Promise<Buffer> {
  if (!cacheDir || raw.length < CACHE_FROM_BYTES) return brotli(raw);
  const key = `${createHash('sha256').update(raw).digest('hex')}.${settingsOf(raw.length)}.br`;
  const cached = path.join(cacheDir, key);
  const hit = await fs.readFile(cached).catch(() => null);
  if (hit) {
    const now = new Date();
    await fs.utimes(cached, now, now).catch(() => {});
    return hit;
  }
  const out = await brotli(raw);
  // Written aside and renamed: two builds at once never read half an entry.
  const tmp = `${cached}.${process.pid}.tmp`;
  await fs.writeFile(tmp, out);
  await fs.rename(tmp, cached);
  return out;
}

/** Removes the entries of a build cache unused for CACHE_DAYS (also the link previews' cache, src/build/previews.ts). */
export async function pruneCache(cacheDir: string): Promise<void> {
  const before = Date.now() - CACHE_DAYS * 86_400_000;
  for (const name of await fs.readdir(cacheDir)) {
    const file = path.join(cacheDir, name);
    const info = await fs.stat(file).catch(() => null);
    if (info && info.mtimeMs < before) await fs.rm(file, { force: true });
  }
}
