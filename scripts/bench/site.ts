/**
 * The site benchmark, per data package: build time, dist size (total and without the
 * DuckDB-WASM files), and for one page per template and language (found by crawling from `/`
 * and `/en/`): the first view's transfer (the HTML and every resource the page loads on view
 * in Chromium, each gzip -9 compressed as a server would send it) and Lighthouse's mobile
 * scores (performance, accessibility), measured in Debian's Chromium against the dist served
 * from 127.0.0.1 with gzip; the bytes over the wire up to the first re-render of the
 * indicator view, engine and data included (scripts/bench/rerender.ts); and how fast the zh
 * indicator, jurisdiction and board views answer a reader: the first control change cold, a warm
 * change's median, a second visit's first re-render and one on slow 4G (scripts/bench/interaction.ts).
 *
 * Lighthouse keeps its default mobile config (simulated throttling, its default CPU multiplier).
 * Simulated throttling scales the main-thread time observed on this machine, so a busy machine
 * inflates TBT: each page is run --runs times (default 3) and the run Lighthouse's own
 * computeMedianRun picks (closest to the median FCP and TTI) is reported, with every run's score
 * and TBT, the load average and Lighthouse's benchmark index (this CPU's speed at the time) so
 * the spread and the conditions are in the output. Numbers only: nothing here asserts timing.
 *
 *   npx tsx scripts/bench/site.ts [--sites default,demo,synthetic,million] [--no-lighthouse] [--runs N]
 *                                 [--only zh/indicator,en/home] [--dist DIR] [--quiet-wait SECONDS]
 *                                 [--no-slow4g]
 *
 * The share of CPUs busy in the second before each run is printed too; --quiet-wait waits up to
 * that long before each run for a second with at most half the CPUs busy (a shared machine).
 *
 * --only measures just those templates (and of the views only those on them: zh/indicator,
 * zh/jurisdiction, zh/progress); --dist measures an already built dist/ instead of building the
 * packages (to compare two builds of the same data); --no-slow4g leaves out the views' slow-4G
 * runs.
 *
 * Packages: default = data/, demo = examples/henan-demo/, synthetic = a generated province of
 * 200 counties and 12 indicators (scripts/generate-synthetic.ts, about 33 months); million = the
 * same province with a million observations (about 414 months), built for its views' speed only:
 * its pages are the synthetic site's with longer period lists, so neither their first view nor
 * Lighthouse is measured there (its build takes minutes, the first time more: brotli of the
 * 50 MB CSVs, cached afterwards).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as zc, createGzip, gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import {
  buildPackageSite,
  chromiumPath,
  CHROMIUM_ARGS,
  crawlSite,
  htmlPages,
  isDuckdbFile,
  listFiles,
  PACKAGES,
  representatives,
  templateOf,
  view,
  type Lang,
  type Template,
} from '../../tests/support/site.ts';
import { startStaticServer } from '../../tests/support/static-server.ts';
import { formatInteraction, INTERACTION_GOALS, measureInteraction, VIEW_KINDS, VIEW_TEMPLATE, type InteractionResult } from './interaction.ts';
import { formatRerender, measureFirstRerender, type RerenderBytes } from './rerender.ts';

export const SITE_PACKAGES = ['default', 'demo', 'synthetic', 'million'] as const;
export type SitePackage = (typeof SITE_PACKAGES)[number];

/** The generated stress package: a province with 200 counties, 12 indicators, ~33 months. */
export const SYNTHETIC_SITE = { counties: 200, indicators: 12, months: 33 } as const;
/** The million-observation package: the same province, as many months as a million rows take. */
export const MILLION_SITE_ROWS = 1_000_000;

export interface TemplateResult {
  lang: Lang;
  template: Template;
  path: string;
  /** Network requests of the first view (data: URLs excluded). */
  requests: number;
  rawBytes: number;
  /** Sum of each response compressed with gzip -9 (or raw where gzip does not help). */
  gzipBytes: number;
  htmlGzipBytes: number;
  /** Lighthouse's median run of this page. */
  lighthouse?: LighthouseResult;
  /** Every run, in order (the spread). */
  lighthouseRuns?: LighthouseResult[];
}

