/**
 * The whole build: data package → public data → static site, published together or not at all.
 *
 * Each build assembles its own public directory (`<outDir>.build-<pid>/public`: the static
 * assets of `publicDir`, then the public data it builds) and has Astro render it into its own
 * `<outDir>.build-<pid>/dist`. Only when every step succeeded does that dist replace `outDir` and
 * the public data replace `<publicDir>/data` (the copy `astro dev` and the progress report
 * read). A failed or killed build leaves both as they were, and nothing it leaves behind is read
 * by a later build: once a killed preview's staging directory inside public/ was copied into
 * dist, shipping an embargoed release. One build at a time per outDir and per public data
 * directory (src/build/publish.ts).
 *
 * A public build's dist is leak-scanned (src/build/leak-scan.ts) before it is published. An
 * internal build (internal indicators, and with a later clock embargoed releases) publishes its
 * dist only: never into <publicDir>/data, which every later site build would copy.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildData, type Audience, type BuildResult } from './build-data.ts';
import { LeakFound, scanForLeaks } from './leak-scan.ts';
import { precompressSite, type PrecompressedFile } from './precompress.ts';
import type { Manifest } from '../site/data.ts';
import { previewFonts, previewSite, renderPreviews, type PreviewsResult } from './previews.ts';
import { acquireLock, removeLeftovers, swapIn, type Lock } from './publish.ts';
import { writeSecurityHeaders } from './security-headers.ts';

/** Where a site step reads and writes: Astro's publicDir, outDir and cacheDir. */
export interface SiteDirs {
  publicDir: string;
  outDir: string;
  cacheDir: string;
}

export interface SiteBuildOptions {
  dataDir: string;
  /** Holds the static assets the site serves besides the data; its data/ receives the public data. */
  publicDir: string;
  outDir: string;
  now?: Date;
  audience?: Audience;
  log?: (line: string) => void;
  /** Renders the site (astro build by default). */
  siteStep?: (dirs: SiteDirs, log: (line: string) => void) => Promise<void>;
}

export interface SiteBuildResult {
  data: BuildResult;
  /** The .br and .gz written beside the scripts, wasm and data (src/build/precompress.ts). */
  precompressed: PrecompressedFile[];
  /** The link previews drawn (src/build/previews.ts). */
  previews: PreviewsResult;
  seconds: { data: number; site: number };
}

const require = createRequire(import.meta.url);

export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildResult> {
  const log = options.log ?? (() => {});
  const outDir = path.resolve(options.outDir);
  const publicDir = path.resolve(options.publicDir);
  const publicData = path.join(publicDir, 'data');
  const audience = options.audience ?? 'public';
  const publishesData = audience === 'public';
  // Before anything is built: a machine without the fonts learns it at once.
  const fonts = previewFonts();
  const locks: Lock[] = [];
  try {
    locks.push(await acquireLock(outDir, log));
    if (publishesData) locks.push(await acquireLock(publicData, log));
    await removeLeftovers(outDir, log);
    if (publishesData) await removeLeftovers(publicData, log);
    const work = `${outDir}.build-${process.pid}`;
    const dirs: SiteDirs = { publicDir: path.join(work, 'public'), outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'astro-cache') };
    const staging = `${publicData}.staging-${process.pid}`;
    try {
      await fs.rm(work, { recursive: true, force: true });
      await copyStaticAssets(publicDir, dirs.publicDir);
      const t0 = performance.now();
      const data = await buildData({ dataDir: options.dataDir, outDir: path.join(dirs.publicDir, 'data'), now: options.now, audience, log });
      const t1 = performance.now();
      await (options.siteStep ?? astroBuild)(dirs, log);
      await writeSecurityHeaders(dirs.outDir);
      const t2 = performance.now();
      if (data.withheld) {
        const leaks = await scanForLeaks(dirs.outDir, data.withheld);
        if (leaks.length > 0) throw new LeakFound(leaks, `the site for ${outDir}`);
        log(`  leak scan: nothing withheld in the site (${((performance.now() - t2) / 1000).toFixed(1)} s)`);
      }
      // After the scan: a preview is drawn from its page, which the scan has read (it cannot read a PNG).
      const previews = await renderPreviews(dirs.outDir, {
        fonts,
        site: previewSite(JSON.parse(await fs.readFile(path.join(dirs.publicDir, 'data/manifest.json'), 'utf8')) as Manifest),
        log,
      });
      if (previews.files.length > 0 && !process.env.PORTAL_SITE) {
        log('  link previews: PORTAL_SITE is not set, so og:image is a path, not an address; set PORTAL_SITE=https://your.host for chats that need one');
      }
      // After the scan, which reads the files these copies are made of.
      const precompressed = await precompressSite(dirs.outDir, { log });
      if (publishesData) {
        // publicDir may be on another file system than outDir: its data is copied beside it
        // first, so that publishing is two renames.
        await fs.cp(path.join(dirs.publicDir, 'data'), staging, { recursive: true });
      }
      await swapIn(dirs.outDir, outDir);
      if (publishesData) await swapIn(staging, publicData);
      return { data, precompressed, previews, seconds: { data: (t1 - t0) / 1000, site: (t2 - t1) / 1000 } };
    } finally {
      await fs.rm(work, { recursive: true, force: true });
      await fs.rm(staging, { recursive: true, force: true });
    }
  } finally {
    for (const lock of locks.reverse()) await lock.release();
  }
}

/**
 * Everything in publicDir but the public data and what builds keep beside it (data.lock,
 * data.staging-<pid> …): those are published from the build's own data only.
 */
async function copyStaticAssets(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const name of await fs.readdir(from).catch(() => [] as string[])) {
    if (name === 'data' || name.startsWith('data.')) continue;
    await fs.cp(path.join(from, name), path.join(to, name), { recursive: true });
  }
}

async function astroBuild(dirs: SiteDirs, log: (line: string) => void): Promise<void> {
  // astro's package exports hide its CLI file: locate it from the package root.
  const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
  // Vite's own import.meta.env names, which a vitest worker has in process.env (BASE_URL=/ …):
  // inherited, Astro's pages read them instead of its config, and a site built with a base path
  // linked to the root.
  const { BASE_URL, MODE, DEV, PROD, SSR, ...env } = process.env;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', dirs.outDir], {
      env: { ...env, PORTAL_PUBLIC_DIR: dirs.publicDir, PORTAL_ASTRO_CACHE_DIR: dirs.cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
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
}
