/**
 * Numbers, units, periods, dates, flags and bureau-style sentences in both reading languages.
 *
 * Conventions (tested in tests/lib/format.test.ts):
 * - Digits: grouped by thousands with a comma and a point for decimals in both languages
 *   (zh-CN and en group the same way), so a figure has the same digits in both; negative
 *   numbers carry a true minus sign U+2212 ("−1.3%"), and a value that rounds to zero carries no sign.
 * - Chinese keeps the unit the statisticians publish, written straight after the number:
 *   "2,345.6亿元", "1,234万美元", "12家", "5.2%".
 * - English converts the Chinese myriad units to the international ones by moving the decimal
 *   point, never by floating-point arithmetic, and keeps every published digit:
 *     1 亿 = 10^8 = 0.1 billion   → "2,345.6亿元"  = "234.56 billion yuan"
 *     1 万 = 10^4 = 0.01 million  → "1,234万美元"  = "12.34 million USD"
 *     1 万人 = 10 thousand        → "1.5万人"      = "15 thousand people"
 *   The unit depends on the indicator's unit only, never on the size of the value, so every
 *   figure in one table or chart is in the same English unit and can be compared at a glance.
 *   Currencies are "yuan" and "USD".
 * - Periods: "2025-06" is January to June, cumulative: "2025年1-6月" / "Jan–Jun 2025".
 *   "2025-12" stays "2025年1-12月" / "Jan–Dec 2025" and "2025" is "2025年" / "2025": both
 *   can exist as separate rows (a monthly year-to-date release and the annual figure, which
 *   may be revised), so they must not share a label.
 * - Dates are shown as Beijing wall time (UTC+8, no daylight saving), computed by hand rather
 *   than through the host's time zone data.
 */
import { PERIOD_RE, TARGET_QUALIFIERS, type Flag, type Level, type TargetType, type Unit } from './schema';
import { type Locale, type Bilingual, inSentence, pick, UI } from './i18n';

export type { Locale, Bilingual } from './i18n';

/** U+2212, the typographic minus: a hyphen is not a minus sign. */
export const MINUS = '\u2212';

// ---------------------------------------------------------------------------------------
// Digits

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * An 'en-US' formatter with a fixed number of decimals. Only options whose output is fixed by
 * the locale data are used (grouping, fraction digits), so Node's ICU gives the same bytes
 * on every machine. Rounding is Intl's default, half away from zero on the exact decimal value.
 */
function numberFormat(decimals: number, grouping: boolean): Intl.NumberFormat {
  const key = `${decimals}:${grouping}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
    });
    formatters.set(key, f);
  }
  return f;
}

function checkDecimals(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer 0..20, got ${decimals}`);
  }
  return decimals;
}

/** |x| rounded to `decimals`, as a plain decimal string without grouping: "2345.7". */
function roundedAbs(x: number, decimals: number): string {
  return numberFormat(checkDecimals(decimals), false).format(Math.abs(x));
}

const isZeroDigits = (s: string): boolean => /^[0.]*$/.test(s);

/**
 * Move the decimal point of a plain decimal string `shift` places to the left (negative: to
 * the right). Exact: "2345.6" shifted by 1 is "234.56", "1.5" shifted by −1 is "15".
 */
export function shiftDecimal(plain: string, shift: number): string {
  const [int = '0', frac = ''] = plain.split('.');
  const digits = int + frac;
  let point = int.length - shift;
  let padded = digits;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > padded.length) padded = padded + '0'.repeat(point - padded.length);
  const head = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const tail = padded.slice(point);
  return tail ? `${head}.${tail}` : head;
}

/** Group a plain decimal string ("1234.50") by thousands, keeping all its decimals. */
function group(plain: string): string {
  const decimals = plain.split('.')[1]?.length ?? 0;
  // Intl formats a numeric string exactly (no detour through a double).
  return numberFormat(decimals, true).format(plain as unknown as number);
}

const signed = (negative: boolean, plain: string): string =>
  (negative && !isZeroDigits(plain) ? MINUS : '') + group(plain);

/** "12,345.6", "−1.3", "0.0": grouped digits with a true minus, the same in both languages. */
export function formatNumber(value: number, decimals: number): string {
  return signed(value < 0, roundedAbs(value, decimals));
}

