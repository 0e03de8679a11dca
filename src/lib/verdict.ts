/**
 * The verdict on a figure against its annual target: what the target is held to (its kind), the
 * signed gap in percentage points, and the status. The catalog query `progress`
 * (src/queries/progress.ts) decides it in SQL for both engines; this module holds the same rules
 * in TypeScript (the tests check the two agree) and the words every page, the board, the
 * terminal report and the browser use for it. Documented in docs/progress-report.md and on the
 * methodology page.
 */
import type { Bilingual, Locale } from './i18n.ts';
import { paceGapPp, growthGapPp } from './progress.ts';
import type { TargetType } from './schema.ts';

/**
 * What a numeric target is held to:
 *   pace     a level target on a year-to-date flow or count: completion against the share of the
 *            year elapsed (时间过半，任务过半); at year end, completion against 100 %
 *   level    a level target on a stock or rate (higher is better): the figure against the whole
 *            target at every date, in points of a % rate (开工率36.4% against 60%: 23.6 points
 *            short), else in % of the target
 *   growth   a growth target: published growth minus the target
 *   range    a 区间 target: held to its lower bound (the upper one is shown, never a failure)
 *   ceiling  以内, or any target of a lower-is-better stock or rate: how far under the ceiling,
 *            in points of a % rate (else in % of the ceiling), pro rata for a cumulative flow;
 *            never completion against time
 */
