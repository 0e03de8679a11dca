/**
 * When each release became public (releases.csv published_at).
 *
 * Rule: published_at is the day the figures were really published where we know it; where we
 * do not, it is a clearly stated approximation chosen so that the figures had certainly been
 * published by then (never a date before the real publication, which would claim the figures
 * were public before they were), and the release notes say "approximate". Never the import
 * date. Release-calendar dates carry NBS's usual release time (10:00 Beijing time); approximate
 * dates carry 00:00.
 */

/**
 * Release days of the NBS monthly "national economy" release (社会消费品零售总额 and 全国网上零售额,
 * January..month cumulative), by data period, from the NBS release calendar. The importer checks
 * each against the dated copy it cites (a copy cannot predate the release).
 */
export const NBS_MONTHLY_RELEASE_DAYS: Readonly<Record<string, string>> = {
  '2019-02': '2019-03-14',
  '2019-03': '2019-04-17',
  '2019-04': '2019-05-15',
  '2019-06': '2019-07-15',
  '2019-07': '2019-08-14',
  '2019-09': '2019-10-18',
  '2019-11': '2019-12-16',
  '2019-12': '2020-01-17',
  '2020-02': '2020-03-16',
  '2020-05': '2020-06-15',
  '2020-06': '2020-07-16',
  '2020-09': '2020-10-19',
  '2020-10': '2020-11-16',
  '2020-11': '2020-12-15',
  '2020-12': '2021-01-18',
  '2021-02': '2021-03-15',
  '2021-05': '2021-06-16',
  '2021-06': '2021-07-15',
  '2021-07': '2021-08-16',
  '2021-09': '2021-10-18',
  '2021-12': '2022-01-17',
  '2022-03': '2022-04-18',
  '2022-04': '2022-05-16',
  '2022-05': '2022-06-15',
  '2022-06': '2022-07-15',
  '2022-07': '2022-08-15',
  '2022-08': '2022-09-16',
  // Delayed that month (the NBS release followed the Party congress).
  '2022-09': '2022-10-24',
  '2022-10': '2022-11-15',
  '2023-02': '2023-03-15',
  '2023-04': '2023-05-16',
  '2023-05': '2023-06-15',
  '2023-07': '2023-08-15',
  '2023-09': '2023-10-18',
  '2023-12': '2024-01-17',
  '2024-02': '2024-03-18',
  '2024-03': '2024-04-16',
  '2024-04': '2024-05-17',
  '2024-05': '2024-06-17',
  '2024-06': '2024-07-15',
  '2024-07': '2024-08-15',
  // A Saturday: NBS released before the Mid-Autumn holiday.
  '2024-08': '2024-09-14',
  '2024-10': '2024-11-15',
  '2025-02': '2025-03-17',
  '2025-09': '2025-10-20',
};

/** NBS releases its monthly figures in the following month; this is the last day it could be. */
export function endOfFollowingMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

export function atReleaseTime(day: string): string {
  return `${day}T10:00:00+08:00`;
}

export function approximate(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/**
 * Figures whose latest year is 2024 taken from NBS database exports (分省年度数据, 主要城市年度数据)
 * or from a panel built on them: the export date is not recorded; NBS had published every one
 * of these figures, with the 2024 values in the China Statistical Yearbook 2025, by the end
 * of 2025.
 */
export const NBS_DATABASE_2024_BY = approximate('2025-12-31');

/** Dates written into a source address (2019-03-14, 2019/0715, 20211021, 2021-01/18). */
export function datesInAddress(address: string): string[] {
  const found: string[] = [];
  const patterns = [
    /(20\d\d)-(\d\d)-(\d\d)/g,
    /(20\d\d)-(\d\d)\/(\d\d)\//g,
    /(20\d\d)\/(\d\d)(\d\d)\//g,
    /\/(20\d\d)(\d\d)(\d\d)\//g,
  ];
  for (const re of patterns) {
    for (const m of address.matchAll(re)) {
      const [, y, mo, d] = m;
      const month = Number(mo);
      const day = Number(d);
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) found.push(`${y}-${mo}-${d}`);
    }
  }
  return found;
}
