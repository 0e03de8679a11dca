/**
 * The browser views' one engine: DuckDB-WASM over the public data, opened once per page and
 * only when a reader reaches for a control or a link names a state (never on a plain page
 * view), with the catalog's queries bound to it. Its progress is reported in the reader's
 * language, with the bytes loaded so far.
 */
import { VIEW_STATUS, type Locale } from '../lib/i18n.ts';
import type { QueryDef } from '../queries/index.ts';

type Queries = typeof import('../queries/index.ts')['queries'];

export interface Catalog {
  queries: Queries;
  run<P, R>(query: QueryDef<P, R>, params: P): Promise<R[]>;
}

/** Whether this browser can run the engine at all (DuckDB-WASM needs WebAssembly and a worker). */
export function canQuery(): boolean {
  return typeof WebAssembly !== 'undefined' && typeof Worker !== 'undefined';
}

/**
 * What a view queries, so that only that is downloaded: `indicators`, only their observations
 * (default: every indicator's); `tables`, only these public tables (default: VIEW_TABLES, the
 * catalog's but the projects ledger). A query reading anything left out fails.
 */
export interface CatalogScope {
  indicators?: readonly string[];
  tables?: readonly string[];
}

/** Per scope: each view on a page with the same scope shares one engine. */
const catalogs = new Map<string, Promise<Catalog>>();
const listeners = new Set<(line: string) => void>();
let lastLine = '';

function say(line: string): void {
  lastLine = line;
  for (const l of listeners) l(line);
}

/**
 * Bytes over the network so far: the page's responses (scripts, DuckDB's worker, the data), from
 * the browser's own accounting, and the engine's wasm, which its worker fetches where the page's
 * accounting does not see it (`engineBytes`, src/engine/wasm.ts).
 */
function bytesLoaded(engineBytes = 0): number {
  return performance.getEntriesByType('resource').reduce((n, e) => n + ((e as PerformanceResourceTiming).transferSize || 0), engineBytes);
}

function megabytes(n: number): string {
  return `${(n / 1048576).toFixed(1)} MB`;
}

function open(dataUrl: string, locale: Locale, scope: CatalogScope): Promise<Catalog> {
  const words = VIEW_STATUS[locale];
  if (!canQuery()) return Promise.reject(new Error('this browser has no WebAssembly or no Worker'));
  return (async () => {
    const [{ openWasmEngine }, { queries, runQuery }, { VIEW_TABLES }] = await Promise.all([
      import('../engine/wasm.ts'),
      import('../queries/index.ts'),
      import('../engine/tables.ts'),
    ]);
    const engine = await openWasmEngine(dataUrl, {
      tables: scope.tables ?? VIEW_TABLES,
      indicators: scope.indicators,
      // 'ready' closes the data's loading: the line must not go back to the engine's words
      onProgress: (p) => say(`${p.phase === 'instantiating' ? words.engine : words.data}… ${megabytes(bytesLoaded(p.engineBytes))}`),
    });
    return { queries, run: (query, params) => runQuery(engine, query, params) };
  })();
}

/**
 * The catalog, opening the engine on first use. `onLine` hears the progress lines (and the
 * latest one at once); the first caller's locale words them.
 */
export function openCatalog(dataUrl: string, onLine: (line: string) => void, locale: Locale, scope: CatalogScope = {}): Promise<Catalog> {
  listeners.add(onLine);
  if (lastLine) onLine(lastLine);
  const set = (names: readonly string[] | undefined) => (names ? [...names].sort().join(',') : '*');
  const key = `${set(scope.indicators)}|${set(scope.tables)}`;
  let catalog = catalogs.get(key);
  if (!catalog) {
    catalog = open(dataUrl, locale, scope).catch((err: unknown) => {
      catalogs.delete(key);
      throw err;
    });
    catalogs.set(key, catalog);
  }
  return catalog.finally(() => listeners.delete(onLine));
}

/** Starts opening the engine ahead of a likely first query; failures are reported by the query itself. */
export function prefetchCatalog(
  dataUrl: string,
  locale: Locale = document.documentElement.lang === 'en' ? 'en' : 'zh-CN',
  scope: CatalogScope = {},
): void {
  void openCatalog(dataUrl, () => {}, locale, scope).catch(() => {});
}
