/**
 * The part of an indicator page a reader can redraw: for one parent, indicator, period and
 * metric, the map, the ranking and the progress toward targets, with their sentences and
 * tables. The page renders it at build time for its default state; the browser view
 * (src/client/indicator-view.ts) renders it with the same function for any other state, from
 * the same catalog queries run in DuckDB-WASM.
 */
import { flagLegend, formatPct, formatPeriod, formatSigned, unitLabel } from '../lib/format.ts';
import { paren, punct, type Locale } from '../lib/i18n.ts';
import { competitionRanks } from '../lib/progress.ts';
import type { Flag, Level, Unit } from '../lib/schema.ts';
import type { ProgressRow } from '../queries/progress.ts';
import type { RankingRow } from '../queries/ranking.ts';
import type { MapsRow } from '../render/map.ts';
import { el, escapeText, textEl } from '../render/svg.ts';
import { verdictMarkup } from '../render/verdict.ts';
import { nameOf } from '../site/names.ts';
import { inPp, t } from '../site/strings.ts';
import type { Topology } from 'topojson-specification';
import { mapFigure, type MapMeasure } from './map-figure.ts';
import { progressFigure } from './progress-figure.ts';
import { rankingFigure } from './ranking-figure.ts';
import type { Revised } from './revisions.ts';
import { tableDownloads, type TableSource } from './downloads.ts';

import { METRICS, type Metric } from './metrics.ts';

export { METRICS, type Metric };

/** The metric's name in the reader's language (a gap with its unit, percentage points). */
export function metricLabel(metric: Metric, locale: Locale): string {
  switch (metric) {
    case 'value': return t('value', locale);
    case 'growth': return t('yoy', locale);
    case 'completion': return t('completion', locale);
    case 'pace_gap': return inPp('paceGap', locale);
    case 'seasonal_gap': return inPp('seasonal', locale);
    case 'growth_gap': return inPp('growthGap', locale);
  }
}

/** A progress row's number for a metric other than value and growth. */
function metricOf(r: ProgressRow, metric: Exclude<Metric, 'value' | 'growth'>): number | null {
  return metric === 'completion' ? r.completion : metric === 'pace_gap' ? r.pace_gap_pp : metric === 'seasonal_gap' ? r.seasonal_gap_pp : r.growth_gap_pp;
}

export interface IndicatorViewInput {
  indicator: { id: string; name_zh: string; name_en: string; unit: Unit; decimals: number };
  parent: { code: string; name_zh: string; name_en: string | null; level: string };
  period: string;
  metric: Metric;
  /** The catalog's answers for (period, parent, indicator): progress, and ranking by value and by growth. */
  progress: readonly ProgressRow[];
  rankValue: readonly RankingRow[];
  rankYoy: readonly RankingRow[];
  map: { topology: Topology; config: MapsRow } | null;
  /** Draw the boundary file's other features in grey (the country map). */
  showRest: boolean;
  locale: Locale;
  hrefFor: (code: string) => string;
  /** Marks revised figures in the tables with a link to their release (revisedFrom in ./revisions.ts). */
  revised?: Revised;
}

/**
 * The ranking of a metric the catalog does not rank (completion and the gaps, all ≥ 0 good):
 * competition ranks among the peers of each level, with the verdict beside it.
 */
function metricRanking(v: IndicatorViewInput, metric: Exclude<Metric, 'value' | 'growth'>, title: string): string {
  const { locale } = v;
  const ranked: { r: ProgressRow; x: number | null; rank: number | null; tied: boolean }[] = [];
  for (const level of [...new Set(v.progress.map((r) => r.level))]) {
    const peers = v.progress.filter((r) => r.level === level);
    const xs = peers.map((r) => metricOf(r, metric));
    const ranks = competitionRanks(xs, true);
    peers.forEach((r, i) => ranked.push({ r, x: xs[i]!, rank: ranks[i]!, tied: ranks[i] !== null && ranks.filter((k) => k === ranks[i]).length > 1 }));
  }
  ranked.sort((a, b) => (a.rank === null ? 1 : 0) - (b.rank === null ? 1 : 0) || (a.rank ?? 0) - (b.rank ?? 0) || (a.r.jurisdiction < b.r.jurisdiction ? -1 : 1));
  const format = (x: number | null): string => (x === null ? '—' : metric === 'completion' ? formatPct(x * 100) : formatSigned(x));
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col', class: 'num' }, t('rank', locale)),
    textEl('th', { scope: 'col' }, t('jurisdiction', locale)),
    textEl('th', { scope: 'col', class: 'num' }, metricLabel(metric, locale)),
    textEl('th', { scope: 'col' }, t('status', locale)),
  );
  const rows = ranked.map(({ r, x, rank, tied }) =>
    el(
      'tr',
      {},
      textEl('td', { class: 'num' }, rank === null ? '—' : `${tied ? (locale === 'en' ? '=' : '并列') : ''}${rank}`),
      el('th', { scope: 'row' }, el('a', { href: v.hrefFor(r.jurisdiction) }, escapeText(nameOf(r, locale)))),
      textEl('td', { class: 'num' }, format(x)),
      verdictMarkup(r, locale, { tag: 'td' }),
    ),
  );
  return el(
    'figure',
    { class: 'chart ranking' },
    el('div', { class: 'table-wrap', tabindex: '0' }, el('table', {}, textEl('caption', {}, title), el('thead', {}, head), el('tbody', {}, ...rows))),
    tableDownloads(source(v, true), locale),
  );
}