export interface LighthouseResult {
  performance: number | null;
  accessibility: number | null;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Lighthouse's own total transfer (bytes on the wire from the gzip server). */
  transferBytes: number;
  /** Ids of the accessibility audits that failed. */
  failedA11y: string[];
  /** The performance score's metrics that lost points (score under 0.9), weightiest first, with their values. */
  weakPerf: string[];
  /** Lighthouse's benchmark index of the run (higher = this CPU was faster then). */
  benchmarkIndex: number;
  /** 1-minute load average when the run ended. */
  loadAverage: number;
  /** Share of all CPUs busy in the second before the run (0–1; NaN where /proc/stat is unreadable). */
  busyBefore: number;
  error?: string;
}

/** Several Lighthouse runs of one page: the median run (Lighthouse's choice) and every run. */
interface LighthouseRuns {
  median: LighthouseResult;
  runs: LighthouseResult[];
}

export interface SitePackageResult {
  /** The package, or "dist" for a dist measured as built (--dist). */
  name: SitePackage | 'dist';
  description: string;
  observations?: number;
  buildSeconds: { data: number; site: number; total: number };
  pages: number;
  /** Of those, the pre-rendered briefings (/briefings/<code>/<period>/, both languages). */
  briefingPages: number;
  dist: { files: number; bytes: number; duckdbFiles: number; duckdbBytes: number };
  templates: TemplateResult[];
  /** Bytes up to the first re-render of the zh indicator page's view (scripts/bench/rerender.ts). */
  rerender?: RerenderBytes;
  /** Cold, warm, second-visit and slow-4G redraws of the zh views (scripts/bench/interaction.ts). */
  interactions: InteractionResult[];
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|wasm|manifest\+json|geo\+json)|image\/svg\+xml)/;

/** A gzip front for a static server (what a real host does), for Lighthouse. */
export async function startGzipFront(target: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, 'accept-encoding': 'identity', host: new URL(target).host };
    const up = http.request(`${target}${req.url ?? '/'}`, { method: req.method, headers }, (upRes) => {
      const type = String(upRes.headers['content-type'] ?? '');
      const gzip =
        /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && upRes.statusCode === 200 && !req.headers.range && COMPRESSIBLE.test(type);
      const out = { ...upRes.headers };
      if (gzip) {
        delete out['content-length'];
        delete out['accept-ranges'];
        out['content-encoding'] = 'gzip';
        out.vary = 'Accept-Encoding';
      }
      res.writeHead(upRes.statusCode ?? 502, out);
      if (gzip) upRes.pipe(createGzip({ level: 6 })).pipe(res);
      else upRes.pipe(res);
    });
    up.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The first view of a page in Chromium: every response, compressed as a server would. */
async function measureTransfer(browser: Browser, origin: string, pagePath: string): Promise<Omit<TemplateResult, 'lang' | 'template' | 'path'>> {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:') ? route.continue() : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const bodies: Promise<{ url: string; raw: number; gzip: number }>[] = [];
  page.on('response', (r) => {
    if (!r.url().startsWith('http')) return;
    bodies.push(
      r.body().then(
        (b) => {
          const type = r.headers()['content-type'] ?? '';
          const gz = COMPRESSIBLE.test(type) ? gzipSync(b, { level: 9, memLevel: 9, windowBits: 15, strategy: zc.Z_DEFAULT_STRATEGY }).length : b.length;
          return { url: r.url(), raw: b.length, gzip: Math.min(gz, b.length) };
        },
        () => ({ url: r.url(), raw: 0, gzip: 0 }),
      ),
    );
  });
  try {
    await view(page, origin + pagePath);
    const all = await Promise.all(bodies);
    const html = all.find((b) => new URL(b.url).pathname === pagePath);
    return {
      requests: all.length,
      rawBytes: all.reduce((n, b) => n + b.raw, 0),
      gzipBytes: all.reduce((n, b) => n + b.gzip, 0),
      htmlGzipBytes: html?.gzip ?? 0,
    };
  } finally {
    await context.close();
  }
}

