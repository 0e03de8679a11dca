/**
 * The built site for end-to-end tests and the site benchmark: builds a data package's site
 * (data + Astro) into a temporary directory, serves it from 127.0.0.1 and crawls it.
 *
 * In vitest this file is the e2e project's globalSetup (see vitest.config.ts): it launches ONE
 * Chromium (a browser server the test files connect to) and, in the background while the unit
 * tests run, builds each data package ONCE per test run, serves each dist and crawls every
 * internal link from `/` and `/en/`. Test files get it through `inject('portal')` and
 * `waitForSite`; they never build anything themselves.
 *
 *   PORTAL_E2E_SITES=default,demo   which packages to build (default: both)
 *   PORTAL_E2E_KEEP=/some/dir       build there and keep it; a later run reuses a dist found
 *                                   there (quick iteration on tests; stale if sources changed)
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { buildSite } from '../../src/build/build-site.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The data packages the e2e tests build. */
export const PACKAGES = {
  default: path.join(REPO, 'data'),
  demo: path.join(REPO, 'examples/henan-demo'),
} as const;
export type SiteName = keyof typeof PACKAGES;

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) {
    throw new Error(`Chromium not found at ${p}: install it with ./scripts/install-browser.sh or point CHROMIUM_PATH at a Chromium binary.`);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Templates

export type Lang = 'zh' | 'en';
/** The page templates every site has. */
export const CORE_TEMPLATES = ['home', 'indicator', 'jurisdiction', 'progress', 'data', 'methodology', 'release'] as const;
/** …and the per-parent variants (an indicator or the board for one parent's children), the circulars, the briefings and the projects pages (a package with a ledger), where built. */
export const TEMPLATES = [...CORE_TEMPLATES, 'indicator-parent', 'progress-parent', 'circular', 'briefing', 'projects'] as const;
export type Template = (typeof TEMPLATES)[number];

/** The page template of a site path (`/indicators/x/` → indicator), or null for other pages. */
export function templateOf(pathname: string): { lang: Lang; template: Template } | null {
  const en = pathname === '/en/' || pathname.startsWith('/en/');
  const lang: Lang = en ? 'en' : 'zh';
  const rest = en ? pathname.slice(3) : pathname;
  if (rest === '/') return { lang, template: 'home' };
  if (/^\/indicators\/[^/]+\/$/.test(rest)) return { lang, template: 'indicator' };
  if (/^\/indicators\/[^/]+\/[^/]+\/$/.test(rest)) return { lang, template: 'indicator-parent' };
  if (/^\/jurisdictions\/[^/]+\/$/.test(rest)) return { lang, template: 'jurisdiction' };
  if (rest === '/progress/') return { lang, template: 'progress' };
  if (/^\/progress\/[^/]+\/$/.test(rest)) return { lang, template: 'progress-parent' };
  if (/^\/circulars\/[^/]+\/[^/]+\/$/.test(rest)) return { lang, template: 'circular' };
  if (/^\/briefings\/[^/]+\/[^/]+\/$/.test(rest)) return { lang, template: 'briefing' };
  if (/^\/projects\/[^/]+\/$/.test(rest)) return { lang, template: 'projects' };
  if (rest === '/data/') return { lang, template: 'data' };
  if (rest === '/methodology/') return { lang, template: 'methodology' };
  if (/^\/releases\/[^/]+\/$/.test(rest)) return { lang, template: 'release' };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Building

export interface BuiltSite {
  name: string;
  dataDir: string;
  /** The temporary directory holding public/ and dist/. */
  workDir: string;
  distDir: string;
  seconds: { data: number; site: number; total: number };
}

/**
 * Builds a data package's site into `workDir` (public/ and dist/ there; the repository's
 * public/ and dist/ are never touched). Static assets in the repository's public/ (anything
 * but its generated data/) are copied into the build's own public dir first, as `npm run
 * build` would have them.
 */
export async function buildPackageSite(
  name: string,
  dataDir: string,
  workDir: string,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<BuiltSite> {
  const publicDir = path.join(workDir, 'public');
  const distDir = path.join(workDir, 'dist');
  await rm(publicDir, { recursive: true, force: true });
  await rm(distDir, { recursive: true, force: true });
  await mkdir(publicDir, { recursive: true });
  const repoPublic = path.join(REPO, 'public');
  for (const entry of await readdir(repoPublic).catch(() => [] as string[])) {
    // Not the public data, nor what a build of the repository keeps beside it (data.lock, data.staging-<pid>).
    if (entry !== 'data' && !entry.startsWith('data.')) await cp(path.join(repoPublic, entry), path.join(publicDir, entry), { recursive: true });
  }
  const t0 = performance.now();
  const r = await buildSite({ dataDir, publicDir, outDir: distDir, now: options.now, log: options.log });
  return {
    name,
    dataDir,
    workDir,
    distDir,
    seconds: { ...r.seconds, total: (performance.now() - t0) / 1000 },
  };
}

/** Every file under `dir` with its size, paths relative and with forward slashes. */
export async function listFiles(dir: string): Promise<{ file: string; bytes: number }[]> {
  const out: { file: string; bytes: number }[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.push({ file: path.relative(dir, full).split(path.sep).join('/'), bytes: (await stat(full)).size });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** The DuckDB-WASM runtime files (the wasm modules and their workers) among dist files. */
export const isDuckdbFile = (file: string) => /\.wasm$/i.test(file) || /duckdb/i.test(path.posix.basename(file));

// ---------------------------------------------------------------------------------------------
// Crawling

/** What the crawl learnt about one internal URL (no query, no fragment). */
export interface CrawledUrl {
  path: string;
  status: number;
  contentType: string;
  /** Location of a redirect (3xx), relative to the origin. */
  location?: string;
  /** Up to 5 pages linking here, with the attribute that did. */
  referrers: string[];
  /** For HTML pages: facts read from the static HTML (no JavaScript). */
  html?: PageFacts;
}

export interface PageFacts {
  title: string;
  lang: string;
  /** `figure.choropleth svg` elements. */
  maps: number;
  /** `figure.chart svg` elements. */
  charts: number;
  tables: number;
  /** Says synthetic data in the visible text (示例数据 / 合成 / synthetic). */
  saysSynthetic: boolean;
  /** Every element that shows a verdict (a data-status, or a status-* class). */
  verdicts: VerdictOnPage[];
}

/** A verdict as an element of a page carries it (null: the attribute is absent). */
export interface VerdictOnPage {
  jurisdiction: string | null;
  indicator: string | null;
  period: string | null;
  status: string | null;
  gapPp: string | null;
}

/**
 * Verdicts that contradict each other: two elements for the same (jurisdiction, indicator,
 * period), on any pages, with another status or gap. One line per disagreement, naming the pages.
 */
export function verdictDisagreements(pages: readonly { path: string; verdicts: readonly VerdictOnPage[] }[]): string[] {
  const seen = new Map<string, { said: string; where: string }>();
  const out: string[] = [];
  for (const page of pages) {
    for (const v of page.verdicts) {
      if (v.jurisdiction === null || v.indicator === null || v.period === null) continue;
      const key = `${v.jurisdiction} ${v.indicator} ${v.period}`;
      const said = `${v.status} ${v.gapPp}`;
      const first = seen.get(key);
      if (!first) seen.set(key, { said, where: page.path });
      else if (first.said !== said) out.push(`${key}: "${first.said}" on ${first.where}, "${said}" on ${page.path}`);
    }
  }
  return out;
}

export interface CrawlResult {
  origin: string;
  urls: CrawledUrl[];
  /** Links to `page#id` where the page has no such id (internal pages only). */
  brokenFragments: { from: string; href: string }[];
  /** Resources (scripts, stylesheets, images, frames …) the HTML loads from any other origin. */
  foreignResources: { from: string; url: string }[];
  /** Links (a, area, link rel=alternate …) to other origins: allowed, listed for the record. */
  externalLinks: string[];
}

const SYNTHETIC_TEXT = /示例数据|合成数据|synthetic/i;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

/**
 * A small HTML tag scanner: start tags with their attributes, and the text between tags.
 * Comments and the contents of script, style and template are skipped. Enough to follow
 * links and count elements on the pages Astro writes, about 50 times faster than a DOM.
 */
export function scanHtml(html: string, onTag: (tag: Tag) => void, onText: (text: string) => void, onEnd?: (name: string) => void): void {
  const tagRe = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\/?([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  const attrRe = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(html))) {
    if (m.index > last) onText(html.slice(last, m.index));
    last = tagRe.lastIndex;
    const name = m[1]?.toLowerCase();
    if (!name) continue;
    if (m[0][1] === '/') {
      onEnd?.(name);
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(attrRe)) attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    onTag({ name, attrs });
    if ((name === 'script' || name === 'style' || name === 'template') && !m[0].endsWith('/>')) {
      const close = html.toLowerCase().indexOf(`</${name}`, last);
      last = tagRe.lastIndex = close < 0 ? html.length : close;
    }
  }
  if (last < html.length) onText(html.slice(last));
}

interface ScannedPage {
  facts: PageFacts;
  ids: Set<string>;
  references: { url: string; loads: boolean; attr: string }[];
}

function scanPage(html: string): ScannedPage {
  const facts: PageFacts = { title: '', lang: '', maps: 0, charts: 0, tables: 0, saysSynthetic: false, verdicts: [] };
  const ids = new Set<string>();
  const references: ScannedPage['references'] = [];
  let inTitle = false;
  let inBody = false;
  scanHtml(
    html,
    ({ name, attrs }) => {
      inTitle = name === 'title';
      if (name === 'body') inBody = true;
      if (name === 'html') facts.lang = attrs.get('lang') ?? '';
      const id = attrs.get('id') ?? (name === 'a' ? attrs.get('name') : undefined);
      if (id) ids.add(id);
      const classes = (attrs.get('class') ?? '').split(/\s+/);
      if (name === 'figure' && classes.includes('choropleth')) facts.maps++;
      if (name === 'figure' && classes.includes('chart')) facts.charts++;
      if (name === 'table') facts.tables++;
      if (attrs.has('data-status') || classes.some((c) => c.startsWith('status-'))) {
        facts.verdicts.push({
          jurisdiction: attrs.get('data-jurisdiction') ?? null,
          indicator: attrs.get('data-indicator') ?? null,
          period: attrs.get('data-period') ?? null,
          status: attrs.get('data-status') ?? null,
          gapPp: attrs.get('data-gap-pp') ?? null,
        });
      }
      if (name === 'use' || name === 'base') return; // SVG <use href="#…"> points inside the page
      const rel = (attrs.get('rel') ?? '').toLowerCase();
      for (const attr of ['href', 'xlink:href', 'src', 'poster', 'data', 'action']) {
        const v = attrs.get(attr)?.trim();
        if (!v) continue;
        if (attr === 'data' && name !== 'object') continue;
        // An <a>/<area>, a form action or a <link> that is only a relation (canonical,
        // alternate, prefetch …) is a link to follow; anything else is loaded with the page.
        const isLink = attr === 'href' || attr === 'xlink:href' || attr === 'action';
        const loads = !isLink || (name === 'link' && /\b(stylesheet|icon|preload|modulepreload|manifest)\b/.test(rel));
        references.push({ url: v, loads, attr: `${name}[${attr}]` });
      }
      const srcset = attrs.get('srcset');
      if (srcset) {
        for (const part of srcset.split(',')) {
          const u = part.trim().split(/\s+/)[0];
          if (u) references.push({ url: u, loads: true, attr: `${name}[srcset]` });
        }
      }
    },
    (text) => {
      if (inTitle) facts.title += decodeEntities(text);
      if (inBody && !facts.saysSynthetic && SYNTHETIC_TEXT.test(decodeEntities(text))) facts.saysSynthetic = true;
    },
    (name) => {
      if (name === 'title') inTitle = false;
    },
  );
  facts.title = facts.title.trim();
  return { facts, ids, references };
}

/**
 * Follows every internal link and resource reference from `starts` (HTML is scanned, no
 * script runs). Non-HTML targets are requested but not read.
 * Redirects are recorded, not followed silently (a link should name the canonical URL).
 */
export async function crawlSite(origin: string, starts: readonly string[] = ['/', '/en/'], concurrency = 6): Promise<CrawlResult> {
  const urls = new Map<string, CrawledUrl>();
  const ids = new Map<string, Set<string>>();
  const fragments: { from: string; path: string; id: string; href: string }[] = [];
  const foreignResources: { from: string; url: string }[] = [];
  const externalLinks = new Set<string>();
  const queue: string[] = [];

  const enqueue = (p: string, referrer: string | null) => {
    let u = urls.get(p);
    if (!u) {
      u = { path: p, status: 0, contentType: '', referrers: [] };
      urls.set(p, u);
      queue.push(p);
    }
    if (referrer && u.referrers.length < 5 && !u.referrers.includes(referrer)) u.referrers.push(referrer);
  };

  const visit = async (p: string) => {
    const entry = urls.get(p)!;
    let res: Response;
    try {
      res = await fetch(origin + p, { redirect: 'manual' });
    } catch (err) {
      entry.status = -1;
      entry.contentType = String(err);
      return;
    }
    entry.status = res.status;
    entry.contentType = res.headers.get('content-type') ?? '';
    if (res.status >= 300 && res.status < 400) {
      const loc = res.headers.get('location') ?? '';
      await res.body?.cancel();
      entry.location = loc;
      const target = new URL(loc, origin + p);
      if (target.origin === origin) enqueue(target.pathname, `${p} (redirect)`);
      return;
    }
    if (res.status !== 200 || !entry.contentType.startsWith('text/html')) {
      await res.body?.cancel();
      return;
    }
    const scanned = scanPage(await res.text());
    entry.html = scanned.facts;
    ids.set(p, scanned.ids);
    for (const ref of scanned.references) {
      if (/^(mailto|tel|javascript|data|blob|about):/i.test(ref.url)) continue;
      let target: URL;
      try {
        target = new URL(ref.url, origin + p);
      } catch {
        entry.referrers.push(`unparseable ${ref.attr}="${ref.url}"`);
        continue;
      }
      if (target.origin !== origin) {
        if (ref.loads) foreignResources.push({ from: p, url: target.href });
        else externalLinks.add(target.href);
        continue;
      }
      const targetPath = target.pathname;
      if (target.hash.length > 1) fragments.push({ from: p, path: targetPath, id: decodeURIComponent(target.hash.slice(1)), href: ref.url });
      enqueue(targetPath, `${p} ${ref.attr}="${ref.url}"`);
    }
  };

  for (const s of starts) enqueue(s, null);
  const running = new Set<Promise<void>>();
  while (queue.length || running.size) {
    while (queue.length && running.size < concurrency) {
      const job: Promise<void> = visit(queue.shift()!).finally(() => running.delete(job));
      running.add(job);
    }
    if (running.size) await Promise.race(running);
  }

  const brokenFragments = fragments
    .filter((f) => {
      const pageIds = ids.get(f.path);
      return pageIds !== undefined && !pageIds.has(f.id);
    })
    .map(({ from, href }) => ({ from, href }));
  return {
    origin,
    urls: [...urls.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
    brokenFragments,
    foreignResources,
    externalLinks: [...externalLinks].sort(),
  };
}

/** HTML pages (200, text/html) of a crawl. */
export const htmlPages = (crawl: CrawlResult) => crawl.urls.filter((u) => u.status === 200 && u.html);

/**
 * One page per template and language: the one with the most maps, charts and tables (so a
 * jurisdiction with children, whose page has a map, represents its template), then the
 * shortest path.
 */
export function representatives(crawl: CrawlResult): { lang: Lang; template: Template; path: string }[] {
  const best = new Map<string, CrawledUrl>();
  const score = (u: CrawledUrl) => (u.html!.maps > 0 ? 100 : 0) + u.html!.charts * 10 + u.html!.tables;
  for (const u of htmlPages(crawl)) {
    const t = templateOf(u.path);
    if (!t) continue;
    const key = `${t.lang}:${t.template}`;
    const cur = best.get(key);
    if (!cur || score(u) > score(cur) || (score(u) === score(cur) && (u.path.length < cur.path.length || (u.path.length === cur.path.length && u.path < cur.path)))) {
      best.set(key, u);
    }
  }
  const out: { lang: Lang; template: Template; path: string }[] = [];
  for (const lang of ['zh', 'en'] as const) {
    for (const template of TEMPLATES) {
      const u = best.get(`${lang}:${template}`);
      if (u) out.push({ lang, template, path: u.path });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Viewing a page

/**
 * A page view: load, scroll to the end (anything lazy starts now), then wait until no request
 * has been in flight for `quietMs` (at most `maxMs`).
 */
export async function view(page: Page, url: string, quietMs = 300, maxMs = 15_000): Promise<void> {
  let inflight = 0;
  let lastChange = Date.now();
  const up = () => {
    inflight++;
    lastChange = Date.now();
  };
  const down = () => {
    inflight = Math.max(0, inflight - 1);
    lastChange = Date.now();
  };
  page.on('request', up);
  page.on('requestfinished', down);
  page.on('requestfailed', down);
  try {
    const res = await page.goto(url, { waitUntil: 'load' });
    if (!res || res.status() !== 200) throw new Error(`${url}: HTTP ${res?.status() ?? 'no response'}`);
    await page.mouse.wheel(0, 1_000_000);
    const until = Date.now() + maxMs;
    while (Date.now() < until && (inflight > 0 || Date.now() - lastChange < quietMs)) await page.waitForTimeout(50);
  } finally {
    page.off('request', up);
    page.off('requestfinished', down);
    page.off('requestfailed', down);
  }
}

// ---------------------------------------------------------------------------------------------
// vitest globalSetup

export interface ServedSite extends BuiltSite {
  origin: string;
  crawl: CrawlResult;
}

export interface PortalContext {
  /** Where the sites are built; `<root>/<name>.site.json` appears when a site is ready. */
  root: string;
  names: SiteName[];
  /** playwright-core browser server: `chromium.connect(wsEndpoint)`. */
  wsEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    portal: PortalContext;
  }
}

interface ProvideTarget {
  provide(key: 'portal', value: PortalContext): void;
}

const readyFile = (root: string, name: string) => path.join(root, `${name}.site.json`);
const errorFile = (root: string, name: string) => path.join(root, `${name}.error.txt`);

/**
 * Starts building, serving and crawling the sites IN THE BACKGROUND and returns at once, so
 * the unit tests (which run first: the e2e project has a later sequence.groupOrder) run while
 * the sites build. A test file waits for a site with `waitForSite`.
 */
export default async function setup(project: ProvideTarget): Promise<() => Promise<void>> {
  const t0 = performance.now();
  const log = (l: string) => process.stderr.write(`[e2e] ${l} (${((performance.now() - t0) / 1000).toFixed(0)} s after start)\n`);
  const names = (process.env.PORTAL_E2E_SITES ?? 'default,demo').split(',').map((s) => s.trim()) as SiteName[];
  for (const n of names) if (!(n in PACKAGES)) throw new Error(`PORTAL_E2E_SITES: unknown package ${n} (known: ${Object.keys(PACKAGES).join(', ')})`);
  const keep = process.env.PORTAL_E2E_KEEP ? path.resolve(process.env.PORTAL_E2E_KEEP) : undefined;
  const root = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'portal-e2e-')));
  await mkdir(root, { recursive: true });
  for (const name of names) {
    await rm(readyFile(root, name), { force: true });
    await rm(errorFile(root, name), { force: true });
  }
  const servers: StaticServer[] = [];
  const { chromium } = await import('playwright-core');
  const browserServer = await chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

  // One site after the other (two cores, and the unit tests run meanwhile); the small default first.
  const jobs = (async () => {
    for (const name of names) {
      try {
        const workDir = path.join(root, name);
        let built: BuiltSite;
        const reuse = keep && (await stat(path.join(workDir, 'dist', 'index.html')).catch(() => null));
        if (reuse) {
          built = { name, dataDir: PACKAGES[name], workDir, distDir: path.join(workDir, 'dist'), seconds: { data: 0, site: 0, total: 0 } };
          log(`${name}: reusing ${built.distDir} (PORTAL_E2E_KEEP)`);
        } else {
          built = await buildPackageSite(name, PACKAGES[name], workDir);
          log(`${name}: built in ${built.seconds.total.toFixed(1)} s (data ${built.seconds.data.toFixed(1)} s, site ${built.seconds.site.toFixed(1)} s)`);
        }
        const server = await startStaticServer({ roots: built.distDir });
        servers.push(server);
        const t = performance.now();
        const crawl = await crawlSite(server.origin);
        log(`${name}: crawled ${crawl.urls.length} URLs (${htmlPages(crawl).length} pages) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        const site: ServedSite = { ...built, origin: server.origin, crawl };
        await writeFile(`${readyFile(root, name)}.tmp`, JSON.stringify(site));
        await rename(`${readyFile(root, name)}.tmp`, readyFile(root, name));
      } catch (err) {
        log(`${name}: FAILED ${String(err).slice(0, 2000)}`);
        await writeFile(errorFile(root, name), err instanceof Error ? (err.stack ?? err.message) : String(err));
      }
    }
  })();

  project.provide('portal', { root, names, wsEndpoint: browserServer.wsEndpoint() });
  return async () => {
    await jobs;
    await browserServer.close().catch(() => {});
    for (const s of servers) await s.close().catch(() => {});
    if (!keep) await rm(root, { recursive: true, force: true });
  };
}

/** In a test file: waits until the globalSetup has built, served and crawled a site. */
export async function waitForSite(context: PortalContext, name: SiteName, timeoutMs = 30 * 60_000): Promise<ServedSite> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ready = await readFile(readyFile(context.root, name), 'utf8').catch(() => null);
    if (ready) return JSON.parse(ready) as ServedSite;
    const failed = await readFile(errorFile(context.root, name), 'utf8').catch(() => null);
    if (failed) throw new Error(`the ${name} site could not be built:\n${failed}`);
    if (Date.now() > until) throw new Error(`the ${name} site was not ready after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