/** Round like the display does, so sentences compute gaps from the numbers they print. */
export function roundAsShown(value: number, decimals: number): number {
  const plain = roundedAbs(value, decimals);
  return (value < 0 && !isZeroDigits(plain) ? -1 : 1) * Number(plain);
}

// ---------------------------------------------------------------------------------------
// Units

export interface EnglishUnit {
  /** Places the decimal point moves left from the Chinese unit (negative: right). */
  shift: number;
  one: string;
  other: string;
}

/** How each unit of schema.UNITS reads in English; see the file comment for why. */
export const EN_UNITS: Record<Unit, EnglishUnit> = {
  '亿元': { shift: 1, one: 'billion yuan', other: 'billion yuan' },
  '万元': { shift: 2, one: 'million yuan', other: 'million yuan' },
  '元': { shift: 0, one: 'yuan', other: 'yuan' },
  '亿美元': { shift: 1, one: 'billion USD', other: 'billion USD' },
  '万美元': { shift: 2, one: 'million USD', other: 'million USD' },
  '美元': { shift: 0, one: 'USD', other: 'USD' },
  '家': { shift: 0, one: 'firm', other: 'firms' },
  '户': { shift: 0, one: 'firm', other: 'firms' },
  '个': { shift: 0, one: '', other: '' },
  '人': { shift: 0, one: 'person', other: 'people' },
  '万人': { shift: -1, one: 'thousand people', other: 'thousand people' },
  '%': { shift: 0, one: '%', other: '%' },
  '元/人': { shift: 0, one: 'yuan per person', other: 'yuan per person' },
};

/** Counts are whole numbers: the default decimals when an indicator does not say. */
const COUNT_UNITS: readonly Unit[] = ['家', '户', '个', '人'];
export const defaultDecimals = (unit: Unit): number => (COUNT_UNITS.includes(unit) ? 0 : 1);

/** The unit as written after a number or on an axis: "亿元" / "billion yuan"; "" for 个 in English. */
export function unitLabel(unit: Unit, locale: Locale): string {
  return locale === 'zh-CN' ? unit : EN_UNITS[unit].other;
}

/**
 * Factor a chart multiplies values in `unit` by to draw them in the reader's unit, and the
 * decimals to print them with: zh (1, d); en for 亿元 (0.1, d + 1).
 */
export function displayScale(unit: Unit, locale: Locale, decimals = defaultDecimals(unit)): { factor: number; decimals: number } {
  if (locale === 'zh-CN') return { factor: 1, decimals };
  const { shift } = EN_UNITS[unit];
  return { factor: 10 ** -shift, decimals: Math.max(0, decimals + shift) };
}

export interface ValueOptions {
  unit: Unit;
  /** Decimals in the Chinese unit (the indicator's `decimals`); English adds the shift. */
  decimals?: number;
  locale: Locale;
  /** c prints "保密"/"suppressed" when there is no value; anything else prints "—". */
  flag?: Flag;
}

/** The number alone, in the reader's unit but without it: "2,345.6" / "234.56". */
export function formatAmount(value: number, { unit, decimals = defaultDecimals(unit), locale }: ValueOptions): string {
  const plain = roundedAbs(value, decimals);
  if (locale === 'zh-CN') return signed(value < 0, plain);
  return signed(value < 0, shiftDecimal(plain, EN_UNITS[unit].shift));
}

/**
 * "2,345.6亿元" / "234.56 billion yuan", "12家" / "12 firms", "5.2%" / "5.2%".
 * No value: "保密"/"suppressed" for flag c, otherwise "—" (see formatObservation for the
 * accessible text that goes with the dash).
 */
export function formatValue(value: number | null | undefined, options: ValueOptions): string {
  const { unit, locale, flag } = options;
  if (value == null || Number.isNaN(value)) return flag === 'c' ? pick(UI.suppressed, locale) : '—';
  return withUnit(formatAmount(value, options), unit, locale);
}

/** A formatted amount with its unit: "2,345.6亿元", "234.56 billion yuan", "1 firm", "5.2%". */
function withUnit(amount: string, unit: Unit, locale: Locale): string {
  if (locale === 'zh-CN' || unit === '%') return amount + unit;
  const en = EN_UNITS[unit];
  const words = amount === '1' ? en.one : en.other;
  return words ? `${amount} ${words}` : amount;
}