/** Debian's Chromium with a DevTools port for Lighthouse (our own process, ended by its pid). */
export async function launchDebuggableChromium(): Promise<{ port: number; close(): Promise<void> }> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-lh-profile-'));
  const child: ChildProcess = spawn(
    chromiumPath(),
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, '--no-default-browser-check', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port:\n${err}`)), 30_000);
    child.stderr!.on('data', (b: Buffer) => {
      err += b;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${err}`)));
  });
  child.stderr!.resume();
  return {
    port,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}

type LighthouseFn = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: LighthouseLhr } | undefined>;
interface LighthouseLhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string }>;
  environment?: { benchmarkIndex?: number };
  runtimeError?: { message: string };
}
type MedianRunFn = (runs: LighthouseLhr[]) => LighthouseLhr;

function failedRun(error: unknown): LighthouseResult {
  return {
    performance: null, accessibility: null, fcpMs: NaN, lcpMs: NaN, tbtMs: NaN, cls: NaN, transferBytes: NaN,
    failedA11y: [], weakPerf: [], benchmarkIndex: NaN, loadAverage: os.loadavg()[0]!, busyBefore: NaN, error: String(error),
  };
}

/** Busy and total CPU time of the whole machine so far (Linux /proc/stat, in clock ticks). */
async function cpuTicks(): Promise<{ busy: number; total: number } | null> {
  try {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Share of all CPUs busy during the next second. */
async function busyShare(): Promise<number> {
  const a = await cpuTicks();
  await new Promise((r) => setTimeout(r, 1000));
  const b = await cpuTicks();
  return a && b && b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : NaN;
}

/**
 * Waits, up to `maxSeconds`, for a second in which at most `threshold` of the CPUs were busy:
 * Lighthouse's simulated throttling multiplies the main-thread time it observes, so a run that
 * shares the CPUs with a build reports that build's cost as the page's. Returns the last share.
 */
async function waitForQuiet(threshold: number, maxSeconds: number): Promise<number> {
  const until = performance.now() + maxSeconds * 1000;
  let share = await busyShare();
  while (!(share <= threshold) && performance.now() < until) share = await busyShare();
  return share;
}

async function runLighthouse(
  lighthouse: LighthouseFn,
  medianRun: MedianRunFn,
  port: number,
  url: string,
  runs: number,
  quiet: { threshold: number; maxSeconds: number },
): Promise<LighthouseRuns> {
  const lhrs: LighthouseLhr[] = [];
  const results: LighthouseResult[] = [];
  for (let i = 0; i < runs; i++) {
    const busyBefore = quiet.maxSeconds > 0 ? await waitForQuiet(quiet.threshold, quiet.maxSeconds) : await busyShare();
    try {
      const r = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      if (!r) throw new Error('no result');
      lhrs.push(r.lhr);
      results.push({ ...summarize(r.lhr), busyBefore });
    } catch (err) {
      results.push({ ...failedRun(err), busyBefore });
    }
  }
  const valid = lhrs.filter((l) => !l.runtimeError && Number.isFinite(l.audits['first-contentful-paint']?.numericValue) && Number.isFinite(l.audits.interactive?.numericValue));
  const median = valid.length ? results[lhrs.indexOf(medianRun(valid))]! : (results[0] ?? failedRun('no run'));
  return { median, runs: results };
}

function summarize(lhr: LighthouseLhr): LighthouseResult {
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const score = (c: string) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100));
  const failedA11y = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((a) => a.weight > 0 && lhr.audits[a.id]?.score === 0)
    .map((a) => a.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcpMs: num('first-contentful-paint'),
    lcpMs: num('largest-contentful-paint'),
    tbtMs: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    transferBytes: num('total-byte-weight'),
    failedA11y,
    weakPerf: (lhr.categories.performance?.auditRefs ?? [])
      .filter((a) => a.weight > 0 && (lhr.audits[a.id]?.score ?? 1) < 0.9)
      .sort((a, b) => b.weight - a.weight)
      .map((a) => `${a.id} ${lhr.audits[a.id]!.score} (${(lhr.audits[a.id]!.numericValue ?? NaN).toFixed(a.id === 'cumulative-layout-shift' ? 3 : 0)}, weight ${a.weight})`),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
    loadAverage: os.loadavg()[0]!,
    busyBefore: NaN,
    error: lhr.runtimeError?.message,
  };
}

