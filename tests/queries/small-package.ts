/**
 * A small data package for one test: a few CSV texts written into a temporary directory beside
 * the indicators, jurisdictions and exchange rates of fixtures/package, built with the project's
 * data build (validation and embargo included) and opened in DuckDB for Node.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildData } from '../../src/build/build-data.ts';
import { openNodeEngine } from '../../src/engine/node.ts';
import type { Engine } from '../../src/engine/types.ts';
import { PACKAGE } from './helpers.ts';

const SHARED_FILES = ['indicators.csv', 'jurisdictions.csv', 'exchange_rates.csv'];

export interface SmallPackage {
  /** The data package directory (what `npm run progress -- --data` reads). */
  dataDir: string;
  engine: Engine;
  /** Closes the engine and removes the directory. */
  close(): Promise<void>;
}

/**
 * Writes `files` (path inside the package → CSV text, e.g. 'observations/r1.csv') over the
 * shared files, builds it with the embargo clock at `now`, and opens the built public data.
 */
export async function openSmallPackage(files: Record<string, string>, now = new Date('2026-01-01T00:00:00Z')): Promise<SmallPackage> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'small-package-'));
  const dataDir = path.join(root, 'data');
  const outDir = path.join(root, 'public');
  for (const file of SHARED_FILES) await writeFile(dataDir, file, await fs.readFile(path.join(PACKAGE, file), 'utf8'));
  for (const [file, text] of Object.entries(files)) await writeFile(dataDir, file, text);
  await buildData({ dataDir, outDir, now });
  const engine = await openNodeEngine(outDir);
  return {
    dataDir,
    engine,
    async close() {
      await engine.close();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

async function writeFile(dir: string, file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await fs.writeFile(path.join(dir, file), text.endsWith('\n') ? text : `${text}\n`);
}
