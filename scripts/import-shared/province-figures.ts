/**
 * province_figures_2016_2025.csv: retail sales of the 31 provinces 2016–2024 from the NBS
 * provincial annual database, and single figures that provincial governments, statistics
 * bureaus and newspapers stated, each with its source and the exact quote it was read from.
 *
 * One row per (jurisdiction, indicator, period). Where a database series has the key, its level
 * is the figure; a growth rate another source published for the key becomes the row's yoy_pct,
 * and every statement about the key is quoted in the row's note. Keys that no series has make
 * releases of their own, grouped by the year they describe.
 */
import { UNITS, type Unit } from '../../src/lib/schema.ts';
import { expandExponent } from '../../src/validate/numbers.ts';
import { plainNumber, type Row } from './csv.ts';
import { NBS_DATABASE_2024_BY, approximate, datesInAddress } from './dates.ts';
import type { Observation, Release } from './observations.ts';

/** What one source stated for one key. */
export interface Statement {
  jurisdiction: string;
  indicator: string;
  period: string;
  /** The level in the indicator's unit, converted exactly; '' when the source gave none. */
  value: string;
  /** The level as the source wrote it when its unit is not the indicator's ("3.79万亿元"), else ''. */
  asPublished: string;
  yoy_pct: string;
  /** Title and address of the source. */
  source: string;
  /** The fragment the figure was read from; '' when the collector kept none. */
  quote: string;
  /** The collector's remark. */
  remark: string;
}

export type UnitOf = (indicator: string) => Unit | undefined;

const DATABASE_SOURCE = 'github:Liushenwuzhu-Alpaca/province-economy@';
const DATABASE_YEARS = ['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024'];
const PROVINCES = 31;

/** Scales the sources write that are not units of the data format. */
const PUBLISHED_SCALES: Readonly<Record<string, { currency: string | null; scale: number }>> = {
  万亿元: { currency: 'CNY', scale: 1e12 },
};

/** `text`, written in `published`, in `unit`: the decimal point moves, no float rounding. */
export function inUnit(text: string, published: string, unit: Unit, label: string): string {
  const from = PUBLISHED_SCALES[published] ?? UNITS[published as Unit];
  const to = UNITS[unit];
  if (!from || from.currency !== to.currency) throw new Error(`${label}: a figure in ${published} cannot be converted to ${unit}`);
  return expandExponent(`${plainNumber(text, label)}e${Math.round(Math.log10(from.scale / to.scale))}`);
}

export const keyOf = (k: { jurisdiction: string; indicator: string; period: string }): string => `${k.jurisdiction}|${k.indicator}|${k.period}`;

export interface ProvinceFigures {
  /** The database series: retail sales, 31 provinces × 2016–2024. */
  database: Statement[];
  /** Every other row. */
  statements: Statement[];
  /** The collector's remark on the database rows (the same on each). */
  databaseRemark: string;
  left_out: string[];
}

export function readProvinceFigures(rows: readonly Row[], unitOf: UnitOf): ProvinceFigures {
  const database: Statement[] = [];
  const statements: Statement[] = [];
  const left_out: string[] = [];
  const remarks = new Set<string>();
  for (const r of rows) {
    const where = `province_figures ${r.code} ${r.indicator} ${r.period}`;
    const unit = unitOf(r.indicator!);
    if (!unit) {
      left_out.push(`${where}: “${r.quote}” (${r.source_title}): no ${r.indicator} indicator in this dataset`);
      continue;
    }
    if (r.note!.startsWith('LOW CONFIDENCE')) {
      left_out.push(`${where}: ${r.note}`);
      continue;
    }
    const value = r.value === '' ? '' : inUnit(r.value!, r.unit!, unit, where);
    const s: Statement = {
      jurisdiction: r.code!,
      indicator: r.indicator!,
      period: r.period!,
      value,
      asPublished: value !== '' && r.unit !== unit ? `${r.value}${r.unit}` : '',
      yoy_pct: plainNumber(r.yoy_pct!, where),
      source: `${r.source_title}, ${r.source_url}`,
      quote: r.quote!,
      remark: r.note!,
    };
    if (r.source_url!.startsWith(DATABASE_SOURCE)) {
      if (r.indicator !== 'retail_sales' || !DATABASE_YEARS.includes(r.period!) || value === '' || s.yoy_pct !== '') {
        throw new Error(`${where}: the database rows are retail-sales levels of 2016–2024 without growth`);
      }
      database.push(s);
      remarks.add(r.note!);
    } else {
      statements.push(s);
    }
  }
  if (new Set(database.map(keyOf)).size !== PROVINCES * DATABASE_YEARS.length || database.length !== PROVINCES * DATABASE_YEARS.length) {
    throw new Error(`province_figures: the database series should have ${PROVINCES} provinces × ${DATABASE_YEARS.length} years once each`);
  }
  if (remarks.size !== 1) throw new Error('province_figures: the database rows carry different remarks');
  return { database, statements, databaseRemark: [...remarks][0]!, left_out };
}

