/**
 * Build-time charts: Observable Plot drawn into a linkedom document, returned as a
 * `<figure>` HTML string that reads without JavaScript and without hovering.
 *
 * Every chart:
 * - is drawn twice: 640 wide, and 340 wide for phones (a stylesheet, CHART_CSS, shows one). The
 *   wide drawing scaled down to a phone printed its text at 7 px; the narrow one is laid out for
 *   the phone's width, so its 12 px text stays at least 11 px on a 360 px screen;
 * - states its values as text on the chart (bar-end labels, direct line labels) and in a
 *   <title> on every mark (tips and pointers draw nothing on the server);
 * - never draws a suppressed or missing value as a zero bar or a zero point: such rows are
 *   listed after the others with a word ("保密", "无数据", "无目标") instead of a bar;
 * - has ids made from its `idPrefix` only (see plot-document.ts), so the same input gives the
 *   same bytes and two charts on one page do not clash;
 * - has a <figcaption> with its title and the key to its colours.
 *
 * The `*Plot` functions return the finished Plot SVG element (with Plot's `scale()`), for tests
 * and for callers that want to place the SVG themselves; `render*Chart` return the HTML.
 */
import * as Plot from '@observablehq/plot';
import type { Flag, Unit } from '../lib/schema';
import { type Locale, pick, rankLabel, UI } from '../lib/i18n';
import {
  displayScale,
  formatAmount,
  formatMonth,
  formatNumber,
  formatPct,
  formatPeriod,
  unitLabel as unitLabelOf,
} from '../lib/format';
import { checkIdPrefix, createPlotDocument, finishSvg, toHtml } from './plot-document';
import { OFF_TRACK, statusWord, type Status, type VerdictKind } from '../lib/verdict';

export const CHART_WIDTH = 640;
/** The phone drawing, shown up to a 39rem (624 px) screen: wider, the 640 drawing keeps its text at 11 px or more. */
export const NARROW_WIDTH = 340;
const FONT_SIZE = 12;
const ROW_HEIGHT = 22;

/**
 * Shows the drawing that fits the screen, the other is not rendered. The narrow one may grow a
 * little (a 390 px phone gives it 358 px) but not past 26rem, where its text would look big.
 */
export const CHART_CSS = `.chart-wide{display:block}
.chart-narrow{display:none}
@media (max-width:39rem){.chart-wide{display:none}.chart-narrow{display:block;width:100%;max-width:26rem}}`;

import { COLORS } from './colors.ts';

export { COLORS };

// ---------------------------------------------------------------------------------------
// Small shared helpers

/**
 * Width of a label in px, estimated (the server has no font metrics): CJK glyphs are one em,
 * other characters about 0.6 em. Used only to size margins, so being a little generous is fine.
 */
export function estimateTextWidth(text: string, fontSize = FONT_SIZE): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return Math.ceil(em * fontSize);
}

/** Left margin wide enough for the longest y label, within bounds that keep the plot usable. */
const leftMargin = (labels: readonly string[], width: number): number =>
  Math.min(200, Math.round(width * 0.42), Math.max(48, ...labels.map((l) => estimateTextWidth(l) + 14)));

/** How many ticks a horizontal value axis asks for: on the narrow drawing five labels ("1,500") would touch. */
const xTicks = (width: number): number => (width < CHART_WIDTH ? 3 : 5);

/** Plain code-point order: deterministic whatever ICU collation data the machine has. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Decimals a tick needs ("0.5" → 1), for ticks formatted with our grouping and minus. */
const tickDecimals = (d: number): number => Math.min(3, String(d).split('.')[1]?.length ?? 0);
const formatTick = (d: number): string => formatNumber(d, tickDecimals(d));

const isValue = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

interface KeyItem {
  color: string;
  text: string;
  /** Drawn as an outline: "no bar" rather than a bar colour. */
  hollow?: boolean;
}

/**
 * The chart drawn wide and narrow (see CHART_CSS), the narrow one with ids of its own. Both say
 * the same; the one not shown is not rendered, so neither a reader nor a screen reader meets it twice.
 */
