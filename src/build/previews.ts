/**
 * Link previews: for every page of a built site whose head names an og:image (Base.astro's
 * `preview`), the PNG it names, `preview.png` beside the page's index.html: the page's first
 * figure (its headline chart) as the page draws it, under the page's title (src/render/preview.ts),
 * rendered with resvg.
 *
 * The picture is made from the built page itself: the chart's markup and the title are read out
 * of the HTML, so a preview shows nothing its page does not, and on a public build it is rendered
 * only after the leak scan has read that page (the scan cannot read a PNG's pixels).
 *
 * Text needs fonts, and resvg reads only the files it is given: a CJK face (Noto Sans CJK, the
 * Debian package fonts-noto-cjk, which ./scripts/install-browser.sh installs) and, if present, a
 * Latin one (Liberation Sans, which comes with Chromium, or DejaVu Sans), since resvg sets a text
 * in Noto Sans CJK at about 10 ms, against a tenth of a millisecond in Liberation Sans.
 * PORTAL_PREVIEW_FONTS (file paths separated by ':') replaces the list. Without a CJK font the
 * build stops before it starts and says what to install: a preview whose title is missing, or
 * boxes, is worse than none, and a silent fallback would go unnoticed.
 *
 * A Chinese preview still costs ~100 ms (a chart's labels are a dozen texts), so previews are
 * kept in a cache keyed by the SHA-256 of what is drawn and the fonts: a rebuild renders only the
 * charts whose figures changed. The renders run on libuv's threads, one per CPU.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import type { Locale } from '../lib/i18n.ts';
import { PREVIEW_FILE, PREVIEW_HEIGHT, PREVIEW_WIDTH, previewSvg } from '../render/preview.ts';
import { INTERNAL_MARK, isInternal } from '../site/audience.ts';
import type { Manifest } from '../site/data.ts';
import { t } from '../site/strings.ts';
import { pruneCache } from './precompress.ts';
import { PublishRefused } from './publish.ts';

/** Where rendered previews are kept between builds. */
export const DEFAULT_PREVIEW_CACHE_DIR = path.resolve(import.meta.dirname, '../../node_modules/.cache/portal-previews');

/** Debian's and Ubuntu's paths (fonts-noto-cjk; fonts-liberation, fonts-dejavu-core): the first CJK file is required. */
export const DEFAULT_FONTS = {
  cjk: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'],
  latin: [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  ],
};

/** The build cannot draw its link previews: no CJK font. Nothing was built. */
export class PreviewFontsMissing extends PublishRefused {}

/**
 * The font files previews are set in: PORTAL_PREVIEW_FONTS if set (every file must exist),
 * else Noto Sans CJK and whichever Latin faces exist. Throws PreviewFontsMissing without a CJK font.
 */
export function previewFonts(env: NodeJS.ProcessEnv = process.env, defaults = DEFAULT_FONTS): string[] {
  const given = env.PORTAL_PREVIEW_FONTS?.split(':').filter(Boolean);
  if (given?.length) {
    const missing = given.filter((f) => !existsSync(f));
    if (missing.length) throw new PreviewFontsMissing(`PORTAL_PREVIEW_FONTS names font files that do not exist: ${missing.join(', ')}`);
    return given;
  }
  if (!existsSync(defaults.cjk[0]!)) {
    throw new PreviewFontsMissing(
      `link previews need a font with Chinese, and ${defaults.cjk[0]} is missing. On Debian or Ubuntu: ` +
        'sudo apt-get install fonts-noto-cjk (./scripts/install-browser.sh installs it); elsewhere set PORTAL_PREVIEW_FONTS ' +
        'to font files separated by ":", one of them with Chinese (Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei …).',
    );
  }
  return [...defaults.cjk, ...defaults.latin].filter((f) => existsSync(f));
}

/** What a preview is made of, read from a built page; null for a page without an og:image. */
export interface PreviewPage {
  title: string;
  site: string;
  locale: Locale;
  /** The page's first figure's <svg> element; null: the page has none (the picture is its title alone). */
  chart: string | null;
  /** The chart's own title (its <title> or aria-label). */
  subtitle: string | null;
}

/** The text of an HTML attribute value or text node. */
export function decodeHtml(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]!,
  );
}

/** The first <svg> element at or after `from`, with the elements nested in it; null if none. */
function svgElementAt(html: string, from: number): string | null {
  const start = html.indexOf('<svg', from);
  if (start < 0) return null;
  const tag = /<(\/?)svg\b[^>]*?(\/?)>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[1]) depth--;
    else if (!m[2]) depth++;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  return null;
}

/**
 * The preview of a built page: its og:title and og:site_name, its language, and the first <svg>
 * of the first <figure> of its <main>. Null when the page names no og:image.
 */
export function previewPage(html: string): PreviewPage | null {
  const meta = new Map<string, string>();
  for (const m of html.matchAll(/<meta\s[^>]*>/g)) {
    const property = /\sproperty="([^"]*)"/.exec(m[0])?.[1];
    const content = /\scontent="([^"]*)"/.exec(m[0])?.[1];
    if (property && content !== undefined) meta.set(property, decodeHtml(content));
  }
  if (!meta.has('og:image')) return null;
  const main = html.indexOf('<main');
  const figure = main < 0 ? -1 : html.indexOf('<figure', main);
  const chart = figure < 0 ? null : svgElementAt(html, figure);
  const own = chart && (/^<svg[^>]*>\s*<title[^>]*>([^<]*)<\/title>/.exec(chart)?.[1] ?? /^<svg[^>]*\saria-label="([^"]*)"/.exec(chart)?.[1]);
  return {
    title: meta.get('og:title') ?? '',
    site: meta.get('og:site_name') ?? '',
    locale: /<html\s[^>]*lang="en"/.test(html) ? 'en' : 'zh-CN',
    chart,
    subtitle: own ? decodeHtml(own).trim() || null : null,
  };
}

