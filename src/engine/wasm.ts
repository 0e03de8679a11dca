/**
 * The DuckDB-WASM adapter: the same Engine as ./node.ts, in the reader's browser.
 *
 * BROWSER-ONLY. Import it from client-side code (an Astro `<script>` or a module it imports),
 * never from Astro frontmatter or anything the build runs in Node: there `@duckdb/duckdb-wasm`
 * resolves to its Node build. Nothing here runs until `openWasmEngine` is first called.
 *
 * Parity with the Node adapter:
 * - the tables come from the same public CSV files through the same statements
 *   (`createTableStatements`); a derived table is made on the first query that reads it, since
 *   most views never do and a start should not pay for it (a GROUP BY over every observation);
 * - parameters reach DuckDB the same way, through the request table (`throughRequest`,
 *   ./request.ts), so both engines run the same statement text with the same value types;
 * - each Arrow value is first turned into what `@duckdb/node-api`'s `getRowObjectsJS()` returns
 *   for that DuckDB type (BIGINT/HUGEINT → bigint, DATE/TIMESTAMP → Date with Node's range
 *   checks, DECIMAL → double, BLOB → Buffer, which toCell reads as UTF-8, LIST → array,
 *   STRUCT/INTERVAL → object), then through the same `toCell`.
 * So both engines return identical rows; tests/engine/parity.test.ts proves it in Chromium for
 * every catalog query.
 *
 * Files: each CSV is fetched with `fetch()`, started at once so the downloads overlap with
 * the wasm download and compilation, then handed to DuckDB with `registerFileBuffer` (the
 * buffer is transferred to the worker, not copied) and dropped once its table exists. The
 * alternative, `registerFileURL` with the HTTP protocol (`files: 'url'`), also works and gives
 * the same tables; for these CSVs DuckDB-WASM 1.32 fetched each file whole with one GET from
 * inside the worker, but only when its CREATE TABLE ran: after instantiation, one file after
 * another. Measured at 1M rows it was as fast or slower (ready after 7.3–17.3 s against
 * 5.6–14.5 s on a busy 2-CPU machine), and a missing file reads "Opening file
 * 'public-data/x.csv' failed" instead of "could not load <url>: HTTP 404". Reading by ranges
 * only pays for a database file attached over HTTP, where DuckDB fetches just the blocks a
 * query needs; CSV tables are read whole.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { DateUnit, makeVector, Precision, TimeUnit, Type, type Data, type DataType, type Table, type Vector } from 'apache-arrow';
import { guardedWorkerUrl, LOCAL_BUNDLES } from './browser-bundle.ts';
import { toCell } from './params.ts';
import { REQUEST_TABLE_STATEMENTS, throughRequest } from './request.ts';
import { INDICATOR_ID_RE } from '../lib/schema.ts';
import { PUBLIC_TABLES, derivedTableStatements, publicTableStatements, tableFiles, type PublicTable } from './tables.ts';
import type { Cell, Engine, Params, Row } from './types.ts';

export type WasmPhase = 'instantiating' | 'loading data' | 'ready';

export interface WasmProgress {
  phase: WasmPhase;
  /** Completion within the phase, 0..1, when known (bytes of wasm, then files created). */
  fraction?: number;
  /** Which DuckDB-WASM build was selected ('eh' or 'mvp'); set from 'instantiating' on. */
  bundle?: 'eh' | 'mvp';
  /**
   * Bytes of the wasm module over the network so far, which the page's own resource timings
   * never show (its worker fetches it): while it downloads, its Content-Length times the share
   * of the decoded module that has arrived; once it has, what the browser says came over the
   * network (0 from the cache).
   */
  engineBytes?: number;
}

/** The raw sizes of the wasm modules, set by the build (src/build/duckdb-wasm-bytes.ts). */
declare const __DUCKDB_WASM_BYTES__: { eh: number; mvp: number } | undefined;

/** What the guard worker posts about the wasm's download (src/engine/duckdb-browser-guard.worker.js). */
interface EngineBytesMessage {
  type: 'portal:engine-bytes';
  loaded: number;
  total: number;
  done: boolean;
  transferred?: number;
}

