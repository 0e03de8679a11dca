/**
 * The circular (通报) of a parent's children at one period, in the order the bureaus write it:
 * the period and the time elapsed; overall progress, indicator by indicator; who is on track on
 * everything; per indicator who is behind and the first and last three; then a ranking table
 * per indicator. `circular` decides the text and the cells once (sentences from
 * src/lib/circular-text.ts, verdicts as the progress query decided them); `circularBody` draws
 * it as markup for the page (and could for the browser), src/site/circular-docx.ts as Word.
 */
import { allOnTrackOrNone, offTrackSentences, overviewSentence, topBottomSentence } from '../lib/circular-text.ts';
import { distinctSources, flagLegend, formatObservation, formatPct, formatPeriod, formatTarget, sharedDecimals } from '../lib/format.ts';
import { paren, type Locale } from '../lib/i18n.ts';
import type { Flag, Unit } from '../lib/schema.ts';
import type { ProgressRow } from '../queries/progress.ts';
import { el, escapeText, textEl } from '../render/svg.ts';
import { verdictMarkup, verdictText } from '../render/verdict.ts';
import { nameOf } from '../site/names.ts';
import { t } from '../site/strings.ts';
import { obsMarkup } from './obs.ts';

export interface CircularIndicator {
  id: string;
  name_zh: string;
  name_en: string;
  unit: Unit;
  decimals: number;
  /** Where the figures come from (the indicator's source). */
  source: string | null;
}

export interface CircularInput {
  parent: { code: string; name_zh: string; name_en: string | null };
  period: string;
  /** Indicators with a target that year, in the board's order, each with its progress rows. */
  columns: readonly { indicator: CircularIndicator; rows: readonly ProgressRow[] }[];
  locale: Locale;
  /** Data version and "data as of" (already formatted), said at the top and the end. */
  version: string;
  dataAsOf: string | null;
}

export interface CircularTable {
  indicator: CircularIndicator;
  caption: string;
  header: readonly string[];
  /** One per child, ranked first (by rank, on the basis the target ranks), then the unranked; `mark` is the figure's flag mark ("预"), printed raised after it. */
  rows: readonly { row: ProgressRow; cells: readonly string[]; mark: string | null }[];
  /** Decimals the figures are shown with (the same in every row). */
  decimals: number;
}

export interface Circular {
  locale: Locale;
  title: string;
  /** "2025年1-9月 · 数据截至2025年10月17日 · 数据版本 …" */
  dateLine: string;
  /** Sections of sentences, in order; a part is a heading (an indicator's name) or a paragraph. */
  sections: readonly { heading: string; parts: readonly { kind: 'subheading' | 'paragraph'; text: string }[] }[];
  tablesHeading: string;
  tables: readonly CircularTable[];
  /** What the flag marks in the tables mean, one line each ("预：初步数，以后可能修订"). */
  legend: readonly string[];
  /** "资料来源：…" */
  sourceLine: string;
  /** "数据版本 … · 数据截至 …" */
  versionLine: string;
}

/** The most common of some values; a tie goes to the first in `prefer` order. */
function mostCommon<T>(values: readonly T[], prefer: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || prefer.indexOf(a[0]) - prefer.indexOf(b[0]))[0]?.[0];
}

/**
 * One ranking per indicator. The query ranks each unit on the basis its own target is held to
 * (growth for a growth target, else the figure) among the peers of its own level, so one table
 * would mix two rankings and a special zone would be "first" among its own kind. A circular
 * ranks the units of the most common level on the most common basis (the figure on a tie); the
 * others are listed unranked.
 */
export function circularStandings(rows: readonly ProgressRow[]): ProgressRow[] {
  const level = mostCommon(rows.map((r) => r.level), []);
  const basis = mostCommon<ProgressRow['rank_basis']>(rows.filter((r) => r.target_type !== null).map((r) => r.rank_basis), ['value', 'yoy']) ?? 'value';
  const ranked = rows.map((r) => {
    const rank = r.level !== level ? null : basis === 'yoy' ? r.yoy_rank : r.value_rank;
    return { ...r, rank, rank_of: basis === 'yoy' ? r.yoy_rank_of : r.value_rank_of, rank_basis: basis };
  });
  return ranked.map((r) => ({ ...r, tied: r.rank !== null && ranked.some((o) => o !== r && o.rank === r.rank) }));
}

