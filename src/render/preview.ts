/**
 * A link preview: the picture a chat or a feed shows for a page's link (its og:image), 1200 × 630
 * as those expect. The page's headline chart, exactly as the page draws it, under a title line,
 * with the site's name at the foot and, on the internal site, its mark at the top (a picture
 * pasted on travels further than the page). Pure markup: src/build/previews.ts renders it to PNG.
 */
import { COLORS } from './colors.ts';
import { el, leaf, textEl } from './svg.ts';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
/** The file beside a page's index.html, and the last segment of its og:image. */
export const PREVIEW_FILE = 'preview.png';

/**
 * The families the text is set in, Latin first: a Latin face draws digits and letters a hundred
 * times faster than a CJK one (src/build/previews.ts), and the named CJK family keeps Chinese in
 * its Simplified forms rather than whichever face of a collection comes first.
 */
export const PREVIEW_FONT_FAMILY = "'Liberation Sans', 'DejaVu Sans', 'Noto Sans CJK SC'";
/**
 * A line of the picture's own with Chinese in it is set in the CJK family throughout: it costs the
 * CJK face either way, and a character resvg falls back for is set in the regular weight.
 */
const CJK_FIRST = "'Noto Sans CJK SC', 'Liberation Sans', 'DejaVu Sans'";
const familyOf = (text: string): string | undefined => (/[\u2e80-\uffff]/.test(text) ? CJK_FIRST : undefined);

export interface PreviewOptions {
  /** The page's chart: one <svg> element with a viewBox, or width and height; null: none (the title alone). */
  chart: string | null;
  /** The page's title. */
  title: string;
  /** What the chart shows (its own <title>), under the title; null: none. */
  subtitle: string | null;
  /** The site's name (and whatever it must say on every picture, e.g. that the data are synthetic); '' for none. */
  footer: string;
  /** The internal site's mark, across the top in red; null on the public site. */
  internalMark: string | null;
}

const PAD = 48;
const INK = '#1a1a1a';
const MARK_RED = '#a21b1b';

/** The width of a text in ems, as a sans face sets it: a CJK or full-width character is one em, anything else a little over half. */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.56;
  return em;
}

/**
 * The largest size (whole pixels, at most `max`) at which `text` fits `width`; below `min` it is
 * cut, with an ellipsis, to what fits at `min`.
 */
export function fitText(text: string, width: number, max: number, min: number): { text: string; size: number } {
  const size = Math.floor(Math.min(max, width / Math.max(textWidthEm(text), 1e-9)));
  if (size >= min) return { text, size };
  let cut = '';
  for (const ch of text) {
    if (textWidthEm(`${cut}${ch}…`) * min > width) break;
    cut += ch;
  }
  return { text: `${cut.trimEnd()}…`, size: min };
}

/** The chart's opening tag given a place in the picture: its own viewBox kept, its size and font family replaced. */
function placeChart(chart: string, box: { x: number; y: number; width: number; height: number }): string {
  const open = /^\s*<svg\b([^>]*)>/.exec(chart);
  if (!open || !/<\/svg>\s*$/.test(chart)) throw new Error('previewSvg: the chart is not one <svg> element');
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(open[1]!)?.[1];
  const viewBox = attr('viewBox') ?? (attr('width') && attr('height') ? `0 0 ${attr('width')} ${attr('height')}` : null);
  if (!viewBox) throw new Error('previewSvg: the chart has neither a viewBox nor a width and height');
  // Its font family goes, as on the page (whose stylesheet sets figure svg { font-family: inherit }).
  const kept = open[1]!.replace(/\s(?:x|y|width|height|viewBox|preserveAspectRatio|font-family|style)="[^"]*"/g, '');
  return `<svg x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" viewBox="${viewBox}" preserveAspectRatio="xMidYMid meet"${kept}>${chart.slice(open[0].length)}`;
}

/** The picture as one SVG document, PREVIEW_WIDTH × PREVIEW_HEIGHT. */
export function previewSvg(o: PreviewOptions): string {
  const inner = PREVIEW_WIDTH - 2 * PAD;
  const parts: string[] = [leaf('rect', { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, fill: '#fff' })];
  let top = 0;
  if (o.internalMark) {
    parts.push(
      leaf('rect', { width: PREVIEW_WIDTH, height: 48, fill: MARK_RED }),
      textEl('text', { x: PREVIEW_WIDTH / 2, y: 33, 'text-anchor': 'middle', 'font-size': 26, 'font-weight': 700, 'font-family': familyOf(o.internalMark), fill: '#fff' }, o.internalMark),
    );
    top = 48;
  }
  const title = fitText(o.title, inner, 46, 28);
  top += 28 + title.size;
  parts.push(textEl('text', { x: PAD, y: top, 'font-size': title.size, 'font-weight': 700, 'font-family': familyOf(title.text), fill: INK }, title.text));
  if (o.subtitle) {
    const sub = fitText(o.subtitle, inner, 26, 20);
    top += 14 + sub.size;
    parts.push(textEl('text', { x: PAD, y: top, 'font-size': sub.size, 'font-family': familyOf(sub.text), fill: COLORS.muted }, sub.text));
  }
  let rule = PREVIEW_HEIGHT - PAD / 2;
  if (o.footer) {
    const footer = fitText(o.footer, inner, 22, 16);
    rule = PREVIEW_HEIGHT - 28 - footer.size;
    parts.push(
      leaf('line', { x1: PAD, x2: PREVIEW_WIDTH - PAD, y1: rule, y2: rule, stroke: '#d0d5da' }),
      textEl('text', { x: PAD, y: PREVIEW_HEIGHT - 20, 'font-size': footer.size, 'font-family': familyOf(footer.text), fill: COLORS.muted }, footer.text),
    );
  }
  const chartTop = top + 20;
  if (o.chart) parts.push(placeChart(o.chart, { x: PAD, y: chartTop, width: inner, height: rule - 16 - chartTop }));
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, viewBox: `0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}`, 'font-family': PREVIEW_FONT_FAMILY },
    ...parts,
  );
}
