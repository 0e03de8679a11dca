/**
 * A briefing: one jurisdiction at one period, for an official who opens the link in a meeting
 * or prints it. Per indicator, in the register of the bureaus' texts: the figure and growth
 * against the parent, the verdict on the target, the rank with 标兵/追兵, the children's standings;
 * then the numbers table the sentences are read from, a trajectory of each target, sources and
 * flags. Generated from the progress query's rows (never retyped), deterministic, no causal
 * claims. One function for the pre-rendered pages and the browser's older periods.
 */
import { allOnTrackSentence, offTrackGroups, offTrackSentences, onTrackEverywhere, topBottom, topBottomSentence } from '../lib/circular-text.ts';
import {
  distinctSources, flagLegend, formatDate, formatGap, MINUS, formatPct, formatPeriod, formatTarget, formatValue, ordinal, rankPhrase, sentenceLevelGrowth, sentencePace, sentenceRank,
  type RankFacts,
} from '../lib/format.ts';
import { punct, type Locale } from '../lib/i18n.ts';
import type { Flag, Level, Unit } from '../lib/schema.ts';
import { verdictPhrase } from '../lib/verdict.ts';
import type { ProgressRow } from '../queries/progress.ts';
import { el, escapeText, textEl } from '../render/svg.ts';
import { renderTrajectory, type TrajectoryPoint } from '../render/trajectory.ts';
import { verdictAttrs, verdictMarkup } from '../render/verdict.ts';
import { nameOf } from '../site/names.ts';
import { t } from '../site/strings.ts';
import { comparisonLabel, compareCell, entryDecimals } from './jurisdiction-view.ts';
import { obsMarkup } from './obs.ts';
import { briefingProjects, type UnitProjects } from './projects.ts';
import { projectsHref } from '../site/paths.ts';

export interface BriefingIndicator {
  indicator: { id: string; name_zh: string; name_en: string; unit: Unit; decimals: number; source: string | null };
  /** The unit among its peers at the period; null without a figure or target. */
  row: ProgressRow | null;
  /** Its peers' rows, same level (the peers' average is not shown here, the parent's growth is). */
  peers: readonly ProgressRow[];
  /** The parent among its own peers at the period. */
  parentRow: ProgressRow | null;
  /** The unit's children at the period, for their standings. */
  children: readonly ProgressRow[];
  /** Completion month by month this year and last year, and the seasonal expectation; null for a target without a monthly path. */
  trajectory: { thisYear: TrajectoryPoint[]; lastYear: TrajectoryPoint[]; seasonal: TrajectoryPoint[] } | null;
}

export interface BriefingInput {
  jurisdiction: { code: string; name_zh: string; name_en: string | null; level: string };
  parent: { code: string; name_zh: string; name_en: string | null; level: string } | null;
  period: string;
  indicators: readonly BriefingIndicator[];
  /** The unit's investment projects at the period, and the code of the projects page listing them; absent or null: no projects section. */
  projects?: { unit: UnitProjects; page: string | null } | null;
  locale: Locale;
}

/** Whether an indicator's section draws its target's trajectory: this year has a month with a completion. */
export const drawsTrajectory = (x: BriefingIndicator): boolean => x.row !== null && !!x.trajectory?.thisYear.some((p) => p.completion !== null);

/** The title of an indicator's trajectory chart. */
export const trajectoryTitle = (indicatorName: string, locale: Locale): string => `${indicatorName}${locale === 'en' ? ': completion by month' : '逐月完成进度'}`;

/*
 * Every number a sentence says is one of the numbers table's cells, printed by the same call:
 * the figure with entryDecimals (the sentence and the cell), the target by targetText, the rank
 * and the gaps to 标兵/追兵 from rankFacts, the children's standings from topBottom and
 * offTrackGroups, those on track on every indicator from onTrackEverywhere (the table's foot);
 * the lede's count of indicators is the table's rows, and the projects sentences' numbers are
 * the projects section's table (src/views/projects.ts). tests/e2e/briefings.test.ts checks it on
 * every pre-rendered briefing (tests/support/briefing-numbers.ts).
 */

/** The target as the sentence and the table say it: "增长8%以上", "756家以上". */
function targetText(r: ProgressRow, x: BriefingIndicator, locale: Locale): string {
  return formatTarget({ type: r.target_type!, value: r.target_value, value_max: r.target_value_max, qualifier: r.target_qualifier, unit: x.indicator.unit, decimals: x.indicator.decimals }, locale);
}

