/**
 * The demo's indicators: what indicators.csv says about each, and the knobs of the synthetic
 * model behind it. Province magnitudes follow the published order of magnitude for Henan
 * (../shared/data/stats: retail sales ≈ 2.6–2.8 万亿元, goods trade ≈ 8,100–8,200 亿元,
 * Zhengzhou ≈ 21.5 % of retail and ≈ 2/3 of trade); everything else is invented.
 */
import type { Kind, Unit, TargetType } from '../../src/lib/schema.ts';
import type { UnitKind } from './units.ts';

export const DEMO_YEARS = [2023, 2024, 2025] as const;
/** The model also needs the year before the first, for the published growth of 2023. */
export const BASE_YEAR = 2022;

/** How a city's figure is shared out among its children, and the province's among cities. */
export type Profile = 'consumption' | 'online' | 'trade' | 'investment';

export interface DemoIndicator {
  id: string;
  nameZh: string;
  nameEn: string;
  unit: Unit;
  kind: Kind;
  higherIsBetter: boolean;
  additive: boolean;
  decimals: number;
  visibility: 'public' | 'internal';
  category: string;
  definitionZh: string;
  definitionEn: string;

  /** Decimals written to the CSV (more than shown, as bureaus publish). */
  fileDecimals: number;
  /** Integer flows (counts of firms). */
  integer: boolean;
  /** Province value of the base year (annual total; for a rate, the December YTD rate). */
  base: number;
  /** Province growth actually realised, by year (fraction). For a rate: the rate's own path. */
  growth: Readonly<Record<number, number>>;
  /** The growth planned at the start of each year: what targets are set from (fraction). */
  planned: Readonly<Record<number, number>>;
  /** Monthly weights January..December (any scale); Jan and Feb are published together. */
  season: readonly number[];
  /** Multiplicative noise on each month's flow (lognormal sigma). */
  monthNoise: number;
  /** Spread of a city's growth around the province's, in fractions (counties get 1.5×). */
  growthSpread: number;
  /** Noise between the published comparable-basis growth and the ratio of levels (pp). */
  yoyNoise: number;
  profile: Profile;
  /** Which units report it below the province. */
  reportedBy: readonly UnitKind[];
  /** Target of a city (and county) for this indicator, if any. */
  target: { type: Extract<TargetType, 'level' | 'growth'>; qualifiers: readonly string[] } | null;
}

const COUNTY_KINDS: readonly UnitKind[] = ['prefecture', 'district', 'county', 'county_city'];
const ALL_KINDS: readonly UnitKind[] = [...COUNTY_KINDS, 'special'];

// Monthly profiles. Retail: the national 2019 year-to-date series (1–2月 16 % of the year,
// December the largest month). Online: 618 in June, 双11 in November. Trade: a slow start after
// the Spring Festival and a strong fourth quarter. FDI: lumpy, at quarter ends and in December.
const SEASON_RETAIL = [8.3, 7.7, 7.7, 7.4, 8.0, 8.2, 8.1, 8.2, 8.4, 9.3, 9.2, 9.5];
const SEASON_ONLINE = [6.8, 6.4, 7.8, 7.6, 8.2, 9.4, 7.6, 7.8, 8.2, 8.9, 11.5, 9.8];
const SEASON_TRADE = [7.8, 6.7, 8.3, 8.0, 8.3, 8.4, 8.4, 8.5, 8.9, 8.0, 8.9, 9.8];
const SEASON_FDI = [6, 6, 10, 6, 7, 12, 6, 6, 10, 6, 9, 16];
const SEASON_EVEN = [7, 6, 8, 8, 8, 8.5, 8, 8, 8.5, 8.5, 9, 12.5];
const SEASON_CAPITAL = [7.5, 6.5, 9, 8, 8, 9.5, 7.5, 7.5, 8.5, 7.5, 8, 12.5];
const SEASON_SIGNING = [5, 5, 12, 9, 10, 9, 6, 6, 10, 8, 8, 12];

