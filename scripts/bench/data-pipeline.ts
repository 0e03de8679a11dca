/**
 * Validate and build-data throughput on a generated data package, measured in a child process
 * per size so each run's peak memory (max RSS, DuckDB included) is its own.
 *   npx tsx scripts/bench/data-pipeline.ts [ROWS ...]        (default 100000 1000000)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PipelineResult {
  rows: number;
  validateSeconds: number;
  buildSeconds: number;
  peakMiB: number;
}

const self = fileURLToPath(import.meta.url);

/** Runs in the child: generate, validate, build, and print one JSON line. */
async function measureInProcess(rows: number): Promise<void> {
  const { generateSynthetic } = await import('../generate-synthetic.ts');
  const { buildData } = await import('../../src/build/build-data.ts');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-pipeline-'));
  try {
    const dataDir = path.join(dir, 'data');
    await generateSynthetic({ outDir: dataDir, rows, counties: 200, indicators: 12, seed: 1 });
    const built = await buildData({ dataDir, outDir: path.join(dir, 'public'), now: new Date('2100-01-01T00:00:00Z') });
    const result: PipelineResult = {
      rows: built.reconciliation.read,
      validateSeconds: built.seconds.validate,
      buildSeconds: built.seconds.build,
      peakMiB: process.resourceUsage().maxRSS / 1024,
    };
    console.log(JSON.stringify(result));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function benchPipeline(rows: number): PipelineResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', String(rows)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`pipeline bench for ${rows} rows failed:\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as PipelineResult;
}

export function printPipeline(r: PipelineResult): void {
  const total = r.validateSeconds + r.buildSeconds;
  console.log(
    `  ${r.rows.toLocaleString('en')} rows: validate ${r.validateSeconds.toFixed(2)} s (${Math.round(r.rows / r.validateSeconds).toLocaleString('en')} rows/s), ` +
      `build-data ${r.buildSeconds.toFixed(2)} s (${Math.round(r.rows / r.buildSeconds).toLocaleString('en')} rows/s), ` +
      `total ${total.toFixed(2)} s, peak memory ${r.peakMiB.toFixed(0)} MiB`,
  );
}

if (process.argv[1] === self) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') await measureInProcess(Number(args[1]));
  else for (const rows of (args.length ? args : ['100000', '1000000']).map(Number)) printPipeline(benchPipeline(rows));
}
