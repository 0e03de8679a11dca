/**
 * releases.csv and observations/<release>.csv from the shared stats/ files.
 *
 * A release is one source dataset as it was published: one NBS database export, one monthly
 * NBS release, one set of government work reports. Every value is copied as published; growth
 * rates are the published ones and are never computed from levels; a missing figure stays
 * missing (an empty value with flag na, or no row).
 */
import type { Flag } from '../../src/lib/schema.ts';
import { parseCsvLines, plainNumber, sortRows, type Row } from './csv.ts';
import {
  NBS_DATABASE_2024_BY,
  NBS_MONTHLY_RELEASE_DAYS,
  approximate,
  atReleaseTime,
  datesInAddress,
  endOfFollowingMonth,
} from './dates.ts';
import { keyOf, type ProvinceFigures, type Statement } from './province-figures.ts';

export interface Observation {
  jurisdiction: string;
  indicator: string;
  period: string;
  value: string;
  yoy_pct: string;
  flag: Flag;
  note: string;
}

export interface Release {
  id: string;
  published_at: string;
  title: string;
  title_en: string;
  source: string;
  notes: string;
  rows: Observation[];
}

/** Looks up a jurisdiction code by the Chinese name a source uses. */
export type CodeByName = (name: string, label: string) => string;

// ---------------------------------------------------------------------------------------------
// NBS database exports (分省年度数据): three title lines, a header 地区,2024年,2023年,…, one line
// per province, then 注：/数据来源： footer lines.

export interface WideTable {
  years: string[];
  byName: Map<string, Map<string, string>>; // region name → year → value text
  footnotes: string[];
}

export function parseNbsExport(text: string, label: string): WideTable {
  const lines = parseCsvLines(text, label);
  const headerAt = lines.findIndex((l) => l[0] === '地区');
  if (headerAt < 0) throw new Error(`${label}: no 地区 header line`);
  const years = lines[headerAt]!.slice(1).map((h) => {
    // The 36-cities export has "Y2024年" for its first year: keep only the digits.
    const m = /^Y?(\d{4})年$/.exec(h.trim());
    if (!m) throw new Error(`${label}: unexpected year header ${JSON.stringify(h)}`);
    return m[1]!;
  });
  const byName = new Map<string, Map<string, string>>();
  const footnotes: string[] = [];
  for (const line of lines.slice(headerAt + 1)) {
    const first = line[0]!.trim();
    if (first.startsWith('注') || first.startsWith('数据来源')) {
      footnotes.push(line.join(',').trim());
      continue;
    }
    if (line.length !== years.length + 1) throw new Error(`${label}: ${first} has ${line.length - 1} values for ${years.length} years`);
    const values = new Map<string, string>();
    years.forEach((y, i) => values.set(y, line[i + 1]!.trim()));
    byName.set(first, values);
  }
  return { years, byName, footnotes };
}

// ---------------------------------------------------------------------------------------------
// Provincial GDP 2006–2024 (revised NBS levels) with the first-published real growth of 2023/2024.

const GDP_REVISED_THROUGH = 2023; // the export's note: 1992–2023 revised after the 5th economic census

export function gdpRelease(exportText: string, growthRows: readonly Row[], codeOf: CodeByName): Release {
  const table = parseNbsExport(exportText, 'gdp_by_province_2006_2024_NBS.csv');
  const growth = new Map<string, Row>();
  for (const g of growthRows) {
    if (g.indicator !== 'gdp_growth_actual') continue;
    // Rows the collector could not find carry no value and confidence none.
    if ((g.value_pct ?? '').trim() === '' || g.confidence === 'none') continue;
    growth.set(`${g.province_code}|${g.year}`, g);
  }
  const rows: Observation[] = [];
  for (const [name, values] of table.byName) {
    const code = codeOf(name, 'gdp export');
    for (const [year, text] of values) {
      const g = growth.get(`${code}|${year}`);
      rows.push({
        jurisdiction: code,
        indicator: 'gdp',
        period: year,
        value: plainNumber(text, `gdp ${name} ${year}`),
        yoy_pct: g ? plainNumber(g.value_pct!, `gdp growth ${code} ${year}`) : '',
        flag: Number(year) <= GDP_REVISED_THROUGH ? 'r' : '',
        note: g ? gdpGrowthNote(g) : '',
      });
    }
  }
  return {
    id: 'nbs-province-gdp-2006-2024',
    published_at: NBS_DATABASE_2024_BY,
    title: '分省年度数据：地区生产总值（2006—2024年）',
    title_en: 'Gross regional product by province, 2006-2024 (NBS provincial annual database)',
    source: '国家统计局 分省年度数据 (data.stats.gov.cn), export gdp_by_province_2006_2024_NBS.csv; growth rates: see each row\'s note',
    notes: [
      'Levels in 亿元 at current prices as in the NBS database; 1992–2023 were systematically revised after the 5th economic census (flag r): ' +
        table.footnotes.join(' '),
      'yoy_pct (2023 and 2024 only) is the real growth rate as first published by each province, not recomputed from the levels; the level is the later revised NBS figure, so level ratios need not match it.',
      'published_at approximate: the export date is not recorded; all figures were public by the end of 2025.',
    ].join(' | '),
    rows,
  };
}