export const DEMO_INDICATORS: readonly DemoIndicator[] = [
  {
    id: 'retail_sales', nameZh: '社会消费品零售总额', nameEn: 'Total retail sales of consumer goods',
    unit: '亿元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 1, visibility: 'public', category: 'consumption',
    definitionZh: '示例数据（合成）。企业（单位、个体户）通过交易售给个人、社会集团非生产、非经营用的实物商品金额，以及提供餐饮服务所取得的收入金额，年初至当月累计。',
    definitionEn: 'Synthetic demo data. Sales of physical goods to households and institutions for non-productive use, plus catering revenue; cumulative from January.',
    fileDecimals: 2, integer: false, base: 24407, growth: { 2023: 0.065, 2024: 0.061, 2025: 0.058 }, planned: { 2023: 0.07, 2024: 0.065, 2025: 0.06 },
    season: SEASON_RETAIL, monthNoise: 0.02, growthSpread: 0.015, yoyNoise: 0.3, profile: 'consumption', reportedBy: COUNTY_KINDS,
    target: { type: 'growth', qualifiers: ['以上', '左右', '以上'] },
  },
  {
    id: 'online_retail', nameZh: '网络零售额', nameEn: 'Online retail sales',
    unit: '亿元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 1, visibility: 'public', category: 'consumption',
    definitionZh: '示例数据（合成）。通过公共网络交易平台实现的商品和服务零售额，年初至当月累计。',
    definitionEn: 'Synthetic demo data. Retail sales of goods and services through public online platforms; cumulative from January.',
    fileDecimals: 2, integer: false, base: 3700, growth: { 2023: 0.118, 2024: 0.086, 2025: 0.079 }, planned: { 2023: 0.12, 2024: 0.1, 2025: 0.09 },
    season: SEASON_ONLINE, monthNoise: 0.05, growthSpread: 0.05, yoyNoise: 0.6, profile: 'online', reportedBy: COUNTY_KINDS,
    target: { type: 'level', qualifiers: ['以上', '力争'] },
  },
  {
    id: 'trade_total', nameZh: '货物进出口总额', nameEn: 'Total imports and exports of goods',
    unit: '亿元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 1, visibility: 'public', category: 'trade',
    definitionZh: '示例数据（合成）。海关统计的货物进口与出口金额之和（人民币计），年初至当月累计。',
    definitionEn: 'Synthetic demo data. Goods imports plus exports as recorded by customs, in yuan; cumulative from January.',
    fileDecimals: 2, integer: false, base: 8470.8, growth: { 2023: -0.043, 2024: 0.012, 2025: 0.061 }, planned: { 2023: 0.03, 2024: 0.03, 2025: 0.04 },
    season: SEASON_TRADE, monthNoise: 0.08, growthSpread: 0.08, yoyNoise: 0.8, profile: 'trade', reportedBy: ALL_KINDS,
    target: { type: 'growth', qualifiers: ['以上', '力争', '左右'] },
  },
  {
    id: 'export', nameZh: '出口总额', nameEn: 'Exports of goods',
    unit: '亿元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 1, visibility: 'public', category: 'trade',
    definitionZh: '示例数据（合成）。海关统计的货物出口金额（人民币计），年初至当月累计。',
    definitionEn: 'Synthetic demo data. Goods exports as recorded by customs, in yuan; cumulative from January.',
    fileDecimals: 2, integer: false, base: 5250, growth: { 2023: -0.012, 2024: 0.034, 2025: 0.066 }, planned: { 2023: 0.04, 2024: 0.04, 2025: 0.05 },
    season: SEASON_TRADE, monthNoise: 0.09, growthSpread: 0.09, yoyNoise: 0.8, profile: 'trade', reportedBy: ALL_KINDS,
    target: { type: 'growth', qualifiers: ['以上', '左右'] },
  },
  {
    id: 'fdi_actual', nameZh: '实际使用外资', nameEn: 'Foreign direct investment actually used',
    unit: '万美元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 0, visibility: 'public', category: 'investment',
    definitionZh: '示例数据（合成）。外商投资企业实际到位的外方资金（商务部口径，美元计），年初至当月累计。',
    definitionEn: 'Synthetic demo data. Foreign capital actually received by foreign-invested enterprises (MOFCOM basis, US dollars); cumulative from January.',
    fileDecimals: 0, integer: true, base: 95000, growth: { 2023: -0.22, 2024: -0.1, 2025: 0.08 }, planned: { 2023: 0.05, 2024: 0.03, 2025: 0.03 },
    season: SEASON_FDI, monthNoise: 0.3, growthSpread: 0.15, yoyNoise: 2, profile: 'investment', reportedBy: ALL_KINDS,
    target: { type: 'level', qualifiers: ['以上'] },
  },
  {
    id: 'fdi_new_firms', nameZh: '新设外商投资企业', nameEn: 'Newly established foreign-invested enterprises',
    unit: '家', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 0, visibility: 'public', category: 'investment',
    definitionZh: '示例数据（合成）。新设立的外商投资企业数，年初至当月累计。',
    definitionEn: 'Synthetic demo data. Number of foreign-invested enterprises newly established; cumulative from January.',
    fileDecimals: 0, integer: true, base: 420, growth: { 2023: 0.15, 2024: 0.08, 2025: 0.05 }, planned: { 2023: 0.1, 2024: 0.08, 2025: 0.06 },
    season: SEASON_EVEN, monthNoise: 0.25, growthSpread: 0.2, yoyNoise: 0, profile: 'investment', reportedBy: ALL_KINDS,
    target: { type: 'level', qualifiers: ['以上'] },
  },
  {
    id: 'new_above_quota_firms', nameZh: '新增限额以上批零住餐企业', nameEn: 'New above-quota wholesale, retail, hotel and catering enterprises',
    unit: '家', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 0, visibility: 'public', category: 'consumption',
    definitionZh: '示例数据（合成）。新纳入统计的限额以上批发、零售、住宿、餐饮企业数，年初至当月累计。',
    definitionEn: 'Synthetic demo data. Wholesale, retail, hotel and catering enterprises above the statistical size threshold newly added to the register; cumulative from January.',
    fileDecimals: 0, integer: true, base: 5200, growth: { 2023: 0.1, 2024: 0.05, 2025: 0.03 }, planned: { 2023: 0.08, 2024: 0.06, 2025: 0.05 },
    season: SEASON_EVEN, monthNoise: 0.2, growthSpread: 0.15, yoyNoise: 0, profile: 'consumption', reportedBy: COUNTY_KINDS,
    target: { type: 'level', qualifiers: ['以上'] },
  },
  {
    id: 'domestic_capital', nameZh: '实际到位省外资金', nameEn: 'Out-of-province domestic capital actually received',
    unit: '亿元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 1, visibility: 'public', category: 'investment',
    definitionZh: '示例数据（合成）。省外境内投资者投资项目实际到位资金，年初至当月累计。',
    definitionEn: 'Synthetic demo data. Capital from investors in other provinces actually received by projects; cumulative from January.',
    fileDecimals: 2, integer: false, base: 10300, growth: { 2023: 0.035, 2024: 0.03, 2025: 0.041 }, planned: { 2023: 0.05, 2024: 0.05, 2025: 0.045 },
    season: SEASON_CAPITAL, monthNoise: 0.05, growthSpread: 0.04, yoyNoise: 0.4, profile: 'investment', reportedBy: ALL_KINDS,
    target: { type: 'growth', qualifiers: ['力争', '以上'] },
  },
  {
    id: 'loss_making_share', nameZh: '限额以上批零住餐企业亏损面', nameEn: 'Share of loss-making above-quota trade and catering enterprises',
    unit: '%', kind: 'rate', higherIsBetter: false, additive: false, decimals: 1, visibility: 'public', category: 'consumption',
    definitionZh: '示例数据（合成）。年初至当月累计亏损的限额以上批零住餐企业数占全部限上企业数的比重。越低越好。',
    definitionEn: 'Synthetic demo data. Loss-making above-quota wholesale, retail, hotel and catering enterprises as a share of all of them, year to date. Lower is better.',
    fileDecimals: 1, integer: false, base: 19.0, growth: { 2023: 18.2, 2024: 17.6, 2025: 17.1 }, planned: { 2023: 17.5, 2024: 17.0, 2025: 16.5 },
    season: SEASON_EVEN, monthNoise: 0.04, growthSpread: 0.18, yoyNoise: 0, profile: 'consumption', reportedBy: COUNTY_KINDS,
    target: { type: 'level', qualifiers: ['以内'] },
  },
  {
    id: 'signed_project_investment', nameZh: '新签约招商项目投资额', nameEn: 'Investment of newly signed projects',
    unit: '亿元', kind: 'ytd_flow', higherIsBetter: true, additive: true, decimals: 1, visibility: 'internal', category: 'investment',
    definitionZh: '示例数据（合成）。内部调度指标，不对外公开：新签约招商引资项目的合同投资额，年初至当月累计。',
    definitionEn: 'Synthetic demo data. Internal scheduling figure, never published: contract investment of newly signed projects; cumulative from January.',
    fileDecimals: 2, integer: false, base: 8800, growth: { 2023: 0.05, 2024: 0.04, 2025: 0.06 }, planned: { 2023: 0.08, 2024: 0.06, 2025: 0.06 },
    season: SEASON_SIGNING, monthNoise: 0.3, growthSpread: 0.1, yoyNoise: 1, profile: 'investment', reportedBy: ['prefecture'],
    target: { type: 'level', qualifiers: ['以上'] },
  },
];

