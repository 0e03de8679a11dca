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

/*
 * The compiled engine kept for the next visit. Chromium keeps a large module's compiled code
 * beside its HTTP cache entry, and uses it on the next visit instead of compiling again, only
 * when WebAssembly.instantiateStreaming is handed the Response that fetch() gave. DuckDB's
 * worker hands it a new Response around a stream of its own (to count the bytes for its
 * progress callback), which Chromium cannot cache: every visit compiled the 34 MB module again.
 * So the wasm's response is cloned here: DuckDB's worker reads the clone for its progress, and
 * WebAssembly gets the response itself. (If DuckDB's worker ever stops fetching the wasm this
 * way, nothing is kept aside and its own Response is compiled as before.)
 */
if (typeof WebAssembly === 'object' && WebAssembly.instantiateStreaming) {
  const fetchOfWorker = self.fetch.bind(self);
  const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
  let wasmResponse = null;
  self.fetch = async (input, init) => {
    const response = await fetchOfWorker(input, init);
    const url = new URL(typeof input === 'string' ? input : input.url, self.location.href);
    if (!url.pathname.endsWith('.wasm')) return response;
    wasmResponse = response;
    return response.clone();
  };
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const counted = await source;
    const own = wasmResponse;
    wasmResponse = null;
    if (!own) return instantiateStreaming(counted, imports);
    // read the clone to its end, so that DuckDB's progress callback hears every byte
    counted.body?.pipeTo(new WritableStream()).catch(() => {});
    return instantiateStreaming(own, imports);
  };
}
importScripts(new URL(self.location.href).searchParams.get('worker'));