function drawings<O extends { idPrefix: string }>(draw: (o: O, width: number) => ChartSvg, o: O): [ChartSvg, ChartSvg] {
  const wide = draw(o, CHART_WIDTH);
  const narrow = draw({ ...o, idPrefix: `${o.idPrefix}-narrow` }, NARROW_WIDTH);
  wide.setAttribute('class', `${wide.getAttribute('class') ?? ''} chart-wide`.trim());
  narrow.setAttribute('class', `${narrow.getAttribute('class') ?? ''} chart-narrow`.trim());
  return [wide, narrow];
}

/** Wrap the finished SVGs in <figure> with a caption: the title, then the colour key. */
function figure(svgs: readonly SVGSVGElement[], opts: { idPrefix: string; kind: string; title: string; key: readonly KeyItem[] }): string {
  const doc = svgs[0]!.ownerDocument;
  const fig = doc.createElement('figure');
  fig.setAttribute('class', `chart chart-${opts.kind}`);
  fig.setAttribute('id', opts.idPrefix);
  // One document per figure: the narrow drawing was drawn in a document of its own.
  fig.append(...svgs.map((svg) => (svg.ownerDocument === doc ? svg : doc.importNode(svg, true))));
  const caption = doc.createElement('figcaption');
  const title = doc.createElement('span');
  title.setAttribute('class', 'chart-title');
  title.textContent = opts.title;
  caption.append(title);
  if (opts.key.length) {
    const key = doc.createElement('span');
    key.setAttribute('class', 'chart-key');
    for (const item of opts.key) {
      const swatch = doc.createElement('span');
      swatch.setAttribute('aria-hidden', 'true');
      swatch.setAttribute('style', `color:${item.color}`);
      swatch.textContent = item.hollow ? ' □ ' : ' ■ ';
      key.append(swatch, doc.createTextNode(item.text));
    }
    caption.append(doc.createTextNode(' '), key);
  }
  fig.append(caption);
  return toHtml(fig);
}

/** Plot with our fixed frame and a document of its own. */
/** A finished chart SVG that still answers Plot's `scale(name)` (for tests and callers). */
export type ChartSvg = SVGSVGElement & Pick<Plot.Plot, 'scale'>;

function plot(options: Plot.PlotOptions & { width: number }): ChartSvg {
  const el = Plot.plot({ document: createPlotDocument(), ...options });
  // No legend, title or caption is passed to Plot, so it returns the bare SVG.
  return el as unknown as ChartSvg;
}

// ---------------------------------------------------------------------------------------
// Progress against the annual target (时间过半，任务过半)

export interface ProgressRow {
  name: string;
  /** Share of the annual target reached, 0..n; null draws no bar (suppressed, missing, no target, a ceiling). */
  completion: number | null;
  /** The verdict (progress query `status` and `verdict_kind`): it colours the bar and names it. */
  status: Status;
  kind: VerdictKind | null;
  /** Text at the bar end; default the completion as "52.3%". */
  label?: string;
}

export interface ProgressChartOptions {
  rows: readonly ProgressRow[];
  /** Share of the year elapsed, 0..1 (month / 12, or a seasonal expected share). */
  elapsed: number;
  locale: Locale;
  title: string;
  idPrefix: string;
}

interface ProgressDatum {
  key: string;
  name: string;
  completion: number | null;
  status: Status;
  kind: VerdictKind | null;
  label: string;
}

/** Without a bar, the word says why, so that it cannot be read as zero. */
function noBarWord(status: Status, kind: VerdictKind | null, locale: Locale): string {
  if (status === 'suppressed' || status === 'no_target' || status === 'qualitative' || status === 'none_stated') return statusWord(status, kind, locale);
  return pick(UI.noData, locale);
}

function progressData(rows: readonly ProgressRow[], locale: Locale): ProgressDatum[] {
  const data = rows.map((r, i): ProgressDatum => {
    const completion = isValue(r.completion) && r.status !== 'suppressed' ? r.completion : null;
    const label = completion == null ? noBarWord(r.status, r.kind, locale) : (r.label ?? formatPct(completion * 100));
    return { key: String(i), name: r.name, completion, status: r.status, kind: r.kind, label };
  });
  // Highest completion first; rows without a bar keep their order, after all bars.
  const drawn = data.filter((d) => d.completion != null);
  drawn.sort((a, b) => b.completion! - a.completion! || byCodePoint(a.name, b.name));
  return [...drawn, ...data.filter((d) => d.completion == null)];
}

