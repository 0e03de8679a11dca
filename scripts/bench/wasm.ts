/**
 * DuckDB-WASM in headless Chromium over a public-data directory: instantiate time, data load
 * time, and first / warm latency (median of N) of every catalog query; DuckDB for Node's warm
 * latency alongside; and what the wasm + worker files add to dist.
 *
 *   npx tsx scripts/bench/wasm.ts [PUBLIC_DATA_DIR] [--rows 1000000] [--runs 10] [--warmup 100] [--url]
 *
 * Without a directory, a synthetic data package of --rows observation rows is generated
 * (scripts/generate-synthetic.ts) and built (src/build/build-data.ts) into a temporary one.
 * --url also measures a load with registerFileURL (HTTP protocol) instead of fetch + buffer.
 * The queries run where the site runs them: on the tables the site's pages load (CATALOG_TABLES,
 * every one but observation_vintages); a load of every table is measured too, for comparison.
 * The page, the wasm and the data are served from 127.0.0.1; nothing else is fetched.
 * Parameters: each query's example, with values the dataset lacks replaced by its richest ones.
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { openNodeEngine } from '../../src/engine/node.ts';
import { CATALOG_TABLES, PUBLIC_TABLES } from '../../src/engine/tables.ts';
import type { Params } from '../../src/engine/types.ts';
import { queries } from '../../src/queries/index.ts';
import { baseParams, candidatesFor, type CatalogEntry } from '../../tests/engine/catalog-cases.ts';
import { startHarnessSession } from '../../tests/engine/harness/session.ts';
import { takeFlag, takeOption } from '../cli-args.ts';

export interface WasmQueryTiming {
  name: string;
  /** The query's name, and what its parameters stand for when a query is measured twice. */
  label: string;
  params: Params;
  rows: number;
  firstMs: number;
  /** Median of the EARLY_RUNS runs after the first: what a reader's first few queries take. */
  earlyMedianMs: number;
  warmMedianMs: number;
  warmMinMs: number;
  warmMaxMs: number;
  nodeWarmMedianMs: number;
}

