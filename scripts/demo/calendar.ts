/**
 * Periods and releases of the demo: one release a month, year to date. The first release of
 * every year covers January and February together (period YYYY-02), as bureaus publish it;
 * there is never a YYYY-01. A release comes out between the 15th and the 20th of the next
 * month, on a working day, at 10:00 Beijing time.
 */
import { rng } from './prng.ts';

/** The last month of data in the demo's last year. */
export const LAST_PERIOD = '2025-09';

export function period(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Months published in a year: 2..12, or up to the last period in the last year. */
export function monthsOf(year: number): number[] {
  const [lastYear, lastMonth] = LAST_PERIOD.split('-').map(Number) as [number, number];
  const end = year === lastYear ? lastMonth : 12;
  const months: number[] = [];
  for (let m = 2; m <= end; m++) months.push(m);
  return months;
}

/** Periods of the given years in order. */
export function periodsOf(years: readonly number[]): string[] {
  return years.flatMap((y) => monthsOf(y).map((m) => period(y, m)));
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Publication instant of the release of a period: the 15th–20th of the next month, moved off weekends. */
export function publishedAt(seed: number, p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  let day = rng(seed, 'published', p).int(15, 20);
  // 0 = Sunday, 6 = Saturday: a bureau publishes on a working day.
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday === 6) day += 2;
  if (weekday === 0) day += 1;
  return `${isoDate(year, month, day)}T10:00:00+08:00`;
}

/** Chinese label of a year-to-date period: 2025年1—2月, 2025年1—6月, 2025年1—12月. */
export function periodLabelZh(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return `${y}年1—${m}月`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function periodLabelEn(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return `January–${MONTHS_EN[m - 1]} ${y}`;
}
