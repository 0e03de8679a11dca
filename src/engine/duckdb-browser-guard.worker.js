/*
 * DuckDB-WASM's browser worker, guarded. BROWSER-ONLY: a classic worker script, served as it is
 * (src/engine/browser-bundle.ts imports its URL); the DuckDB worker to run is named in its query
 * (`?worker=<url>`).
 *
 * DuckDB's worker fetches and compiles its .wasm in a promise whose failure nothing handles:
 * when the download fails (network, 404) or the module does not compile, it answers no request
 * ever again, and the page would wait forever. Here such a failure becomes an uncaught error,
 * which the page hears as the Worker's `error` event (src/engine/wasm.ts fails the engine on it).
 * The name keeps it among the engine workers that are served with the worker's
 * Content-Security-Policy (isEngineWorker in src/build/security-headers.ts).
 */
self.addEventListener('unhandledrejection', (event) => {
  throw event.reason instanceof Error ? event.reason : new Error(String(event.reason));
});
importScripts(new URL(self.location.href).searchParams.get('worker'));
