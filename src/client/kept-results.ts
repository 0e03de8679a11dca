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
const STORE = 'results';
/** Kept results (a view's state takes 1 to 6); the least recently used go first beyond this. */
export const MAX_KEPT = 240;

interface Kept {
  key: string;
  sql: string;
  rows: Row[];
  /** When it was last kept or read (ms since the epoch): the least recent go first. */
  used: number;
}

let database: Promise<IDBDatabase | null> | null = null;

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
      const r = indexedDB.open(DATABASE, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'key' }).createIndex('used', 'used');
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
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const kept = (await request(store.get(key))) as Kept | undefined;
    if (!kept || kept.sql !== sql) return undefined;
    store.put({ ...kept, used: Date.now() });
    return kept.rows;
  } catch {
    return undefined;
  }
}

/** Keeps the rows for `key` (in the background; a failure only means they are not kept). */
export function keep(key: string, sql: string, rows: Row[]): void {
  void (async () => {
    const db = await open();
    if (!db) return;
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    store.put({ key, sql, rows, used: Date.now() } satisfies Kept);
    const excess = (await request(store.count())) - MAX_KEPT;
    if (excess > 0) for (const oldest of await request(store.index('used').getAllKeys(null, excess))) store.delete(oldest);
  })().catch(() => {});
}
