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
 * A name inside an English sentence: "On retail sales of consumer goods" rather than "On Total …"
 * where the name begins a title. Only a capital followed by a lower-case letter is lowered, so that
 * "GDP" or "FDI" stay as they are; Chinese is unchanged.
 */
export const inSentence = (name: string, locale: Locale): string =>
  locale === 'en' && /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;

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

/** Why a browser view could not draw a state, in the reader's words (the details go to the console). */
export type ViewFailure = 'no_wasm' | 'load' | 'draw';

/**
 * The browser views' status line (src/client/view.ts, src/client/engine.ts) and the pages'
 * first one: what is shown, what it is updating to and what it is loading, and, when an update
 * fails, that the page still shows its static view (`shown`: null when it has none to show).
 */
export const VIEW_STATUS = {
  'zh-CN': {
    updating: (period: string) => `正在更新到${period}…`,
    showing: (period: string) => `当前显示：${period}。`,
    failed: (period: string, why: ViewFailure, shown: string | null) =>
      `未能更新到${period}：${VIEW_FAILURES[why].zh}。${shown === null ? '' : `本页显示的仍是静态页面：${shown}。`}`,
    engine: '正在加载浏览器查询引擎',
    data: '正在载入数据',
  },
  en: {
    updating: (period: string) => `Updating to ${period}…`,
    showing: (period: string) => `Showing ${period}.`,
    failed: (period: string, why: ViewFailure, shown: string | null) =>
      `Could not update the view to ${period}: ${VIEW_FAILURES[why].en}.${shown === null ? '' : ` The page still shows its static view: ${shown}.`}`,
    engine: 'Loading the in-browser query engine',
    data: 'Loading the data',
  },
} as const;

const VIEW_FAILURES = {
  no_wasm: { zh: '此浏览器不支持 WebAssembly，无法在浏览器中查询', en: 'this browser has no WebAssembly, so it cannot run the queries' },
  load: { zh: '浏览器查询引擎或数据未能加载', en: 'the in-browser query engine or the data could not be loaded' },
  draw: { zh: '查询或绘制出错', en: 'a query or the drawing failed' },
} as const satisfies Record<ViewFailure, Bilingual>;