/** The progress chart as a finished SVG element (Plot's `scale()` available). */
export function progressPlot(o: ProgressChartOptions, width = CHART_WIDTH): ChartSvg {
  checkIdPrefix(o.idPrefix);
  if (!(o.elapsed >= 0 && o.elapsed <= 1)) throw new RangeError(`elapsed must be within 0..1, got ${o.elapsed}`);
  const { locale } = o;
  const zh = locale === 'zh-CN';
  const data = progressData(o.rows, locale);
  const bars = data.filter((d) => d.completion != null);
  const noBars = data.filter((d) => d.completion == null);
  const nameOf = new Map(data.map((d) => [d.key, d.name]));
  const xMax = Math.max(1, o.elapsed, ...bars.map((d) => d.completion!));
  const sep = zh ? '：' : ': ';
  const offTrack = (d: ProgressDatum): boolean => OFF_TRACK.includes(d.status);
  const elapsedText = `${pick(UI.timeElapsed, locale)} ${formatPct(o.elapsed * 100)}`;
  const marginTop = 26;
  const marginBottom = 36;

  const svg = plot({
    width,
    height: marginTop + marginBottom + Math.max(1, data.length) * ROW_HEIGHT,
    marginTop,
    marginBottom,
    marginLeft: leftMargin(data.map((d) => d.name), width),
    marginRight: 56,
    x: {
      domain: [0, xMax],
      label: pick(UI.completion, locale),
      labelAnchor: 'left',
      labelArrow: 'none',
      tickFormat: (d: number) => formatPct(d * 100, 0),
      ticks: xTicks(width),
    },
    y: { domain: data.map((d) => d.key), tickFormat: (k: string) => nameOf.get(k) ?? k, tickSize: 0, label: null },
    color: { type: 'identity' },
    marks: [
      Plot.barX(bars, {
        x: 'completion',
        y: 'key',
        fill: (d: ProgressDatum) => (offTrack(d) ? COLORS.behind : COLORS.ahead),
        title: (d: ProgressDatum) => `${d.name}${sep}${pick(UI.completion, locale)} ${d.label}${zh ? '，' : ', '}${statusWord(d.status, d.kind, locale)}`,
        insetTop: 3,
        insetBottom: 3,
      }),
      Plot.text(bars, { x: 'completion', y: 'key', text: 'label', dx: 4, textAnchor: 'start' }),
      // No bar: the word says why, where a bar would start, so it cannot be read as zero.
      Plot.text(noBars, {
        x: 0,
        y: 'key',
        text: 'label',
        dx: 4,
        textAnchor: 'start',
        fill: COLORS.muted,
        fontStyle: 'italic',
        title: (d: ProgressDatum) => `${d.name}${sep}${d.label}`,
      }),
      Plot.ruleX([0]),
      Plot.ruleX([o.elapsed], {
        stroke: COLORS.rule,
        strokeDasharray: '4 3',
        className: 'elapsed',
        title: () => elapsedText,
      }),
      Plot.text([o.elapsed], { x: (d: number) => d, frameAnchor: 'top', lineAnchor: 'bottom', dy: -6, text: () => elapsedText }),
    ],
  });
  const description = zh
    ? `${bars.length}个单位有进度，${bars.filter((d) => !offTrack(d)).length}个达到或快于进度；${noBars.length}个无进度。`
    : `${bars.length} units with progress, ${bars.filter((d) => !offTrack(d)).length} on or ahead of pace; ${noBars.length} without.`;
  return finishSvg(svg, { idPrefix: o.idPrefix, title: zh ? `${o.title}（${elapsedText}）` : `${o.title} (${elapsedText})`, description });
}

/** Horizontal bars of target completion per unit, with the time elapsed as a dashed rule. */
export function renderProgressChart(o: ProgressChartOptions): string {
  const svgs = drawings(progressPlot, o);
  const key: KeyItem[] = [
    { color: COLORS.ahead, text: pick(UI.ahead, o.locale) },
    { color: COLORS.behind, text: pick(UI.behind, o.locale) },
  ];
  return figure(svgs, { idPrefix: o.idPrefix, kind: 'progress', title: o.title, key });
}

// ---------------------------------------------------------------------------------------
// Year to date, this year against last year