export interface DistFile {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

export interface WasmBenchResult {
  publicDataDir: string;
  observations: number;
  dataBytes: number;
  dataGzipBytes: number;
  bundle: string;
  duckdbVersion: string;
  instantiateMs: number;
  loadMs: number;
  totalMs: number;
  /** With --url: the same load through registerFileURL. */
  urlLoad?: { instantiateMs: number; loadMs: number; totalMs: number };
  /** A load of every public table (the top-level timings are the site's load, CATALOG_TABLES). */
  allTablesLoad: { bytes: number; instantiateMs: number; loadMs: number; totalMs: number };
  /** Bytes of the CSV files the site loads. */
  siteBytes: number;
  queries: WasmQueryTiming[];
  warmRuns: number;
  warmupRuns: number;
  dist: DistFile[];
  /** 1-minute load average before and after (the machine is shared). */
  loadAverage: [number, number];
  cpus: number;
  chromium: string;
}

export interface WasmBenchOptions {
  /** A public data directory (as the data build writes it). Default: generate one. */
  publicDataDir?: string;
  /** Rows of the generated package when no directory is given (default 1,000,000). */
  rows?: number;
  /** Warm runs per query (default 10). */
  warmRuns?: number;
  /**
   * Unmeasured runs between a query's first run and its warm runs (default 100; the first
   * EARLY_RUNS of them are reported as the early median). Chromium first runs WebAssembly with
   * its baseline compiler and recompiles a function with its optimising compiler only once it
   * has run enough, and for the many functions one run of a query touches only a few times
   * each, that takes many runs: the progress report of one indicator at a million rows took a
   * median 57 ms in runs 1–20, 47 in runs 41–60 and 36–41 from run 140 on. Warm means after that.
   */
  warmupRuns?: number;
  /** Also measure a registerFileURL load. */
  compareUrl?: boolean;
  log?: (line: string) => void;
}

/** Runs after the first whose median is reported as what a reader's first queries take. */
const EARLY_RUNS = 10;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function generatePublicData(rows: number, dir: string, log: (l: string) => void): Promise<string> {
  const { generateSynthetic } = await import('../generate-synthetic.ts');
  const { buildData } = await import('../../src/build/build-data.ts');
  const dataDir = path.join(dir, 'package');
  const outDir = path.join(dir, 'public');
  let t = performance.now();
  await generateSynthetic({ outDir: dataDir, rows, counties: 200, indicators: 12, seed: 1 });
  log(`  generated a synthetic package of ~${rows.toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  await buildData({ dataDir, outDir, now: new Date('2100-01-01T00:00:00Z') });
  log(`  built its public data in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return outDir;
}

async function distSizes(files: Record<string, number>, dir: string): Promise<DistFile[]> {
  const out: DistFile[] = [];
  for (const file of Object.keys(files).filter((f) => /duckdb/.test(f)).sort()) {
    const bytes = await readFile(path.join(dir, file));
    out.push({
      file,
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length,
    });
  }
  return out;
}

export async function benchWasm(options: WasmBenchOptions = {}): Promise<WasmBenchResult> {
  const log = options.log ?? ((l: string) => console.error(l));
  const warmRuns = options.warmRuns ?? 10;
  const warmupRuns = Math.max(options.warmupRuns ?? 100, EARLY_RUNS);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-wasm-'));
  const load0 = os.loadavg()[0]!;
  try {
    const publicDataDir = options.publicDataDir
      ? path.resolve(options.publicDataDir)
      : await generatePublicData(options.rows ?? 1_000_000, tmp, log);
    let dataBytes = 0;
    let dataGzipBytes = 0;
    let siteBytes = 0;
    for (const t of PUBLIC_TABLES) {
      const buf = await readFile(path.join(publicDataDir, t.file));
      dataBytes += buf.length;
      dataGzipBytes += gzipSync(buf, { level: 6 }).length;
      if (CATALOG_TABLES.includes(t.name)) siteBytes += buf.length;
    }

    // Parameters and DuckDB for Node's own warm latency, for comparison.
    const node = await openNodeEngine(publicDataDir);
    const catalog = Object.values(queries) as unknown as CatalogEntry[];
    const candidates = await candidatesFor(node);
    const observations = Number((await node.query('SELECT count(*) AS n FROM observations'))[0]!.n);
    const plans = [];
    for (const { q, label, params } of benchCases(catalog, candidates)) {
      const times: number[] = [];
      for (let i = 0; i <= Math.min(warmRuns, 5); i++) {
        const t = performance.now();
        await node.query(q.sql, params);
        if (i > 0) times.push(performance.now() - t);
      }
      plans.push({ q, label, params, nodeWarmMedianMs: median(times) });
    }
    await node.close();

    const session = await startHarnessSession({ bench: publicDataDir }, path.join(tmp, 'harness'));
    try {
      const chromium = session.browser.version();
      log(`  Chromium ${chromium}; ${observations.toLocaleString('en')} observations; public CSV ${(dataBytes / 2 ** 20).toFixed(1)} MiB`);
      let urlLoad: WasmBenchResult['urlLoad'];
      if (options.compareUrl) {
        const u = await session.open('bench', { files: 'url' });
        urlLoad = u.timings;
        log(`  registerFileURL load: instantiate ${u.timings.instantiateMs.toFixed(0)} ms, load ${u.timings.loadMs.toFixed(0)} ms`);
      }
      const all = await session.open('bench');
      const allTablesLoad = { bytes: dataBytes, ...all.timings };
      log(`  every table: instantiate ${all.timings.instantiateMs.toFixed(0)} ms, load ${all.timings.loadMs.toFixed(0)} ms`);
      const opened = await session.open('bench', { tables: [...CATALOG_TABLES] });
      log(`  the site's tables: instantiate ${opened.timings.instantiateMs.toFixed(0)} ms, load ${opened.timings.loadMs.toFixed(0)} ms`);
      const timings: WasmQueryTiming[] = [];
      for (const { q, label, params, nodeWarmMedianMs } of plans) {
        const first = await session.timeQuery({ sql: q.sql, params }, warmupRuns);
        const t = await session.timeQuery({ sql: q.sql, params }, warmRuns - 1);
        const early = first.warmMs.slice(0, EARLY_RUNS);
        t.warmMs.push(t.firstMs);
        timings.push({
          name: q.name,
          label,
          params,
          rows: t.rows,
          firstMs: first.firstMs,
          earlyMedianMs: median(early),
          warmMedianMs: median(t.warmMs),
          warmMinMs: Math.min(...t.warmMs),
          warmMaxMs: Math.max(...t.warmMs),
          nodeWarmMedianMs,
        });
      }
      if (session.foreign.length) throw new Error(`the page tried to fetch from elsewhere: ${session.foreign.join(', ')}`);
      return {
        publicDataDir,
        observations,
        dataBytes,
        dataGzipBytes,
        bundle: opened.bundle,
        duckdbVersion: opened.duckdbVersion,
        ...opened.timings,
        urlLoad,
        allTablesLoad,
        siteBytes,
        queries: timings,
        warmRuns,
        warmupRuns,
        dist: await distSizes(session.build.files, session.build.dir),
        loadAverage: [load0, os.loadavg()[0]!],
        cpus: os.cpus().length,
        chromium,
      };
    } finally {
      await session.close();
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * What each query is measured with: the parameters a page gives it (pages always ask for one
 * indicator: src/site/model.ts, src/client/indicator-view.ts), and, for a query whose example asks for
 * every indicator (the terminal report, the whole-dataset summaries), that too.
 */
function benchCases(catalog: CatalogEntry[], candidates: Awaited<ReturnType<typeof candidatesFor>>) {
  const richestIndicator = candidates.indicator?.find((x) => x !== null) ?? null;
  return catalog.flatMap((q) => {
    const params = baseParams(q, candidates);
    if (!q.params.includes('indicator') || params.indicator !== null) return [{ q, label: q.name, params }];
    return [
      { q, label: `${q.name} (one indicator)`, params: { ...params, indicator: richestIndicator } },
      { q, label: `${q.name} (every indicator)`, params },
    ];
  });
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(2)} MiB`;

export function printWasm(r: WasmBenchResult): void {
  console.log(
    `DuckDB-WASM ${r.duckdbVersion} (${r.bundle} bundle) in Chromium ${r.chromium}, ${r.observations.toLocaleString('en')} observations ` +
      `(public CSV ${mib(r.dataBytes)}, ${mib(r.dataGzipBytes)} gzip); ${r.cpus} CPUs, load average ${r.loadAverage[0].toFixed(1)} → ${r.loadAverage[1].toFixed(1)}`,
  );
  const left = PUBLIC_TABLES.map((t) => t.name).filter((n) => !CATALOG_TABLES.includes(n));
  console.log(
    `  the site's tables (${mib(r.siteBytes)} of CSV, without ${left.join(', ')}): instantiate ${r.instantiateMs.toFixed(0)} ms, ` +
      `data load ${r.loadMs.toFixed(0)} ms, ready after ${r.totalMs.toFixed(0)} ms (fetch + registerFileBuffer)`,
  );
  console.log(
    `  every table (${mib(r.allTablesLoad.bytes)}): instantiate ${r.allTablesLoad.instantiateMs.toFixed(0)} ms, ` +
      `data load ${r.allTablesLoad.loadMs.toFixed(0)} ms, ready after ${r.allTablesLoad.totalMs.toFixed(0)} ms`,
  );
  if (r.urlLoad) {
    console.log(`  registerFileURL instead: instantiate ${r.urlLoad.instantiateMs.toFixed(0)} ms, data load ${r.urlLoad.loadMs.toFixed(0)} ms, ready after ${r.urlLoad.totalMs.toFixed(0)} ms`);
  }
  console.log(
    `  queries on the site's tables   rows    first ms  runs 2–${EARLY_RUNS + 1} ms   warm median (min–max) ms   node warm ms` +
      `   (warm = median of ${r.warmRuns} after ${r.warmupRuns} unmeasured)`,
  );
  for (const q of r.queries) {
    console.log(
      `  ${q.label.padEnd(29)} ${String(q.rows).padStart(5)} ${q.firstMs.toFixed(0).padStart(10)} ${q.earlyMedianMs.toFixed(1).padStart(12)} ` +
        `${q.warmMedianMs.toFixed(1).padStart(12)} (${q.warmMinMs.toFixed(0)}–${q.warmMaxMs.toFixed(0)})`.padEnd(40) +
        `${q.nodeWarmMedianMs.toFixed(1).padStart(8)}${q.warmMedianMs < 50 ? '' : '   ≥ 50 ms'}`,
    );
  }
  const under = r.queries.filter((q) => q.warmMedianMs < 50).length;
  console.log(`  warm under 50 ms: ${under} of ${r.queries.length} queries`);
  console.log(`  dist, DuckDB-WASM files (gzip -9, brotli q9):`);
  for (const f of r.dist) console.log(`    ${f.file.padEnd(48)} ${mib(f.bytes).padStart(10)} ${mib(f.gzip).padStart(10)} ${mib(f.brotli).padStart(10)}`);
  const sum = (k: 'bytes' | 'gzip' | 'brotli') => r.dist.reduce((n, f) => n + f[k], 0);
  console.log(`    ${'total'.padEnd(48)} ${mib(sum('bytes')).padStart(10)} ${mib(sum('gzip')).padStart(10)} ${mib(sum('brotli')).padStart(10)}`);
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const args = process.argv.slice(2);
  const option = (name: string) => takeOption(args, name);
  const flag = (name: string) => takeFlag(args, name);
  const rows = Number(option('--rows') ?? 1_000_000);
  const warmRuns = Number(option('--runs') ?? 10);
  const warmupRuns = Number(option('--warmup') ?? 100);
  const compareUrl = flag('--url');
  const dir = args[0];
  if (dir && !(await stat(dir).catch(() => null))?.isDirectory()) {
    console.error(`${dir}: not a directory`);
    process.exit(2);
  }
  if (dir) {
    const missing = [];
    for (const t of PUBLIC_TABLES) if (!(await readdir(dir)).includes(t.file)) missing.push(t.file);
    if (missing.length) {
      console.error(`${dir} is not a public data directory (missing ${missing.join(', ')}); build one with npm run build:data`);
      process.exit(2);
    }
  }
  printWasm(await benchWasm({ publicDataDir: dir, rows, warmRuns, warmupRuns, compareUrl }));
}