/** What every preview of a site says besides its page: from the site's manifest. */
export interface PreviewSite {
  internal: boolean;
  /** The words that say the figures are synthetic, per language; null for real data. */
  synthetic: Record<Locale, string> | null;
}

export function previewSite(manifest: Pick<Manifest, 'audience' | 'dataset'>): PreviewSite {
  return {
    internal: isInternal(manifest),
    synthetic: manifest.dataset.synthetic ? { 'zh-CN': t('syntheticMark', 'zh-CN'), en: t('syntheticMark', 'en') } : null,
  };
}

/** The footer: the site's name (unless it is the title), and that the data are synthetic unless the name says so. */
export function previewFooter(page: Pick<PreviewPage, 'title' | 'site' | 'locale'>, site: PreviewSite): string {
  const mark = site.synthetic?.[page.locale];
  const name = page.site === page.title ? '' : page.site;
  if (!mark || page.site.toLowerCase().includes(mark.toLowerCase())) return name;
  return name ? `${name} · ${mark}` : mark;
}

export interface PreviewOptions {
  fonts: readonly string[];
  site: PreviewSite;
  /** Default DEFAULT_PREVIEW_CACHE_DIR; null: no cache. */
  cacheDir?: string | null;
  log?: (line: string) => void;
}

export interface PreviewsResult {
  /** Paths of the PNGs written, relative to the site, with /. */
  files: string[];
  /** How many came from the cache. */
  cached: number;
  /** Pages that name a preview but draw no figure: their picture is their title alone. */
  withoutChart: string[];
  seconds: number;
}

const RESVG_VERSION: string = (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version;

/** Writes the preview of every page of `distDir` that names one. */
export async function renderPreviews(distDir: string, options: PreviewOptions): Promise<PreviewsResult> {
  const t0 = performance.now();
  const cacheDir = options.cacheDir === undefined ? DEFAULT_PREVIEW_CACHE_DIR : options.cacheDir;
  if (cacheDir) await fs.mkdir(cacheDir, { recursive: true });
  // The fonts are part of what is drawn: another file (or a newer one) is another picture.
  const fontKey = options.fonts.map((f) => `${f}:${statSync(f).size}:${statSync(f).mtimeMs}`).join('|');
  const jobs: { file: string; svg: string }[] = [];
  const withoutChart: string[] = [];
  for (const entry of await fs.readdir(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const page = path.join(entry.parentPath, entry.name);
    const rel = path.relative(distDir, page).split(path.sep).join('/');
    const html = await fs.readFile(page, 'utf8');
    const p = previewPage(html);
    if (!p) continue;
    if (!p.chart) withoutChart.push(rel);
    const svg = previewSvg({ chart: p.chart, title: p.title, subtitle: p.subtitle, footer: previewFooter(p, options.site), internalMark: options.site.internal ? INTERNAL_MARK : null });
    jobs.push({ file: path.posix.join(path.posix.dirname(rel), PREVIEW_FILE), svg });
  }
  jobs.sort((a, b) => (a.file < b.file ? -1 : 1));
  let next = 0;
  let cached = 0;
  const draw = async (svg: string, file: string): Promise<Uint8Array> => {
    try {
      return (await renderAsync(svg, { font: { fontFiles: [...options.fonts], loadSystemFonts: false }, fitTo: { mode: 'original' }, background: '#fff' })).asPng();
    } catch (e) {
      throw new Error(`link preview ${file}: resvg could not draw it: ${(e as Error).message}`);
    }
  };
  const render = async (job: { file: string; svg: string }) => {
    const key = createHash('sha256').update(`${RESVG_VERSION}\n${fontKey}\n${job.svg}`).digest('hex');
    const entry = cacheDir ? path.join(cacheDir, `${key}.png`) : null;
    const hit = entry ? await fs.readFile(entry).catch(() => null) : null;
    if (hit) {
      cached++;
      const now = new Date();
      await fs.utimes(entry!, now, now).catch(() => {});
    }
    const png = hit ?? (await draw(job.svg, job.file));
    if (entry && !hit) {
      // Written aside and renamed: two builds at once never read half an entry.
      const tmp = `${entry}.${process.pid}.tmp`;
      await fs.writeFile(tmp, png);
      await fs.rename(tmp, entry);
    }
    await fs.writeFile(path.join(distDir, job.file), png);
  };
  const workers = Array.from({ length: Math.max(1, Math.min(os.availableParallelism(), jobs.length)) }, async () => {
    while (next < jobs.length) await render(jobs[next++]!);
  });
  await Promise.all(workers);
  if (cacheDir) await pruneCache(cacheDir);
  const seconds = (performance.now() - t0) / 1000;
  options.log?.(
    `  link previews: ${jobs.length} PNG of ${PREVIEW_WIDTH}×${PREVIEW_HEIGHT}, ${jobs.length - cached} rendered, ${cached} from the cache (${seconds.toFixed(1)} s)` +
      (withoutChart.length ? `; ${withoutChart.length} page(s) name a preview but draw no figure, so theirs is the title alone: ${withoutChart.slice(0, 3).join(', ')}` : ''),
  );
  return { files: jobs.map((j) => j.file), cached, withoutChart, seconds };
}
