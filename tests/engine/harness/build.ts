/**
 * Builds the harness page with Vite (programmatically) into a directory, the way the site's
 * client code is built: the adapter, its `?url` wasm/worker assets, hashed, under /assets/.
 */
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { duckdbWasmBytesDefine } from '../../../src/build/duckdb-wasm-bytes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface HarnessBuild {
  dir: string;
  /** Emitted files (relative path → bytes), for size reporting. */
  files: Record<string, number>;
}

export async function buildHarness(outDir?: string): Promise<HarnessBuild> {
  const dir = outDir ?? (await mkdtemp(path.join(os.tmpdir(), 'engine-harness-')));
  await build({
    configFile: false,
    root: here,
    base: '/',
    logLevel: 'warn',
    publicDir: false,
    define: duckdbWasmBytesDefine(),
    build: {
      outDir: dir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
      // as the site (astro.config.mjs): the engine's guard worker, under 4 KB, would otherwise be
      // inlined as a data: URL, whose worker cannot load DuckDB's worker from our origin
      assetsInlineLimit: 0,
      rolldownOptions: { checks: { pluginTimings: false } },
    },
  });
  const files: Record<string, number> = {};
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else files[path.relative(dir, p)] = (await stat(p)).size;
    }
  };
  await walk(dir);
  return { dir, files };
}
