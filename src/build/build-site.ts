/**
 * The whole build: data package → public data → static site. The data goes into
 * <publicDir>/data and Astro copies publicDir into outDir, so the site serves exactly the
 * files its pages were rendered from.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildData, type BuildResult } from './build-data.ts';

export interface SiteBuildOptions {
  dataDir: string;
  /** Receives data/ (the public data) and any static assets; Astro copies it into outDir. */
  publicDir: string;
  outDir: string;
  now?: Date;
  log?: (line: string) => void;
}

export interface SiteBuildResult {
  data: BuildResult;
  seconds: { data: number; site: number };
}

const require = createRequire(import.meta.url);

export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildResult> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const data = await buildData({ dataDir: options.dataDir, outDir: path.join(options.publicDir, 'data'), now: options.now, log });
  const t1 = performance.now();
  // astro's package exports hide its CLI file: locate it from the package root.
  const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', path.resolve(options.outDir)], {
      env: { ...process.env, PORTAL_PUBLIC_DIR: path.resolve(options.publicDir), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => {
      output += b;
      for (const line of b.toString().split('\n')) if (/generating|Complete|error/i.test(line)) log(`  ${line.trim()}`);
    });
    child.stderr.on('data', (b: Buffer) => (output += b));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed (exit ${code}):\n${output.slice(-4000)}`))));
  });
  return { data, seconds: { data: (t1 - t0) / 1000, site: (performance.now() - t1) / 1000 } };
}
