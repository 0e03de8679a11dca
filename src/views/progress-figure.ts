/**
 * 时间过半，任务过半: every unit's share of its annual target against the share of the year gone,
 * the sentence and the table a bureau circulates, each verdict as the progress query decided
 * it. One function for the pages and the browser views.
 */
import { formatPct, formatSigned, formatTarget, sentencePace, sharedDecimals } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Unit } from '../lib/schema.ts';
import { OFF_TRACK } from '../lib/verdict.ts';
import type { ProgressRow } from '../queries/progress.ts';
import { renderProgressChart } from '../render/charts.ts';
import { el, escapeText, textEl } from '../render/svg.ts';
import { verdictAttrs, verdictMarkup } from '../render/verdict.ts';
import { nameOf } from '../site/names.ts';
import { inPp, t } from '../site/strings.ts';
import { obsMarkup } from './obs.ts';
import type { Revised } from './revisions.ts';
import { tableDownloads, type TableSource } from './downloads.ts';

/** What every figure of the children of a parent takes: its numbers' unit, its title, its links. */
export interface FigureOptions {
  selected?: string;
  unit: Unit;
  decimals: number;
  title: string;
  locale: Locale;
  idPrefix: string;
  hrefFor: (code: string) => string;
  /** Marks revised figures with a link to the release that revised them (revisedFrom in ./revisions.ts). */
  revised?: Revised;
  /** The public CSV rows the table shows, linked under it. */
  downloads?: TableSource;
}

export interface ProgressFigureOptions extends FigureOptions {
  rows: readonly ProgressRow[];
}

/** The summary sentence: the selected unit's pace, else how many are on track, counted from the verdicts. */
function progressSentence(o: ProgressFigureOptions, elapsed: number): { text: string; self: ProgressRow | null } {
  const { rows, locale } = o;
  const en = locale === 'en';
  const withTarget = rows.filter((r) => r.target_type !== null);
  const judged = (kinds: readonly string[]) => withTarget.filter((r) => r.verdict_kind !== null && kinds.includes(r.verdict_kind) && r.verdict_gap_pp != null);
  const onTrack = (list: readonly ProgressRow[]) => list.filter((r) => !OFF_TRACK.includes(r.status)).length;
  const paceRows = judged(['pace', 'level']);
  const growthRows = judged(['growth', 'range']);
  const self = rows.find((r) => r.jurisdiction === o.selected);
  const selfPace = self && self.verdict_kind === 'pace' && self.completion != null && self.verdict_gap_pp != null ? self : null;
  let text = '';
  if (selfPace) text = sentencePace({ name: nameOf(selfPace, locale), completion: selfPace.completion!, elapsed, gapPp: selfPace.verdict_gap_pp! }, locale);
  else if (paceRows.length)
    text = en
      ? `${onTrack(paceRows)} of ${paceRows.length} units with a level target are on or ahead of pace (time elapsed ${formatPct(elapsed * 100)}).`
      : `${paceRows.length}个有总量目标的地区中，${onTrack(paceRows)}个达到或快于进度（时间进度${formatPct(elapsed * 100)}）。`;
  if (growthRows.length)
    text += en
      ? ` ${onTrack(growthRows)} of ${growthRows.length} units with a growth target are at or above it.`
      : `${growthRows.length}个有增速目标的地区中，${onTrack(growthRows)}个增速达到或高于目标。`;
  return { text: text.trim(), self: selfPace ?? null };
}

export function progressFigure(o: ProgressFigureOptions): string {
  const { rows, unit, locale } = o;
  const levelRows = rows.filter((r) => r.target_type === 'level');
  const elapsed = rows[0]?.elapsed ?? 1;
  // One number of decimals for the figures in the table (targets keep the digits their document wrote).
  const valueDecimals = sharedDecimals(rows.map((r) => r.value), o.decimals);
  const chart =
    levelRows.length > 0
      ? renderProgressChart({
          rows: levelRows.map((r) => ({ name: nameOf(r, locale), completion: r.completion, status: r.status, kind: r.verdict_kind })),
          elapsed,
          locale,
          title: o.title,
          idPrefix: o.idPrefix,
        })
      : '';
  const point = progressSentence(o, elapsed);
  const targetText = (r: ProgressRow): string =>
    r.target_type === null
      ? '—'
      : formatTarget({ type: r.target_type, value: r.target_value, value_max: r.target_value_max, qualifier: r.target_qualifier, unit, decimals: o.decimals }, locale);
  // The header gives the unit (百分点 / pp): the cells are bare signed numbers.
  const pp = (v: number | null): string => (v == null ? '—' : formatSigned(v));
  const linear = locale === 'en' ? ' (linear)' : '（线性）';
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col' }, t('jurisdiction', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('value', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('yoy', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('target', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('completion', locale)),
    textEl('th', { scope: 'col', class: 'num' }, inPp('paceGap', locale)),
    textEl('th', { scope: 'col', class: 'num' }, inPp('seasonal', locale)),
    textEl('th', { scope: 'col', class: 'num' }, inPp('growthGap', locale)),
    textEl('th', { scope: 'col' }, t('status', locale)),
  );
  const body = rows.map((r) =>
    el(
      'tr',
      { class: r.jurisdiction === o.selected ? 'self' : undefined },
      el('th', { scope: 'row' }, el('a', { href: o.hrefFor(r.jurisdiction) }, escapeText(nameOf(r, locale)))),
      el('td', { class: 'num' }, obsMarkup(r.value, r.flag, unit, valueDecimals, locale, o.revised?.(r.jurisdiction, r.indicator, r.obs_period ?? r.period) ?? null)),
      textEl('td', { class: 'num' }, formatPct(r.yoy_pct)),
      textEl('td', { class: 'num' }, targetText(r)),
      textEl('td', { class: 'num' }, r.completion == null ? '—' : formatPct(r.completion * 100)),
      textEl('td', { class: 'num' }, pp(r.pace_gap_pp)),
      textEl('td', { class: 'num' }, r.seasonal_gap_pp == null ? '—' : `${pp(r.seasonal_gap_pp)}${r.seasonal_basis === 'linear' ? linear : ''}`),
      textEl('td', { class: 'num' }, pp(r.growth_gap_pp)),
      verdictMarkup(r, locale, { tag: 'td' }),
    ),
  );
  return el(
    'figure',
    { class: 'chart progress defer', style: `--h:${8 + levelRows.length + rows.length * 2}rem` },
    chart,
    point.text ? el('p', { class: 'point', ...(point.self ? verdictAttrs(point.self) : {}) }, escapeText(point.text)) : '',
    el('div', { class: 'table-wrap', tabindex: '0' }, el('table', {}, textEl('caption', {}, o.title), el('thead', {}, head), el('tbody', {}, ...body))),
    o.downloads ? tableDownloads(o.downloads, locale) : '',
    textEl('p', { class: 'caption' }, `${t('elapsed', locale)} ${formatPct(elapsed * 100)}`),
  );
}
