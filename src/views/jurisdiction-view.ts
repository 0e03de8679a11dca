/**
 * The part of a jurisdiction page a reader can redraw: every indicator's figure, growth,
 * progress, rank and verdict at a period, beside a comparison (the parent, the peers' average
 * or last year). The page renders it at build time with each indicator at its latest period;
 * the browser view (src/client/jurisdiction-view.ts) renders it with the same function at the
 * period a reader picks.
 */
import { formatPct, formatPeriod, formatSigned, rankPhrase, roundAsShown, sharedDecimals } from '../lib/format.ts';
import { paren, type Locale } from '../lib/i18n.ts';
import type { Unit } from '../lib/schema.ts';
import type { ProgressRow } from '../queries/progress.ts';
import { el, escapeText, textEl } from '../render/svg.ts';
import { verdictMarkup } from '../render/verdict.ts';
import { nameOf } from '../site/names.ts';
import { t } from '../site/strings.ts';
import { obsMarkup } from './obs.ts';
import type { Revised } from './revisions.ts';

export const COMPARISONS = ['parent', 'peers', 'last_year'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export function comparisonLabel(c: Comparison, locale: Locale, parentName: string | null): string {
  const en = locale === 'en';
  if (c === 'parent') return en ? `Compared with ${parentName ?? 'the parent'}` : `与${parentName ?? '上级'}比较`;
  if (c === 'peers') return en ? "Compared with the peers' average" : '与同级地区平均比较';
  return en ? 'Compared with last year' : '与上年同期比较';
}

export interface JurisdictionEntry {
  indicator: { id: string; name_zh: string; name_en: string; unit: Unit; decimals: number };
  period: string;
  /** The unit's progress row among its peers at the period; null without a figure. */
  row: ProgressRow | null;
  /** Its peers' rows (the same query's answer), for their average growth. */
  peers: readonly ProgressRow[];
  /** The parent's row at the period (from the parent's own peers). */
  parentRow: ProgressRow | null;
  /** The unit's row a year earlier (same month). */
  lastYearRow: ProgressRow | null;
}

export interface JurisdictionViewInput {
  jurisdiction: { code: string; name_zh: string; name_en: string | null };
  parent: { code: string; name_zh: string; name_en: string | null } | null;
  compare: Comparison;
  entries: readonly JurisdictionEntry[];
  locale: Locale;
  /** Marks revised figures with a link to their release (revisedFrom in ./revisions.ts). */
  revised?: Revised;
}

/** The year-earlier period of YYYY or YYYY-MM. */
export function lastYearOf(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

/**
 * Decimals of an entry's figure: the indicator's, unless neither it nor any peer it is ranked
 * among has a digit there (national retail sales published in whole 亿元). The ranking figure
 * shares them over the same peers, and a briefing's sentences use them: one figure, one printing.
 */
export const entryDecimals = (e: Pick<JurisdictionEntry, 'indicator' | 'row' | 'peers'>): number =>
  sharedDecimals([e.row?.value, ...e.peers.map((p) => p.value)], e.indicator.decimals);

/**
 * The comparison cell: the other growth and the difference in points (last year: the value then
 * and the growth then). The difference is of the rates as printed, as the sentences compute it
 * (sentenceLevelGrowth), so 6.1% beside 6.4% differs by 0.3 points whatever the next digits.
 */
export function compareCell(e: JurisdictionEntry, compare: Comparison, locale: Locale, revised: Revised | undefined): string {
  const own = e.row?.yoy_pct ?? null;
  const diff = (other: number | null): string =>
    other === null
      ? '—'
      : own === null
        ? formatPct(other)
        : `${formatPct(other)}${paren(`${formatSigned(roundAsShown(own, 1) - roundAsShown(other, 1))}${locale === 'en' ? ' pp' : '个百分点'}`, locale)}`;
  if (compare === 'parent') return diff(e.parentRow?.yoy_pct ?? null);
  if (compare === 'peers') {
    const growths = e.peers.map((r) => r.yoy_pct).filter((x): x is number => x !== null);
    return diff(growths.length ? growths.reduce((a, b) => a + b, 0) / growths.length : null);
  }
  const then = e.lastYearRow;
  if (!then || (then.value === null && then.yoy_pct === null)) return '—';
  const revision = revised?.(then.jurisdiction, then.indicator, then.obs_period ?? then.period) ?? null;
  return obsMarkup(then.value, then.flag, e.indicator.unit, e.indicator.decimals, locale, revision) + escapeText(then.yoy_pct === null ? '' : paren(formatPct(then.yoy_pct), locale));
}

/** The summary table of a jurisdiction. */
export function jurisdictionSummary(v: JurisdictionViewInput): string {
  const { locale } = v;
  const en = locale === 'en';
  const name = nameOf(v.jurisdiction, locale);
  const parentName = v.parent ? nameOf(v.parent, locale) : null;
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col' }, t('indicator', locale)),
    textEl('th', { scope: 'col' }, t('period', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('value', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('yoy', locale)),
    textEl('th', { scope: 'col', class: 'num' }, comparisonLabel(v.compare, locale, parentName)),
    textEl('th', { scope: 'col', class: 'num' }, `${t('completion', locale)} / ${t('elapsed', locale)}`),
    textEl('th', { scope: 'col', class: 'num' }, t('rank', locale)),
    textEl('th', { scope: 'col' }, t('status', locale)),
  );
  const body = v.entries.map((e) => {
    const row = e.row;
    const decimals = entryDecimals(e);
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, el('a', { href: `#${e.indicator.id}` }, escapeText(nameOf(e.indicator, locale)))),
      textEl('td', {}, formatPeriod(e.period, locale)),
      el('td', { class: 'num' }, obsMarkup(row?.value ?? null, row?.flag ?? null, e.indicator.unit, decimals, locale, row ? (v.revised?.(row.jurisdiction, row.indicator, row.obs_period ?? row.period) ?? null) : null)),
      textEl('td', { class: 'num' }, formatPct(row?.yoy_pct)),
      el('td', { class: 'num' }, compareCell(e, v.compare, locale, v.revised)),
      textEl('td', { class: 'num' }, row?.completion != null ? `${formatPct(row.completion * 100)} / ${formatPct(row.elapsed * 100)}` : '—'),
      textEl('td', { class: 'num' }, row ? rankPhrase({ rank: row.rank, rankOf: row.rank_of, peerCount: row.peer_count, tied: row.tied, basis: row.rank_basis }, locale) : '—'),
      row ? verdictMarkup(row, locale, { tag: 'td' }) : textEl('td', {}, '—'),
    );
  });
  const caption = en ? `${name}: figures, targets and ranks` : `${name}主要指标、目标进度与排名`;
  return el('div', { class: 'table-wrap', tabindex: '0' }, el('table', {}, textEl('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...body)));
}
