/**
 * jurisdictions.csv from the NBS 2023 division list (codes/divisions_2023.csv), plus the root,
 * the three province-level units the NBS list leaves out (they are on every map of China), and
 * English names we write ourselves.
 */
import type { Level } from '../../src/lib/schema.ts';
import type { Row } from './csv.ts';

export const ROOT_CODE = '100000';

export interface Jurisdiction {
  code: string;
  parent: string;
  level: Level;
  name_zh: string;
  name_en: string;
  valid_from: string;
  valid_to: string;
}

/** English names of the 31 provincial units covered by NBS statistics, by code. */
export const PROVINCE_NAMES_EN: Readonly<Record<string, string>> = {
  '110000': 'Beijing',
  '120000': 'Tianjin',
  '130000': 'Hebei',
  '140000': 'Shanxi',
  '150000': 'Inner Mongolia',
  '210000': 'Liaoning',
  '220000': 'Jilin',
  '230000': 'Heilongjiang',
  '310000': 'Shanghai',
  '320000': 'Jiangsu',
  '330000': 'Zhejiang',
  '340000': 'Anhui',
  '350000': 'Fujian',
  '360000': 'Jiangxi',
  '370000': 'Shandong',
  '410000': 'Henan',
  '420000': 'Hubei',
  '430000': 'Hunan',
  '440000': 'Guangdong',
  '450000': 'Guangxi',
  '460000': 'Hainan',
  '500000': 'Chongqing',
  '510000': 'Sichuan',
  '520000': 'Guizhou',
  '530000': 'Yunnan',
  // The romanisation official Chinese English usage has adopted since 2023.
  '540000': 'Xizang',
  '610000': 'Shaanxi',
  '620000': 'Gansu',
  '630000': 'Qinghai',
  '640000': 'Ningxia',
  '650000': 'Xinjiang',
};

/**
 * Province-level units outside the NBS statistical system (its tables say 不含港澳台) but drawn
 * on every map of China; the map needs them as jurisdictions so every feature id is known. Level
 * `special`: they are ranked apart, so that a province's rank is among the 31 the statistics
 * cover ("共31个"), not among 34 of which three never report.
 */
export const EXTRA_PROVINCES: readonly Jurisdiction[] = [
  { code: '710000', parent: ROOT_CODE, level: 'special', name_zh: '台湾省', name_en: 'Taiwan', valid_from: '', valid_to: '' },
  { code: '810000', parent: ROOT_CODE, level: 'special', name_zh: '香港特别行政区', name_en: 'Hong Kong', valid_from: '', valid_to: '' },
  { code: '820000', parent: ROOT_CODE, level: 'special', name_zh: '澳门特别行政区', name_en: 'Macao', valid_from: '', valid_to: '' },
];

/**
 * English names below province level: Henan's 18 prefecture-level units (the demo province),
 * and the other cities of the NBS 36-major-cities table, which have figures in the dataset.
 */
export const CITY_NAMES_EN: Readonly<Record<string, string>> = {
  '410100': 'Zhengzhou',
  '410200': 'Kaifeng',
  '410300': 'Luoyang',
  '410400': 'Pingdingshan',
  '410500': 'Anyang',
  '410600': 'Hebi',
  '410700': 'Xinxiang',
  '410800': 'Jiaozuo',
  '410900': 'Puyang',
  '411000': 'Xuchang',
  '411100': 'Luohe',
  '411200': 'Sanmenxia',
  '411300': 'Nanyang',
  '411400': 'Shangqiu',
  '411500': 'Xinyang',
  '411600': 'Zhoukou',
  '411700': 'Zhumadian',
  '419001': 'Jiyuan',
  '130100': 'Shijiazhuang',
  '140100': 'Taiyuan',
  '150100': 'Hohhot',
  '210100': 'Shenyang',
  '210200': 'Dalian',
  '220100': 'Changchun',
  '230100': 'Harbin',
  '320100': 'Nanjing',
  '330100': 'Hangzhou',
  '330200': 'Ningbo',
  '340100': 'Hefei',
  '350100': 'Fuzhou',
  '350200': 'Xiamen',
  '360100': 'Nanchang',
  '370100': 'Jinan',
  '370200': 'Qingdao',
  '420100': 'Wuhan',
  '430100': 'Changsha',
  '440100': 'Guangzhou',
  '440300': 'Shenzhen',
  '450100': 'Nanning',
  '460100': 'Haikou',
  '510100': 'Chengdu',
  '520100': 'Guiyang',
  '530100': 'Kunming',
  '540100': 'Lhasa',
  '610100': "Xi'an",
  '620100': 'Lanzhou',
  '630100': 'Xining',
  '640100': 'Yinchuan',
  '650100': 'Urumqi',
};

