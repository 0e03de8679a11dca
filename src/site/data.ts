/**
 * Build-time access to the public data for pages: one engine and one manifest per build.
 * Pages read exactly what the data build published (<public dir>/data), nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openNodeEngine } from '../engine/node.ts';
import type { Engine } from '../engine/types.ts';

export const publicDataDir = path.resolve(process.env.PORTAL_PUBLIC_DIR ?? 'public', 'data');

export interface Manifest {
  data_version: string;
  data_as_of: string | null;
  /** internal: the bureau's own site, every page marked (src/site/audience.ts); absent in manifests written before audiences. */
  audience?: 'public' | 'internal';
  dataset: {
    title_zh: string;
    title_en: string;
    synthetic: boolean;
    publisher_zh: string;
    publisher_en: string;
    /** The indicator of the home page's map; null or absent: chosen by coverage (see homeMap in model.ts). */
    home_indicator?: string | null;
    about_band_pp?: number;
  };
  row_counts: Record<string, number>;
  files: { path: string; bytes: number; sha256: string }[];
}

let engine: Promise<Engine> | undefined;

export function siteEngine(): Promise<Engine> {
  engine ??= openNodeEngine(publicDataDir).then((e) => (process.env.PORTAL_PROFILE ? profiled(e) : e));
  return engine;
}

/**
 * PORTAL_PROFILE=1: how much of the build the queries take, printed when the build ends. Times
 * are from call to answer: the model asks series ahead of the pages (see askAhead in model.ts),
 * so a query's time may include waiting for the one before it.
 */
function profiled(inner: Engine): Engine {
  const stats = new Map<string, { calls: number; ms: number }>();
  process.on('exit', () => {
    const top = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
    for (const [sql, s] of top) console.error(`[profile] ${s.calls} calls ${s.ms.toFixed(0)} ms  ${sql}`);
  });
  return {
    async query(sql, params) {
      const t0 = performance.now();
      try {
        return await inner.query(sql, params);
      } finally {
        const key = sql.replace(/\s+/g, ' ').slice(0, 90);
        const s = stats.get(key) ?? { calls: 0, ms: 0 };
        s.calls++;
        s.ms += performance.now() - t0;
        stats.set(key, s);
      }
    },
    close: () => inner.close(),
  };
}

let manifest: Manifest | undefined;

export function siteManifest(): Manifest {
  const file = path.join(publicDataDir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build (it writes the data first)`);
  manifest ??= JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  return manifest;
}
