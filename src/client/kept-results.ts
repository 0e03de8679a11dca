/**
 * Query results kept in the reader's browser (IndexedDB), so that a view drawn once, reopened
 * later from its link, is drawn again at once from the same rows instead of waiting for the
 * engine: a 34 MB module to read from the cache, link and open, its tables to create, before
 * the first query (about a second on a second visit, a minute on slow 4G).
 *
 * A result is kept under what decides it: the data version (the data URL's `?v=`), the tables
 * the engine loaded (its scope), the query and its parameters; and it is used only if the
 * query's SQL is the same text as when it was kept, so a site rebuilt with other SQL over the
 * same data asks the engine again. The rows are the engine's own, as it returned them.
 *
 * IndexedDB rather than the Cache API: the Cache API exists only in secure contexts, and
 * intranet portals are often served over plain HTTP. Where IndexedDB is missing or refuses
 * (a private window, storage full), nothing is kept and every view asks the engine.
 */
import type { Row } from '../engine/types.ts';

const DATABASE = 'portal-query-results';
/** The database's version: raised whenever the stores below change. */
const LAYOUT = 2;
/** The rows of each result, and apart from them what eviction reads: when it was used, its size. */
const ROWS = 'rows';
const USES = 'uses';
/**
 * The cells (rows × columns) kept at most; beyond it the least recently used results go first.
 * On the demo a board's state is one result of 15,000 cells, an indicator's 2 results of 2,200,
 * a provincial city's briefing about 25 results of 270,000; Chromium stores them compressed,
 * about 5.4 bytes a cell (the 287,000 cells of those four took 1.5 MB on disk), so this is about
 * 11 MB: some seven briefings and a hundred other views.
 */
export const MAX_CELLS = 2_000_000;

interface KeptRows {
  key: string;
  sql: string;
  rows: Row[];
}

interface Use {
  key: string;
  /** When it was last kept or read (ms since the epoch). */
  used: number;
  cells: number;
}

let database: Promise<IDBDatabase | null> | null = null;
let lastUse = 0;

/** A use's time: strictly later than this page's previous one, so two uses in one millisecond keep their order. */
function now(): number {
  lastUse = Math.max(Date.now(), lastUse + 1);
  return lastUse;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function open(): Promise<IDBDatabase | null> {
  database ??= new Promise<IDBDatabase | null>((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    try {
      const r = indexedDB.open(DATABASE, LAYOUT);
      r.onupgradeneeded = () => {
        // a cache: another layout starts empty
        for (const name of [...r.result.objectStoreNames]) r.result.deleteObjectStore(name);
        r.result.createObjectStore(ROWS, { keyPath: 'key' });
        r.result.createObjectStore(USES, { keyPath: 'key' }).createIndex('used', 'used');
      };
      r.onsuccess = () => {
        // a newer version of this store opened in another tab (or its deletion) is not held up by this one
        r.result.onversionchange = () => {
          r.result.close();
          database = null;
        };
        resolve(r.result);
      };
      r.onerror = r.onblocked = () => resolve(null);
    } catch {
      resolve(null); // e.g. storage disabled for this origin
    }
  });
  return database;
}

/** The rows kept for `key` if they were kept for this same SQL; undefined otherwise or when nothing can be kept. */
export async function readKept(key: string, sql: string): Promise<Row[] | undefined> {
  const db = await open();
  if (!db) return undefined;
  try {
    const tx = db.transaction([ROWS, USES], 'readwrite');
    const kept = (await request(tx.objectStore(ROWS).get(key))) as KeptRows | undefined;
    if (!kept || kept.sql !== sql) return undefined;
    const rows = kept.rows;
    tx.objectStore(USES).put({ key, used: now(), cells: cellsOf(rows) } satisfies Use);
    return rows;
  } catch {
    return undefined;
  }
}

function cellsOf(rows: readonly Row[]): number {
  return rows.length * Object.keys(rows[0] ?? {}).length;
}

/**
 * Keeps the rows for `key`. Callers need not wait: the promise says when it is done, and never
 * fails (a failure only means the rows are not kept).
 */
export function keep(key: string, sql: string, rows: Row[]): Promise<void> {
  return (async () => {
    const db = await open();
    if (!db) return;
    const tx = db.transaction([ROWS, USES], 'readwrite');
    const kept = tx.objectStore(ROWS);
    const uses = tx.objectStore(USES);
    kept.put({ key, sql, rows } satisfies KeptRows);
    uses.put({ key, used: now(), cells: cellsOf(rows) } satisfies Use);
    // the least recently used first, until what is left fits
    const all = (await request(uses.index('used').getAll())) as Use[];
    let total = all.reduce((n, u) => n + u.cells, 0);
    for (const oldest of all) {
      if (total <= MAX_CELLS || oldest.key === key) break;
      kept.delete(oldest.key);
      uses.delete(oldest.key);
      total -= oldest.cells;
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  })().catch(() => {});
}