export interface SiteBenchOptions {
  packages?: readonly SitePackage[];
  lighthouse?: boolean;
  /** Lighthouse runs per page (the median run is reported); default 3. */
  runs?: number;
  /** Only these templates, as "zh/indicator", "en/home" …; default all. */
  only?: readonly string[];
  /** Measure this built dist/ instead of building the packages. */
  dist?: string;
  /**
   * Before each Lighthouse run, wait up to this many seconds for a second in which at most
   * `quietShare` of the CPUs are busy (default 0: measure at once, still recording the share).
   */
  quietSeconds?: number;
  /** Default 0.5. */
  quietShare?: number;
  /** Open each view's state under slow-4G throttling too (default true; 40 to 70 s a view). */
  slow4g?: boolean;
  log?: (line: string) => void;
}

export async function benchSite(options: SiteBenchOptions = {}): Promise<SitePackageResult[]> {
  const log = options.log ?? ((l: string) => console.error(l));
  const packages = options.packages ?? SITE_PACKAGES;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-site-'));
  const results: SitePackageResult[] = [];
  let browser: Browser | undefined;
  let lhChrome: Awaited<ReturnType<typeof launchDebuggableChromium>> | undefined;
  let lighthouse: LighthouseFn | undefined;
  let medianRun: MedianRunFn | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    if (options.lighthouse !== false) {
      lighthouse = ((await import('lighthouse')) as unknown as { default: LighthouseFn }).default;
      medianRun = ((await import('lighthouse/core/lib/median-run.js')) as unknown as { computeMedianRun: MedianRunFn }).computeMedianRun;
      lhChrome = await launchDebuggableChromium();
    }
    const runs = Math.max(1, options.runs ?? 3);
    const measure = async (name: SitePackageResult['name'], description: string, distDir: string, buildSeconds: SitePackageResult['buildSeconds'], observations?: number) => {
      // Without the precompressed copies (.br, .gz): the size a host stores once and serves as it is.
      const files = (await listFiles(distDir)).filter((f) => !/\.(br|gz)$/.test(f.file));
      const duck = files.filter((f) => isDuckdbFile(f.file));
      const server = await startStaticServer({ roots: distDir });
      const front = await startGzipFront(server.origin);
      try {
        const crawl = await crawlSite(server.origin);
        const reps = representatives(crawl).filter((r) => name !== 'million' && (!options.only || options.only.includes(`${r.lang}/${r.template}`)));
        log(`  ${name}: ${htmlPages(crawl).length} pages; measuring ${reps.length} templates${lighthouse ? `, ${runs} Lighthouse run${runs > 1 ? 's' : ''} each` : ''} …`);
        const templates: TemplateResult[] = [];
        for (const r of reps) {
          const t: TemplateResult = { ...r, ...(await measureTransfer(browser!, server.origin, r.path)) };
          if (lighthouse && medianRun && lhChrome) {
            const lh = await runLighthouse(lighthouse, medianRun, lhChrome.port, front.origin + r.path, runs, {
              threshold: options.quietShare ?? 0.5,
              maxSeconds: options.quietSeconds ?? 0,
            });
            t.lighthouse = lh.median;
            t.lighthouseRuns = lh.runs;
            log(`    ${r.lang} ${r.template} ${r.path}: perf ${lh.median.performance ?? '—'}, TBT ${num(lh.median.tbtMs)} ms, LCP ${num(lh.median.lcpMs)} ms (${spread(lh.runs)})`);
          }
          templates.push(t);
        }
        const indicatorPage = representatives(crawl).find((r) => r.lang === 'zh' && r.template === 'indicator');
        const rerender = indicatorPage ? await measureFirstRerender(browser!, server, indicatorPage.path) : undefined;
        if (rerender) log(formatRerender(rerender));
        const interactions: InteractionResult[] = [];
        for (const kind of VIEW_KINDS) {
          const rep = representatives(crawl).find((r) => r.lang === 'zh' && r.template === VIEW_TEMPLATE[kind]);
          if (!rep || (options.only && !options.only.includes(`zh/${rep.template}`))) continue;
          const r = await measureInteraction(browser!, server, rep.path, kind, { slow4g: options.slow4g });
          for (const line of formatInteraction(r, warmGoalMs(name))) log(line);
          interactions.push(r);
        }
        results.push({
          name,
          description,
          observations,
          buildSeconds,
          pages: htmlPages(crawl).length,
          briefingPages: htmlPages(crawl).filter((u) => templateOf(u.path)?.template === 'briefing').length,
          dist: {
            files: files.length,
            bytes: files.reduce((n, f) => n + f.bytes, 0),
            duckdbFiles: duck.length,
            duckdbBytes: duck.reduce((n, f) => n + f.bytes, 0),
          },
          templates,
          rerender,
          interactions,
        });
      } finally {
        await front.close();
        await server.close();
      }
    };
    if (options.dist) {
      await measure('dist', path.resolve(options.dist), options.dist, { data: NaN, site: NaN, total: NaN });
      return results;
    }
    for (const name of packages) {
      const workDir = path.join(tmp, name);
      let dataDir: string;
      let description: string;
      let observations: number | undefined;
      if (name === 'synthetic' || name === 'million') {
        const { generateSynthetic } = await import('../generate-synthetic.ts');
        dataDir = path.join(workDir, 'package');
        const { counties, indicators } = SYNTHETIC_SITE;
        const rows = name === 'million' ? MILLION_SITE_ROWS : counties * indicators * SYNTHETIC_SITE.months;
        const summary = await generateSynthetic({ outDir: dataDir, rows, counties, indicators, seed: 1 });
        observations = summary.observations;
        description = `generated: 1 province, ${counties} counties, ${indicators} indicators, ${summary.firstPeriod}…${summary.lastPeriod}, ${summary.observations.toLocaleString('en')} rows`;
      } else {
        dataDir = PACKAGES[name];
        description = path.relative(process.cwd(), dataDir) || dataDir;
      }
      log(`  ${name}: building ${description} …`);
      // The build's own lines say where the time beyond data and site goes (leak scan, link previews, precompression).
      const built = await buildPackageSite(name, dataDir, workDir, { log: (l) => log(`    ${l.trim()}`) });
      log(`  ${name}: built in ${built.seconds.total.toFixed(1)} s`);
      try {
        await measure(name, description, built.distDir, built.seconds, observations);
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    }
    return results;
  } finally {
    await browser?.close().catch(() => {});
    await lhChrome?.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

const kb = (b: number) => (b / 1000).toFixed(1);
const num = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');

/** Every run's score and TBT, and the conditions they ran in: a busy CPU inflates simulated TBT. */
function spread(runs: readonly LighthouseResult[]): string {
  const range = (xs: number[], digits = 0) => {
    const ok = xs.filter(Number.isFinite);
    return ok.length ? `${Math.min(...ok).toFixed(digits)}–${Math.max(...ok).toFixed(digits)}` : '—';
  };
  return (
    `perf ${runs.map((x) => x.performance ?? '—').join(' ')}; TBT ms ${runs.map((x) => num(x.tbtMs)).join(' ')}; ` +
    `LCP ms ${runs.map((x) => num(x.lcpMs)).join(' ')}; CPUs busy before ${runs.map((x) => (Number.isFinite(x.busyBefore) ? `${Math.round(x.busyBefore * 100)}%` : '—')).join(' ')}; ` +
    `load ${range(runs.map((x) => x.loadAverage), 1)} on ${os.cpus().length} CPUs; benchmark index ${range(runs.map((x) => x.benchmarkIndex))}`
  );
}
const mib = (b: number) => (b / 2 ** 20).toFixed(2);

/** Goal: the first view of every template ≤ 150 KB compressed. */
export const TRANSFER_GOAL_BYTES = 150_000;
/** Goal: the demo site, briefings and all, builds in under 2 minutes (issue 11). */
export const DEMO_BUILD_GOAL_S = 120;

export function printSite(results: readonly SitePackageResult[]): void {
  for (const r of results) {
    console.log(
      Number.isFinite(r.buildSeconds.total)
        ? `${r.name} (${r.description}): ${r.pages} pages, ${r.briefingPages} of them briefings; build ${r.buildSeconds.total.toFixed(1)} s (data ${r.buildSeconds.data.toFixed(1)} s, site ${r.buildSeconds.site.toFixed(1)} s, the rest previews, scan and compression)`
        : `${r.name} (${r.description}): ${r.pages} pages, ${r.briefingPages} of them briefings`,
    );
    console.log(
      `  dist ${mib(r.dist.bytes)} MiB in ${r.dist.files} files; without DuckDB-WASM ${mib(r.dist.bytes - r.dist.duckdbBytes)} MiB ` +
        `(DuckDB-WASM: ${r.dist.duckdbFiles} files, ${mib(r.dist.duckdbBytes)} MiB)`,
    );
    if (r.templates.length) {
      console.log(`  first view (gzip -9 per response; KB = 1000 bytes)                          Lighthouse mobile`);
      console.log(`  template                 path                                  req   raw KB  gzip KB (html)    perf a11y   LCP ms   TBT ms  wire KB`);
    }
    for (const t of r.templates) {
      const lh = t.lighthouse;
      const lhCols = lh
        ? `${String(lh.performance ?? '—').padStart(7)} ${String(lh.accessibility ?? '—').padStart(4)} ${(Number.isFinite(lh.lcpMs) ? lh.lcpMs.toFixed(0) : '—').padStart(8)} ${(Number.isFinite(lh.tbtMs) ? lh.tbtMs.toFixed(0) : '—').padStart(8)} ${(Number.isFinite(lh.transferBytes) ? kb(lh.transferBytes) : '—').padStart(8)}`
        : '';
      console.log(
        `  ${`${t.lang} ${t.template}`.padEnd(24)} ${t.path.slice(0, 37).padEnd(37)} ${String(t.requests).padStart(4)} ${kb(t.rawBytes).padStart(8)} ${kb(t.gzipBytes).padStart(8)} (${kb(t.htmlGzipBytes).padStart(5)})${t.gzipBytes > TRANSFER_GOAL_BYTES ? '!' : ' '}${lhCols}`,
      );
      const runs = t.lighthouseRuns ?? [];
      if (runs.length > 1) console.log(`      ${runs.length} runs (median run above): ${spread(runs)}`);
      else if (runs.length === 1) console.log(`      1 run: load ${runs[0]!.loadAverage.toFixed(1)}, benchmark index ${num(runs[0]!.benchmarkIndex)}`);
      if (lh?.failedA11y.length) console.log(`      Lighthouse accessibility audits failed: ${lh.failedA11y.join(', ')}`);
      if (lh && (lh.performance ?? 0) < 95) console.log(`      Lighthouse performance lost points on: ${lh.weakPerf.join('; ') || '(no metric under 0.9)'}; CLS ${Number.isFinite(lh.cls) ? lh.cls.toFixed(3) : '—'}`);
      if (lh?.error) console.log(`      Lighthouse: ${lh.error.slice(0, 300)}`);
    }
    if (r.rerender) console.log(formatRerender(r.rerender));
    for (const i of r.interactions) for (const line of formatInteraction(i, warmGoalMs(r.name))) console.log(line);
  }
}

/** The goal for a warm state change's median: 250 ms at a million observations, else 100 ms. */
export function warmGoalMs(name: SitePackageResult['name']): number {
  return name === 'million' ? INTERACTION_GOALS.warmMillionMs : INTERACTION_GOALS.warmMs;
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--sites');
  const packages = (i >= 0 ? args[i + 1]!.split(',') : [...SITE_PACKAGES]) as SitePackage[];
  for (const p of packages) {
    if (!SITE_PACKAGES.includes(p)) {
      console.error(`--sites: unknown package ${p} (known: ${SITE_PACKAGES.join(', ')})`);
      process.exit(2);
    }
  }
  const option = (name: string) => {
    const k = args.indexOf(name);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const runs = Number(option('--runs') ?? 3);
  if (!(Number.isInteger(runs) && runs >= 1)) {
    console.error(`--runs: a whole number of at least 1, got ${option('--runs')}`);
    process.exit(2);
  }
  console.error(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
  printSite(
    await benchSite({
      packages,
      lighthouse: !args.includes('--no-lighthouse'),
      runs,
      only: option('--only')?.split(','),
      dist: option('--dist'),
      quietSeconds: Number(option('--quiet-wait') ?? 0),
      slow4g: !args.includes('--no-slow4g'),
    }),
  );
  console.error(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
}