/** The public CSV rows of the view's tables. */
const source = (v: IndicatorViewInput, targets: boolean): TableSource => ({ indicator: v.indicator.id, period: v.period, parent: v.parent.code, targets });

/** The redrawable part of an indicator page. */
export function indicatorViewBody(v: IndicatorViewInput): string {
  const { indicator: ind, locale, metric } = v;
  const en = locale === 'en';
  const iname = nameOf(ind, locale);
  const pname = nameOf(v.parent, locale);
  const periodText = formatPeriod(v.period, locale);
  const rows = v.progress;
  const hasGrowth = v.rankYoy.some((r) => r.rank_state === 'ranked');
  const hasTargets = rows.some((r) => r.target_type !== null);
  const mapOf = (measure: MapMeasure, values: { value: number | null; flag: string | null }[], unit: Unit, decimals: number, title: string, legendTitle: string, idPrefix: string): string =>
    mapFigure({
      map: v.map,
      rows: rows.map((r, i) => ({ code: r.jurisdiction, name: nameOf(r, locale), ...values[i]! })),
      measure, unit, decimals, title, legendTitle, locale, idPrefix,
      showRest: v.showRest,
      withTable: false,
      hrefFor: v.hrefFor,
    });
  const levelMap = () =>
    mapOf('level', rows.map((r) => ({ value: r.value, flag: r.flag })), ind.unit, ind.decimals, `${iname} ${periodText}`, unitLabel(ind.unit, locale), 'map-level');
  const growthMap = () =>
    mapOf('growth', rows.map((r) => ({ value: r.yoy_pct, flag: r.flag === 'c' ? 'c' : null })), '%', 1, `${iname} ${t('yoy', locale)} ${periodText}`, `${t('yoy', locale)} (%)`, 'map-growth');
  const ranking = (basis: 'value' | 'yoy') =>
    rankingFigure({
      rows: basis === 'value' ? v.rankValue : v.rankYoy,
      basis,
      scopeLevel: v.parent.level as Level,
      unit: ind.unit,
      decimals: ind.decimals,
      title: `${iname}${basis === 'value' ? (en ? ': ranking by level, ' : '规模排名，') : en ? ': ranking by growth, ' : '增速排名，'}${periodText}`,
      locale,
      idPrefix: basis === 'value' ? 'rank-value' : 'rank-yoy',
      hrefFor: v.hrefFor,
      revised: v.revised,
      downloads: source(v, false),
    });

  const parts: string[] = [];
  const mapHeading = textEl(
    'h2',
    {},
    `${t('map', locale)}${punct('colon', locale)}${en ? `${iname} by subdivision of ${pname}, ${periodText}` : `${pname}各地区${iname}${paren(periodText, locale)}`}${metric === 'value' ? '' : ` · ${metricLabel(metric, locale)}`}`,
  );
  parts.push(mapHeading);
  if (metric === 'value') {
    parts.push(levelMap());
    if (hasGrowth) parts.push(growthMap());
    parts.push(textEl('h2', {}, t('ranking', locale)), ranking('value'));
    if (hasGrowth) parts.push(ranking('yoy'));
  } else if (metric === 'growth') {
    parts.push(growthMap(), textEl('h2', {}, t('ranking', locale)), ranking('yoy'));
  } else {
    const label = metricLabel(metric, locale);
    const values = rows.map((r) => ({ value: metricOf(r, metric), flag: r.flag === 'c' ? 'c' : null }));
    parts.push(
      mapOf(metric === 'completion' ? 'share' : 'gap', values, '%', 1, `${iname} ${label} ${periodText}`, label, `map-${metric.replace('_', '-')}`),
      textEl('h2', {}, t('ranking', locale)),
      metricRanking(v, metric, `${iname}${en ? `: ranking by ${label}, ` : `${label}排名，`}${periodText}`),
    );
  }
  if (hasTargets) {
    parts.push(
      textEl('h2', {}, t('progressBoard', locale)),
      progressFigure({
        rows,
        unit: ind.unit,
        decimals: ind.decimals,
        title: `${iname}${en ? ': progress toward annual targets, ' : '年度目标完成进度，'}${periodText}`,
        locale,
        idPrefix: 'progress',
        hrefFor: v.hrefFor,
        revised: v.revised,
        downloads: source(v, true),
      }),
    );
  }
  const legend = flagLegend(new Set(rows.map((r) => r.flag).filter((f): f is Flag => !!f)), locale);
  if (legend.length > 0) parts.push(textEl('p', { class: 'caption' }, `${t('flags', locale)}${punct('colon', locale)}${legend.join(punct('semicolon', locale))}`));
  return parts.join('');
}