/**
 * A statement as a note says it: its source, its words (or, where the collector kept none, its
 * figures), the exact conversion of its unit and the collector's remark.
 */
function describe(s: Statement, unit: Unit): string {
  const converted = s.asPublished !== '' ? ` (${s.asPublished} = ${s.value}${unit})` : '';
  const figures = [s.value !== '' ? `${s.value}${unit}` : '', s.yoy_pct !== '' ? `growth ${s.yoy_pct}%` : ''].filter((f) => f !== '').join(', ');
  const said = s.quote !== '' ? `“${s.quote}”${converted}` : figures;
  return [`${s.source}: ${said}`, s.remark].filter((p) => p !== '').join('; ');
}

/**
 * Puts each statement on the row of `release` with its key: a published growth rate becomes the
 * row's yoy_pct (sources that publish different rates stop the import), and the row's note
 * quotes every statement. The level stays the series'. Returns the statements no row has.
 */
export function attachStatements(release: Release, statements: readonly Statement[], unitOf: UnitOf): { release: Release; rest: Statement[] } {
  const byKey = new Map<string, Statement[]>();
  const keys = new Set(release.rows.map(keyOf));
  const rest: Statement[] = [];
  for (const s of statements) {
    if (!keys.has(keyOf(s))) {
      rest.push(s);
      continue;
    }
    byKey.set(keyOf(s), [...(byKey.get(keyOf(s)) ?? []), s]);
  }
  const rows = release.rows.map((o): Observation => {
    const said = byKey.get(keyOf(o));
    if (!said) return o;
    const rates = new Set([o.yoy_pct, ...said.map((s) => s.yoy_pct)].filter((r) => r !== ''));
    if (rates.size > 1) throw new Error(`${release.id} ${keyOf(o)}: the sources publish different growth rates (${[...rates].join(', ')})`);
    const unit = unitOf(o.indicator)!;
    const notes = said.map((s) => `${s.yoy_pct !== '' ? 'growth as published' : 'also stated'}: ${describe(s, unit)}`);
    return { ...o, yoy_pct: [...rates][0] ?? '', note: [o.note, ...notes].filter((n) => n !== '').join(' | ') };
  });
  return { release: { ...release, rows }, rest };
}

export function provinceRetailRelease(figures: ProvinceFigures): Release {
  const first = figures.database[0]!;
  return {
    id: 'nbs-province-retail-2016-2024',
    published_at: NBS_DATABASE_2024_BY,
    title: '分省年度数据：社会消费品零售总额（2016—2024年）',
    title_en: 'Retail sales of consumer goods by province, 2016-2024 (NBS provincial annual database)',
    source: first.source,
    notes: [
      `Levels in 亿元 as in the NBS provincial annual database: a revised series, which may differ from what a province first published in its bulletin or government work report (those figures are quoted in the row's note where collected). Never compute growth from these levels: yoy_pct is the rate a province published, with its source in the note. Collector's remark: ${figures.databaseRemark}`,
      'published_at approximate: the export date is not recorded; all figures were public by the end of 2025.',
    ].join(' | '),
    rows: figures.database.map((s) => ({
      jurisdiction: s.jurisdiction,
      indicator: s.indicator,
      period: s.period,
      value: s.value,
      yoy_pct: '',
      flag: '',
      note: `export row: ${s.quote}`,
    })),
  };
}

