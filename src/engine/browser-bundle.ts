/// <reference types="vite/client" />
/**
 * The DuckDB-WASM files, served from our own origin. BROWSER-ONLY: import this (and
 * ./wasm.ts) from client-side code only, never from Astro frontmatter or anything the build
 * runs in Node.
 *
 * Vite's `?url` makes each file a hashed asset in dist and gives its URL (respecting
 * `base`). Only the `eh` (WebAssembly exceptions: every current browser) and `mvp` (fallback)
 * bundles are referenced; `coi` (threads, needs cross-origin isolation) is left out on
 * purpose: it would add another ~33 MiB wasm + 1.5 MiB of workers to dist for nothing, since
 * a static host rarely sends COOP/COEP. Nothing is ever fetched from a CDN.
 */
import type { DuckDBBundles } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import guardWorker from './duckdb-browser-guard.worker.js?url';

export const LOCAL_BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/**
 * The worker to start for a DuckDB bundle: our guard (./duckdb-browser-guard.worker.js), which
 * starts fetching and compiling the bundle's wasm at once, runs DuckDB's worker script, and
 * turns a failure to fetch or compile the wasm, which DuckDB's worker leaves unanswered, into
 * the Worker's error event.
 */
export function guardedWorkerUrl(duckdbWorker: string, wasm: string): string {
  const url = new URL(guardWorker, globalThis.location.href);
  url.searchParams.set('worker', new URL(duckdbWorker, globalThis.location.href).href);
  url.searchParams.set('wasm', new URL(wasm, globalThis.location.href).href);
  return url.href;
}