export interface MonthValue {
  /** 1..12: the value is January to this month, cumulative (a year may start at 2: 1-2月). */
  month: number;
  /** In the indicator's unit; null when suppressed or missing (the line breaks there). */
  value: number | null;
}

export interface TrendChartOptions {
  thisYear: readonly MonthValue[];
  lastYear: readonly MonthValue[];
  locale: Locale;
  /** The indicator's unit: values are drawn in the reader's unit (亿元 → billion yuan in en). */
  unit?: Unit;
  decimals?: number;
  /** Axis label; default the unit in the reader's language. Without `unit`, values are drawn as given. */
  unitLabel?: string;
  /** The year of `thisYear`, for labels ("2025年" / "2024年"); default "本年" / "上年同期". */
  year?: number;
  title: string;
  idPrefix: string;
}

interface TrendDatum {
  month: number;
  value: number; // in the reader's unit, NaN when missing
  text: string;
  title: string;
}

/** "1-6月" / "Jan–Jun": the months of a year-to-date value without the year. */
const ytdMonths = (month: number, locale: Locale): string =>
  formatPeriod(`2000-${String(month).padStart(2, '0')}`, locale).replace(/^2000年| 2000$/g, '');

export interface LabelPlacement {
  anchor: 'start' | 'end';
  /** Vertical offset in px from the point (negative: above). */
  dy: number;
}

interface LineEnd {
  month: number;
  value: number;
  /** Estimated label width in px. */
  width: number;
}

const TREND_PLOT_HEIGHT = 240; // frame height of the trend chart, for label spacing

/**
 * Where the direct labels of the two year-to-date lines go. Both lines only rise (they are
 * cumulative), so the space above-left of a line's end is free of that line.
 * - Last year runs further than this year (the usual case during a year): last year's label
 *   sits above-left of its end; this year's label goes on the side away from last year's line
 *   at the same month (above-left when ahead of last year, below-right when behind).
 * - Both end at the same month (a full year): both labels go right of the ends, in a right
 *   margin sized for them, and are pushed apart when their values are close.
 */
export function placeEndLabels(
  thisYear: LineEnd | undefined,
  lastYear: LineEnd | undefined,
  lastYearAt: (month: number) => number | undefined,
  yMax: number,
): { thisYear: LabelPlacement | null; lastYear: LabelPlacement | null; marginRight: number } {
  const aboveLeft: LabelPlacement = { anchor: 'end', dy: -10 };
  if (!thisYear || !lastYear || thisYear.month < lastYear.month) {
    const prior = thisYear ? lastYearAt(thisYear.month) : undefined;
    const behind = prior != null && !Number.isNaN(prior) && thisYear!.value < prior;
    const nowAt: LabelPlacement = behind && thisYear!.month < 10 ? { anchor: 'start', dy: 16 } : behind ? { anchor: 'end', dy: 16 } : aboveLeft;
    return { thisYear: thisYear ? nowAt : null, lastYear: lastYear ? aboveLeft : null, marginRight: 24 };
  }
  // Same end month (or this year runs further): labels right of the ends.
  const px = yMax > 0 ? (Math.abs(thisYear.value - lastYear.value) / yMax) * TREND_PLOT_HEIGHT : 0;
  const apart = px < 16 ? (16 - px) / 2 + 2 : 0;
  const nowHigher = thisYear.value >= lastYear.value;
  const marginRight = Math.min(160, Math.max(thisYear.width, lastYear.width) + 14);
  return {
    thisYear: { anchor: 'start', dy: nowHigher ? -apart : apart },
    lastYear: { anchor: 'start', dy: nowHigher ? apart : -apart },
    marginRight,
  };
}

/**
 * The months of a series in order, with a null value for every month missing between its first
 * and last: Plot draws a line straight across absent points but breaks it at a NaN, and a
 * month nobody published must not look like a figure. Months before the first stay absent
 * (a year may start at 1-2月).
 */
export function withMissingMonths(rows: readonly MonthValue[]): MonthValue[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const months = [...byMonth.keys()];
  if (months.length === 0) return [];
  const out: MonthValue[] = [];
  for (let m = Math.min(...months); m <= Math.max(...months); m++) out.push(byMonth.get(m) ?? { month: m, value: null });
  return out;
}