// ---------------------------------------------------------------------------------------
// Rates and percentage points

/** "5.2%", "−1.3%", "0.0%"; "—" when there is no published rate. Same in both languages. */
export function formatPct(pct: number | null | undefined, decimals = 1): string {
  return pct == null || Number.isNaN(pct) ? '—' : `${formatNumber(pct, decimals)}%`;
}

/** A signed number, for a cell whose header gives the unit: "+3.2", "−1.5", "0.0" (no sign at zero). */
export function formatSigned(x: number, decimals = 1): string {
  const plain = roundedAbs(x, decimals);
  return (isZeroDigits(plain) ? '' : x < 0 ? MINUS : '+') + group(plain);
}

/** Compact signed gap: "+3.2个百分点" / "+3.2 pp", "−1.5 pp", "0.0 pp" (no sign at zero). */
export function formatPp(gap: number, locale: Locale, decimals = 1): string {
  const n = formatSigned(gap, decimals);
  return locale === 'zh-CN' ? `${n}个百分点` : `${n} pp`;
}

export interface PpPhraseOptions {
  /** What the gap is measured against, in the reader's language ("全国平均水平"). */
  against?: string;
  decimals?: number;
}

/**
 * The gap as the bureau texts say it: "高于全国平均水平0.4个百分点", "低1.5个百分点",
 * "与全省平均水平持平"; en "0.4 pp above the national average", "1.5 pp lower", "equal".
 */
export function formatPpPhrase(gap: number, locale: Locale, { against, decimals = 1 }: PpPhraseOptions = {}): string {
  const plain = roundedAbs(gap, decimals);
  const n = group(plain);
  const dir = isZeroDigits(plain) ? 0 : gap > 0 ? 1 : -1;
  if (locale === 'zh-CN') {
    if (dir === 0) return against ? `与${against}持平` : '持平';
    if (against) return `${dir > 0 ? '高于' : '低于'}${against}${n}个百分点`;
    return `${dir > 0 ? '高出' : '低'}${n}个百分点`;
  }
  if (dir === 0) return against ? `equal to ${against}` : 'equal';
  if (against) return `${n} pp ${dir > 0 ? 'above' : 'below'} ${against}`;
  return `${n} pp ${dir > 0 ? 'higher' : 'lower'}`;
}

// ---------------------------------------------------------------------------------------
// Targets

export type TargetQualifier = Exclude<(typeof TARGET_QUALIFIERS)[number], ''>;

export interface TargetFacts {
  type: TargetType;
  /** The target, or for 区间 its lower bound; null exactly for qualitative and none. */
  value: number | null;
  /** Upper bound of a 区间 target. */
  value_max?: number | null;
  /** 以上, 左右, 以内, 力争, 区间, or null (or '') for none. */
  qualifier: string | null;
  /** The indicator's unit; a growth target is in % whatever the unit. */
  unit: Unit;
  /** The indicator's decimals: at most this many are shown for a level target. */
  decimals?: number;
}

/** A growth target with more than two decimals would be a typo: rates are published to one. */
const GROWTH_TARGET_DECIMALS = 2;

/**
 * Decimals a figure was published with: as many as its digits need (1610 → 0, 4.5 → 1), at
 * most `max` (the indicator's decimals), which also hides binary noise (5.1 stored as 5.0999…).
 */
export function publishedDecimals(value: number, max: number): number {
  const full = Number(roundedAbs(value, max));
  for (let d = 0; d < max; d++) if (Number(roundedAbs(value, d)) === full) return d;
  return max;
}

/**
 * Decimals for the figures of one indicator in one table or chart: those of the most precise
 * of them, at most the indicator's. They then all show the same decimals, and a figure
 * published as a whole number is not given a digit nobody published ("501,202.0亿元") unless
 * the figures beside it have one.
 */
export function sharedDecimals(values: Iterable<number | null | undefined>, max: number): number {
  let d = 0;
  for (const v of values) if (v != null && Number.isFinite(v)) d = Math.max(d, publishedDecimals(v, max));
  return d;
}

/**
 * Drop the trailing zeros that all the amounts share ("161.0" → "161"): in English, moving the
 * point of 1,610亿元 gives 161.0 billion, a digit the document did not write.
 */