export const VERDICT_KINDS = ['pace', 'level', 'growth', 'range', 'ceiling'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/**
 * The statuses, a fixed English vocabulary (the `data-status` of every verdict in the HTML):
 *   ahead / behind           before year end: on or ahead of the target's pace, or not
 *   achieved / not_achieved  at year end (a year-to-date flow that already reached its level
 *                            target has achieved it at any month)
 *   about                    short of a 左右 target by no more than its band (dataset.json
 *                            about_band_pp, default 0.5 points)
 *   within / over            a ceiling: under it (or at it), or over it
 *   qualitative              the document sets a target in words only
 *   none_stated              the document was checked and sets no target for this figure
 *   no_target                no target on record
 *   suppressed               the figure is withheld (flag c)
 *   no_data                  no figure (level) or no published growth (growth) to judge
 */
export const STATUSES = [
  'ahead', 'behind', 'achieved', 'not_achieved', 'about', 'within', 'over',
  'qualitative', 'none_stated', 'no_target', 'suppressed', 'no_data',
] as const;
export type Status = (typeof STATUSES)[number];

/** Decimals of a verdict's gap: the precision it is decided at and shown at (0.1 point). */
export const VERDICT_DECIMALS = 1;

/** Statuses that count as on track for a circular's "X个地区未达到时间进度" count. */
export const OFF_TRACK: readonly Status[] = ['behind', 'not_achieved', 'over'];

/**
 * Rounds as DuckDB's round(x, d) does (half away from zero, on x·10^d), and turns −0 into 0, so
 * both sides agree to the bit.
 */
export function roundGap(x: number, decimals = VERDICT_DECIMALS): number {
  const p = 10 ** decimals;
  return Math.sign(x) * Math.round(Math.abs(x) * p) / p + 0;
}

export interface VerdictInput {
  targetType: TargetType | null;
  target: number | null;
  qualifier: string | null;
  /** Band of a 左右 target, points; null otherwise. */
  bandPp: number | null;
  value: number | null;
  yoyPct: number | null;
  state: 'ok' | 'suppressed' | 'missing';
  /** Month of year the period ends in (12 for annual). */
  m: number;
  cumulative: boolean;
  higherIsBetter: boolean;
  /** The indicator's unit: a level target or ceiling on a % rate is measured in points of it. */
  unit: string;
}

export interface Verdict {
  kind: VerdictKind | null;
  gapPp: number | null;
  status: Status;
}

export function verdictKind(i: Pick<VerdictInput, 'targetType' | 'qualifier' | 'cumulative' | 'higherIsBetter'>): VerdictKind | null {
  if (i.targetType !== 'level' && i.targetType !== 'growth') return null;
  if (i.qualifier === '以内' || !(i.higherIsBetter || i.cumulative)) return 'ceiling';
  if (i.qualifier === '区间') return 'range';
  if (i.targetType === 'growth') return 'growth';
  return i.cumulative ? 'pace' : 'level';
}

/**
 * Whether a level target on this indicator is measured in points of it: a % rate that does not
 * accumulate (a rate against a rate is compared by difference, as the bureaus write "低于目标
 * 23.6个百分点"; its ratio to the target is no statistic they publish).
 */
export function inPoints(i: Pick<VerdictInput, 'cumulative' | 'unit'>): boolean {
  return !i.cumulative && i.unit === '%';
}

/**
 * Whether completion and the pace gaps mean anything for a level target of this kind: not for a
 * ceiling on a stock or rate, nor for a target on a % rate (measured in points, inPoints).
 */
export function tracksCompletion(kind: VerdictKind | null, cumulative: boolean, unit: string): boolean {
  return kind !== null && (cumulative || (kind !== 'ceiling' && !inPoints({ cumulative, unit })));
}

function ceilingGapPp(i: VerdictInput): number | null {
  const { target: t, value: a, yoyPct, m, cumulative, unit } = i;
  if (t === null) return null;
  if (i.targetType === 'growth') return yoyPct === null ? null : t - yoyPct;
  if (a === null || !(t > 0 || unit === '%')) return null;
  if (cumulative) return (100 * (m * t - 12 * a)) / (12 * t);
  return unit === '%' ? t - a : (100 * (t - a)) / t;
}

/** The verdict: the same rules, in the same order, as the `progress` query. */
export function verdictOf(i: VerdictInput): Verdict {
  const kind = verdictKind(i);
  if (i.targetType === null) return { kind, gapPp: null, status: 'no_target' };
  if (i.targetType === 'qualitative') return { kind, gapPp: null, status: 'qualitative' };
  if (i.targetType === 'none') return { kind, gapPp: null, status: 'none_stated' };
  // a level target (not a ceiling): A − T in points of a % rate, else the pace gap
  const pace = i.targetType !== 'level' ? null
    : inPoints(i) ? (i.value === null || i.target === null ? null : i.value - i.target)
    : paceGapPp({ value: i.value, target: i.target, m: i.m, cumulative: i.cumulative, higherIsBetter: i.higherIsBetter });
  const growth = i.targetType === 'growth' ? growthGapPp(i.yoyPct, i.target, i.higherIsBetter) : null;
  const raw = kind === 'ceiling' ? ceilingGapPp(i) : kind === 'growth' ? growth : kind === 'range' ? (growth ?? pace) : pace;
  const gapPp = raw === null ? null : roundGap(raw);
  const status = ((): Status => {
    if (i.state === 'suppressed') return 'suppressed';
    if (gapPp === null) return 'no_data';
    if (kind === 'ceiling') return gapPp >= 0 ? 'within' : 'over';
    const yearEnd = i.m === 12;
    if (gapPp >= 0 && (yearEnd || (kind === 'pace' && i.higherIsBetter && i.value! >= i.target!))) return 'achieved';
    if (gapPp >= 0) return 'ahead';
    if (i.bandPp !== null && gapPp >= -i.bandPp) return 'about';
    return yearEnd ? 'not_achieved' : 'behind';
  })();
  return { kind, gapPp: i.state === 'suppressed' ? null : gapPp, status };
}

/** Status words; ahead/behind/achieved/not_achieved read by what the target is held to. */
const WORDS: Record<Status, Bilingual> = {
  ahead: { zh: '快于进度', en: 'ahead of pace' },
  behind: { zh: '慢于进度', en: 'behind pace' },
  achieved: { zh: '已完成', en: 'achieved' },
  not_achieved: { zh: '未完成', en: 'not achieved' },
  about: { zh: '基本达到', en: 'about on target' },
  within: { zh: '控制在目标以内', en: 'within the ceiling' },
  over: { zh: '超出控制目标', en: 'over the ceiling' },
  qualitative: { zh: '定性目标', en: 'qualitative target' },
  none_stated: { zh: '未设定量目标', en: 'no numeric target set' },
  no_target: { zh: '无目标', en: 'no target' },
  suppressed: { zh: '保密', en: 'suppressed' },
  no_data: { zh: '无数据', en: 'no data' },
};

/** Growth, level and range targets are not a pace: their unit is above or below the target. */
const AGAINST_TARGET: Partial<Record<Status, Bilingual>> = {
  ahead: { zh: '高于目标', en: 'above target' },
  behind: { zh: '低于目标', en: 'below target' },
};

/** The status in words: "快于进度", "高于目标", "未完成" / "ahead of pace", "above target", "not achieved". */
export function statusWord(status: Status, kind: VerdictKind | null, locale: Locale): string {
  const words = (kind === 'growth' || kind === 'level' || kind === 'range' ? AGAINST_TARGET[status] : undefined) ?? WORDS[status];
  return locale === 'en' ? words.en : words.zh;
}

/** A gap as the texts write it, without a sign (the words carry the direction): "2.3". */
function points(gapPp: number): string {
  return Math.abs(gapPp).toFixed(VERDICT_DECIMALS);
}

/**
 * The verdict in the register of the bureaus' texts, the status word carrying the direction and
 * the gap its size: "慢于进度10.6个百分点", "高于目标4.3个百分点", "超出控制目标2.7个百分点",
 * "未完成，差1.9个百分点" / "10.6 pp behind pace", "over the ceiling by 2.7 pp". Without a gap,
 * the word alone.
 */
export function verdictPhrase(status: Status, kind: VerdictKind | null, gapPp: number | null, locale: Locale): string {
  const word = statusWord(status, kind, locale);
  if (gapPp === null) return word;
  const n = points(gapPp);
  const zero = n === points(0);
  const pace = kind === 'pace';
  if (locale === 'en') {
    switch (status) {
      case 'ahead': return zero ? (pace ? 'on pace' : 'at target') : `${n} pp ${word}`;
      case 'behind': return `${n} pp ${word}`;
      case 'achieved': return zero ? word : `${word} (${n} pp above)`;
      case 'not_achieved': case 'about': return `${word}, ${n} pp short`;
      case 'within': return zero ? 'at the ceiling' : `${word} by ${n} pp`;
      case 'over': return `${word} by ${n} pp`;
      default: return word;
    }
  }
  switch (status) {
    case 'ahead': return zero ? (pace ? '与进度持平' : '与目标持平') : `${word}${n}个百分点`;
    case 'behind': return `${word}${n}个百分点`;
    case 'achieved': return zero ? word : `${word}，超出${n}个百分点`;
    case 'not_achieved': case 'about': return `${word}，差${n}个百分点`;
    case 'within': return zero ? '与控制目标持平' : `${word}，低${n}个百分点`;
    case 'over': return `${word}${n}个百分点`;
    default: return word;
  }
}

/** Every status with its words, for the methodology page. */
export function statusGlossary(locale: Locale): { status: Status; word: string }[] {
  return STATUSES.map((status) => ({ status, word: locale === 'en' ? WORDS[status].en : WORDS[status].zh }));
}