interface PointRelease {
  id: string;
  holds: (period: string) => boolean;
  /** A day by which every source of the release had certainly appeared. */
  by: string;
  title: string;
  title_en: string;
  dateNote: string;
}

const POINT_RELEASES: readonly PointRelease[] = [
  {
    id: 'province-points-2024-ytd',
    holds: (p) => /^2024-\d\d$/.test(p),
    by: '2024-12-31',
    title: '部分省份2024年社会消费品零售总额（年初累计）：统计局发布与报道',
    title_en: 'Retail sales of some provinces, 2024 year to date: statistics bureaus and the press',
    dateNote: 'published_at approximate: the sources appeared between March and autumn 2024; the end of 2024 is a day by which all had appeared.',
  },
  {
    id: 'province-points-2025-ytd',
    holds: (p) => /^2025-\d\d$/.test(p),
    by: '2025-12-31',
    title: '部分省份2025年社会消费品零售总额（年初累计）：统计局发布与报道',
    title_en: 'Retail sales of some provinces, 2025 year to date: statistics bureaus and the press',
    dateNote: 'published_at approximate: the latest dated source is of 2025-12-17; the end of 2025 is a day by which all had appeared.',
  },
  {
    id: 'province-points-2025',
    holds: (p) => p === '2025',
    by: '2026-03-31',
    title: '部分省份2025年全年社会消费品零售总额、进出口：统计局发布与报道',
    title_en: 'Retail sales and trade of some provinces, full year 2025: statistics bureaus and the press',
    dateNote: 'published_at approximate: provinces published their 2025 figures from late January 2026 (Shanghai\'s bulletin is dated 2026-01-23); some sources are undated, and the end of March 2026 is a day by which all had appeared.',
  },
];

/**
 * The statements whose key no series has, as releases by the year they describe. A statement
 * with a growth rate and no level is a row with an empty value and flag na.
 */
export function pointReleases(statements: readonly Statement[], unitOf: UnitOf): Release[] {
  const seen = new Set<string>();
  const out = POINT_RELEASES.map((spec): Release => ({
    id: spec.id,
    published_at: approximate(spec.by),
    title: spec.title,
    title_en: spec.title_en,
    source: 'Provincial statistics bureaus, governments and newspapers; each row\'s note names its source and quotes it',
    notes: [
      'Single figures as the sources stated them (a month is year to date: January to that month). Levels in the indicator\'s unit, converted exactly where the source wrote another scale (the note shows the conversion); a growth rate without a level is a row with an empty value and flag na.',
      spec.dateNote,
    ].join(' | '),
    rows: [],
  }));
  for (const s of statements) {
    const where = `province_figures ${keyOf(s)}`;
    const i = POINT_RELEASES.findIndex((spec) => spec.holds(s.period));
    if (i < 0) throw new Error(`${where}: no series has this key and no release of single figures takes its period`);
    if (seen.has(keyOf(s))) throw new Error(`${where}: two statements for a key no series has; choose one`);
    seen.add(keyOf(s));
    if (s.value === '' && s.yoy_pct === '') throw new Error(`${where}: neither a level nor a growth rate`);
    for (const day of datesInAddress(s.source)) {
      if (day > POINT_RELEASES[i]!.by) throw new Error(`${where}: the source is dated ${day}, after ${POINT_RELEASES[i]!.by}`);
    }
    out[i]!.rows.push({
      jurisdiction: s.jurisdiction,
      indicator: s.indicator,
      period: s.period,
      value: s.value,
      yoy_pct: s.yoy_pct,
      flag: s.value === '' ? 'na' : '',
      note: `${s.value === '' ? 'level not stated; ' : ''}${describe(s, unitOf(s.indicator)!)}`,
    });
  }
  return out;
}