function trimSharedZeros(amounts: string[]): string[] {
  const zeros = (a: string): number => /\.(\d*?)(0*)$/.exec(a)?.[2]!.length ?? 0;
  const n = Math.min(...amounts.map(zeros));
  return n === 0 ? amounts : amounts.map((a) => a.slice(0, -n).replace(/\.$/, ''));
}

/**
 * A target as the work reports write it, its qualifier where they put it and the unit once:
 * "力争1,610亿元", "1,610亿元以上", "增长4.5%左右", "增长5%以上", "力争增长6%", "增长5.0%—5.5%",
 * "15%以内", "定性目标", "未设定量目标". English: "at least 161 billion yuan", "about 4.5% growth",
 * "strive for 6% growth", "between 5.0% and 5.5% growth", "within 15%", "qualitative target",
 * "no numeric target set". The number has the digits the document wrote (not the indicator's
 * decimals: "力争1,610亿元", not "1,610.0亿元"); the two bounds of a range share their decimals.
 */
export function formatTarget(t: TargetFacts, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (t.type === 'qualitative') return zh ? '定性目标' : 'qualitative target';
  if (t.type === 'none') return zh ? '未设定量目标' : 'no numeric target set';
  if (t.value == null || Number.isNaN(t.value)) throw new RangeError(`a ${t.type} target needs a value, got ${t.value}`);
  const qualifier = t.qualifier || null;
  if (qualifier !== null && !(TARGET_QUALIFIERS as readonly string[]).includes(qualifier)) {
    throw new RangeError(`unknown target qualifier "${qualifier}": expected one of ${TARGET_QUALIFIERS.filter(Boolean).join(', ')} or none`);
  }
  const range = qualifier === '区间';
  if (range && (t.value_max == null || Number.isNaN(t.value_max))) throw new RangeError(`a 区间 target needs value_max (its upper bound), got ${t.value_max}`);
  const growth = t.type === 'growth';
  const unit: Unit = growth ? '%' : t.unit;
  const max = growth ? GROWTH_TARGET_DECIMALS : (t.decimals ?? defaultDecimals(t.unit));
  // A growth target below zero is a fall, said as the texts say it: "下降3%".
  const fall = zh && growth && !range && t.value < 0;
  const bounds = range ? [t.value, t.value_max!] : [fall ? -t.value : t.value];
  const decimals = sharedDecimals(bounds, max);
  const [lo, hi] = trimSharedZeros(bounds.map((v) => formatAmount(v, { unit, decimals, locale })));
  if (range) {
    if (zh) return growth ? `增长${lo}%—${hi}%` : `${lo}—${withUnit(hi!, unit, locale)}`;
    return `between ${growth ? `${lo}%` : lo} and ${withUnit(hi!, unit, locale)}${growth ? ' growth' : ''}`;
  }
  const figure = withUnit(lo!, unit, locale);
  if (!zh) return `${qualifier ? QUALIFIER_EN[qualifier as Exclude<TargetQualifier, '区间'>] : ''}${figure}${growth ? ' growth' : ''}`;
  const said = growth ? `${fall ? '下降' : '增长'}${figure}` : figure;
  return qualifier === '力争' ? `力争${said}` : `${said}${qualifier ?? ''}`;
}

/** The English qualifier, before the figure: "at least 5% growth". */
const QUALIFIER_EN: Record<Exclude<TargetQualifier, '区间'>, string> = {
  以上: 'at least ',
  左右: 'about ',
  以内: 'within ',
  力争: 'strive for ',
};

const SCOPE: Record<Level, Bilingual> = {
  country: { zh: '全国', en: 'in the country' },
  province: { zh: '全省', en: 'in the province' },
  prefecture: { zh: '全市', en: 'in the city' },
  county: { zh: '全县', en: 'in the county' },
  town: { zh: '全镇', en: 'in the town' },
  special: { zh: '同类单位', en: 'among peers' },
};

const AVERAGE_EN: Record<Level, string> = {
  country: 'the national average',
  province: 'the provincial average',
  prefecture: 'the city average',
  county: 'the county average',
  town: 'the town average',
  special: 'the average',
};

/** The parent's average a growth rate is compared with: "全国平均水平" / "the national average". */
export function averageOf(parentLevel: Level, locale: Locale): string {
  return locale === 'zh-CN' ? `${SCOPE[parentLevel].zh}平均水平` : AVERAGE_EN[parentLevel];
}

