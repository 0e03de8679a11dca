/**
 * The browser views' one engine: DuckDB-WASM over the public data, opened once per page and
 * only when a reader reaches for a control or a link names a state (never on a plain page
 * view), with the catalog's queries bound to it. Its progress is reported in the reader's
 * language, with the bytes loaded so far.
 */
import { VIEW_STATUS, type Locale } from '../lib/i18n.ts';
import type { Row } from '../engine/types.ts';
import type { QueryDef } from '../queries/index.ts';
import { keep, readKept } from './kept-results.ts';

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

function scopeKey(scope: CatalogScope): string {
  const set = (names: readonly string[] | undefined) => (names ? [...names].sort().join(',') : '*');
  return `${set(scope.indicators)}|${set(scope.tables)}`;
}

/** What decides a query's rows: the data (its URL holds the data version), the tables loaded, the query, its parameters. */
function resultKey<P, R>(dataUrl: string, scope: CatalogScope, query: QueryDef<P, R>, params: P): string {
  const values = query.params.map((name) => params[name] ?? null);
  return [new URL(dataUrl, location.href).href, scopeKey(scope), query.name, JSON.stringify(values)].join('|');
}

/** A query whose rows this browser has not kept (from keptCatalog). */
export class NotKept extends Error {}

/**
 * A catalog that answers only from the rows this browser kept when the engine last ran the
 * same query over the same data (./kept-results.ts), and throws NotKept for any other: a view
 * drawn once is drawn again without starting the engine.
 */
export async function keptCatalog(dataUrl: string, scope: CatalogScope = {}): Promise<Catalog> {
  const { queries } = await import('../queries/index.ts');
  return {
    queries,
    async run<P, R>(query: QueryDef<P, R>, params: P): Promise<R[]> {
      const rows = await readKept(resultKey(dataUrl, scope, query, params), query.sql);
      if (!rows) throw new NotKept(`${query.name}: no rows kept`);
      return rows as unknown as R[];
    },
  };
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
    return {
      queries,
      async run(query, params) {
        const rows = await runQuery(engine, query, params);
        void keep(resultKey(dataUrl, scope, query, params), query.sql, rows as unknown as Row[]);
        return rows;
      },
    };
  })();
}

/**
 * The catalog, opening the engine on first use. `onLine` hears the progress lines (and the
 * latest one at once); the first caller's locale words them.
 */
export function openCatalog(dataUrl: string, onLine: (line: string) => void, locale: Locale, scope: CatalogScope = {}): Promise<Catalog> {
  listeners.add(onLine);
  if (lastLine) onLine(lastLine);
  const key = scopeKey(scope);
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
