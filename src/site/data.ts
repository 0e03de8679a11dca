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
  dataset: { title_zh: string; title_en: string; synthetic: boolean; publisher_zh: string; publisher_en: string };
  row_counts: Record<string, number>;
  files: { path: string; bytes: number; sha256: string }[];
}

let engine: Promise<Engine> | undefined;

export function siteEngine(): Promise<Engine> {
  engine ??= openNodeEngine(publicDataDir);
  return engine;
}

let manifest: Manifest | undefined;

export function siteManifest(): Manifest {
  const file = path.join(publicDataDir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build (it writes the data first)`);
  manifest ??= JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  return manifest;
}