function gdpGrowthNote(g: Row): string {
  const parts = [`yoy_pct: real growth as first published, source: ${g.source}`];
  if (g.qualifier === '左右') parts.push(`published as an estimate (${g.raw_text || '…左右'})`);
  else if ((g.raw_text ?? '') !== '') parts.push(`wording: ${g.raw_text}`);
  if (g.confidence && g.confidence !== 'high') parts.push(`confidence ${g.confidence}`);
  if ((g.note ?? '') !== '') parts.push(g.note!);
  return parts.join('; ');
}

// ---------------------------------------------------------------------------------------------
// Year-end resident population 2015–2024.

export function populationRelease(exportText: string, codeOf: CodeByName): Release {
  const table = parseNbsExport(exportText, 'population_by_province_2015_2024_NBS.csv');
  const rows: Observation[] = [];
  for (const [name, values] of table.byName) {
    const code = codeOf(name, 'population export');
    for (const [year, text] of values) {
      rows.push({ jurisdiction: code, indicator: 'population', period: year, value: plainNumber(text, `population ${name} ${year}`), yoy_pct: '', flag: '', note: '' });
    }
  }
  return {
    id: 'nbs-province-population-2015-2024',
    published_at: NBS_DATABASE_2024_BY,
    title: '分省年度数据：年末常住人口（2015—2024年）',
    title_en: 'Year-end resident population by province, 2015-2024 (NBS provincial annual database)',
    source: '国家统计局 分省年度数据 (data.stats.gov.cn), export population_by_province_2015_2024_NBS.csv',
    notes: [
      'Values in 万人 as in the NBS database. ' + table.footnotes.join(' '),
      'published_at approximate: the export date is not recorded; all figures were public by the end of 2025.',
    ].join(' | '),
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Goods trade by province 2016–2024 (亿元), a tidy panel built on NBS figures.

export function tradeRelease(tradeRows: readonly Row[]): Release {
  const sources = new Set(tradeRows.map((r) => r.source ?? ''));
  if (sources.size !== 1) throw new Error('province_trade_rmb_2016_2024.csv: expected one source for all rows');
  const rows = tradeRows.map((r): Observation => ({
    jurisdiction: r.province_code!,
    indicator: 'trade_total',
    period: r.year!,
    value: plainNumber(r.trade_total_yi_yuan!, `trade ${r.province_code} ${r.year}`),
    yoy_pct: '',
    flag: '',
    note: '',
  }));
  return {
    id: 'province-trade-2016-2024',
    published_at: NBS_DATABASE_2024_BY,
    title: '各省（区、市）货物进出口总额（2016—2024年）',
    title_en: 'Goods imports and exports by province, 2016-2024',
    source: [...sources][0]!,
    notes: [
      'Values in 亿元 from a research panel built on the NBS provincial database; the provincial values add up to the published national totals within rounding. The panel has no growth rates: yoy_pct is the 2024 rate a province published (mostly in its 2025 government work report), with its source and words in the note, and empty elsewhere.',
      'published_at approximate: the panel does not record when it was compiled; all figures were public by the end of 2025.',
    ].join(' | '),
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Retail sales: the NBS major-cities database (36 cities, incl. the 4 municipalities as
// province-level units), and province_retail_sales_annual.csv, which the provincial database
// and the statements of province_figures_2016_2025.csv now mostly hold again.

const MAJOR_CITIES_SOURCE_PREFIX = 'github:Hades7623/data@';
const WORK_REPORTS_SOURCE_PREFIX = 'github:alexzhu0/Jina_Embeddings_v4_RAG@';

export interface RetailReleases {
  majorCities: Release;
  /** What province_retail_sales_annual.csv adds to province_figures_2016_2025.csv: figures reported in the press. */
  statements: Statement[];
  left_out: string[];
}

/**
 * The 36-cities release, and province_retail_sales_annual.csv checked against
 * province_figures_2016_2025.csv: its municipality rows are the 36-cities export again, its
 * work-report rows are in the new file with their quotes (they must say the same), and its
 * press figures become statements about the keys of the provincial database.
 */
export function retailReleases(
  citiesText: string,
  provinceRows: readonly Row[],
  zhengzhouRows: readonly Row[],
  codeOfCity: CodeByName,
  figures: ProvinceFigures,
): RetailReleases {
  const left_out: string[] = [];
  const municipalityRows: Row[] = [];
  const statements: Statement[] = [];
  const restated = new Map<string, Statement[]>();
  for (const s of figures.statements) restated.set(keyOf(s), [...(restated.get(keyOf(s)) ?? []), s]);
  for (const r of provinceRows) {
    const where = `province retail ${r.province_code} ${r.year}`;
    if (r.value_type === 'derived') {
      left_out.push(`${where}: growth derived by the collector from a comparison, not published (${r.note})`);
      continue;
    }
    const value = plainNumber(r.retail_sales_yi_yuan ?? '', where);
    const yoy = plainNumber(r.yoy_pct ?? '', where);
    const fromCities = r.source!.startsWith(MAJOR_CITIES_SOURCE_PREFIX);
    if (fromCities) municipalityRows.push(r);
    if (r.source!.includes(WORK_REPORTS_SOURCE_PREFIX)) {
      const again = restated.get(keyOf({ jurisdiction: r.province_code!, indicator: 'retail_sales', period: r.year! })) ?? [];
      // The level of a municipality row is the database's; only its rate comes from the report.
      if (!again.some((s) => s.yoy_pct === yoy && (fromCities || s.value === value))) {
        throw new Error(`${where}: province_figures_2016_2025.csv does not restate this work-report figure (${value} ${yoy})`);
      }
    } else if (!fromCities) {
      statements.push({
        jurisdiction: r.province_code!,
        indicator: 'retail_sales',
        period: r.year!,
        value,
        asPublished: '',
        yoy_pct: yoy,
        source: r.source!,
        quote: '',
        remark: r.note!,
      });
    }
  }
  const database = new Map(figures.database.map((s) => [keyOf(s), s.value]));
  return { majorCities: majorCitiesRelease(citiesText, municipalityRows, zhengzhouRows, codeOfCity, database), statements, left_out };
}

/**
 * `database` holds the provincial database's levels by key: the municipalities' 2016–2024
 * figures are the same numbers there, and are published from there only.
 */
function majorCitiesRelease(
  citiesText: string,
  municipalityRows: readonly Row[],
  zhengzhouRows: readonly Row[],
  codeOfCity: CodeByName,
  database: ReadonlyMap<string, string>,
): Release {
  const table = parseNbsExport(citiesText, 'major36cities_retail_sales_2015_2024_NBS.csv');
  const byKey = new Map<string, Observation>();
  for (const [name, values] of table.byName) {
    const code = codeOfCity(name, '36-cities export');
    for (const [year, text] of values) {
      const value = plainNumber(text, `36 cities ${name} ${year}`);
      byKey.set(`${code}|${year}`, {
        jurisdiction: code,
        indicator: 'retail_sales',
        period: year,
        value,
        yoy_pct: '',
        // An empty cell of the export: NBS has no figure for that city and year.
        flag: value === '' ? 'na' : '',
        note: value === '' ? 'no figure in the NBS major-cities database' : '',
      });
    }
  }
  // The municipality rows of province_retail_sales_annual.csv come from the same export: they must agree.
  for (const r of municipalityRows) {
    const o = byKey.get(`${r.province_code}|${r.year}`);
    const value = plainNumber(r.retail_sales_yi_yuan!, `retail ${r.province_code} ${r.year}`);
    if (!o || o.value !== value) throw new Error(`retail ${r.province_code} ${r.year}: ${value} differs from the 36-cities export (${o?.value})`);
  }
  for (const [key, o] of byKey) {
    const same = database.get(keyOf(o));
    if (same === undefined) continue;
    if (same !== o.value) throw new Error(`retail ${keyOf(o)}: the 36-cities export has ${o.value}, the provincial database ${same}`);
    byKey.delete(key);
  }
  // Zhengzhou's NBS rows in henan_city_indicators.csv are the same export again: check agreement.
  for (const z of zhengzhouRows) {
    if (z.indicator !== 'retail_sales_consumer_goods' || !z.source!.startsWith(MAJOR_CITIES_SOURCE_PREFIX)) continue;
    const o = byKey.get(`${z.city_code}|${z.year}`);
    if (!o || o.value !== plainNumber(z.value!, 'zhengzhou')) throw new Error(`Zhengzhou ${z.year}: henan_city_indicators.csv disagrees with the 36-cities export`);
  }
  const source = municipalityRows[0]?.source?.split(' | ')[0] ?? 'NBS 主要城市年度数据';
  return {
    id: 'nbs-major-cities-retail-2015-2024',
    published_at: NBS_DATABASE_2024_BY,
    title: '主要城市年度数据：社会消费品零售总额（36个大中城市，2015—2024年）',
    title_en: 'Retail sales of 36 major cities, 2015-2024 (NBS major-cities annual database)',
    source: `国家统计局 主要城市年度数据 (data.stats.gov.cn), via ${source}`,
    notes: [
      'Levels in 亿元 as in the NBS major-cities database. Beijing, Tianjin, Shanghai and Chongqing are province-level units: their 2016–2024 levels, the same numbers, are published from the provincial database (nbs-province-retail-2016-2024), and only their 2015 level is here, under their province codes. The database reflects later revisions and changes of coverage (jumps such as Shijiazhuang 2018→2019), so consecutive levels are not on a comparable basis: never compute growth from them. Empty cells of the export are kept as flag na.',
      'published_at approximate: the export date is not recorded; all figures were public by the end of 2025.',
    ].join(' | '),
    rows: [...byKey.values()],
  };
}

// ---------------------------------------------------------------------------------------------
// Zhengzhou's own report (commerce work conference, March 2024).

export function zhengzhouRelease(rows: readonly Row[], left_out: string[]): Release {
  const article = 'https://henan.sina.com.cn/news/2024-03-07/detail-inamnaas8172222.shtml';
  const out: Observation[] = [];
  for (const r of rows) {
    const where = `Zhengzhou ${r.indicator} ${r.year}`;
    if (r.source!.startsWith(MAJOR_CITIES_SOURCE_PREFIX)) continue; // in the major-cities release
    if (r.value_type === 'derived') {
      left_out.push(`${where}: growth derived by the collector from a comparison, not published (${r.note})`);
      continue;
    }
    if (r.source !== article) throw new Error(`${where}: unexpected source ${r.source}`);
    if (r.indicator === 'fdi_actually_utilized') {
      left_out.push(`${where}: a single FDI figure (${r.value} ${r.unit}, commerce-department caliber); no fdi indicator in this dataset yet`);
      continue;
    }
    const indicator = r.indicator === 'retail_sales_consumer_goods' ? 'retail_sales' : r.indicator === 'goods_trade_total' ? 'trade_total' : '';
    if (indicator === '') throw new Error(`${where}: unknown indicator`);
    out.push({
      jurisdiction: r.city_code!,
      indicator,
      period: r.year!,
      value: plainNumber(r.value!, where),
      yoy_pct: plainNumber(r.yoy_pct ?? '', where),
      flag: '',
      note: r.note!,
    });
  }
  return {
    id: 'zhengzhou-commerce-conference-2024',
    published_at: approximate('2024-03-07'),
    title: '郑州市商务工作会议：2023年主要指标',
    title_en: 'Zhengzhou commerce work conference: 2023 figures',
    source: `正观新闻 via 新浪河南, ${article}`,
    notes: [
      'Figures as reported at the conference (first published, rounded to 1亿元 for retail sales). The NBS major-cities database later gives 5623.1 for retail sales 2023, without a growth rate.',
      'published_at approximate: the date of the article.',
    ].join(' | '),
    rows: out,
  };
}

// ---------------------------------------------------------------------------------------------
// National monthly year-to-date retail sales and online retail, one release per NBS release.

const MONTHLY_INDICATORS: Readonly<Record<string, string>> = {
  retail_sales_consumer_goods_ytd: 'retail_sales',
  online_retail_sales_ytd: 'online_retail',
};

const MONTHLY_BOILERPLATE =
  'YTD value as first published; NBS later revises annual levels (e.g. in yearbooks), so year-on-year ratios of these levels need not equal the published growth rate';

export function nationalMonthlyReleases(rows: readonly Row[]): Release[] {
  const byPeriod = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byPeriod.get(r.period!) ?? [];
    list.push(r);
    byPeriod.set(r.period!, list);
  }
  const releases: Release[] = [];
  for (const [period, list] of byPeriod) {
    const sources = new Set(list.map((r) => r.source!));
    if (sources.size !== 1) throw new Error(`national monthly ${period}: rows cite different sources`);
    const source = [...sources][0]!;
    const { published_at, dateNote } = monthlyPublishedAt(period, source);
    const month = Number(period.slice(5));
    const span = month === 2 ? '1—2月' : `1—${month}月`;
    const rowNotes = new Set(list.map((r) => specificNote(r.note!)));
    releases.push({
      id: `nbs-national-retail-${period}`,
      published_at,
      title: `${period.slice(0, 4)}年${span}全国社会消费品零售总额、网上零售额`,
      title_en: `National retail sales and online retail, ${period.slice(0, 4)} Jan-${monthName(month)}`,
      source: source.startsWith('http') ? `国家统计局月度发布 (NBS monthly release), copy at ${source}` : `国家统计局月度发布 (NBS monthly release); ${source}`,
      notes: [MONTHLY_BOILERPLATE + '.', ...[...rowNotes].filter((n) => n !== ''), dateNote].join(' | '),
      rows: list.map((r): Observation => {
        const indicator = MONTHLY_INDICATORS[r.indicator!];
        if (!indicator) throw new Error(`national monthly ${period}: unknown indicator ${r.indicator}`);
        return {
          jurisdiction: '100000',
          indicator,
          period,
          value: plainNumber(r.value_yi_yuan!, `national ${r.indicator} ${period}`),
          yoy_pct: plainNumber(r.yoy_pct!, `national ${r.indicator} ${period}`),
          flag: '',
          note: '',
        };
      }),
    });
  }
  return releases;
}

/** The collector's note without the sentence every row repeats. */
function specificNote(note: string): string {
  return note
    .split(' | ')
    .filter((p) => p.trim() !== MONTHLY_BOILERPLATE)
    .join(' | ');
}

function monthlyPublishedAt(period: string, source: string): { published_at: string; dateNote: string } {
  const day = NBS_MONTHLY_RELEASE_DAYS[period];
  if (!day) {
    // Not in our calendar: NBS releases in the following month, so its last day is safe.
    return { published_at: approximate(endOfFollowingMonth(period)), dateNote: 'published_at approximate: NBS releases these figures in the following month; the last day of that month is used.' };
  }
  if (day > endOfFollowingMonth(period) || day <= `${period}-31`) throw new Error(`national monthly ${period}: release day ${day} is not in the following months`);
  for (const dated of datesInAddress(source)) {
    if (dated < day) throw new Error(`national monthly ${period}: the copy at ${source} is dated ${dated}, before the release day ${day}`);
  }
  return { published_at: atReleaseTime(day), dateNote: `published_at: NBS release day ${day}.` };
}

function monthName(month: number): string {
  return ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]!;
}

/** Rows sorted the way every observations file is written. */
export function sortObservations(rows: Observation[]): Observation[] {
  return sortRows(rows, (r) => r.jurisdiction, (r) => r.indicator, (r) => r.period);
}
