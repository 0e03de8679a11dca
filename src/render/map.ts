/**
 * Choropleth maps drawn at build time as markup: the static page shows the map without any
 * JavaScript, and the same input always gives the same bytes (no random ids, no dates, regions
 * in code order whatever order the query returned them in).
 *
 *   renderChoropleth(options)  → '<figure class="choropleth"><svg>…</svg><div class="choropleth-legend">…</div></figure>'
 *   choropleth(options)        → the parts ({ svg, legend, entries, width, height }) to lay out yourself
 *   featureCodes(topology)     → the codes a boundary file can draw
 *   filterTopology(topology, codes)
 *   mapCaption(mapsRow, locale) → the attribution / 审图号 line printed under a map
 *
 * Suppressed values are hatched and missing values grey, each with its own legend entry:
 * neither is ever classified, so neither can be coloured as if it were zero.
 */
import type { Topology } from 'topojson-specification';
import { featureCodes, type ProjectionKind } from './map-geo.ts';
import { mapOutlines } from './map-outlines.ts';
import {
  HATCH_BACKGROUND,
  HATCH_INK,
  MISSING_FILL,
  legendHtml,
  words as wordsFor,
  type LegendEntry,
  type Locale,
} from './map-legend.ts';
import { formatNumber } from '../lib/format.ts';
import { classLabels, classify, colorOf, decimalsFor, type Classes, type ScaleSpec } from './map-scale.ts';
import { checkIdPrefix, el, escapeText, leaf } from './svg.ts';

export { featureCodes, filterTopology, rewind, unitFeatures } from './map-geo.ts';
export { classify, classOf, type Classes, type ScaleSpec } from './map-scale.ts';
export type { Locale } from './map-legend.ts';

export type Status = 'ok' | 'suppressed' | 'missing';

export interface ChoroplethDatum {
  code: string;
  /** Printed name; falls back to the feature's `name` property. */
  name?: string;
  value: number | null;
  status: Status;
  /** The value formatted with its unit, ready to print; for suppressed/missing it may be empty. */
  label: string;
}

export interface ChoroplethOptions {
  /** Parsed TopoJSON with one GeometryCollection named `units`; feature id = jurisdiction code. */
  topology: Topology;
  /** The regions to draw (e.g. the children of a parent). Every one must be in the topology. */
  codes: readonly string[];
  data: readonly ChoroplethDatum[];
  /** Levels: `{ type: 'sequential' }`; growth and pace gaps: `{ type: 'diverging', center: 0 }`. */
  scale: ScaleSpec;
  width?: number;
  /** Default: from the regions' aspect at `width`. */
  height?: number;
  /** Accessible name of the map. */
  title: string;
  legendTitle: string;
  locale: Locale;
  /** Prefix of the ids this map defines (one `<pattern>`): unique per map on a page. */
  idPrefix: string;
  /** Link for each region (its jurisdiction page), or undefined for none. */
  hrefFor?: (code: string) => string | undefined;
  /** Formats class bounds in the legend. Default: `formatNumber` with as many decimals as the bounds need. */
  format?: (value: number) => string;
  /**
   * Features drawn as neutral background, not as data: not linked, not in the legend, but in
   * the frame. `'rest'` means every other feature of the file — use it for a map of the
   * country, where territory without figures (or a 南海诸岛 outline in approved boundaries)
   * must still be drawn: an approved map may not be shown with parts left out.
   */
  context?: readonly string[] | 'rest';
  projection?: ProjectionKind;
  /**
   * Smallest triangle (square CSS pixels) kept by simplification; `false` keeps every point.
   * Default 2.5: at 640 px it looks the same as 1, and keeps an 18-prefecture map (≈22 KB)
   * well under its 25 KB budget.
   */
  simplify?: number | false;
  /** Decimals of a pixel in path data. Default 1. */
  digits?: number;
  margin?: number;
  strokeWidth?: number;
  /**
   * A region whose outline covers fewer square pixels than this (Macao on a map of China)
   * is drawn as a small disc at its centroid instead, so it can still be seen, hovered and
   * followed. Default 4.
   */
  minRegionArea?: number;
}