/** Whether a child is judged on this indicator at all: a figure (or its flag) and a numeric target. */
const judged = (r: ProgressRow): boolean => r.verdict_kind !== null && r.status !== 'no_data';

export function circularTitle(parent: { name_zh: string; name_en: string | null }, period: string, locale: Locale): string {
  return locale === 'en'
    ? `Circular on target progress: ${nameOf(parent, locale)}, ${formatPeriod(period, locale)}`
    : `${nameOf(parent, locale)}商务主要指标目标任务进度通报（${formatPeriod(period, locale)}）`;
}

/** The text and the cells of a circular, decided once for every way it is drawn. */
export function circular(c: CircularInput): Circular {
  const { locale } = c;
  const en = locale === 'en';
  // An indicator nobody can be judged on at this period (no figure yet, or only qualitative targets) says nothing.
  const columns = c.columns.filter((col) => col.rows.some(judged)).map((col) => ({ ...col, rows: circularStandings(col.rows) }));
  const name = (col: (typeof columns)[number]) => nameOf(col.indicator, locale);
  const elapsed = (columns[0]?.rows[0]?.elapsed ?? (c.period.length === 7 ? Number(c.period.slice(5)) / 12 : 1)) * 100;
  const period = formatPeriod(c.period, locale);
  const opening = en ? `${period}: ${formatPct(elapsed)} of the year elapsed.` : `${period}，时间进度${formatPct(elapsed)}。`;
  const overview = overviewSentence(columns.map((col) => ({ name: name(col), rows: col.rows })), locale);
  const allOn = allOnTrackOrNone(columns.map((col) => col.rows), locale);
  const byIndicator = columns.map((col) => {
    const said = [...offTrackSentences(name(col), col.rows, locale), topBottomSentence(name(col), col.rows, locale)].filter((s) => s !== '');
    return [{ kind: 'subheading' as const, text: name(col) }, ...said.map((text) => ({ kind: 'paragraph' as const, text }))];
  });
  const sections = [
    { heading: en ? '1. Overall progress' : '一、总体进度', parts: [opening, overview, allOn].filter((s) => s !== '').map((text) => ({ kind: 'paragraph' as const, text })) },
    { heading: en ? '2. By indicator' : '二、分指标情况', parts: byIndicator.flat() },
  ];
  const header = [t('rank', locale), t('jurisdiction', locale), t('value', locale), t('yoy', locale), t('target', locale), t('completion', locale), t('status', locale)];
  const tables = columns.map((col): CircularTable => {
    const { unit } = col.indicator;
    const decimals = sharedDecimals(col.rows.map((r) => r.value), col.indicator.decimals);
    const order = col.rows.map((r, i) => ({ r, i })).sort((a, b) => (a.r.rank ?? Infinity) - (b.r.rank ?? Infinity) || a.i - b.i);
    const rows = order.map(({ r }) => ({
      row: r,
      mark: formatObservation({ value: r.value, flag: (r.flag ?? '') as Flag, unit, decimals }, locale).mark,
      cells: [
        r.rank === null ? '—' : r.tied ? `${r.rank}${en ? ' (tied)' : '（并列）'}` : String(r.rank),
        nameOf(r, locale),
        formatObservation({ value: r.value, flag: (r.flag ?? '') as Flag, unit, decimals }, locale).text,
        formatPct(r.yoy_pct),
        r.target_type === null
          ? '—'
          : formatTarget({ type: r.target_type, value: r.target_value, value_max: r.target_value_max, qualifier: r.target_qualifier, unit, decimals: col.indicator.decimals }, locale),
        r.completion == null ? '—' : formatPct(r.completion * 100),
        verdictText(r, locale),
      ],
    }));
    const basis = col.rows[0]?.rank_basis === 'yoy' ? (en ? 'ranked by growth' : '按增速排名') : en ? 'ranked by value' : '按总量排名';
    return { indicator: col.indicator, caption: `${name(col)}${paren(en ? `${period}, ${basis}` : `${period}，${basis}`, locale)}`, header, rows, decimals };
  });
  const sources = distinctSources(columns.map((col) => col.indicator.source));
  const targetSources = distinctSources(columns.flatMap((col) => col.rows.map((r) => r.target_source)));
  const sourceLine = en
    ? `Source: ${sources.join('; ') || '—'}. Targets: ${targetSources.join('; ') || '—'}.`
    : `资料来源：${sources.join('；') || '—'}。目标来源：${targetSources.join('；') || '—'}。`;
  const asOf = c.dataAsOf ? (en ? ` · data as of ${c.dataAsOf}` : ` · 数据截至${c.dataAsOf}`) : '';
  const versionLine = en ? `Data version ${c.version}${asOf}` : `数据版本 ${c.version}${asOf}`;
  return {
    locale,
    title: circularTitle(c.parent, c.period, locale),
    dateLine: `${period}${asOf}`,
    sections,
    tablesHeading: en ? '3. Rankings' : '三、各地区排名情况',
    tables,
    legend: flagLegend(columns.flatMap((col) => col.rows.map((r) => (r.flag ?? '') as Flag)), locale),
    sourceLine,
    versionLine,
  };
}