/** The unit's rank among its parent's children with its 标兵 and 追兵, for the rank sentence and the rank cell; null without a parent. */
function rankFacts(b: BriefingInput, x: BriefingIndicator, r: ProgressRow): RankFacts | null {
  if (!b.parent) return null;
  const en = b.locale === 'en';
  const neighbour = (code: string | null, zh: string | null, enName: string | null, gap: number | null) => (code ? { name: en ? (enName ?? zh ?? '') : (zh ?? ''), gap: gap ?? 0 } : null);
  const unit: Unit = r.rank_basis === 'yoy' ? '%' : x.indicator.unit;
  return {
    name: nameOf(b.jurisdiction, b.locale), rank: r.rank, rankOf: r.rank_of, peerCount: r.peer_count, tied: r.tied, basis: r.rank_basis, scope: b.parent.level as Level,
    ahead: neighbour(r.ahead_code, r.ahead_name_zh, r.ahead_name_en, r.ahead_gap),
    behind: neighbour(r.behind_code, r.behind_name_zh, r.behind_name_en, r.behind_gap),
    unit, decimals: unit === '%' ? 1 : entryDecimals(x),
  };
}

/** The sentences about one indicator, each a string ending with its stop. */
export function indicatorSentences(b: BriefingInput, x: BriefingIndicator): string[] {
  const { locale } = b;
  const en = locale === 'en';
  const r = x.row;
  const iname = nameOf(x.indicator, locale);
  const name = nameOf(b.jurisdiction, locale);
  const out: string[] = [];
  if (r && (r.value !== null || r.yoy_pct !== null)) {
    out.push(
      sentenceLevelGrowth(
        {
          name, period: b.period, indicatorName: iname, value: r.value, unit: x.indicator.unit, decimals: entryDecimals(x), yoy: r.yoy_pct,
          parentYoy: x.parentRow?.yoy_pct ?? null, parentLevel: (b.parent?.level ?? 'country') as Level,
        },
        locale,
      ),
    );
  }
  if (r && r.target_type !== null) {
    const target = targetText(r, x, locale);
    if (r.verdict_kind === 'pace' && r.completion !== null && r.verdict_gap_pp !== null) {
      out.push(`${t('target', locale)}${punct('colon', locale)}${target}${punct('stop', locale)}${en ? ' ' : ''}${sentencePace({ completion: r.completion, elapsed: r.elapsed, gapPp: r.verdict_gap_pp }, locale)}`);
    } else {
      out.push(`${t('target', locale)}${punct('colon', locale)}${target}${r.verdict_kind === null ? '' : `${punct('comma', locale)}${verdictPhrase(r.status, r.verdict_kind, r.verdict_gap_pp, locale)}`}${punct('stop', locale)}`);
    }
  }
  const rank = r ? rankFacts(b, x, r) : null;
  if (rank) out.push(sentenceRank(rank, locale));
  if (x.children.length > 0) {
    const top = topBottomSentence(iname, x.children, locale);
    if (top) out.push(top);
    out.push(...offTrackSentences(iname, x.children, locale));
  }
  return out;
}

/**
 * The rank cell: the rank among whom, then the gaps to 标兵 and 追兵 the rank sentence gives
 * ("第2（按总量，共18个）；距标兵454家，领先追兵159家"; "2nd by value of 18; pace-setter −454 firms,
 * pursuer +159 firms"). Run on, not a line each: on paper the briefing has two sheets.
 */
function rankCell(rank: RankFacts | null, locale: Locale): string {
  if (!rank) return '—';
  const en = locale === 'en';
  const ranked = rank.rank !== null && rank.rankOf >= 2 && rank.peerCount >= 2;
  const gap = (n: { gap: number }) => formatGap(n.gap, rank.unit, rank.decimals, locale);
  const near = [
    ranked && rank.ahead ? (en ? `pace-setter ${MINUS}${gap(rank.ahead)}` : `距标兵${gap(rank.ahead)}`) : null,
    ranked && rank.behind ? (en ? `pursuer +${gap(rank.behind)}` : `领先追兵${gap(rank.behind)}`) : null,
  ].filter((p): p is string => p !== null);
  return [rankPhrase(rank, locale), near.join(en ? ', ' : '，')].filter(Boolean).join(punct('semicolon', locale));
}