/**
 * Placeholder "prefectures" of the NBS list that are not reporting units: 市辖区 and 县 under the
 * four municipalities, and 省/自治区直辖县级行政区划 (xx9000). We drop them and attach their
 * members directly to the province, so that a province's children are the units it really
 * manages and the maps (which draw e.g. Jiyuan as one of Henan's cities) find them as children.
 */
export function isPlaceholderPrefecture(row: Row): boolean {
  return row.level === 'prefecture' && ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(row.name ?? '');
}

/**
 * Jiyuan is a county-level city administered by the province, but Henan counts it among its
 * 18 省辖市 (targets, rankings, the prefecture map): it is a prefecture-level peer here.
 */
export const PROMOTED_TO_PREFECTURE: ReadonlySet<string> = new Set(['419001']);

export interface JurisdictionImport {
  rows: Jurisdiction[];
  droppedPlaceholders: string[];
  droppedSelfDuplicates: string[];
}

/** Builds the jurisdiction table from the division rows (adcode, name, level, parent, nbs_only_dev_zone). */
export function buildJurisdictions(divisions: readonly Row[]): JurisdictionImport {
  const placeholders = new Map<string, string>(); // placeholder code → its province
  for (const d of divisions) if (isPlaceholderPrefecture(d)) placeholders.set(d.adcode!, d.parent!);

  const rows: Jurisdiction[] = [
    { code: ROOT_CODE, parent: '', level: 'country', name_zh: '全国', name_en: 'China', valid_from: '', valid_to: '' },
    ...EXTRA_PROVINCES,
  ];
  const droppedSelfDuplicates: string[] = [];
  for (const d of divisions) {
    const code = d.adcode!;
    if (placeholders.has(code)) continue;
    // 东莞, 中山 and 儋州 have no counties; the list repeats each as a "county" whose parent is
    // itself. The prefecture row is the unit; the repeat would duplicate the key.
    if (d.parent === code) {
      droppedSelfDuplicates.push(code);
      continue;
    }
    const parent = placeholders.get(d.parent!) ?? d.parent!;
    rows.push({
      code,
      parent,
      level: levelOf(d),
      name_zh: d.name!,
      name_en: PROVINCE_NAMES_EN[code] ?? CITY_NAMES_EN[code] ?? '',
      valid_from: '',
      valid_to: '',
    });
  }
  checkJurisdictions(rows);
  return {
    rows: rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    droppedPlaceholders: [...placeholders.keys()].sort(),
    droppedSelfDuplicates: droppedSelfDuplicates.sort(),
  };
}

function levelOf(d: Row): Level {
  if (PROMOTED_TO_PREFECTURE.has(d.adcode!)) return 'prefecture';
  // Development zones with NBS-only codes are statistical reporting units, not divisions.
  if (d.nbs_only_dev_zone === '1') return 'special';
  if (d.level === 'province' || d.level === 'prefecture' || d.level === 'county') return d.level;
  throw new Error(`divisions_2023.csv: ${d.adcode} has unknown level ${d.level}`);
}

/** Unique codes, every parent known, all English names we wrote used. */
function checkJurisdictions(rows: readonly Jurisdiction[]): void {
  const codes = new Set<string>();
  for (const r of rows) {
    if (!/^\d{6}$/.test(r.code)) throw new Error(`jurisdiction code ${r.code} is not six digits`);
    if (codes.has(r.code)) throw new Error(`jurisdiction code ${r.code} appears twice`);
    codes.add(r.code);
  }
  for (const r of rows) {
    if (r.parent !== '' && !codes.has(r.parent)) throw new Error(`jurisdiction ${r.code}: unknown parent ${r.parent}`);
  }
  for (const code of [...Object.keys(PROVINCE_NAMES_EN), ...Object.keys(CITY_NAMES_EN)]) {
    if (!codes.has(code)) throw new Error(`English name given for unknown code ${code}`);
  }
}
