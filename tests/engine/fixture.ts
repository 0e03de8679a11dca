/**
 * A small, deterministic public-data directory exactly as src/engine/tables.ts describes it
 * (same files, same columns in the same order, header row, '' = NULL), shaped like the data
 * build's output and the schema (levels, flags c/na without a value, units from UNITS), so
 * every catalog query has something to compute. It exercises what the engines must agree on:
 *   - NULL in every column type; CJK text; quotes, commas and a line break inside fields;
 *   - a parent (410000) with prefectures, a special unit, a code that expired and one that
 *     starts mid-year (validity at the period), a second province with its own child;
 *   - monthly year-to-date periods starting at -02, annual periods, two years (seasonal pace
 *     needs last year's months and total);
 *   - USD indicators with a rate for 2023 and none for 2024 (conversion and 'no_rate');
 *   - GDP, trade and population for the derived figures; a lower-is-better rate;
 *   - revised figures (two vintages), ties for competition ranks, negative growth;
 *   - level and growth targets with qualifiers;
 *   - a projects ledger (every stage, dollars, a stage that went back, internal rows).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PUBLIC_TABLES } from '../../src/engine/tables.ts';

type Value = string | number | boolean | null;

function csvField(v: Value): string {
  if (v === null) return '';
  const s = typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function csv(table: string, rows: Value[][]): string {
  const t = PUBLIC_TABLES.find((x) => x.name === table);
  if (!t) throw new Error(`unknown table ${table}`);
  const header = Object.keys(t.columns);
  for (const r of rows) if (r.length !== header.length) throw new Error(`${table}: row has ${r.length} fields, want ${header.length}`);
  return [header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';
}

/** mulberry32: the fixture is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export const FIXTURE = {
  country: '100000',
  parent: '410000',
  provinces: ['410000', '420000', '430000'],
  prefectures: ['410100', '410200', '410300', '410400', '410500', '419001'],
} as const;

interface IndicatorSpec {
  id: string;
  zh: string;
  en: string;
  unit: string;
  kind: 'ytd_flow' | 'stock' | 'rate' | 'count';
  higherIsBetter: boolean;
  additive: boolean;
  decimals: number;
  category: string;
  /** Periods it is published for, per year. */
  periods: (year: number) => string[];
  /** Annual size for a jurisdiction weight 1. */
  size: number;
}