// ---------------------------------------------------------------------------------------
// Periods and dates

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "2025-06" → "2025年1-6月" / "Jan–Jun 2025"; "2025-01" → "2025年1月"; "2025" → "2025年" / "2025". */
export function formatPeriod(period: string, locale: Locale): string {
  const m = PERIOD_RE.exec(period);
  if (!m) throw new RangeError(`not a period (YYYY or YYYY-MM): ${period}`);
  const year = m[1]!;
  if (m[2] === undefined) return locale === 'zh-CN' ? `${year}年` : year;
  const month = Number(m[2]);
  if (locale === 'zh-CN') return month === 1 ? `${year}年1月` : `${year}年1-${month}月`;
  return month === 1 ? `Jan ${year}` : `Jan–${MONTHS_EN[month - 1]} ${year}`;
}

/** Month axis tick: "6月" / "Jun" (the axis title says the values are cumulative). */
export const formatMonth = (month: number, locale: Locale): string =>
  locale === 'zh-CN' ? `${month}月` : (MONTHS_EN[month - 1] ?? String(month));

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const SHANGHAI_OFFSET_MIN = 8 * 60;

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  hasTime: boolean;
}

/**
 * Beijing wall time of an ISO 8601 date or date-time. A time with an offset is converted to
 * +08:00 by arithmetic on Date.UTC (no time zone database involved); a time without an offset
 * is taken as Beijing time already (Date.parse would read it in the host's zone); a bare date
 * is a calendar date and is not shifted.
 */
