/**
 * Peers ranked on one measure, the selected unit with its 标兵 and 追兵 marked, the sentence and
 * the table: one function for the pages and the browser views.
 */
import { formatPct, rankPhrase, sentenceRank, sharedDecimals } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Level, Unit } from '../lib/schema.ts';
import type { RankingRow } from '../queries/ranking.ts';
import { renderRankingChart } from '../render/charts.ts';
import { el, escapeText, textEl } from '../render/svg.ts';
import { nameOf } from '../site/names.ts';
import { t } from '../site/strings.ts';
import { obsMarkup } from './obs.ts';
import { tableDownloads } from './downloads.ts';
import type { FigureOptions } from './progress-figure.ts';

export interface RankingFigureOptions extends FigureOptions {
  rows: readonly RankingRow[];
  basis: 'value' | 'yoy';
  /** Level of the parent whose children are ranked: province → "全省". */
  scopeLevel: Level;
}

type Highlight = 'self' | 'ahead' | 'behind' | null;

/** The sentence under the chart: the selected unit's rank and neighbours, else who ranks first among whom. */
function rankSentence(o: RankingFigureOptions, decimals: number): string {
  const { rows, basis, locale } = o;
  const en = locale === 'en';
  const measureUnit: Unit = basis === 'yoy' ? '%' : o.unit;
  const self = rows.find((r) => r.jurisdiction === o.selected);
  const neighbour = (code: string | null, zh: string | null, enName: string | null, gap: number | null) =>
    code ? { name: en ? (enName ?? zh ?? '') : (zh ?? ''), gap: gap ?? 0 } : null;
  if (self) {
    return sentenceRank(
      {
        name: nameOf(self, locale),
        rank: self.rank,
        rankOf: self.rank_of,
        peerCount: self.peer_count,
        tied: self.tied,
        basis,
        scope: o.scopeLevel,
        ahead: neighbour(self.ahead_code, self.ahead_name_zh, self.ahead_name_en, self.ahead_gap),
        behind: neighbour(self.behind_code, self.behind_name_zh, self.behind_name_en, self.behind_gap),
        unit: measureUnit,
        decimals: basis === 'yoy' ? 1 : decimals,
      },
      locale,
    );
  }
  const top = rows.find((r) => r.rank === 1);
  if (!top) return '';
  const phrase = rankPhrase({ rank: 1, rankOf: top.rank_of, peerCount: top.peer_count, tied: top.tied, basis }, locale);
  if (top.rank_of < 2) return `${phrase}${en ? '.' : '。'}`;
  return en ? `${nameOf(top, locale)} ranks ${phrase}.` : `${nameOf(top, locale)}排名${phrase}。`;
}

export function rankingFigure(o: RankingFigureOptions): string {
  const { rows, basis, locale } = o;
  const en = locale === 'en';
  // One number of decimals for the figures in the chart and the table.
  const decimals = sharedDecimals(rows.map((r) => r.value), o.decimals);
  const self = rows.find((r) => r.jurisdiction === o.selected);
  const highlight = (code: string): Highlight =>
    code === o.selected ? 'self' : code === self?.ahead_code ? 'ahead' : code === self?.behind_code ? 'behind' : null;
  const chart = renderRankingChart({
    rows: rows.map((r) => ({
      name: nameOf(r, locale),
      value: r.rank_state === 'ranked' ? r.measure : null,
      rank: r.rank,
      highlight: highlight(r.jurisdiction),
      flag: (r.flag ?? '') as never,
    })),
    locale,
    unit: basis === 'yoy' ? '%' : o.unit,
    decimals: basis === 'yoy' ? 1 : decimals,
    title: o.title,
    idPrefix: o.idPrefix,
  });
  const point = rankSentence(o, decimals);
  const rankCell = (r: RankingRow): string => (r.rank == null || r.rank_of < 2 ? '—' : `${r.tied ? (en ? '=' : '并列') : ''}${r.rank}`);
  const neighbourNote = (code: string): string => {
    const h = highlight(code);
    return h === 'ahead' ? ` (${t('paceSetter', locale)})` : h === 'behind' ? ` (${t('pursuer', locale)})` : '';
  };
  const body = rows.map((r) =>
    el(
      'tr',
      { class: r.jurisdiction === o.selected ? 'self' : undefined },
      textEl('td', { class: 'num' }, rankCell(r)),
      el('th', { scope: 'row' }, el('a', { href: o.hrefFor(r.jurisdiction) }, escapeText(nameOf(r, locale))), escapeText(neighbourNote(r.jurisdiction))),
      el('td', { class: 'num' }, obsMarkup(r.value, r.flag, o.unit, decimals, locale, o.revised?.(r.jurisdiction, r.indicator, r.obs_period ?? r.period) ?? null)),
      textEl('td', { class: 'num' }, formatPct(r.yoy_pct)),
    ),
  );
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col', class: 'num' }, t('rank', locale)),
    textEl('th', { scope: 'col' }, t('jurisdiction', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('value', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('yoy', locale)),
  );
  return el(
    'figure',
    { class: 'chart ranking defer', style: `--h:${8 + rows.length * 3}rem` },
    chart,
    point ? textEl('p', { class: 'point' }, point) : '',
    el('div', { class: 'table-wrap', tabindex: '0' }, el('table', {}, textEl('caption', {}, o.title), el('thead', {}, head), el('tbody', {}, ...body))),
    o.downloads ? tableDownloads(o.downloads, locale) : '',
  );
}