const monthly = (year: number) =>
  (year === 2023 ? [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [2, 3, 4, 5, 6]).map((m) => `${year}-${String(m).padStart(2, '0')}`);

const INDICATORS: IndicatorSpec[] = [
  { id: 'retail_sales', zh: '社会消费品零售总额', en: 'Retail sales of consumer goods', unit: '亿元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 1, category: 'consumption', periods: (y) => [...monthly(y), ...(y === 2023 ? ['2023'] : [])], size: 4000 },
  { id: 'fdi_actual', zh: '实际使用外资', en: 'Foreign direct investment, actual use', unit: '万美元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 0, category: 'investment', periods: (y) => [...monthly(y), ...(y === 2023 ? ['2023'] : [])], size: 90000 },
  { id: 'trade_total', zh: '进出口总额', en: 'Imports and exports', unit: '亿美元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 2, category: 'trade', periods: (y) => [...monthly(y), ...(y === 2023 ? ['2023'] : [])], size: 120 },
  { id: 'gdp', zh: '地区生产总值', en: 'Gross domestic product', unit: '亿元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 1, category: 'economy', periods: (y) => (y === 2023 ? ['2023-03', '2023-06', '2023-09', '2023'] : ['2024-03', '2024-06']), size: 9000 },
  { id: 'population', zh: '常住人口', en: 'Resident population', unit: '万人', kind: 'stock', higherIsBetter: true, additive: true, decimals: 1, category: 'economy', periods: (y) => (y === 2023 ? ['2023'] : []), size: 800 },
  { id: 'unemployment', zh: '城镇调查失业率', en: 'Surveyed urban unemployment rate', unit: '%', kind: 'rate', higherIsBetter: false, additive: false, decimals: 1, category: 'economy', periods: monthly, size: 5 },
  { id: 'ecommerce_firms', zh: '电商企业数', en: 'E-commerce enterprises', unit: '家', kind: 'count', higherIsBetter: true, additive: true, decimals: 0, category: 'consumption', periods: (y) => [`${y}-06`], size: 300 },
];

export async function writeEngineFixture(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const rand = prng(20240615);
  const { country } = FIXTURE;

  const jurisdictions: Value[][] = [
    [country, null, 'country', '全国', 'China', null, null],
    ['410000', country, 'province', '河南省', 'Henan', null, null],
    ['420000', country, 'province', '湖北省', 'Hubei', null, null],
    ['430000', country, 'province', '湖南省', 'Hunan, "the south"', '1949-10-01', null],
    ['410100', '410000', 'prefecture', '郑州市', 'Zhengzhou', null, null],
    ['410200', '410000', 'prefecture', '开封市', 'Kaifeng', null, null],
    ['410300', '410000', 'prefecture', '洛阳市', 'Luoyang', null, null],
    ['410400', '410000', 'prefecture', '平顶山市', 'Pingdingshan', null, '2023-12-31'], // expired
    ['410500', '410000', 'prefecture', '安阳市', '', '2024-03-01', null], // starts mid-2024, no English name
    ['419001', '410000', 'special', '济源示范区', 'Jiyuan Demonstration Zone', '2017-01-01', null],
    ['420100', '420000', 'prefecture', '武汉市', 'Wuhan', null, null],
  ];
  const weight: Record<string, number> = {
    [country]: 20, '410000': 6, '420000': 5, '430000': 4.5,
    '410100': 1.6, '410200': 0.5, '410300': 0.7, '410400': 0.4, '410500': 0.45, '419001': 0.1, '420100': 2,
  };
  const valid = (code: string, period: string) => {
    const j = jurisdictions.find((r) => r[0] === code)!;
    const year = Number(period.slice(0, 4));
    const month = period.length === 7 ? Number(period.slice(5)) : 12;
    const end = `${year}-${String(month).padStart(2, '0')}-28`;
    return (j[5] === null || (j[5] as string) <= end) && (j[6] === null || (j[6] as string) >= `${year}-${String(month).padStart(2, '0')}-01`);
  };

  const indicatorRows: Value[][] = INDICATORS.map((i) => [
    i.id, i.zh, i.en, i.unit, i.kind, i.higherIsBetter, i.additive, i.kind === 'rate', i.decimals, i.category,
    i.id === 'retail_sales' ? '累计值，含"限额以下"单位' : `${i.zh}的定义`,
    i.id === 'retail_sales' ? 'Year to date, incl. "below quota" units, in 亿元' : null,
    i.id === 'unemployment' ? '国家统计局\n调查总队' : '国家统计局',
  ]);

  const releases: Value[][] = [
    ['2024-01', '2024-01-20T02:00:00Z', '2023年数据', 'Data for 2023', '国家统计局', null],
    ['2024-07', '2024-07-15T02:00:00Z', '2024年1-6月数据', null, '国家统计局', 'first release, "preliminary"'],
    ['2024-08', '2024-08-15T02:00:00Z', '2024年1-6月数据（修订）', null, '国家统计局', '修订'],
  ];

  const observations: Value[][] = [];
  const vintages: Value[][] = [];
  const flagFor = () => {
    const x = rand();
    return x < 0.05 ? 'c' : x < 0.08 ? 'na' : x < 0.16 ? 'p' : x < 0.2 ? 'e' : null;
  };
  for (const ind of INDICATORS) {
    for (const year of [2023, 2024]) {
      for (const period of ind.periods(year)) {
        const month = period.length === 7 ? Number(period.slice(5)) : null;
        const share = ind.kind === 'ytd_flow' ? (month ?? 12) / 12 : 1;
        for (const j of jurisdictions.map((r) => r[0] as string)) {
          if (!valid(j, period)) continue;
          if (ind.id === 'ecommerce_firms' && j === country) continue; // a parent without a figure
          let flag = flagFor();
          if (j === country || j === '410000') flag = null; // parents always publish
          const noise = 0.9 + rand() * 0.2 + (year === 2024 ? 0.05 : 0);
          let value: number | null =
            ind.kind === 'rate' ? round(ind.size * (0.8 + rand() * 0.5), 1) : round(ind.size * weight[j]! * share * noise, ind.decimals);
          // A tie for competition ranks (1,2,2,4) among Henan's prefectures.
          if (ind.id === 'retail_sales' && period === '2024-06' && (j === '410200' || j === '410300')) {
            value = 1111.1;
            flag = null;
          }
          if (flag === 'c' || flag === 'na') value = null;
          const yoy = value === null || rand() < 0.1 ? null : round(rand() * 16 - 4, 2);
          const note = rand() < 0.08 ? '口径调整, 详见"说明"' : null;
          const release = year === 2023 ? '2024-01' : '2024-07';
          const row: Value[] = [j, ind.id, period, year, month, value, yoy, flag, note, release];
          if (year === 2024 && month === 6 && value !== null && rand() < 0.3) {
            const newer: Value[] = [j, ind.id, period, year, month, round(value * 1.01, ind.decimals), yoy, 'r', note, '2024-08'];
            observations.push(newer);
            vintages.push([...row, 1, false], [...newer, 2, true]);
          } else {
            observations.push(row);
            vintages.push([...row, 1, true]);
          }
        }
      }
    }
  }

  const targets: Value[][] = [];
  const qualifiers = [null, '以上', '左右', '力争'];
  for (const j of ['100000', '410000', '420000', '430000', '410100', '410200', '410300', '410500', '419001', '420100']) {
    const qualifier = qualifiers[Math.floor(rand() * 4)] ?? null;
    targets.push([j, 'retail_sales', 2024, 'level', round(4000 * weight[j]! * 1.07, 1), null, qualifier, qualifier === '左右' ? 0.5 : null, '政府工作报告', null]);
    targets.push([j, 'fdi_actual', 2024, 'growth', round(rand() * 8, 1), null, '以上', null, '政府工作报告', null]);
    targets.push([j, 'unemployment', 2024, 'level', 5.5, null, '以内', null, '政府工作报告', j === '410000' ? '控制在5.5%以内, "约束性"' : null]);
  }
  targets.push(['410100', 'trade_total', 2024, 'growth', -2.5, null, '力争', null, '计划', '负增长目标仅用于测试']);
  targets.push(['420000', 'trade_total', 2024, 'growth', 5, 5.5, '区间', null, '政府工作报告', null]);
  targets.push(['430000', 'trade_total', 2024, 'qualitative', null, null, null, null, '政府工作报告', '稳中提质']);
  targets.push(['410000', 'trade_total', 2024, 'none', null, null, null, null, '政府工作报告', null]);

  const rates: Value[][] = [
    [2023, 'USD', 7.0467, '中国人民银行'],
    [2024, 'EUR', 7.8, null],
  ];

  // The projects ledger: each stage, dollars converted at 2023's rate (2024 has none), funds
  // above the amount, a stage that went back, NULL in every nullable column, quotes and a line
  // break in text, a project under a county-less city and one under the second province.
  const projects: Value[][] = [];
  const ledger: { id: string; j: string; origin: string; unit: string | null; amount: number | null; signed: string | null; start: string | null; stages: Record<string, string> }[] = [
    { id: 'P-ZZ-1', j: '410100', origin: 'local', unit: '万元', amount: 20000, signed: '2024-02-10', start: '2024-05-20', stages: { '2023-12': 'negotiating', '2024-03': 'signed', '2024-06': 'started' } },
    { id: 'P-ZZ-2', j: '410100', origin: 'foreign', unit: '万美元', amount: 3000, signed: '2024-01-15', start: null, stages: { '2024-03': 'signed', '2024-06': 'signed' } },
    { id: 'P-KF-1', j: '410200', origin: 'other_province', unit: '亿元', amount: 1, signed: '2024-03-01', start: '2024-03-20', stages: { '2024-03': 'started', '2024-06': 'operating' } },
    { id: 'P-LY-1', j: '410300', origin: 'local', unit: '万元', amount: 5000, signed: '2024-03-05', start: null, stages: { '2024-03': 'signed', '2024-06': 'negotiating' } },
    { id: 'P-AY-1', j: '410500', origin: 'local', unit: null, amount: null, signed: null, start: null, stages: { '2024-03': 'planned', '2024-06': 'planned' } },
    { id: 'P-WH-1', j: '420100', origin: 'foreign', unit: '美元', amount: 2_500_000, signed: '2023-11-30', start: '2024-04-01', stages: { '2023-12': 'signed', '2024-03': 'signed', '2024-06': 'started' } },
  ];
  for (const p of ledger) {
    for (const [period, stage] of Object.entries(p.stages)) {
      const [year, month] = period.split('-').map(Number) as [number, number];
      const signedBy = p.signed !== null && p.signed <= `${period}-31`;
      const started = stage === 'started' || stage === 'operating';
      const funds = p.amount === null || !signedBy ? null : round(p.amount * (month / 12) * (p.id === 'P-KF-1' ? 2 : 1), 2);
      projects.push([
        p.id, period, year, month, `${p.j === '420100' ? '武汉' : '河南'}项目 ${p.id}`, p.id === 'P-ZZ-2' ? null : `Project "${p.id}", phase 1`,
        p.j, p.id === 'P-AY-1' ? null : '先进制造业\n（含配套）', p.origin, stage, signedBy ? p.amount : null, funds, signedBy ? p.unit : null,
        signedBy ? p.signed : null, p.start === null ? null : '2024-04-01', started ? p.start : null,
        stage === 'planned' || stage === 'negotiating' ? 'internal' : 'public',
        p.id === 'P-LY-1' && stage === 'negotiating' ? '合同解除, "重新洽谈"' : null, '招商台账', null, period === '2023-12' ? '2024-01' : '2024-07',
      ]);
    }
  }

  const content: Record<string, string> = {
    jurisdictions: csv('jurisdictions', jurisdictions),
    indicators: csv('indicators', indicatorRows),
    releases: csv('releases', releases),
    observations: csv('observations', observations),
    observation_vintages: csv('observation_vintages', vintages),
    targets: csv('targets', targets),
    exchange_rates: csv('exchange_rates', rates),
    projects: csv('projects', projects),
  };
  for (const t of PUBLIC_TABLES) {
    const text = content[t.name];
    if (text === undefined) throw new Error(`fixture has no rows for table ${t.name}`);
    await writeFile(path.join(dir, t.file), text);
  }
  return dir;
}