/** The trend chart as a finished SVG element. */
export function trendPlot(o: TrendChartOptions, width = CHART_WIDTH): ChartSvg {
  checkIdPrefix(o.idPrefix);
  const { locale } = o;
  const zh = locale === 'zh-CN';
  const scale = o.unit ? displayScale(o.unit, locale, o.decimals) : { factor: 1, decimals: o.decimals ?? 1 };
  const axisUnit = o.unitLabel ?? (o.unit ? unitLabelOf(o.unit, locale) : '');
  const seriesName = (last: boolean): string =>
    o.year != null ? (zh ? `${o.year - (last ? 1 : 0)}年` : String(o.year - (last ? 1 : 0))) : pick(last ? UI.lastYear : UI.thisYear, locale);
  const amount = (v: number): string =>
    o.unit ? formatAmount(v, { unit: o.unit, decimals: o.decimals, locale }) : formatNumber(v, scale.decimals);
  const withUnit = (v: number): string => {
    const a = amount(v);
    if (!axisUnit) return a;
    return zh || axisUnit === '%' ? `${a}${axisUnit}` : `${a} ${axisUnit}`;
  };
  const series = (rows: readonly MonthValue[], last: boolean): TrendDatum[] =>
    withMissingMonths(rows.filter((r) => Number.isInteger(r.month) && r.month >= 1 && r.month <= 12)).map((r) => ({
      month: r.month,
      value: isValue(r.value) ? r.value * scale.factor : NaN,
      text: isValue(r.value) ? amount(r.value) : '',
      title: `${seriesName(last)} ${ytdMonths(r.month, locale)}${zh ? '：' : ': '}${isValue(r.value) ? withUnit(r.value) : pick(UI.noData, locale)}`,
    }));
  const now = series(o.thisYear, false);
  const before = series(o.lastYear, true);
  const points = [...now, ...before];
  const months = points.map((d) => d.month);
  const firstMonth = months.length ? Math.min(...months) : 1;
  const shown = (s: TrendDatum[]) => s.filter((d) => !Number.isNaN(d.value));
  const nowEnd = shown(now).at(-1);
  const beforeEnd = shown(before).at(-1);
  const label = (d: TrendDatum, last: boolean): string => `${seriesName(last)} ${d.text}`;
  const place = placeEndLabels(
    nowEnd && { month: nowEnd.month, value: nowEnd.value, width: estimateTextWidth(label(nowEnd, false)) },
    beforeEnd && { month: beforeEnd.month, value: beforeEnd.value, width: estimateTextWidth(label(beforeEnd, true)) },
    (d) => before.find((b) => b.month === d)?.value,
    Math.max(0, ...points.map((d) => d.value).filter((v) => !Number.isNaN(v))),
  );
  const endLabel = (end: TrendDatum | undefined, at: LabelPlacement | null, last: boolean): Plot.Markish =>
    end && at
      ? Plot.text([end], {
          x: 'month',
          y: 'value',
          text: (d: TrendDatum) => label(d, last),
          textAnchor: at.anchor,
          dx: at.anchor === 'end' ? -6 : 6,
          dy: at.dy,
          fill: last ? COLORS.lastYear : COLORS.self,
          fontWeight: last ? 'normal' : 'bold',
        })
      : null;

  // Narrow, a label every month ("10月11月12月") would touch: every other month, ending at 12.
  const step = width < CHART_WIDTH ? 2 : 1;
  const svg = plot({
    width,
    height: 300,
    marginTop: 24,
    marginBottom: 36,
    marginLeft: 56,
    marginRight: place.marginRight,
    x: {
      domain: [firstMonth, 12],
      ticks: Array.from({ length: 13 - firstMonth }, (_, i) => firstMonth + i).filter((m) => (12 - m) % step === 0),
      tickFormat: (m: number) => formatMonth(m, locale),
      label: pick(UI.ytdAxis, locale),
      labelAnchor: 'right',
      labelArrow: 'none',
    },
    y: { zero: true, nice: true, grid: true, label: axisUnit || null, labelArrow: 'none', tickFormat: formatTick, ticks: 5 },
    marks: [
      Plot.ruleY([0]),
      Plot.line(before, { x: 'month', y: 'value', stroke: COLORS.lastYear, strokeWidth: 1.5, strokeDasharray: '5 3' }),
      Plot.line(now, { x: 'month', y: 'value', stroke: COLORS.self, strokeWidth: 2.5 }),
      Plot.dot(shown(before), { x: 'month', y: 'value', r: 2.5, fill: COLORS.lastYear, title: 'title' }),
      Plot.dot(shown(now), { x: 'month', y: 'value', r: 3.5, fill: COLORS.self, title: 'title' }),
      endLabel(beforeEnd, place.lastYear, true),
      endLabel(nowEnd, place.thisYear, false),
    ],
  });
  const latest = shown(now).at(-1);
  const description = latest ? latest.title : pick(UI.noData, locale);
  return finishSvg(svg, { idPrefix: o.idPrefix, title: o.title, description });
}

