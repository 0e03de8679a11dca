/**
 * The sentences of a circular (通报) and a briefing about the units under a parent, in the
 * register of the bureaus' texts: "洛阳、平顶山、安阳等3个地区进出口没有达到目标进度", "开封、新乡等2个地区
 * 各项指标均达到时间进度", "社会消费品零售总额增速前三位是郑州市、洛阳市、南阳市". Generated from the
 * progress query's rows (the verdicts as decided there), deterministic, no causal claims; every
 * name and number in a sentence is one of the rows' cells.
 */
import { ordinal } from './format.ts';
import { inSentence, type Locale } from './i18n.ts';
import { OFF_TRACK, type Status, type VerdictKind } from './verdict.ts';

/** What a circular says of a child: its names and its verdict for one indicator. */
export interface StandingRow {
  jurisdiction: string;
  name_zh: string;
  name_en: string | null;
  status: Status;
  verdict_kind: VerdictKind | null;
  rank: number | null;
  rank_of: number;
  rank_basis: 'value' | 'yoy';
  tied: boolean;
}

const nameOf = (r: { name_zh: string; name_en: string | null }, locale: Locale): string => (locale === 'en' && r.name_en ? r.name_en : r.name_zh);

/** How many names a list spells out before "等N个地区" / "and N others". */
const MAX_NAMED = 6;

/**
 * Units named as the texts name them: "开封市、新乡市等2个地区" (every name, then the count), "郑州市"
 * alone; beyond MAX_NAMED the first ones, then the count. en: "Kaifeng and Xinxiang (2 units)".
 */
export function unitList(names: readonly string[], locale: Locale): string {
  const shown = names.slice(0, MAX_NAMED);
  if (locale === 'en') {
    const spelled = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')}${names.length > shown.length ? ', ' : ' and '}${shown.at(-1)}`;
    if (names.length === 1) return spelled;
    // "and others", as the Chinese says 等N个地区: a count of the rest would be a number no table holds.
    return names.length > shown.length ? `${spelled} and others (${names.length} units)` : `${spelled} (${names.length} units)`;
  }
  return names.length === 1 ? shown[0]! : `${shown.join('、')}等${names.length}个地区`;
}

/** What falling short means for a kind of target, as the texts say it. */
function shortfall(kind: VerdictKind | null, status: Status, locale: Locale): string {
  const en = locale === 'en';
  if (status === 'over') return en ? 'are over the ceiling' : '超出控制目标';
  if (status === 'not_achieved') return en ? 'did not reach the annual target' : '未完成年度目标';
  if (kind === 'growth' || kind === 'range') return en ? 'are growing below the target' : '增速未达到目标';
  if (kind === 'level') return en ? 'are below the target' : '未达到目标';
  return en ? 'are behind the time elapsed' : '未达到时间进度';
}

/**
 * The units off track on one indicator, grouped by what they fell short of:
 * "洛阳市、平顶山市等2个地区社会消费品零售总额未达到时间进度。" Empty when all are on track or none is judged.
 */
export function offTrackSentences(indicatorName: string, rows: readonly StandingRow[], locale: Locale): string[] {
  return offTrackGroups(rows, locale).map(({ phrase, names }) =>
    locale === 'en' ? `${unitList(names, locale)} ${names.length === 1 ? phrase.replace(/^are /, 'is ') : phrase} on ${inSentence(indicatorName, locale)}.` : `${unitList(names, locale)}${indicatorName}${phrase}。`,
  );
}

/** The units off track, grouped by what they fell short of ("未达到时间进度" / "are behind the time elapsed"), in the rows' order. */
export function offTrackGroups(rows: readonly StandingRow[], locale: Locale): { phrase: string; names: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const r of rows.filter((x) => OFF_TRACK.includes(x.status))) {
    const phrase = shortfall(r.verdict_kind, r.status, locale);
    groups.set(phrase, [...(groups.get(phrase) ?? []), nameOf(r, locale)]);
  }
  return [...groups].map(([phrase, names]) => ({ phrase, names }));
}

/** The units on track on every indicator they are judged on (at least one), each by one of its rows, in the rows' order. */
export function onTrackEverywhere<R extends StandingRow>(byIndicator: readonly (readonly R[])[]): R[] {
  const judged = new Map<string, { row: R; off: boolean }>();
  for (const rows of byIndicator) {
    for (const r of rows) {
      if (r.verdict_kind === null || r.status === 'no_data' || r.status === 'suppressed') continue;
      const seen = judged.get(r.jurisdiction);
      judged.set(r.jurisdiction, { row: r, off: (seen?.off ?? false) || OFF_TRACK.includes(r.status) });
    }
  }
  return [...judged.values()].filter((x) => !x.off).map((x) => x.row);
}

/**
 * The units on track on every indicator they are judged on (at least one):
 * "开封市、新乡市等2个地区各项指标均达到目标进度。"
 */
