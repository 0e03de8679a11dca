/*
 * DuckDB-WASM's browser worker, guarded. BROWSER-ONLY: a classic worker script, served as it is
 * (src/engine/browser-bundle.ts imports its URL); the DuckDB worker to run and its wasm are named
 * in its query (`?worker=<url>&wasm=<url>`).
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
 * The wasm is fetched and compiled from the moment this worker starts. DuckDB's worker would
 * only ask for it once its own script is evaluated and the page's `instantiate` message has
 * arrived, about 100 ms later; on a second visit, when the module comes from the cache, that is
 * a tenth of the whole first redraw.
 *
 * The compiled engine is also kept for the next visit this way. Chromium keeps a large module's
 * compiled code beside its HTTP cache entry, and uses it on the next visit instead of compiling
 * again, only when WebAssembly's streaming compilation is handed the Response that fetch() gave.
 * DuckDB's worker wraps its response in a new Response around a stream of its own (to count the
 * bytes for its progress callback), which Chromium cannot cache: every visit compiled the 34 MB
 * module again. So DuckDB's worker is given a clone of the response, read for its progress, and
 * WebAssembly the response itself; whatever Response DuckDB's worker then hands
 * WebAssembly.instantiateStreaming, the module it gets is the one compiled here.
 */
const named = new URL(self.location.href).searchParams;
const early = typeof WebAssembly === 'object' && WebAssembly.compileStreaming && named.get('wasm') ? compileAtOnce(named.get('wasm')) : null;

/** The wasm's download and compilation, started now: the response, a clone for DuckDB's worker, the module. */
function compileAtOnce(wasm) {
  const url = new URL(wasm, self.location.href).href;
  const fetched = fetch(url, { credentials: 'same-origin' }).then((response) => ({ response, copy: response.clone() }));
  const module = fetched.then(({ response }) => WebAssembly.compileStreaming(response));
  // A failure surfaces when DuckDB's worker asks for the module, through the path above.
  fetched.catch(() => {});
  module.catch(() => {});
  return { url, fetched, module };
}

if (early) {
  const fetchOfWorker = self.fetch.bind(self);
  let asked = false;
  self.fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input.url, self.location.href).href;
    if (url !== early.url || asked) return fetchOfWorker(input, init);
    asked = true;
    return (await early.fetched).copy;
  };
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const counted = await source;
    // read the clone to its end (DuckDB's progress callback hears every byte), counting it for
    // the page's progress line, which cannot see a worker's downloads
    const report = reporter((await early.fetched).response);
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
    const module = await early.module;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
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
importScripts(named.get('worker'));