/** Year-to-date line, this year (solid) against last year (dashed), labelled directly. */
export function renderTrendChart(o: TrendChartOptions): string {
  const svgs = drawings(trendPlot, o);
  const { locale } = o;
  const name = (last: boolean): string =>
    o.year != null ? (locale === 'zh-CN' ? `${o.year - (last ? 1 : 0)}年` : String(o.year - (last ? 1 : 0))) : pick(last ? UI.lastYear : UI.thisYear, locale);
  const key: KeyItem[] = [
    { color: COLORS.self, text: name(false) },
    { color: COLORS.lastYear, text: name(true) },
  ];
  return figure(svgs, { idPrefix: o.idPrefix, kind: 'trend', title: o.title, key });
}

// ---------------------------------------------------------------------------------------
// Ranking among peers (前看标兵，回看追兵)

export type RankHighlight = 'self' | 'ahead' | 'behind' | null;

export interface RankingRow {
  name: string;
  /** In the indicator's unit; null when suppressed or missing. */
  value: number | null;
  /** Competition rank (1,2,2,4); null when unranked. */
  rank: number | null;
  highlight?: RankHighlight;
  /** Text at the bar end; default the value in the reader's unit, without the unit. */
  label?: string;
  /** c prints "保密"/"suppressed" for an unranked row, anything else "无数据"/"no data". */
  flag?: Flag;
}

export interface RankingChartOptions {
  rows: readonly RankingRow[];
  locale: Locale;
  unit?: Unit;
  decimals?: number;
  /** Axis label; default the unit in the reader's language. */
  unitLabel?: string;
  title: string;
  idPrefix: string;
}

interface RankingDatum {
  key: string;
  name: string;
  tick: string;
  value: number | null; // in the reader's unit
  highlight: RankHighlight;
  label: string;
  title: string;
}

const HIGHLIGHT_FILL: Record<Exclude<RankHighlight, null> | 'none', string> = {
  self: COLORS.self,
  ahead: COLORS.neighbour,
  behind: COLORS.neighbour,
  none: COLORS.neutral,
};

function rankingData(o: RankingChartOptions): RankingDatum[] {
  const { locale } = o;
  const zh = locale === 'zh-CN';
  const scale = o.unit ? displayScale(o.unit, locale, o.decimals) : { factor: 1, decimals: o.decimals ?? 1 };
  const axisUnit = o.unitLabel ?? (o.unit ? unitLabelOf(o.unit, locale) : '');
  const note = (h: RankHighlight): string =>
    h === 'ahead' ? pick(UI.paceSetter, locale) : h === 'behind' ? pick(UI.pursuer, locale) : h === 'self' ? pick(UI.self, locale) : '';
  const rows = o.rows.map((r, i) => ({ r, i, ranked: r.rank != null && isValue(r.value) }));
  const ranked = rows.filter((x) => x.ranked).sort((a, b) => a.r.rank! - b.r.rank! || a.i - b.i);
  const unranked = rows.filter((x) => !x.ranked);
  return [...ranked, ...unranked].map(({ r, i, ranked: isRanked }): RankingDatum => {
    const highlight = r.highlight ?? null;
    const extra = note(highlight);
    if (!isRanked) {
      const word = pick(r.flag === 'c' ? UI.suppressed : UI.noData, locale);
      return {
        key: String(i),
        name: r.name,
        tick: `– ${r.name}`,
        value: null,
        highlight,
        label: r.label ?? word,
        title: `${r.name}${zh ? '：' : ': '}${word}${zh ? '，' : ', '}${pick(UI.notRanked, locale)}`,
      };
    }
    const v = r.value!;
    const amount = o.unit ? formatAmount(v, { unit: o.unit, decimals: o.decimals, locale }) : formatNumber(v, scale.decimals);
    const full = !axisUnit ? amount : zh || axisUnit === '%' ? `${amount}${axisUnit}` : `${amount} ${axisUnit}`;
    const label = r.label ?? amount;
    return {
      key: String(i),
      name: r.name,
      tick: `${r.rank}. ${r.name}`,
      value: v * scale.factor,
      highlight,
      label: extra ? `${label} ${extra}` : label,
      title: `${rankLabel(r.rank!, locale)} ${r.name}${zh ? '：' : ': '}${full}${extra ? (zh ? `（${extra}）` : ` (${extra})`) : ''}`,
    };
  });
}