export interface CircularBodyOptions {
  /** Each unit's page and each indicator's page. */
  hrefFor: (code: string) => string;
  indicatorHref: (id: string) => string;
}

/** The circular as markup (without its h1): the sentences, then the ranking tables, which print landscape. */
export function circularBody(c: Circular, o: CircularBodyOptions): string {
  const { locale } = c;
  const text = c.sections.map((s) =>
    el(
      'section',
      { class: 'circular-section' },
      textEl('h2', {}, s.heading),
      ...s.parts.map((p) => (p.kind === 'subheading' ? textEl('h3', {}, p.text) : textEl('p', {}, p.text))),
    ),
  );
  const tables = c.tables.map((tb) => {
    const { unit } = tb.indicator;
    const head = el('tr', {}, ...tb.header.map((h, i) => textEl('th', { scope: 'col', class: i === 0 || (i >= 2 && i <= 5) ? 'num' : undefined }, h)));
    const body = tb.rows.map(({ row: r, cells }) =>
      el(
        'tr',
        {},
        textEl('td', { class: 'num' }, cells[0]!),
        el('th', { scope: 'row' }, el('a', { href: o.hrefFor(r.jurisdiction) }, escapeText(cells[1]!))),
        el('td', { class: 'num' }, obsMarkup(r.value, r.flag, unit, tb.decimals, locale)),
        textEl('td', { class: 'num' }, cells[3]!),
        textEl('td', { class: 'num' }, cells[4]!),
        textEl('td', { class: 'num' }, cells[5]!),
        verdictMarkup(r, locale, { tag: 'td' }),
      ),
    );
    return el(
      'div',
      { class: 'table-wrap', tabindex: '0' },
      el(
        'table',
        { class: 'circular-ranking', 'data-indicator': tb.indicator.id },
        el('caption', {}, el('a', { href: o.indicatorHref(tb.indicator.id) }, escapeText(tb.caption))),
        el('thead', {}, head),
        el('tbody', {}, ...body),
      ),
    );
  });
  return (
    textEl('p', { class: 'meta circular-date' }, c.dateLine) +
    text.join('') +
    el(
      'section',
      { class: 'circular-tables print-landscape' },
      textEl('h2', {}, c.tablesHeading),
      ...tables,
      ...c.legend.map((l) => textEl('p', { class: 'caption' }, l)),
      textEl('p', { class: 'meta circular-source' }, c.sourceLine),
      textEl('p', { class: 'meta' }, c.versionLine),
    )
  );
}