export interface Choropleth {
  svg: string;
  legend: string;
  entries: LegendEntry[];
  classes: Classes;
  width: number;
  height: number;
}

const CONTEXT_FILL = '#f2f2f2';
const CONTEXT_STROKE = '#a0a0a0';

/** The map as `<figure class="choropleth">`: the SVG, then the legend. */
export function renderChoropleth(options: ChoroplethOptions): string {
  const { svg, legend } = choropleth(options);
  return el('figure', { class: 'choropleth' }, svg, legend);
}

export function choropleth(options: ChoroplethOptions): Choropleth {
  const {
    topology,
    data,
    scale,
    width = 640,
    title,
    legendTitle,
    locale,
    hrefFor,
    projection: projectionKind = 'conic',
    simplify = 2.5,
    digits = 1,
    margin = 4,
    strokeWidth = 0.6,
    minRegionArea = 4,
  } = options;
  const prefix = checkIdPrefix(options.idPrefix);
  const words = wordsFor(locale);

  // Sorted codes: the drawing (and the keyboard order of the links) never depends on the
  // order rows came out of a query.
  const codes = [...new Set(options.codes.map(String))].sort();
  const available = new Set(featureCodes(topology));
  const contextList = options.context === 'rest' ? [...available] : (options.context ?? []);
  const contextCodes = [...new Set(contextList.map(String))].filter((c) => !codes.includes(c)).sort();
  const absent = [...codes, ...contextCodes].filter((c) => !available.has(c));
  if (absent.length) throw new Error(`no boundary in the topology for: ${absent.join(', ')}`);

  const byCode = new Map<string, ChoroplethDatum>();
  for (const d of data) {
    const code = String(d.code);
    if (byCode.has(code)) throw new Error(`two data rows for ${code}`);
    byCode.set(code, d);
  }

  const outlines = mapOutlines(topology, {
    codes,
    contextCodes,
    width,
    height: options.height,
    margin,
    projection: projectionKind,
    simplify,
    digits,
    minRegionArea,
  });
  const { height } = outlines;

  // Only `ok` values with a number are classified; everything else is a status.
  const statusOf = (d: ChoroplethDatum | undefined): Status =>
    !d ? 'missing' : d.status === 'ok' && (d.value === null || !Number.isFinite(d.value)) ? 'missing' : d.status;
  const values = codes.flatMap((c) => {
    const d = byCode.get(c);
    return d && statusOf(d) === 'ok' ? [d.value as number] : [];
  });
  const classes = classify(values, scale);
  const format = options.format ?? defaultFormat(classes);

  const hatchId = `${prefix}-hatch`;
  const regions: string[] = [];
  let linked = false;
  let anySuppressed = false;
  let anyMissing = false;
  for (const code of codes) {
    const d = byCode.get(code);
    const status = statusOf(d);
    const name = d?.name || outlines.names.get(code) || code;
    let fill: string;
    let text: string;
    if (status === 'ok') {
      fill = colorOf(classes, d!.value as number);
      text = d!.label;
    } else if (status === 'suppressed') {
      fill = `url(#${hatchId})`;
      text = d?.label || words.suppressed;
      anySuppressed = true;
    } else {
      fill = MISSING_FILL;
      text = d?.label || words.missing;
      anyMissing = true;
    }
    const tip = `${name}${words.colon}${text}`;
    // what a test or a script reads off a region: its code and the value it is coloured by
    const data = { 'data-jurisdiction': code, 'data-value': status === 'ok' ? String(d!.value) : '' };
    const d_ = outlines.regions.get(code)!;
    const href = hrefFor?.(code);
    if (href) {
      linked = true;
      regions.push(
        el('a', { href, 'aria-label': tip, ...data }, el('title', {}, escapeText(tip)), leaf('path', { d: d_, fill })),
      );
    } else {
      regions.push(el('path', { d: d_, fill, ...data }, el('title', {}, escapeText(tip))));
    }
  }

  // Context is background: what is too small to see is simply left out (see mapOutlines).
  const context = outlines.context.map(({ code, d }) => {
    const name = outlines.names.get(code);
    return name ? el('path', { d }, el('title', {}, escapeText(name))) : leaf('path', { d });
  });

  const defs = anySuppressed
    ? el(
        'defs',
        {},
        el(
          'pattern',
          { id: hatchId, width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
          leaf('rect', { width: 5, height: 5, fill: HATCH_BACKGROUND }),
          leaf('path', { d: 'M0 0V5', stroke: HATCH_INK, 'stroke-width': 1.5 }),
        ),
      )
    : '';

  // With links the map is a group of named links that a keyboard reaches one by one; without,
  // it is one image (role="img" hides the children, whose names are in the page's table).
  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: linked ? 'group' : 'img',
      'aria-label': title,
    },
    el('title', {}, escapeText(title)),
    defs,
    context.length
      ? el('g', { fill: CONTEXT_FILL, stroke: CONTEXT_STROKE, 'stroke-width': strokeWidth, 'stroke-linejoin': 'round' }, ...context)
      : '',
    el('g', { stroke: '#fff', 'stroke-width': strokeWidth, 'stroke-linejoin': 'round' }, ...regions),
  );

  const entries: LegendEntry[] = classLabels(classes, format).map((label, i) => ({
    swatch: { kind: 'color', color: classes.colors[i]! },
    label,
  }));
  if (anySuppressed) entries.push({ swatch: { kind: 'hatch' }, label: words.suppressed });
  if (anyMissing) entries.push({ swatch: { kind: 'missing' }, label: words.missing });

  return { svg, legend: legendHtml(legendTitle, entries), entries, classes, width, height };
}

