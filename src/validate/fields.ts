/** Periods, dates, datetimes, integers and enums: parsing plus the rewrite a person needs. */
import { PERIOD_RE } from '../lib/schema.ts';

/** A period as one sortable number: year * 16 + month, with a whole year sorting after December. */
export type PeriodCode = number;
export const ANNUAL = 13;

export function periodCode(text: string): PeriodCode | null {
  const m = PERIOD_RE.exec(text);
  if (!m) return null;
  return Number(m[1]) * 16 + (m[2] === undefined ? ANNUAL : Number(m[2]));
}

export const periodYear = (p: PeriodCode): number => p >> 4;
export const periodMonth = (p: PeriodCode): number => p & 15;
/** Months a year-to-date figure of this period covers (a whole year covers 12). */
export const periodMonths = (p: PeriodCode): number => Math.min(periodMonth(p), 12);

/** The day a cumulative figure refers to: the end of its last month, as YYYYMMDD. */
export function periodEndDay(p: PeriodCode): number {
  const y = periodYear(p);
  const m = periodMonths(p);
  return y * 10000 + m * 100 + daysInMonth(y, m);
}

export const PERIOD_EXPECTED = 'YYYY for a year or YYYY-MM (January to MM, cumulative), month 01 to 12';

/**
 * The years a figure, target or rate may be for: from 1949, when the People's Republic's
 * statistics begin, to the year after the current one in Beijing (targets are set ahead, and
 * nothing later is a figure). 0000 or 9999 is a typo, and would sort before or after everything.
 */
export const FIRST_YEAR = 1949;
export function lastYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear() + 1;
}
export const yearsExpected = (last: number): string => `a year from ${FIRST_YEAR} to ${last} (the year after the current one)`;
export const isPlausibleYear = (year: number, last: number): boolean => year >= FIRST_YEAR && year <= last;

export function periodFix(text: string): string {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if (PERIOD_RE.test(t)) return `write ${t} (no spaces around it)`;
  if ((m = /^(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?$/.exec(t)) && validMonth(m[2]!)) {
    return `write ${m[1]}-${m[2]!.padStart(2, '0')}`;
  }
  if ((m = /^(\d{4})\s*(?:年)?\s*1\s*[-—–~至到]\s*(\d{1,2})\s*月$/.exec(t)) && validMonth(m[2]!)) {
    return `write ${m[1]}-${m[2]!.padStart(2, '0')} (a month period is already January to that month)`;
  }
  if ((m = /^(\d{4})-(\d{2})-\d{2}$/.exec(t)) && validMonth(m[2]!)) {
    return `write ${m[1]}-${m[2]} (a period has no day)`;
  }
  if ((m = /^(\d{4})\s*[-年]?\s*[Qq]?([1-4])\s*(?:季度)?$/.exec(t)) && /[Qq季]/.test(t)) {
    const month = String(Number(m[2]) * 3).padStart(2, '0');
    return `write ${m[1]}-${month} for the cumulative figure January to ${month}; quarterly-only figures are not a period of their own`;
  }
  if ((m = /^(\d{4})\s*(?:[-年]?\s*(?:H1|上半年))$/i.exec(t))) return `write ${m[1]}-06 (上半年 = January to June)`;
  if ((m = /^(\d{4})\s*年$/.exec(t))) return `write ${m[1]}`;
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t))) return `month ${m[2]} does not exist: use 01 to 12`;
  return `write the period as YYYY or YYYY-MM, e.g. 2025 or 2025-06`;
}

function validMonth(mm: string): boolean {
  const n = Number(mm);
  return n >= 1 && n <= 12;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DATE_EXPECTED = 'a date YYYY-MM-DD, e.g. 2025-07-01';

/** A calendar date as YYYYMMDD, or null. */
export function parseDate(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return y * 10000 + mo * 100 + d;
}

export function dateFix(text: string): string {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (m) {
    const candidate = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (parseDate(candidate) !== null) return `write ${candidate}`;
  }
  if (DATE_RE.test(t)) return 'this day does not exist in the calendar: check the month and day';
  return 'write the date as YYYY-MM-DD, e.g. 2025-07-01';
}

const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
export const DATETIME_EXPECTED = 'ISO 8601 date and time with an offset or Z, e.g. 2025-07-15T10:00:00+08:00';

export function isDatetime(text: string): boolean {
  const m = DATETIME_RE.exec(text);
  if (!m || parseDate(m[1]!) === null) return false;
  const [h, min, s, oh, om] = [m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number];
  return h <= 23 && min <= 59 && s <= 59 && oh <= 14 && om <= 59;
}

export function datetimeFix(text: string): string {
  let t = text.trim().replace(/^(\d{4}-\d{2}-\d{2}) +(?=\d)/, '$1T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) t += 'T00:00:00';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/.test(t)) t += '+08:00';
  if (t !== text && isDatetime(t)) return `write ${t} (a T between date and time, and the offset; +08:00 is Beijing time)`;
  return 'write the date, a T, the time and the offset, e.g. 2025-07-15T10:00:00+08:00 (+08:00 is Beijing time)';
}

const INTEGER_RE = /^-?\d+$/;
export function parseInteger(text: string): number | null {
  return INTEGER_RE.test(text) ? Number(text) : null;
}

const BOOLEAN_WORDS: Record<string, string> = { 是: 'true', 否: 'false', yes: 'true', no: 'false', y: 'true', n: 'false', '1': 'true', '0': 'false' };

/** The allowed value someone probably meant (case, spaces, a Chinese yes/no, a column's synonym), or null. */
export function enumSuggestion(text: string, allowed: readonly string[], synonyms: Readonly<Record<string, string>> = {}): string | null {
  const t = text.trim().toLowerCase();
  const meant = synonyms[text.trim()];
  if (meant !== undefined) return `${meant} (${text.trim()})`;
  const hit = allowed.find((a) => a.toLowerCase() === t);
  if (hit !== undefined && hit !== text) return hit;
  if (allowed.includes('true') && allowed.includes('false')) return BOOLEAN_WORDS[t] ?? null;
  return null;
}

export function enumExpected(allowed: readonly string[]): string {
  return `one of ${allowed.map((a) => (a === '' ? '(empty)' : a)).join(', ')}`;
}