export function toBeijing(iso: string): WallTime {
  const m = ISO_RE.exec(iso.trim());
  if (!m) throw new RangeError(`not an ISO 8601 date: ${iso}`);
  const [y, mo, d, h, mi, s, off] = m.slice(1).map((x) => x ?? '');
  const wall = { year: +y!, month: +mo!, day: +d!, hour: +h! || 0, minute: +mi! || 0, second: +s! || 0 };
  if (!h) return { ...wall, hasTime: false };
  let shiftMin = 0;
  if (off) {
    const offMin =
      off === 'Z' ? 0 : (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(-2)));
    shiftMin = SHANGHAI_OFFSET_MIN - offMin;
  }
  const t = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute + shiftMin, wall.second));
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    hasTime: true,
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Machine-readable Beijing time for a `<time datetime>`: "2025-07-15T10:00:00+08:00" or "2025-07-15". */
export function toBeijingIso(iso: string): string {
  const w = toBeijing(iso);
  const date = `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
  return w.hasTime ? `${date}T${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}+08:00` : date;
}

/**
 * A release date: "2025年7月15日 10:00" / "15 Jul 2025, 10:00 (UTC+8)". The time is shown when
 * the input has one, unless `time: false`.
 */
export function formatDate(iso: string, locale: Locale, { time = true }: { time?: boolean } = {}): string {
  const w = toBeijing(iso);
  const showTime = time && w.hasTime;
  const hm = `${pad2(w.hour)}:${pad2(w.minute)}`;
  if (locale === 'zh-CN') return `${w.year}年${w.month}月${w.day}日` + (showTime ? ` ${hm}` : '');
  return `${w.day} ${MONTHS_EN[w.month - 1]} ${w.year}` + (showTime ? `, ${hm} (UTC+8)` : '');
}

// ---------------------------------------------------------------------------------------
// Flags

export type MarkedFlag = Exclude<Flag, ''>;

export interface FlagText {
  /** Short mark printed after a value (in a <sup>): "预" / "p". */
  mark: string;
  /** What the flag means, one or two words. */
  label: string;
  /** The legend line under a table or chart. */
  legend: string;
}

/** Marks and legend texts per flag, both languages. */
export const FLAG_LABELS: Record<MarkedFlag, { zh: FlagText; en: FlagText }> = {
  p: {
    zh: { mark: '预', label: '初步数', legend: '预：初步数，以后可能修订' },
    en: { mark: 'p', label: 'preliminary', legend: 'p: preliminary, may be revised' },
  },
  r: {
    zh: { mark: '修', label: '修订数', legend: '修：已修订，与首次公布的数不同' },
    en: { mark: 'r', label: 'revised', legend: 'r: revised since first published' },
  },
  e: {
    zh: { mark: '估', label: '估计数', legend: '估：估计数' },
    en: { mark: 'e', label: 'estimated', legend: 'e: estimated' },
  },
  c: {
    zh: { mark: '保密', label: '保密', legend: '保密：数据不公开（不是零）' },
    en: { mark: 'c', label: 'suppressed', legend: 'c: suppressed, not published (not zero)' },
  },
  na: {
    zh: { mark: '无', label: '无数据', legend: '无（—）：无数据' },
    en: { mark: 'na', label: 'not available', legend: 'na (—): not available' },
  },
};

export const flagText = (flag: MarkedFlag, locale: Locale): FlagText =>
  locale === 'zh-CN' ? FLAG_LABELS[flag].zh : FLAG_LABELS[flag].en;

/**
 * The sources of what a page or a circular shows, each once, in the order first met: a source
 * field may name several, separated by " | " (a target from two documents), and many rows name
 * the same one, so a line of every row's field repeated one address dozens of times.
 */
export function distinctSources(fields: Iterable<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const field of fields) for (const s of (field ?? '').split(/\s+\|\s+/)) if (s.trim()) out.add(s.trim());
  return [...out];
}

/** Legend lines for the flags that occur, in the order of schema.FLAGS. */
export function flagLegend(flags: Iterable<Flag>, locale: Locale): string[] {
  const present = new Set(flags);
  return (['p', 'r', 'e', 'c', 'na'] as const).filter((f) => present.has(f)).map((f) => flagText(f, locale).legend);
}

export interface FormattedObservation {
  /** What is printed: "2,345.6亿元", "保密", "—". */
  text: string;
  /** Mark to print after it in a <sup>, or null: "预" / "p". */
  mark: string | null;
  /** Text for a screen reader or a <title>: "2,345.6亿元，初步数", "无数据". */
  aria: string;
  /** Text and mark in one plain string (SVG, CSV-like contexts): "2,345.6亿元（预）". */
  plain: string;
}

/** One observation with its flag, ready to print. Suppressed is never zero, missing is "—". */
export function formatObservation(
  { value, flag = '', unit, decimals }: { value: number | null | undefined; flag?: Flag; unit: Unit; decimals?: number },
  locale: Locale,
): FormattedObservation {
  const zh = locale === 'zh-CN';
  if (flag === 'c') {
    const t = pick(UI.suppressed, locale);
    return { text: t, mark: null, aria: zh ? '数据保密' : 'suppressed (not published)', plain: t };
  }
  if (flag === 'na' || value == null || Number.isNaN(value)) {
    return { text: '—', mark: null, aria: pick(UI.noData, locale), plain: '—' };
  }
  const text = formatValue(value, { unit, decimals, locale });
  if (flag === '') return { text, mark: null, aria: text, plain: text };
  const f = flagText(flag, locale);
  return {
    text,
    mark: f.mark,
    aria: zh ? `${text}，${f.label}` : `${text}, ${f.label}`,
    plain: zh ? `${text}（${f.mark}）` : `${text} (${f.mark})`,
  };
}

// ---------------------------------------------------------------------------------------
// Sentences in the style of the bureau texts

function growthPhrase(yoy: number, locale: Locale): string {
  const plain = roundedAbs(yoy, 1);
  const zero = isZeroDigits(plain);
  if (locale === 'zh-CN') return zero ? '与上年同期持平' : `${yoy > 0 ? '增长' : '下降'}${group(plain)}%`;
  return zero ? 'unchanged year on year' : `${yoy > 0 ? 'up' : 'down'} ${group(plain)}% year on year`;
}

export interface LevelGrowthFacts {
  /** Jurisdiction name in the reader's language. */
  name: string;
  period: string;
  indicatorName: string;
  value: number | null;
  unit: Unit;
  decimals?: number;
  /** Published year-on-year growth in %. */
  yoy: number | null;
  /** The parent's published growth, to compare with. */
  parentYoy?: number | null;
  /** Level of the parent the growth is compared with; default country (全国平均水平). */
  parentLevel?: Level;
}

/**
 * "2025年1-6月，河南省社会消费品零售总额达到12,345.6亿元，增长5.2%，高于全国平均水平0.4个百分点。"
 * "In Jan–Jun 2025, retail sales of consumer goods in Henan reached 1,234.56 billion yuan,
 *  up 5.2% year on year, 0.4 pp above the national average."
 * The gap is computed from the rates as printed (one decimal), so the sentence adds up.
 */
export function sentenceLevelGrowth(f: LevelGrowthFacts, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  if (f.value != null && !Number.isNaN(f.value)) {
    const v = formatValue(f.value, { unit: f.unit, decimals: f.decimals, locale });
    parts.push(zh ? `达到${v}` : `reached ${v}`);
  }
  if (f.yoy != null) {
    parts.push(growthPhrase(f.yoy, locale));
    if (f.parentYoy != null) {
      const gap = roundAsShown(f.yoy, 1) - roundAsShown(f.parentYoy, 1);
      parts.push(formatPpPhrase(gap, locale, { against: averageOf(f.parentLevel ?? 'country', locale) }));
    }
  }
  const period = formatPeriod(f.period, locale);
  if (zh) {
    const head = `${period}，${f.name}${f.indicatorName}`;
    return parts.length ? `${head}${parts.join('，')}。` : `${head}暂无数据。`;
  }
  const head = `In ${period}, ${inSentence(f.indicatorName, 'en')} in ${f.name}`;
  if (!parts.length) return `${head}: no data.`;
  // Without a level there is no verb to hang the growth on; a colon keeps it grammatical.
  return parts[0]!.startsWith('reached') ? `${head} ${parts.join(', ')}.` : `${head}: ${parts.join(', ')}.`;
}

export interface PaceFacts {
  name?: string;
  indicatorName?: string;
  /** Share of the annual target reached, 0..n (0.523 = 52.3%). */
  completion: number;
  /** Share of the year elapsed, 0..1 (month / 12). */
  elapsed: number;
  /** The verdict's gap (progress query `verdict_gap_pp`): the sentence says the number every page shows. */
  gapPp: number;
}

/**
 * "完成年度目标的52.3%，快于时间进度2.3个百分点（时间过半，任务过半）。"
 * "52.3% of the annual target reached, 2.3 pp ahead of the share of the year elapsed (50.0%)."
 * The "时间过半，任务过半" test is named at mid-year (elapsed = 1/2), where the texts apply it;
 * at full year the target is achieved or not (完成 / 未完成), not ahead or behind of time.
 */
export function sentencePace(f: PaceFacts, locale: Locale): string {
  const done = formatPct(f.completion * 100);
  const time = formatPct(f.elapsed * 100);
  const gap = f.gapPp;
  const n = formatNumber(Math.abs(gap), 1);
  const midYear = Math.abs(f.elapsed - 0.5) < 1e-9;
  const yearEnd = f.elapsed === 1;
  const zh = locale === 'zh-CN';
  if (zh) {
    const pace = yearEnd
      ? gap >= 0 ? '完成年度目标' : `未完成年度目标，差${n}个百分点`
      : gap > 0 ? `快于时间进度${n}个百分点` : gap < 0 ? `慢于时间进度${n}个百分点` : '与时间进度持平';
    const test = midYear ? (gap >= 0 ? '（时间过半，任务过半）' : '（未达到时间过半、任务过半）') : '';
    return `${f.name ?? ''}${f.indicatorName ?? ''}完成年度目标的${done}，${pace}${test}。`;
  }
  const pace = yearEnd
    ? gap >= 0 ? 'target achieved' : `target not achieved, ${n} pp short`
    : gap > 0
      ? `${n} pp ahead of the share of the year elapsed (${time})`
      : gap < 0
        ? `${n} pp behind the share of the year elapsed (${time})`
        : `in line with the share of the year elapsed (${time})`;
  const test = midYear ? (gap >= 0 ? ': half the year gone, at least half the target done' : ': half the year gone, less than half the target done') : '';
  const target = f.indicatorName ? `annual target for ${inSentence(f.indicatorName, 'en')}` : 'annual target';
  const head = f.name ? `${f.name} has reached ${done} of its ${target}` : `${done} of the ${target} reached`;
  return `${head}, ${pace}${test}.`;
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export interface RankNeighbour {
  name: string;
  /** Distance to this unit, in the indicator's unit (sign ignored). */
  gap: number;
}

export interface RankFacts {
  name?: string;
  /** Competition rank (1,2,2,4); null when unranked (suppressed or missing). */
  rank: number | null;
  /** How many peers are ranked (have a figure). */
  rankOf: number;
  /** How many peers there are, ranked or not. */
  peerCount: number;
  /** Another peer shares the rank. */
  tied: boolean;
  /** What is ranked: the value or the published growth. */
  basis: 'value' | 'yoy';
  /** Level of the parent whose peers are ranked: province → "全省". */
  scope: Level;
  /** 标兵: the nearest peer ranked ahead, not tied. */
  ahead?: RankNeighbour | null;
  /** 追兵: the nearest peer ranked behind, not tied. */
  behind?: RankNeighbour | null;
  unit: Unit;
  decimals?: number;
}

const RANK_BASIS: Record<RankFacts['basis'], Bilingual> = { value: { zh: '总量', en: 'value' }, yoy: { zh: '增速', en: 'growth' } };

/**
 * A rank that says among whom: "第2（按增速，6个地区有数据，共31个）", "并列第5（按总量，共18个）";
 * "2nd by growth of 6 reporting (31 peers)", "tied 5th by value of 18". No rank when fewer than
 * two peers report: a rank among one says nothing.
 */
export function rankPhrase(f: Pick<RankFacts, 'rank' | 'rankOf' | 'peerCount' | 'tied' | 'basis'>, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const basis = pick(RANK_BASIS[f.basis], locale);
  if (f.peerCount < 2) return zh ? '无可比地区' : 'no peers';
  if (f.rank == null) return zh ? '未排名（无数据或保密）' : 'not ranked (no figure or suppressed)';
  if (f.rankOf < 2) return zh ? `未排名（仅1个地区有数据，共${f.peerCount}个）` : `not ranked (1 of ${f.peerCount} reporting)`;
  const among = f.rankOf < f.peerCount;
  if (zh) return `${f.tied ? '并列' : ''}第${f.rank}（按${basis}，${among ? `${f.rankOf}个地区有数据，` : ''}共${f.peerCount}个）`;
  return `${f.tied ? 'tied ' : ''}${ordinal(f.rank)} by ${basis} of ${among ? `${f.rankOf} reporting (${f.peerCount} peers)` : f.peerCount}`;
}

/** A gap between two values, unsigned: growth rates differ in percentage points, levels in the unit (the rank sentence and the briefing's rank cell). */
export function formatGap(gap: number, unit: Unit, decimals: number | undefined, locale: Locale): string {
  if (unit === '%') {
    const n = formatNumber(Math.abs(gap), decimals ?? 1);
    return locale === 'zh-CN' ? `${n}个百分点` : `${n} pp`;
  }
  return formatValue(Math.abs(gap), { unit, decimals, locale });
}

/**
 * "按总量排名第3（共18个），前看标兵郑州市（差120.5亿元），回看追兵洛阳市（领先80.2亿元）。"
 * "Ranked 3rd by value of 18; 12.05 billion yuan behind the pace-setter Zhengzhou, 8.02 billion
 *  yuan ahead of the pursuer Luoyang." Never "位居全国第X" where peers have no figure: the phrase says
 * how many report.
 */
export function sentenceRank(f: RankFacts, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const phrase = rankPhrase(f, locale);
  const ranked = f.rank != null && f.rankOf >= 2 && f.peerCount >= 2;
  const gap = (n: RankNeighbour): string => formatGap(n.gap, f.unit, f.decimals, locale);
  if (zh) {
    let s = `${f.name ?? ''}${ranked ? `在${SCOPE[f.scope].zh}排名` : ''}${phrase}`;
    if (ranked && f.ahead) s += `，前看标兵${f.ahead.name}（差${gap(f.ahead)}）`;
    if (ranked && f.behind) s += `，回看追兵${f.behind.name}（领先${gap(f.behind)}）`;
    return `${s}。`;
  }
  const head = ranked ? (f.name ? `${f.name} ranks ${phrase}` : `ranked ${phrase}`) : `${f.name ? `${f.name}: ` : ''}${phrase}`;
  const parts: string[] = [];
  if (ranked && f.ahead) parts.push(`${gap(f.ahead)} behind the pace-setter ${f.ahead.name}`);
  if (ranked && f.behind) parts.push(`${gap(f.behind)} ahead of the pursuer ${f.behind.name}`);
  const text = parts.length ? `${head}; ${parts.join(', ')}` : head;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