export function allOnTrackSentence(byIndicator: readonly (readonly StandingRow[])[], locale: Locale): string {
  const names = onTrackEverywhere(byIndicator).map((r) => nameOf(r, locale));
  if (names.length === 0) return '';
  return locale === 'en' ? `${unitList(names, locale)} ${names.length === 1 ? 'is' : 'are'} on track on every indicator.` : `${unitList(names, locale)}各项指标均达到目标进度。`;
}

/**
 * The first and last three by rank (on the basis the target ranks): "社会消费品零售总额增速前三位是
 * 郑州市、洛阳市、南阳市，后三位是……。" Ties are said (并列). Needs at least two ranked units; the
 * last three only when there are more than six.
 */
export function topBottomSentence(indicatorName: string, rows: readonly StandingRow[], locale: Locale): string {
  const { ranked, top: first, bottom: last } = topBottom(rows);
  if (ranked.length < 2) return '';
  const en = locale === 'en';
  const basis = ranked[0]!.rank_basis === 'yoy' ? (en ? 'growth' : '增速') : en ? 'value' : '总量';
  const label = (r: StandingRow) => `${nameOf(r, locale)}${r.tied ? (en ? ` (tied ${ordinal(r.rank!)})` : `（并列第${r.rank}）`) : ''}`;
  const top = first.map(label);
  const bottom = last.map(label);
  if (en) {
    const head = `On ${inSentence(indicatorName, locale)} (${basis}), the first three of ${ranked.length} ranked are ${top.join(', ')}`;
    return `${head}${bottom.length ? `; the last three are ${bottom.join(', ')}` : ''}.`;
  }
  return `${indicatorName}${basis}前三位是${top.join('、')}${bottom.length ? `，后三位是${bottom.join('、')}` : ''}（${ranked.length}个地区参与排名）。`;
}

/** The ranked units in rank order (ties by code), and the first and last three topBottomSentence names (the last only beyond six). */
export function topBottom<R extends StandingRow>(rows: readonly R[]): { ranked: R[]; top: R[]; bottom: R[] } {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank! || (a.jurisdiction < b.jurisdiction ? -1 : 1));
  return { ranked, top: ranked.slice(0, 3), bottom: ranked.length > 6 ? ranked.slice(-3) : [] };
}

/**
 * What being on track is called when every judged unit has a target of one kind: a level target
 * on a rate or stock has no progress against time ("达到目标"), a ceiling is kept to ("控制在目标以内");
 * otherwise, or when kinds are mixed, the texts' general "达到目标进度".
 */
function onTrackWords(kinds: ReadonlySet<VerdictKind | null>, locale: Locale): string {
  const only = kinds.size === 1 ? [...kinds][0] : null;
  const en = locale === 'en';
  if (only === 'level') return en ? 'at or above the target' : '达到目标';
  if (only === 'ceiling') return en ? 'within the ceiling' : '控制在目标以内';
  return en ? 'on track' : '达到目标进度';
}

/** "13个地区中9个达到目标进度" / "9 of 13 units on track" (worded by the kind of target: onTrackWords). */
export function onTrackCount(rows: readonly StandingRow[], locale: Locale): string {
  const judged = rows.filter((r) => r.verdict_kind !== null && r.status !== 'no_data' && r.status !== 'suppressed');
  if (judged.length === 0) return '';
  const on = judged.filter((r) => !OFF_TRACK.includes(r.status)).length;
  const words = onTrackWords(new Set(judged.map((r) => r.verdict_kind)), locale);
  return locale === 'en' ? `${on} of ${judged.length} units ${words}` : `${judged.length}个地区中${on}个${words}`;
}

/**
 * Overall progress, indicator by indicator, as the opening of a circular:
 * "分指标看，社会消费品零售总额18个地区中9个达到目标进度；进出口总额18个地区中12个达到目标进度。"
 * Indicators on which no unit is judged are left out; empty when none is judged.
 */
export function overviewSentence(byIndicator: readonly { name: string; rows: readonly StandingRow[] }[], locale: Locale): string {
  const parts = byIndicator.map(({ name, rows }) => ({ name, count: onTrackCount(rows, locale) })).filter((p) => p.count !== '');
  if (parts.length === 0) return '';
  return locale === 'en'
    ? `By indicator: ${parts.map((p) => `${p.name}, ${p.count}`).join('; ')}.`
    : `分指标看，${parts.map((p) => `${p.name}${p.count}`).join('；')}。`;
}

/**
 * allOnTrackSentence, or when units are judged and none is on track on everything, that said:
 * "没有地区各项指标均达到目标进度。" A circular says it rather than leave the line out. Empty when no
 * unit is judged on anything.
 */
export function allOnTrackOrNone(byIndicator: readonly (readonly StandingRow[])[], locale: Locale): string {
  const said = allOnTrackSentence(byIndicator, locale);
  if (said !== '') return said;
  const judged = byIndicator.some((rows) => rows.some((r) => r.verdict_kind !== null && r.status !== 'no_data' && r.status !== 'suppressed'));
  if (!judged) return '';
  return locale === 'en' ? 'No unit is on track on every indicator.' : '没有地区各项指标均达到目标进度。';
}