export interface WasmEngineOptions {
  /** Called with each phase (and progress within it). A later caller of a shared engine gets the latest event at once. */
  onProgress?: (p: WasmProgress) => void;
  /** Override the wasm/worker URLs (default: our own eh + mvp files, emitted by Vite). */
  bundles?: duckdb.DuckDBBundles;
  /** How the CSV files reach DuckDB (default 'buffer'; see the module comment). */
  files?: 'buffer' | 'url';
  /** Open a separate engine instead of sharing the one already opened for this URL (benchmarks). */
  fresh?: boolean;
  /**
   * Load only these tables (names from PUBLIC_TABLES; default: all, as in Node). Each one left
   * out is a file not downloaded: the catalog reads no observation_vintages, which is about
   * half of the public CSV bytes. A query on a table left out fails.
   */
  tables?: readonly string[];
  /**
   * Load the observations of these indicators only (ids; default: every indicator), from their
   * own files (`observationsFileOf`), which hold exactly their rows of observations.csv: the
   * tables and derived tables are then the same for them, and a query about another indicator
   * finds no observations. A view of one indicator downloads a fraction of the data this way.
   */
  indicators?: readonly string[];
}

export interface WasmTimings {
  /** Worker start + wasm download/compile + open + connect. */
  instantiateMs: number;
  /** From instantiated to tables ready (the CSV downloads started earlier, in parallel). */
  loadMs: number;
  /** From the call to ready. */
  totalMs: number;
}

export interface WasmEngine extends Engine {
  readonly bundle: 'eh' | 'mvp';
  readonly duckdbVersion: string;
  readonly timings: Readonly<WasmTimings>;
}

interface Shared {
  promise: Promise<WasmEngine>;
  listeners: Set<(p: WasmProgress) => void>;
  last?: WasmProgress;
}

const shared = new Map<string, Shared>();

function baseUrl(publicDataBaseUrl: string): string {
  const u = new URL(publicDataBaseUrl, globalThis.location?.href);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.href;
}

/** A file's URL in the data directory, with the directory URL's query (the data version, `?v=`). */
function fileUrl(file: string, base: string): string {
  const u = new URL(file, base);
  u.search = new URL(base).search;
  return u.href;
}

/**
 * Opens (once per data URL, on first call) DuckDB-WASM over the public CSV files found at
 * `publicDataBaseUrl` (the directory the data build writes; relative to the page is fine). Its
 * query string, if any, is added to every file's URL: the site puts the data version there
 * (`/data/?v=…`), so that files with the same names from another build are other URLs.
 */
export function openWasmEngine(publicDataBaseUrl: string, opts: WasmEngineOptions = {}): Promise<WasmEngine> {
  if (typeof Worker === 'undefined' || typeof WebAssembly === 'undefined') {
    return Promise.reject(new Error('openWasmEngine needs a browser (Worker and WebAssembly); use openNodeEngine in Node'));
  }
  const known = new Set(PUBLIC_TABLES.map((t) => t.name));
  const unknown = (opts.tables ?? []).filter((t) => !known.has(t));
  if (unknown.length) return Promise.reject(new Error(`openWasmEngine: no public table ${unknown.join(', ')}`));
  const badIds = (opts.indicators ?? []).filter((id) => !INDICATOR_ID_RE.test(id));
  if (opts.indicators?.length === 0 || badIds.length) {
    return Promise.reject(new Error(`openWasmEngine: indicators must be indicator ids, at least one (got ${JSON.stringify(opts.indicators)})`));
  }
  const base = baseUrl(publicDataBaseUrl);
  const set = (names: readonly string[] | undefined) => (names ? [...names].sort().join(',') : '*');
  // One engine per set of tables: a page's views share it.
  const key = `${base}|${set(opts.tables)}|${set(opts.indicators)}`;
  const existing = opts.fresh ? undefined : shared.get(key);
  if (existing) {
    if (opts.onProgress) {
      existing.listeners.add(opts.onProgress);
      if (existing.last) opts.onProgress(existing.last);
    }
    return existing.promise;
  }
  const entry: Shared = { listeners: new Set(opts.onProgress ? [opts.onProgress] : []), promise: undefined as never };
  const emit = (p: WasmProgress) => {
    entry.last = p;
    for (const l of entry.listeners) {
      try {
        l(p);
      } catch (err) {
        console.error(err);
      }
    }
  };
  const forget = () => {
    if (shared.get(key) === entry) shared.delete(key);
  };
  entry.promise = start(base, opts, emit, forget).catch((err: unknown) => {
    forget(); // a failed start can be retried by calling again
    throw err;
  });
  if (!opts.fresh) shared.set(key, entry);
  return entry.promise;
}

