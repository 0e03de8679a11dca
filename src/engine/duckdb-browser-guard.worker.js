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
    // read the clone to its end (DuckDB's progress callback hears every byte), counting it for
    // the page's progress line, which cannot see a worker's downloads
    const report = reporter(own);
    let loaded = 0;
    let reported = 0;
    counted.body
      ?.pipeTo(
        new WritableStream({
          write(chunk) {
            loaded += chunk.byteLength;
            if (loaded - reported < 256 * 1024) return;
            reported = loaded;
            report(loaded, false);
          },
          close() {
            report(loaded, true);
          },
        }),
      )
      .catch(() => {});
    return instantiateStreaming(own, imports);
  };
}

/*
 * The wasm's progress, posted to the page as { type: 'portal:engine-bytes', loaded, total, done,
 * transferred }: `loaded` bytes of the decoded module so far, `total` its Content-Length (the
 * bytes on the wire when it comes compressed), and once it has all arrived, `transferred`, the
 * bytes that came over the network for it (0 from the HTTP cache), where the browser says so.
 * src/engine/wasm.ts takes these messages before DuckDB's own listener sees them.
 */
function reporter(response) {
  const total = Number(response.headers.get('content-length')) || 0;
  return (loaded, done) => {
    const entry = done ? performance.getEntriesByName(response.url).at(-1) : undefined;
    const transferred = entry ? entry.transferSize : total || loaded;
    self.postMessage({ type: 'portal:engine-bytes', loaded, total, done, transferred: done ? transferred : undefined });
  };
}
importScripts(new URL(self.location.href).searchParams.get('worker'));