/** The children cell: how many are ranked and the ties among the first and last three (topBottomSentence), how many fell short of what (offTrackSentences). */
function childrenCell(children: readonly ProgressRow[], locale: Locale): string {
  const en = locale === 'en';
  const { ranked, top, bottom } = topBottom(children);
  const parts: string[] = [];
  if (ranked.length >= 2) {
    parts.push(en ? `${ranked.length} ranked` : `${ranked.length}个参与排名`);
    const ties = [...new Set([...top, ...bottom].filter((r) => r.tied).map((r) => r.rank!))];
    if (ties.length) parts.push(en ? `tied ${ties.map(ordinal).join(', ')}` : `并列第${ties.join('、第')}`);
  }
  for (const g of offTrackGroups(children, locale)) parts.push(en ? `${g.names.length} ${g.phrase.replace(/^are /, '')}` : `${g.phrase}${g.names.length}个`);
  return parts.length ? parts.join(punct('semicolon', locale)) : '—';
}

/**
 * The numbers table the sentences are read from: for each indicator its figure, growth, the
 * parent's growth and the difference, the target, completion against time, the verdict, the rank
 * with the gaps to 标兵/追兵 and, for a unit with subdivisions, their standings. The period, the
 * same on every row, is in the caption.
 */
function numbersTable(b: BriefingInput, shown: readonly BriefingIndicator[]): string {
  const { locale } = b;
  const en = locale === 'en';
  const withChildren = shown.some((x) => x.children.length > 0);
  const name = nameOf(b.jurisdiction, locale);
  const period = formatPeriod(b.period, locale);
  const head = el(
    'tr',
    {},
    textEl('th', { scope: 'col' }, t('indicator', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('value', locale)),
    textEl('th', { scope: 'col', class: 'num' }, t('yoy', locale)),
    textEl('th', { scope: 'col', class: 'num' }, comparisonLabel('parent', locale, b.parent ? nameOf(b.parent, locale) : null)),
    textEl('th', { scope: 'col' }, t('target', locale)),
    textEl('th', { scope: 'col', class: 'num' }, `${t('completion', locale)} / ${t('elapsed', locale)}`),
    textEl('th', { scope: 'col' }, t('status', locale)),
    textEl('th', { scope: 'col' }, t('rank', locale)),
    withChildren ? textEl('th', { scope: 'col' }, t('children', locale)) : '',
  );
  const body = shown.map((x) => {
    const r = x.row!;
    const entry = { indicator: x.indicator, period: b.period, row: r, peers: x.peers, parentRow: x.parentRow, lastYearRow: null };
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, el('a', { href: `#${x.indicator.id}` }, escapeText(nameOf(x.indicator, locale)))),
      el('td', { class: 'num' }, obsMarkup(r.value, r.flag, x.indicator.unit, entryDecimals(x), locale)),
      textEl('td', { class: 'num' }, formatPct(r.yoy_pct)),
      el('td', { class: 'num' }, compareCell(entry, 'parent', locale, undefined)),
      textEl('td', {}, r.target_type !== null ? targetText(r, x, locale) : '—'),
      textEl('td', { class: 'num' }, r.completion != null ? `${formatPct(r.completion * 100)} / ${formatPct(r.elapsed * 100)}` : '—'),
      verdictMarkup(r, locale, { tag: 'td' }),
      textEl('td', {}, rankCell(rankFacts(b, x, r), locale)),
      withChildren ? textEl('td', {}, childrenCell(x.children, locale)) : '',
    );
  });
  // Under the children's standings per indicator, how many are on track on every one, which the
  // line above the table says (allOnTrackSentence) and no indicator's row holds.
  const everywhere = withChildren ? onTrackEverywhere(shown.map((x) => x.children)).length : 0;
  const foot = everywhere
    ? el(
        'tfoot',
        {},
        el(
          'tr',
          {},
          textEl('th', { scope: 'row', colspan: '8' }, en ? 'All indicators' : '各项指标'),
          textEl('td', {}, en ? `${everywhere} on track on every indicator` : `均达到目标进度${everywhere}个`),
        ),
      )
    : '';
  const caption = en ? `${name}, ${period}: figures, targets and ranks` : `${name}${period}主要指标、目标进度与排名`;
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0' },
    el('table', { class: 'briefing-numbers' }, textEl('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...body), foot),
  );
}