/** The ranking chart as a finished SVG element. */
export function rankingPlot(o: RankingChartOptions, width = CHART_WIDTH): ChartSvg {
  checkIdPrefix(o.idPrefix);
  const { locale } = o;
  const data = rankingData(o);
  const bars = data.filter((d) => d.value != null);
  const noBars = data.filter((d) => d.value == null);
  const tickOf = new Map(data.map((d) => [d.key, d.tick]));
  const values = bars.map((d) => d.value!);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  // Room for labels left of negative bars, inside the frame (the right margin holds the rest).
  const pad = lo < 0 ? (hi - lo || 1) * 0.2 : 0;
  const axisUnit = o.unitLabel ?? (o.unit ? unitLabelOf(o.unit, locale) : '');
  const isPos = (d: RankingDatum): boolean => d.value! >= 0;
  const labelMark = (rows: RankingDatum[], bold: boolean): Plot.Markish[] => [
    Plot.text(rows.filter(isPos), { x: 'value', y: 'key', text: 'label', dx: 4, textAnchor: 'start', fontWeight: bold ? 'bold' : 'normal' }),
    Plot.text(rows.filter((d) => !isPos(d)), { x: 'value', y: 'key', text: 'label', dx: -4, textAnchor: 'end', fontWeight: bold ? 'bold' : 'normal' }),
  ];
  const marginRight = Math.min(160, Math.round(width * 0.3), Math.max(48, ...bars.filter(isPos).map((d) => estimateTextWidth(d.label) + 10)));

  const svg = plot({
    width,
    height: 24 + 36 + Math.max(1, data.length) * ROW_HEIGHT,
    marginTop: 24,
    marginBottom: 36,
    marginLeft: leftMargin(data.map((d) => d.tick), width),
    marginRight,
    x: { domain: [lo - pad, hi || 1], nice: true, label: axisUnit || null, labelAnchor: 'left', labelArrow: 'none', tickFormat: formatTick, ticks: xTicks(width) },
    y: { domain: data.map((d) => d.key), tickFormat: (k: string) => tickOf.get(k) ?? k, tickSize: 0, label: null },
    color: { type: 'identity' },
    marks: [
      Plot.barX(bars, {
        x: 'value',
        y: 'key',
        fill: (d: RankingDatum) => HIGHLIGHT_FILL[d.highlight ?? 'none'],
        title: 'title',
        insetTop: 3,
        insetBottom: 3,
      }),
      ...labelMark(bars.filter((d) => d.highlight !== 'self'), false),
      ...labelMark(bars.filter((d) => d.highlight === 'self'), true),
      // Unranked: a word at the zero line, never a zero-length bar.
      Plot.text(noBars, {
        x: 0,
        y: 'key',
        text: 'label',
        dx: 4,
        textAnchor: 'start',
        fill: COLORS.muted,
        fontStyle: 'italic',
        title: 'title',
      }),
      Plot.ruleX([0]),
    ],
  });
  const self = data.find((d) => d.highlight === 'self');
  return finishSvg(svg, { idPrefix: o.idPrefix, title: o.title, description: self?.title });
}

/** Ranked bars; the selected unit, its 标兵 and 追兵 emphasised; unranked rows listed last. */
export function renderRankingChart(o: RankingChartOptions): string {
  const svgs = drawings(rankingPlot, o);
  const { locale } = o;
  const key: KeyItem[] = [
    { color: COLORS.self, text: pick(UI.self, locale) },
    { color: COLORS.neighbour, text: `${pick(UI.paceSetter, locale)} / ${pick(UI.pursuer, locale)}` },
  ];
  const flags = o.rows.some((r) => r.rank == null || !isValue(r.value));
  if (flags) key.push({ color: COLORS.muted, text: pick(UI.notRanked, locale), hollow: true });
  return figure(svgs, { idPrefix: o.idPrefix, kind: 'ranking', title: o.title, key });
}

