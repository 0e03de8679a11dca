/**
 * The trend of one jurisdiction-indicator: year to date against last year when figures are
 * monthly, a bar a year otherwise, with the sentence and the latest periods in a table. One
 * function for the pages and the browser views.
 */
import { formatPct, formatPeriod, sentenceLevelGrowth, sharedDecimals } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Unit } from '../lib/schema.ts';
import type { SeriesRow, TrendRow } from '../queries/series.ts';
import { renderAnnualChart, renderTrendChart } from '../render/charts.ts';
import { el, textEl } from '../render/svg.ts';
import { t } from '../site/strings.ts';
import { obsMarkup } from './obs.ts';
import type { RevisionLink } from './revisions.ts';

export interface TrendFigureOptions {
  /** Monthly view for this year, or null when the indicator is published once a year. */
  trend: readonly TrendRow[] | null;
  series: readonly SeriesRow[];
  year: number;
  name: string;
  indicatorName: string;
  unit: Unit;
  decimals: number;
  title: string;
  locale: Locale;
  idPrefix: string;
  /** The revision link of the figure of a period, for its mark (the pages; not the browser views). */
  revisedAt?: (period: string) => RevisionLink | null;
}

/** Rows of the table: the latest periods, newest first. */
const TABLE_ROWS = 24;

export function trendFigure(o: TrendFigureOptions): string {
  const { trend, series, unit, locale } = o;
  // One number of decimals for the figures in the chart, the sentence and the table.
  const decimals = sharedDecimals([...series.map((r) => r.value), ...(trend ?? []).flatMap((r) => [r.this_year_value, r.last_year_value])], o.decimals);
  const monthly = trend !== null && trend.some((r) => r.this_year_state === 'ok');
  const chart = monthly
    ? renderTrendChart({
        thisYear: trend!.filter((r) => r.this_year_period).map((r) => ({ month: r.month, value: r.this_year_value })),
        lastYear: trend!.filter((r) => r.last_year_period).map((r) => ({ month: r.month, value: r.last_year_value })),
        locale, unit, decimals, year: o.year, title: o.title, idPrefix: o.idPrefix,
      })
    : renderAnnualChart({
        rows: series.filter((r) => r.month === null).map((r) => ({ year: r.year, value: r.value, yoy: r.yoy_pct })),
        locale, unit, decimals, title: o.title, idPrefix: o.idPrefix,
      });
  const latest = [...series].reverse().find((r) => r.value !== null || r.flag);
  const point = latest
    ? sentenceLevelGrowth({ name: o.name, period: latest.period, indicatorName: o.indicatorName, value: latest.value, unit, decimals, yoy: latest.yoy_pct }, locale)
    : '';
  const tableRows = [...series].reverse().slice(0, TABLE_ROWS);
  const more =
    series.length > tableRows.length
      ? locale === 'en'
        ? ` (latest ${tableRows.length} of ${series.length} periods; all in the downloads)`
        : `（最近${tableRows.length}期，共${series.length}期，完整数据见下载）`
      : '';
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col' }, t('period', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('value', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('yoy', locale)),
    textEl('th', { scope: 'col' }, t('latestRelease', locale)),
  );
  const body = tableRows.map((r) =>
    el(
      'tr',
      {},
      textEl('th', { scope: 'row' }, formatPeriod(r.period, locale)),
      el('td', { class: 'num' }, obsMarkup(r.value, r.flag, unit, decimals, locale, o.revisedAt?.(r.period) ?? null)),
      textEl('td', { class: 'num' }, formatPct(r.yoy_pct)),
      textEl('td', {}, r.release ?? ''),
    ),
  );
  return el(
    'figure',
    { class: 'chart trend defer', style: `--h:${20 + tableRows.length * 2}rem` },
    chart,
    point ? textEl('p', { class: 'point' }, point) : '',
    el('div', { class: 'table-wrap', tabindex: '0' }, el('table', {}, textEl('caption', {}, `${o.title}${more}`), el('thead', {}, head), el('tbody', {}, ...body))),
  );
}