/** The briefing's body: the summary sentences, the numbers table, a section per indicator, sources and flags. */
export function briefingBody(b: BriefingInput): string {
  const { locale } = b;
  const en = locale === 'en';
  const shown = b.indicators.filter((x) => x.row !== null);
  const table = numbersTable(b, shown);
  const everyTrack = allOnTrackSentence(shown.map((x) => x.children), locale);
  const sections = shown.map((x, i) => {
    const iname = nameOf(x.indicator, locale);
    const r = x.row!;
    const sentences = indicatorSentences(b, x);
    const chart = drawsTrajectory(x)
      ? el('figure', { class: 'chart trajectory' }, renderTrajectory({ ...x.trajectory!, year: Number(b.period.slice(0, 4)), title: trajectoryTitle(iname, locale), locale, idPrefix: `trajectory-${i}` }))
      : '';
    return el(
      'section',
      // the id the numbers table links to, as on the jurisdiction page
      { class: 'briefing-indicator', id: x.indicator.id, 'aria-labelledby': `b-${x.indicator.id}` },
      textEl('h2', { id: `b-${x.indicator.id}` }, iname),
      el('p', { class: 'verdict-sentences', ...(r.target_type !== null ? verdictAttrs(r) : {}) }, escapeText(sentences.join(en ? ' ' : ''))),
      chart,
    );
  });
  const sources = distinctSources(shown.map((x) => x.indicator.source));
  const flags = flagLegend(new Set(shown.map((x) => x.row?.flag).filter((f): f is Flag => !!f)), locale);
  const period = formatPeriod(b.period, locale);
  return [
    textEl('p', { class: 'lede' }, en ? `${nameOf(b.jurisdiction, locale)}, ${period}: ${shown.length} indicator${shown.length === 1 ? '' : 's'}.` : `${nameOf(b.jurisdiction, locale)}${period}主要商务指标${shown.length}项。`),
    everyTrack ? textEl('p', { class: 'point' }, everyTrack) : '',
    table,
    ...sections,
    b.projects ? briefingProjects(b.projects.unit, b.projects.page ? projectsHref(b.projects.page, locale) : null, locale) : '',
    sources.length ? textEl('p', { class: 'caption' }, `${t('source', locale)}${punct('colon', locale)}${sources.join(punct('semicolon', locale))}`) : '',
    flags.length ? textEl('p', { class: 'caption' }, `${t('flags', locale)}${punct('colon', locale)}${flags.join(punct('semicolon', locale))}`) : '',
  ].join('');
}

/** One publication of a figure (src/site/model.ts publicationsOf). */
export interface PublicationFacts {
  indicator: string;
  vintage: number;
  release: string;
  published_at: string;
  value: number | null;
  yoy_pct: number | null;
}

/**
 * What changed since a briefing's link was made: for each figure revised after `asOf` (the data
 * as of the version the link carries), the figure then and now, from the vintages. Empty when
 * nothing it showed has changed.
 */
export function revisionNotice(
  publications: readonly PublicationFacts[],
  asOf: string,
  indicators: readonly { id: string; name_zh: string; name_en: string; unit: Unit; decimals: number }[],
  locale: Locale,
): string[] {
  const at = Date.parse(asOf);
  if (Number.isNaN(at)) return [];
  const en = locale === 'en';
  const out: string[] = [];
  for (const ind of indicators) {
    const pubs = publications.filter((p) => p.indicator === ind.id).sort((a, b) => a.vintage - b.vintage);
    const then = pubs.filter((p) => Date.parse(p.published_at) <= at).at(-1);
    const now = pubs.at(-1);
    if (!then || !now || then === now) continue;
    const v = (x: number | null) => formatValue(x, { unit: ind.unit, decimals: ind.decimals, locale });
    const g = (x: number | null) => (x === null ? '—' : formatPct(x));
    const when = formatDate(now.published_at, locale);
    const name = nameOf(ind, locale);
    out.push(
      en
        ? `${name}: revised from ${v(then.value)} (growth ${g(then.yoy_pct)}) to ${v(now.value)} (growth ${g(now.yoy_pct)}) by the release of ${when}.`
        : `${name}由${v(then.value)}（增长${g(then.yoy_pct)}）修订为${v(now.value)}（增长${g(now.yoy_pct)}），${when}发布。`,
    );
  }
  return out;
}