// ---------------------------------------------------------------------------------------
// Annual series (figures published once a year): one bar a year, growth printed above

export interface YearValue {
  year: number;
  /** In the indicator's unit; null when suppressed or missing (no bar, a mark instead). */
  value: number | null;
  /** Published growth in %, printed above the bar when present. */
  yoy?: number | null;
}

export interface AnnualChartOptions {
  rows: readonly YearValue[];
  locale: Locale;
  unit?: Unit;
  decimals?: number;
  title: string;
  idPrefix: string;
}

interface AnnualDatum {
  year: string;
  value: number;
  top: string;
  title: string;
}

/** The annual series as a finished SVG element. */
export function annualPlot(o: AnnualChartOptions, width = CHART_WIDTH): ChartSvg {
  checkIdPrefix(o.idPrefix);
  const { locale } = o;
  const zh = locale === 'zh-CN';
  const scale = o.unit ? displayScale(o.unit, locale, o.decimals) : { factor: 1, decimals: o.decimals ?? 1 };
  const axisUnit = o.unit ? unitLabelOf(o.unit, locale) : '';
  const rows = [...o.rows].sort((a, b) => a.year - b.year);
  const data: AnnualDatum[] = rows.map((r) => {
    const shown = isValue(r.value);
    const amount = shown ? (o.unit ? formatAmount(r.value!, { unit: o.unit, decimals: o.decimals, locale }) : formatNumber(r.value!, scale.decimals)) : pick(UI.noData, locale);
    return {
      year: String(r.year),
      value: shown ? r.value! * scale.factor : NaN,
      top: isValue(r.yoy) ? formatPct(r.yoy) : '',
      title: `${r.year}${zh ? '年：' : ': '}${amount}${shown && axisUnit ? (zh || axisUnit === '%' ? axisUnit : ` ${axisUnit}`) : ''}${isValue(r.yoy) ? (zh ? `，增长${formatPct(r.yoy)}` : `, growth ${formatPct(r.yoy)}`) : ''}`,
    };
  });
  const bars = data.filter((d) => !Number.isNaN(d.value));
  // The growth over a bar is small on the wide drawing. On the narrow one it is full size, and
  // where the bars are too thin for a label each (growth or year), every n-th bar counted back
  // from the latest has one.
  const narrow = width < CHART_WIDTH;
  const band = (width - 56 - 20) / Math.max(1, data.length);
  const labelledAt = (i: number, text: string): boolean => !narrow || (data.length - 1 - i) % Math.ceil(estimateTextWidth(text) / band) === 0;
  const labelled = bars.filter((d) => labelledAt(data.indexOf(d), '+12.3%'));
  const svg = plot({
    width,
    height: 260,
    marginTop: 28,
    marginBottom: 32,
    marginLeft: 56,
    x: {
      domain: data.map((d) => d.year),
      label: null,
      tickFormat: narrow
        ? (y: string, i: number) => (labelledAt(i, '2025 ') ? y : '')
        : (y: string, i: number) => (data.length > 12 && i % 2 === 1 ? '' : y),
    },
    y: { zero: true, nice: true, grid: true, label: axisUnit || null, labelArrow: 'none', tickFormat: formatTick, ticks: 5 },
    marks: [
      Plot.barY(bars, { x: 'year', y: 'value', fill: COLORS.self, title: 'title' }),
      Plot.text(labelled, { x: 'year', y: 'value', text: 'top', dy: -8, fontSize: narrow ? FONT_SIZE : 10, fill: '#333' }),
      Plot.ruleY([0]),
    ],
  });
  const latest = bars.at(-1);
  return finishSvg(svg, { idPrefix: o.idPrefix, title: o.title, description: latest ? latest.title : pick(UI.noData, locale) });
}

/** Bars of an annual series with the published growth over each bar. */
export function renderAnnualChart(o: AnnualChartOptions): string {
  return figure(drawings(annualPlot, o), { idPrefix: o.idPrefix, kind: 'annual', title: o.title, key: [] });
}
