/**
 * The page the parity test and the browser benchmark drive in Chromium. It imports the real
 * adapter (and through it the real Vite `?url` bundle files) and exposes a few functions on
 * `window`. The public data URL comes from `?data=` (default `/data/`); `?bundle=mvp` offers
 * DuckDB-WASM only the mvp build (to check the fallback), otherwise eh is picked.
 */
import { keep, MAX_CELLS, readKept } from '../../../src/client/kept-results.ts';
import { LOCAL_BUNDLES } from '../../../src/engine/browser-bundle.ts';
import { openWasmEngine, type WasmEngine, type WasmProgress } from '../../../src/engine/wasm.ts';
import type { Params, Row } from '../../../src/engine/types.ts';

export interface HarnessQuery {
  sql: string;
  params?: Params;
}
export type HarnessResult = { rows: Row[] } | { error: string };
export interface HarnessOpen {
  bundle: string;
  duckdbVersion: string;
  timings: WasmEngine['timings'];
  progress: { phase: string; fraction?: number; atMs: number }[];
}
export interface HarnessTiming {
  firstMs: number;
  warmMs: number[];
  rows: number;
}

declare global {
  interface Window {
    openEngine(opts?: { files?: 'buffer' | 'url'; fresh?: boolean; tables?: string[]; indicators?: string[] }): Promise<HarnessOpen>;
    runAll(queries: HarnessQuery[]): Promise<HarnessResult[]>;
    /** The same, all started at once (the engine must keep each call's parameters its own). */
    runOverlapping(queries: HarnessQuery[]): Promise<HarnessResult[]>;
    timeQuery(query: HarnessQuery, warmRuns: number): Promise<HarnessTiming>;
    closeEngine(): Promise<void>;
    /** The store of rows kept in the browser (src/client/kept-results.ts), as the views use it. */
    kept: { keep: typeof keep; readKept: typeof readKept; maxCells: number };
  }
}

const search = new URLSearchParams(location.search);
const dataUrl = search.get('data') ?? '/data/';
const bundles = search.get('bundle') === 'mvp' ? { mvp: LOCAL_BUNDLES.mvp } : undefined;
const status = document.getElementById('status')!;
let current: Promise<WasmEngine> | null = null;

function engine(): Promise<WasmEngine> {
  return (current ??= openWasmEngine(dataUrl, { bundles }));
}

window.openEngine = async (opts = {}) => {
  const progress: HarnessOpen['progress'] = [];
  const t0 = performance.now();
  const onProgress = (p: WasmProgress) => {
    progress.push({ phase: p.phase, fraction: p.fraction, atMs: performance.now() - t0 });
    status.textContent = `${p.phase}${p.fraction === undefined ? '' : ` ${Math.round(p.fraction * 100)}%`}`;
  };
  current = openWasmEngine(dataUrl, { ...opts, bundles, onProgress });
  const e = await current;
  return { bundle: e.bundle, duckdbVersion: e.duckdbVersion, timings: e.timings, progress };
};

window.runAll = async (queries) => {
  const e = await engine();
  const out: HarnessResult[] = [];
  for (const q of queries) {
    try {
      out.push({ rows: await e.query(q.sql, q.params) });
    } catch (err) {
      out.push({ error: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
};

window.runOverlapping = async (queries) => {
  const e = await engine();
  return Promise.all(
    queries.map((q) =>
      e.query(q.sql, q.params).then(
        (rows): HarnessResult => ({ rows }),
        (err: unknown): HarnessResult => ({ error: err instanceof Error ? err.message : String(err) }),
      ),
    ),
  );
};

window.timeQuery = async (q, warmRuns) => {
  const e = await engine();
  let t = performance.now();
  const rows = await e.query(q.sql, q.params);
  const firstMs = performance.now() - t;
  const warmMs: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    t = performance.now();
    await e.query(q.sql, q.params);
    warmMs.push(performance.now() - t);
  }
  return { firstMs, warmMs, rows: rows.length };
};

window.closeEngine = async () => {
  if (current) await (await current).close();
  current = null;
};

window.kept = { keep, readKept, maxCells: MAX_CELLS };

status.textContent = 'harness ready';