async function start(
  base: string,
  opts: WasmEngineOptions,
  emit: (p: WasmProgress) => void,
  forget: () => void,
): Promise<WasmEngine> {
  const t0 = performance.now();
  const mode = opts.files ?? 'buffer';
  const bundles = opts.bundles ?? LOCAL_BUNDLES;
  const wanted = (t: PublicTable) => !opts.tables || opts.tables.includes(t.name);
  const tables = PUBLIC_TABLES.filter(wanted);
  const files = tables.flatMap((t) => tableFiles(t, opts.indicators));
  const statements = publicTableStatements((file) => `public-data/${file}`, tables, opts.indicators);
  // made when a query first names them (see the module comment)
  const derived = new Map(derivedTableStatements(tables.map((t) => t.name)).map((d) => [d.name, d.statement] as const));

  // The downloads do not need DuckDB: start them now, so they overlap with instantiation.
  const downloads =
    mode === 'buffer'
      ? new Map(files.map((file) => [file, download(fileUrl(file, base))] as const))
      : null;
  // Do not let a failed download surface as an unhandled rejection before we await it.
  for (const d of downloads?.values() ?? []) d.catch(() => {});

  const bundle = await duckdb.selectBundle(bundles);
  const bundleName: 'eh' | 'mvp' = bundle.mainModule === bundles.eh?.mainModule ? 'eh' : 'mvp';
  let engineBytes = 0;
  let phase: WasmPhase = 'instantiating';
  emit({ phase, fraction: 0, bundle: bundleName, engineBytes });

  const worker = new Worker(guardedWorkerUrl(bundle.mainWorker!, bundle.mainModule));
  // The guard's byte counts, taken before DuckDB's listener (added by AsyncDuckDB below) would
  // warn of a message it does not know. DuckDB's own instantiation progress is not used: it
  // divides decoded bytes by the compressed length, and skips chunks closer than 20 ms apart.
  const rawBytes = typeof __DUCKDB_WASM_BYTES__ === 'undefined' ? undefined : __DUCKDB_WASM_BYTES__[bundleName];
  worker.addEventListener('message', (ev: MessageEvent) => {
    const m = ev.data as EngineBytesMessage | undefined;
    if (m?.type !== 'portal:engine-bytes') return;
    ev.stopImmediatePropagation();
    const fraction = m.done ? 1 : rawBytes ? Math.min(1, m.loaded / rawBytes) : undefined;
    if (m.done) engineBytes = m.transferred ?? m.total;
    else if (fraction !== undefined) engineBytes = (m.total || m.loaded) * fraction;
    // the download's last count can come after the data began to load: the phase stays the data's
    emit({ phase, fraction: phase === 'instantiating' ? fraction : undefined, bundle: bundleName, engineBytes });
  });
  // AsyncDuckDB drops pending requests silently when its worker fails (e.g. a 404 on the
  // worker script, or the wasm failing to download or compile, which the guard reports):
  // race every step against the worker's error event instead of hanging.
  let failWorker: (e: Error) => void = () => {};
  const workerFailed = new Promise<never>((_, reject) => {
    failWorker = reject;
  });
  workerFailed.catch(() => {});
  const onWorkerError = (ev: ErrorEvent) => {
    ev.preventDefault(); // handled here: not an error of the page
    failWorker(new Error(`DuckDB-WASM worker failed (${bundle.mainWorker}): ${ev.message || 'could not load'}`));
  };
  worker.addEventListener('error', onWorkerError);
  const step = <T>(p: Promise<T>): Promise<T> => Promise.race([p, workerFailed]);

  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await step(db.instantiate(bundle.mainModule, bundle.pthreadWorker));
    const tInstantiated = performance.now();
    await step(db.open({ path: ':memory:', query: { castBigIntToDouble: false, castDecimalToDouble: false } }));
    const duckdbVersion = await step(db.getVersion());
    const conn = await step(db.connect());
    // Never reach for the network: a query needing an extension fails at once instead of
    // trying to download it from the DuckDB extension site.
    await step(conn.query(`SET autoinstall_known_extensions = false`));
    await step(conn.query(`SET autoload_known_extensions = false`));
    for (const statement of REQUEST_TABLE_STATEMENTS) await step(conn.query(statement));
    const t1 = performance.now();

    phase = 'loading data';
    emit({ phase, fraction: 0, bundle: bundleName, engineBytes });
    const names = new Map(files.map((file) => [file, `public-data/${file}`] as const));
    if (downloads) {
      for (const [file, d] of downloads) await step(db.registerFileBuffer(names.get(file)!, await step(d)));
    } else {
      for (const [file, name] of names) {
        await step(db.registerFileURL(name, fileUrl(file, base), duckdb.DuckDBDataProtocol.HTTP, false));
      }
    }
    for (const [i, statement] of statements.entries()) {
      await step(conn.query(statement));
      emit({ phase: 'loading data', fraction: (i + 1) / statements.length, bundle: bundleName, engineBytes });
    }
    // The tables hold the data now; free the copies of the files inside the wasm heap.
    for (const name of names.values()) await step(db.dropFile(name));
    const t2 = performance.now();

    const timings: WasmTimings = { instantiateMs: t1 - t0, loadMs: t2 - t1, totalMs: t2 - t0 };
    // The start's phases, for a profile of a page (and `npm run bench`): the worker and the wasm
    // (downloaded or from the cache, compiled, instantiated), DuckDB opened, the tables created.
    performance.measure('engine:wasm', { start: t0, end: tInstantiated });
    performance.measure('engine:open', { start: tInstantiated, end: t1 });
    performance.measure('engine:tables', { start: t1, end: t2 });
    const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
    let closed = false;
    let queue: Promise<unknown> = Promise.resolve();
    const execute = async (text: string, values: Cell[]) =>
      step((await step(preparedStatement(prepared, conn, text))).query(...values));
    const run = async (sql: string, params?: Params): Promise<Row[]> => {
      if (closed) throw new Error('the DuckDB-WASM engine is closed');
      const { sql: text, update, values } = throughRequest(sql, params);
      for (const [name, statement] of derived) {
        if (!new RegExp(`\\b${name}\\b`).test(text)) continue;
        await step(conn.query(statement));
        derived.delete(name);
      }
      try {
        if (update) await execute(update, values);
        return tableToRows(await execute(text, []));
      } catch (err) {
        if (bundleName !== 'mvp' || !isMvpThrowFailure(err)) throw err;
        // The mvp build cannot unwind C++ exceptions: the reason is lost and the next call
        // fails too. Absorb that, and say where the reason can be read.
        await clearMvpFailure(conn);
        throw new Error(
          "this query failed in DuckDB-WASM's mvp build (for browsers without WebAssembly exceptions), which cannot " +
            'report why; the eh build (every current browser) and DuckDB for Node give the reason',
        );
      }
    };

    const engine: WasmEngine = {
      bundle: bundleName,
      duckdbVersion,
      timings,
      query(sql: string, params?: Params): Promise<Row[]> {
        // One query at a time: a query is its request written, then read (two messages to the
        // worker), and another caller must not write the request in between.
        const result = queue.then(() => run(sql, params));
        queue = result.catch(() => {});
        return result;
      },
      async close() {
        if (closed) return;
        closed = true;
        forget();
        await queue; // the query running now finishes; those queued after it find the engine closed
        for (const p of prepared.values()) await p.then((s) => s.close()).catch(() => {});
        await conn.close().catch(() => {});
        worker.removeEventListener('error', onWorkerError);
        await db.terminate();
      },
    };
    phase = 'ready';
    emit({ phase, fraction: 1, bundle: bundleName, engineBytes });
    return engine;
  } catch (err) {
    worker.removeEventListener('error', onWorkerError);
    await db.terminate().catch(() => {});
    throw err;
  }
}