export function indicatorRow(ind: DemoIndicator): Record<string, string> {
  return {
    id: ind.id,
    name_zh: ind.nameZh,
    name_en: ind.nameEn,
    unit: ind.unit,
    kind: ind.kind,
    higher_is_better: String(ind.higherIsBetter),
    additive: String(ind.additive),
    allow_negative: 'false',
    decimals: String(ind.decimals),
    visibility: ind.visibility,
    category: ind.category,
    definition_zh: ind.definitionZh,
    definition_en: ind.definitionEn,
    source: 'synthetic: scripts/make-demo-data.ts（示例数据，合成，非官方统计）',
  };
}

// City shares of the province, in per cent before normalising. Rough orders of magnitude in
// the spirit of published city figures; synthetic. 济源 is small in consumption but a large
// metals exporter; Zhengzhou dominates trade (the airport zone's electronics).
const CITY_SHARES: Readonly<Record<string, Readonly<Record<Exclude<Profile, 'online'>, number>>>> = {
  '410100': { consumption: 23.2, trade: 67, investment: 28 },
  '410200': { consumption: 4.3, trade: 1.3, investment: 4 },
  '410300': { consumption: 10.2, trade: 4.0, investment: 8 },
  '410400': { consumption: 4.6, trade: 1.0, investment: 4 },
  '410500': { consumption: 4.5, trade: 1.3, investment: 4 },
  '410600': { consumption: 1.5, trade: 0.8, investment: 2 },
  '410700': { consumption: 5.2, trade: 2.2, investment: 5 },
  '410800': { consumption: 3.3, trade: 2.5, investment: 3.5 },
  '410900': { consumption: 2.9, trade: 0.8, investment: 3 },
  '411000': { consumption: 4.8, trade: 3.2, investment: 5 },
  '411100': { consumption: 2.7, trade: 0.9, investment: 3 },
  '411200': { consumption: 2.2, trade: 1.8, investment: 2.5 },
  '411300': { consumption: 9.0, trade: 2.6, investment: 6 },
  '411400': { consumption: 6.5, trade: 1.3, investment: 5 },
  '411500': { consumption: 5.5, trade: 1.0, investment: 4.5 },
  '411600': { consumption: 6.6, trade: 1.4, investment: 5 },
  '411700': { consumption: 5.5, trade: 0.8, investment: 4.5 },
  '419001': { consumption: 0.9, trade: 3.5, investment: 1.5 },
};

/** A city's share weight (unnormalised) for a profile. */
export function cityShare(code: string, profile: Profile): number {
  const shares = CITY_SHARES[code];
  if (!shares) throw new Error(`no share for city ${code}`);
  // Online retail concentrates in the capital more than retail does.
  if (profile === 'online') return code === '410100' ? shares.consumption * 1.8 : shares.consumption;
  return shares[profile];
}

/** How much more a kind of child weighs, per profile, before random spread. */
export function childKindFactor(kind: UnitKind, profile: Profile): number {
  if (kind === 'special') return profile === 'trade' ? 2.0 : 1.6;
  if (kind === 'district') return profile === 'trade' ? 0.8 : 1.3;
  if (kind === 'county_city') return 1.3;
  return 1;
}

/** Units whose weight the random spread would misstate badly: the airport zone's electronics. */
export const CHILD_WEIGHT_OVERRIDES: Readonly<Record<string, Partial<Record<Profile, number>>>> = {
  '410173': { trade: 14, investment: 3 },
};
