/**
 * Reading the committed data/ directory in the import tests. These tests never read
 * ../shared: they check what the import wrote and what the build will read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

export type Row = Record<string, string>;

export function readText(relative: string): string {
  return readFileSync(path.join(DATA_DIR, relative), 'utf8');
}

/** Header and rows of a data CSV, parsed strictly. */
export function readCsv(relative: string): { header: string[]; rows: Row[] } {
  const result = Papa.parse<Row>(readText(relative), { header: true, skipEmptyLines: true });
  if (result.errors.length > 0) throw new Error(`${relative}: ${result.errors[0]!.message}`);
  return { header: result.meta.fields ?? [], rows: result.data };
}

export function listFiles(relativeDir: string, ext: string): string[] {
  return readdirSync(path.join(DATA_DIR, relativeDir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => `${relativeDir}/${f}`);
}

/** The one observation of a key across all releases, with the release it is in. */
export function findObservations(jurisdiction: string, indicator: string, period: string): (Row & { release: string })[] {
  const out: (Row & { release: string })[] = [];
  for (const file of listFiles('observations', '.csv')) {
    for (const r of readCsv(file).rows) {
      if (r.jurisdiction === jurisdiction && r.indicator === indicator && r.period === period) {
        out.push({ ...r, release: path.basename(file, '.csv') });
      }
    }
  }
  return out;
}