/** Prepared statements are kept per SQL text (at most 64, least recently used evicted). */
async function preparedStatement(
  cache: Map<string, Promise<duckdb.AsyncPreparedStatement>>,
  conn: duckdb.AsyncDuckDBConnection,
  text: string,
): Promise<duckdb.AsyncPreparedStatement> {
  let p = cache.get(text);
  if (p) {
    cache.delete(text); // re-insert: most recently used last
  } else {
    p = conn.prepare(text);
    p.catch(() => cache.delete(text));
    if (cache.size >= 64) {
      const [oldest, evicted] = cache.entries().next().value!;
      cache.delete(oldest);
      evicted.then((s) => s.close()).catch(() => {});
    }
  }
  cache.set(text, p);
  return p;
}

function isMvpThrowFailure(err: unknown): boolean {
  return err instanceof Error && /_setThrew/.test(err.message);
}

/** After a failure the mvp build fails the next call too; spend that on a throwaway statement. */
async function clearMvpFailure(conn: duckdb.AsyncDuckDBConnection): Promise<void> {
  await conn.query('SELECT 1').catch(() => {});
}

async function download(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`could not load ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

// ---------------------------------------------------------------------------------------
// Arrow → the value @duckdb/node-api's getRowObjectsJS() gives for the same DuckDB type.

/** Converts one non-null value; `data`/`i` give the raw buffer where the decoded value is not enough. */
type ToNodeJS = ((v: unknown, data: Data, i: number) => unknown) & { raw?: boolean };

/** Marks a converter that reads only the raw buffer (Arrow's own decoding may throw first). */
function raw(fn: (v: unknown, data: Data, i: number) => unknown): ToNodeJS {
  return Object.assign(fn, { raw: true });
}

// The same bounds and messages as @duckdb/node-api's converters.
const MS_PER_DAY = 86_400_000;
const MAX_DATE_DAYS = 100_000_000;
const MAX_DATE_MILLIS = 8_640_000_000_000_000n;


const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** An Arrow decimal (little-endian 32-bit words, two's complement) as its unscaled bigint. */
function decimalWords(words: Uint32Array, bitWidth: number): bigint {
  let big = 0n;
  for (let k = words.length - 1; k >= 0; k--) big = (big << 32n) | BigInt(words[k]!);
  if (big >> BigInt(bitWidth - 1)) big -= 1n << BigInt(bitWidth);
  return big;
}

/** DuckDB's decimal → double: the unscaled integer as a double, divided by 10^scale. */
function decimalToDouble(unscaled: bigint, scale: number): number {
  const p = POW10[scale];
  return p !== undefined ? Number(unscaled) / p : Number(unscaled) / 10 ** scale;
}

function converterFor(type: DataType): ToNodeJS {
  switch (type.typeId) {
    case Type.Null:
      return () => null;
    case Type.Dictionary: // DuckDB dictionary-encodes only ENUM: Arrow decodes it to the string
    case Type.Bool:
    case Type.Int: // INTEGER etc. → number; BIGINT → bigint (toCell makes it a number)
    case Type.Float:
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Time: // TIME → bigint micros, as in Node
      return (v) => v;
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary: {
      // Node gives a Buffer, which toCell's String() decodes as UTF-8 (BOM kept, bad bytes → U+FFFD).
      const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
      return (v) => (v === null || v === undefined ? null : utf8.decode(v as Uint8Array));
    }
    case Type.Decimal: {
      const { scale, bitWidth } = type as unknown as { scale: number; bitWidth: number };
      return (v) => {
        if (v === null || v === undefined) return null;
        const arr = v as Uint32Array;
        const words = new Uint32Array(arr.buffer, arr.byteOffset, bitWidth / 32);
        return decimalToDouble(decimalWords(words, bitWidth), scale);
      };
    }
    case Type.Date: {
      const unit = (type as unknown as { unit: DateUnit }).unit;
      return raw((_v, data, i) => {
        if (unit === DateUnit.MILLISECOND) return new Date(Number((data.values as BigInt64Array)[i]!));
        const days = (data.values as Int32Array)[i]!;
        if (days < -MAX_DATE_DAYS || days > MAX_DATE_DAYS) throw new Error(`DATE value out of range for JS Date: ${days} days`);
        return new Date(days * MS_PER_DAY);
      });
    }
    case Type.Timestamp: {
      const { unit, timezone } = type as unknown as { unit: TimeUnit; timezone?: string | null };
      return raw((_v, data, i) => {
        const value = (data.values as BigInt64Array)[i]!;
        let millis: bigint;
        let detail: string;
        let name: string;
        switch (unit) {
          case TimeUnit.SECOND:
            [millis, name, detail] = [value * 1000n, 'TIMESTAMP_S', `${value} seconds`];
            break;
          case TimeUnit.MILLISECOND:
            [millis, name, detail] = [value, 'TIMESTAMP_MS', `${value} millis`];
            break;
          case TimeUnit.NANOSECOND:
            [millis, name, detail] = [value / 1_000_000n, 'TIMESTAMP_NS', `${value} nanos`];
            break;
          default:
            [millis, name, detail] = [value / 1000n, timezone ? 'TIMESTAMPTZ' : 'TIMESTAMP', `${value} micros`];
        }
        if (millis < -MAX_DATE_MILLIS || millis > MAX_DATE_MILLIS) throw new Error(`${name} value out of range for JS Date: ${detail}`);
        return new Date(Number(millis));
      });
    }
    case Type.Interval:
    case Type.Duration:
      return (v) => (v === null || v === undefined ? null : {}); // Node: { months, days, micros }
    case Type.List:
    case Type.FixedSizeList: {
      const child = converterFor((type as unknown as { valueType: DataType }).valueType);
      return (v) => convertVector(v as Vector, child); // Node: an array of converted items
    }
    case Type.Struct:
    case Type.Union:
    case Type.DenseUnion:
    case Type.SparseUnion:
      return (v) => (v === null || v === undefined ? null : {}); // Node: a plain object
    case Type.Map:
      // Node: [{ key, value }, …]
      return (v) =>
        v === null || v === undefined ? null : Array.from({ length: (v as { size: number }).size }, () => ({}));
    default:
      return (v) => v;
  }
}

// Arrow's own decoder (BOM dropped), so that strings read directly equal what Vector.get gives.
const utf8Decoder = new TextDecoder('utf-8');

/** The UTF-8 text of bytes[start, end); short ASCII strings without TextDecoder, whose call costs more than they do. */
function utf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 24) return utf8Decoder.decode(bytes.subarray(start, end));
  let s = '';
  for (let k = start; k < end; k++) {
    const b = bytes[k]!;
    if (b >= 0x80) return utf8Decoder.decode(bytes.subarray(start, end));
    s += String.fromCharCode(b);
  }
  return s;
}

/**
 * Reads a chunk's valid values straight from its buffers, as Vector.get would return them, for
 * the types results are mostly made of; null for any other type. Vector.get finds the chunk and
 * dispatches on the type for every value, which was most of the time a large result took.
 */
function directReader(data: Data): ((i: number) => unknown) | null {
  const { typeId } = data.type;
  if (typeId === Type.Int) {
    const values = data.values as ArrayLike<number | bigint>;
    return (i) => values[i];
  }
  if (typeId === Type.Float && (data.type as unknown as { precision: Precision }).precision !== Precision.HALF) {
    const values = data.values as Float32Array | Float64Array;
    return (i) => values[i];
  }
  if (typeId === Type.Utf8) {
    const values = data.values as Uint8Array;
    const offsets = data.valueOffsets as Int32Array;
    return (i) => utf8(values, offsets[i]!, offsets[i + 1]!);
  }
  if (typeId === Type.Bool) {
    const values = data.values as Uint8Array;
    return (i) => ((values[(data.offset + i) >> 3]! >> ((data.offset + i) % 8)) & 1) === 1;
  }
  return null;
}

/** Every value of a vector (chunk by chunk, so converters can read raw buffers), nulls kept. */
function convertVector(vector: Vector, convert: ToNodeJS): unknown[] {
  const out: unknown[] = [];
  for (const data of vector.data) {
    const read = convert.raw ? null : (directReader(data) ?? ((chunk) => (i: number) => chunk.get(i))(makeVector(data)));
    for (let i = 0; i < data.length; i++) {
      if (!data.getValid(i)) out.push(null);
      else if (!read) out.push(convert(undefined, data, i));
      else {
        const v = read(i);
        out.push(v === null || v === undefined ? null : convert(v, data, i));
      }
    }
  }
  return out;
}

/** Rows with every value normalised exactly as the Node adapter normalises them. */
export function tableToRows(table: Table): Row[] {
  const rows: Row[] = Array.from({ length: table.numRows }, () => ({}));
  table.schema.fields.forEach((field, c) => {
    const column = table.getChildAt(c) as Vector | null;
    if (!column) return;
    convertVector(column, converterFor(field.type)).forEach((v, r) => {
      rows[r]![field.name] = toCell(v);
    });
  });
  return rows;
}
