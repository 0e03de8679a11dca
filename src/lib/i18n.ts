/**
 * The two reading languages and the few UI words the formatting and the charts need.
 * zh-CN comes first everywhere (the portal is a Chinese government portal); English second.
 */

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A pair of texts, one per language. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Pick the text of the reader's language. */
export const pick = (text: Bilingual, locale: Locale): string => (locale === 'zh-CN' ? text.zh : text.en);

/**
 * Punctuation between the parts of a text: full-width in Chinese ("单位：亿元"), ASCII with its
 * space in English ("Unit: billion yuan"). Pages put these between locale-dependent parts
 * instead of writing a mark that would be wrong in one of the languages.
 */
const PUNCT = {
  colon: { zh: '：', en: ': ' },
  comma: { zh: '，', en: ', ' },
  semicolon: { zh: '；', en: '; ' },
  stop: { zh: '。', en: '.' },
} as const satisfies Record<string, Bilingual>;

export const punct = (mark: keyof typeof PUNCT, locale: Locale): string => pick(PUNCT[mark], locale);

/** An aside in brackets after a text: "（2025年1-6月）" / " (Jan–Jun 2025)". */
export const paren = (text: string, locale: Locale): string => (locale === 'zh-CN' ? `（${text}）` : ` (${text})`);

/**
 * Sentences one after another, each ended with a full stop unless it has one:
 * "年度目标：力争1,610亿元。完成年度目标的52.3%。" / "Annual target: 161 billion yuan. 52.3% reached."
 * Empty parts are left out.
 */
export function sentences(parts: readonly (string | null | undefined | false)[], locale: Locale): string {
  const zh = locale === 'zh-CN';
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim())
    .map((p) => (/[。.!?！？]$/.test(p) ? p : `${p}${zh ? '。' : '.'}`))
    .join(zh ? '' : ' ');
}

/** UI words used by the charts, kept together so a translator sees them in one place. */
export const UI = {
  timeElapsed: { zh: '时间进度', en: 'Time elapsed' },
  completion: { zh: '完成年度目标', en: 'Share of annual target reached' },
  ahead: { zh: '快于时间进度', en: 'Ahead of time elapsed' },
  behind: { zh: '慢于时间进度', en: 'Behind time elapsed' },
  noTarget: { zh: '无目标', en: 'no target' },
  suppressed: { zh: '保密', en: 'suppressed' },
  noData: { zh: '无数据', en: 'no data' },
  notRanked: { zh: '未排名', en: 'not ranked' },
  paceSetter: { zh: '标兵', en: 'pace-setter' },
  pursuer: { zh: '追兵', en: 'pursuer' },
  self: { zh: '本地', en: 'selected' },
  thisYear: { zh: '本年', en: 'This year' },
  lastYear: { zh: '上年同期', en: 'Last year' },
  ytdAxis: { zh: '1月至当月累计', en: 'Year to date, through month' },
} as const satisfies Record<string, Bilingual>;

/** "第3名" / "No. 3": how a rank is named on a chart axis or in a mark title. */
export const rankLabel = (rank: number, locale: Locale): string =>
  locale === 'zh-CN' ? `第${rank}名` : `No. ${rank}`;