/**
 * The site's number format (grouped digits, a true minus: "−4 – −2" reads as a range, "-4 – -2"
 * as dashes) with as many decimals as the bounds need. Bounds are in the indicator's own
 * unit: a page that shows English units (billion yuan for 亿元) passes its own `format`.
 */
function defaultFormat(classes: Classes): (v: number) => string {
  const shown = classes.thresholds.length ? classes.thresholds : (classes.extent ?? []);
  const decimals = Math.min(decimalsFor(shown), classes.thresholds.length ? 6 : 2);
  return (v) => formatNumber(v, decimals);
}

/** A row of data/geo/maps.csv (only the columns the caption needs). */
export interface MapsRow {
  attribution_zh: string;
  attribution_en: string;
  approval_number?: string | null;
}

/**
 * The line printed under a map: where the boundaries come from and their 审图号, or, without
 * an approval number, that the map is illustrative and not an approved standard map.
 */
export function mapCaption(row: MapsRow, locale: Locale): string {
  const approval = (row.approval_number ?? '').trim();
  if (locale === 'zh-CN') {
    const source = `底图：${row.attribution_zh.trim()}`;
    return approval ? `${source}　审图号：${approval}` : `${source}　底图仅作示意，非标准地图`;
  }
  const attribution = row.attribution_en.trim();
  const source = `Boundaries: ${attribution}${/[.!?]$/.test(attribution) ? '' : '.'}`;
  return approval
    ? `${source} Map approval number: ${approval}`
    : `${source} Boundaries for illustration only, not an approved standard map.`;
}

/**
 * Suggested styles (a page may use its own): responsive SVG, a visible focus and hover
 * outline on linked regions, the legend laid out in a row, and the tip a tap on a region opens
 * (src/client/map-tap.ts).
 */
export const CHOROPLETH_CSS = `.choropleth{margin:0;position:relative}
.map-tip{position:absolute;z-index:2;max-width:min(18rem,100%);box-sizing:border-box;padding:.5rem 2.25rem .5rem .75rem;background:#fff;border:1px solid #767676;border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.25)}
.map-tip p{margin:0 0 .25rem}
.map-tip-close{position:absolute;top:0;right:0;border:0;background:none;font:inherit;font-size:1.25rem;line-height:1;padding:.5rem .7rem;cursor:pointer}
.choropleth svg{display:block;max-width:100%;height:auto}
.choropleth a:focus-visible path,.choropleth a:hover path,.choropleth a.map-tapped path{stroke:#000;stroke-width:1.5}
.choropleth-legend-title{margin:.5rem 0 .25rem;font-weight:600}
.choropleth-legend ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
.choropleth-legend li{display:flex;align-items:center;gap:.375rem}
.choropleth-legend svg{flex:none}`;
