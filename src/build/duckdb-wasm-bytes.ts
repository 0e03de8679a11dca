/**
 * The raw sizes of DuckDB-WASM's two wasm modules, as a Vite `define` (`__DUCKDB_WASM_BYTES__`)
 * for the engine's progress line (src/engine/wasm.ts): the browser sees the module decoded, and
 * only from its raw size can it tell what share of the compressed bytes has arrived.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function duckdbWasmBytesDefine(): Record<string, string> {
  const size = (file: string) => statSync(require.resolve(`@duckdb/duckdb-wasm/dist/${file}`)).size;
  return { __DUCKDB_WASM_BYTES__: JSON.stringify({ eh: size('duckdb-eh.wasm'), mvp: size('duckdb-mvp.wasm') }) };
}
