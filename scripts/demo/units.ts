/**
 * The demo's reporting units: Henan, its 18 prefecture-level cities (济源 included, reporting
 * beside them) and their counties and development zones, with the real names and codes of
 * the NBS 2023 division list, plus one code change inside the demo's time span.
 */
import Papa from 'papaparse';
import type { Level } from '../../src/lib/schema.ts';
import { NAMES_EN } from './names-en.ts';

/** What drives a unit's share of its city's figures. */
export type UnitKind = 'province' | 'prefecture' | 'district' | 'county' | 'county_city' | 'special';

export interface DemoUnit {
  /** The code valid at the end of the demo span; also the key of the unit's series. */
  code: string;
  /** Empty only for the province. */
  parent: string;
  level: Level;
  nameZh: string;
  nameEn: string;
  kind: UnitKind;
}

export const PROVINCE = '410000';

/**
 * 偃师: county-level city 偃师市 (410381) → district 偃师区 (410307). The real change took
 * effect in 2021; the demo moves it to mid-2023 so that figures on both sides of the change
 * fall inside the demo span. Periods up to 2023-06 are reported under the old code.
 */
export const CODE_CHANGE = {
  oldCode: '410381',
  oldNameZh: '偃师市',
  oldNameEn: 'Yanshi City',
  newCode: '410307',
  /** Last day of the old code, first day of the new one. */
  oldValidTo: '2023-06-30',
  newValidFrom: '2023-07-01',
  /** The last YYYY-MM period reported under the old code. */
  lastOldPeriod: '2023-06',
} as const;

/** The code a unit reports under for a period (YYYY-MM), by the period's last day. */
export function codeAt(unitCode: string, period: string): string {
  if (unitCode === CODE_CHANGE.newCode && period <= CODE_CHANGE.lastOldPeriod) return CODE_CHANGE.oldCode;
  return unitCode;
}

function englishName(code: string): string {
  const name = NAMES_EN[code];
  if (name === undefined) throw new Error(`no English name for jurisdiction ${code}: add it to scripts/demo/names-en.ts`);
  return name;
}

/** County-level kind from the Chinese name: 区 district, 县 county, 市 county-level city. */
function countyKind(nameZh: string): UnitKind {
  if (nameZh.endsWith('区')) return 'district';
  if (nameZh.endsWith('市')) return 'county_city';
  return 'county';
}

function byCode(a: DemoUnit, b: DemoUnit): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

interface DivisionRow {
  adcode: string;
  name: string;
  level: string;
  parent: string;
  nbs_only_dev_zone: string;
}

/**
 * Units from ../shared/data/codes/divisions_2023.csv (adcode, name, level, parent,
 * nbs_only_dev_zone). 419000 (省直辖县级行政区划) is a bookkeeping node, not a reporting unit:
 * 济源 (419001) reports beside the 17 cities, so it becomes a prefecture under Henan.
 */
export function unitsFromDivisions(csvText: string): DemoUnit[] {
  const parsed = Papa.parse<DivisionRow>(csvText, { header: true, skipEmptyLines: true });
  const units: DemoUnit[] = [];
  const seen = new Set<string>();
  for (const row of parsed.data) {
    const code = row.adcode;
    if (!code.startsWith('41') || code === '419000' || seen.has(code)) continue;
    seen.add(code);
    let unit: DemoUnit;
    if (code === PROVINCE) {
      unit = { code, parent: '', level: 'province', nameZh: row.name, nameEn: englishName(code), kind: 'province' };
    } else if (code === '419001' || row.level === 'prefecture') {
      unit = { code, parent: PROVINCE, level: 'prefecture', nameZh: row.name, nameEn: englishName(code), kind: 'prefecture' };
    } else if (row.nbs_only_dev_zone === '1') {
      unit = { code, parent: row.parent, level: 'special', nameZh: row.name, nameEn: englishName(code), kind: 'special' };
    } else {
      unit = { code, parent: row.parent, level: 'county', nameZh: row.name, nameEn: englishName(code), kind: countyKind(row.name) };
    }
    units.push(unit);
  }
  if (!seen.has(CODE_CHANGE.newCode)) throw new Error(`divisions have no ${CODE_CHANGE.newCode}`);
  return units.sort(byCode);
}

/**
 * Units back from a generated jurisdictions.csv (the committed demo): the tests regenerate
 * the demo from it without reading ../shared. The retired code's row is dropped: the
 * generator adds it again.
 */
export function unitsFromJurisdictionsCsv(csvText: string): DemoUnit[] {
  const parsed = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
  const units: DemoUnit[] = [];
  for (const row of parsed.data) {
    const code = row.code ?? '';
    if (code === CODE_CHANGE.oldCode) continue;
    const level = row.level as Level;
    const nameZh = row.name_zh ?? '';
    const kind: UnitKind = level === 'province' || level === 'prefecture' || level === 'special' ? level : countyKind(nameZh);
    units.push({ code, parent: row.parent ?? '', level, nameZh, nameEn: row.name_en ?? '', kind });
  }
  return units.sort(byCode);
}

export interface JurisdictionRow {
  [column: string]: string;
  code: string;
  parent: string;
  level: string;
  name_zh: string;
  name_en: string;
  valid_from: string;
  valid_to: string;
}

/** Rows of jurisdictions.csv: every unit, and the retired code with its validity period. */
export function jurisdictionRows(units: readonly DemoUnit[]): JurisdictionRow[] {
  const rows: JurisdictionRow[] = [];
  for (const u of units) {
    const row: JurisdictionRow = { code: u.code, parent: u.parent, level: u.level, name_zh: u.nameZh, name_en: u.nameEn, valid_from: '', valid_to: '' };
    if (u.code === CODE_CHANGE.newCode) {
      rows.push({ ...row, code: CODE_CHANGE.oldCode, name_zh: CODE_CHANGE.oldNameZh, name_en: CODE_CHANGE.oldNameEn, valid_to: CODE_CHANGE.oldValidTo });
      row.valid_from = CODE_CHANGE.newValidFrom;
    }
    rows.push(row);
  }
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function childrenOf(units: readonly DemoUnit[], parent: string): DemoUnit[] {
  return units.filter((u) => u.parent === parent);
}
