/**
 * targets/<year>.csv: the targets of GDP, retail sales and goods trade that the provinces set at
 * the start of each year. 2025 comes from province_targets_2025.csv, which has every province and
 * indicator with the report's words, also where the target is qualitative or none is set; the
 * other years from the numeric growth targets of province_growth_targets.csv, whose 2025 rows
 * must agree with it.
 */
import type { TargetType } from '../../src/lib/schema.ts';
import { plainNumber, sortRows, type Row } from './csv.ts';
import { inUnit, type UnitOf } from './province-figures.ts';

export interface Target {
  jurisdiction: string;
  indicator: string;
  year: string;
  type: TargetType;
  value: string;
  value_max: string;
  qualifier: string;
  source: string;
  note: string;
}

/** The year province_targets_2025.csv covers. */
const REPORTS_YEAR = '2025';

const TARGET_INDICATORS: Readonly<Record<string, string>> = {
  gdp_growth_target: 'gdp',
  retail_sales_growth_target: 'retail_sales',
  trade_growth_target: 'trade_total',
};

export interface TargetImport {
  byYear: Map<string, Target[]>;
  left_out: string[];
}

export function buildTargets(rows: readonly Row[], reports: readonly Row[], unitOf: UnitOf): TargetImport {
  const fromReports = reportTargets(reports, unitOf);
  const byYear = new Map<string, Target[]>([[REPORTS_YEAR, fromReports]]);
  const reported = new Map(fromReports.map((t) => [`${t.jurisdiction}|${t.indicator}`, t]));
  const left_out: string[] = [];
  for (const r of rows) {
    const indicator = TARGET_INDICATORS[r.indicator!];
    if (!indicator) continue; // actual growth rates: they go with the observations
    const where = `${r.province_code} ${r.year} ${r.indicator}`;
    const raw = r.raw_text ?? '';
    if (r.year === REPORTS_YEAR) {
      checkRestated(r, reported.get(`${r.province_code}|${indicator}`), where);
      continue;
    }
    if ((r.value_pct ?? '').trim() === '') {
      left_out.push(`${where}: no number (${r.qualifier || 'not found'}${raw ? `: ${raw}` : ''})`);
      continue;
    }
    // A target for exports alone is not a target for total trade.
    if (indicator === 'trade_total' && exportsOnly(raw)) {
      left_out.push(`${where}: the target is for exports only (${raw}); no export indicator in this dataset`);
      continue;
    }
    const { value, value_max, qualifier } = valueAndQualifier(r, where);
    const list = byYear.get(r.year!) ?? [];
    list.push({
      jurisdiction: r.province_code!,
      indicator,
      year: r.year!,
      type: 'growth',
      value,
      value_max,
      qualifier,
      source: r.source!,
      note: targetNote(r),
    });
    byYear.set(r.year!, list);
  }
  for (const [year, list] of byYear) {
    const keys = new Set<string>();
    for (const t of list) {
      const key = `${t.jurisdiction}|${t.indicator}`;
      if (keys.has(key)) throw new Error(`targets ${year}: ${key} twice`);
      keys.add(key);
    }
    sortRows(list, (t) => t.jurisdiction, (t) => t.indicator);
  }
  return { byYear, left_out };
}

/**
 * Qualifiers: 左右 and 以上 as given; unknown → empty (the source did not say); 区间 keeps 区间 with
 * its bounds read from the wording (the collector stored the midpoint).
 */
function valueAndQualifier(r: Row, where: string): { value: string; value_max: string; qualifier: string } {
  const q = r.qualifier ?? '';
  if (q === '左右' || q === '以上') return { value: plainNumber(r.value_pct!, where), value_max: '', qualifier: q };
  if (q === 'unknown' || q === '') return { value: plainNumber(r.value_pct!, where), value_max: '', qualifier: '' };
  if (q === '区间') return { ...rangeOf(r.raw_text ?? '', where), qualifier: '区间' };
  throw new Error(`${where}: unexpected qualifier ${q}`);
}

/** The bounds of a range as worded: 增长5.0%—5.5% → 5 and 5.5. */
function rangeOf(text: string, where: string): { value: string; value_max: string } {
  const m = /(\d+(?:\.\d+)?)\s*%?\s*[—–~～-]+\s*(\d+(?:\.\d+)?)\s*%/.exec(text);
  if (!m) throw new Error(`${where}: range target without a readable range: ${text}`);
  return { value: plainNumber(m[1]!, where), value_max: plainNumber(m[2]!, where) };
}

/** A target for exports alone is not a target for total trade: 出口 is named, 进出口 is not. */
function exportsOnly(text: string): boolean {
  return text.includes('出口') && !text.includes('进出口');
}

function targetNote(r: Row): string {
  const parts: string[] = [];
  if ((r.raw_text ?? '') !== '') parts.push(`wording: ${r.raw_text}`);
  if (r.qualifier === 'unknown') parts.push('qualifier not stated in the source');
  if (r.confidence && r.confidence !== 'high') parts.push(`confidence ${r.confidence}`);
  // The collector's note on 区间 rows describes its own midpoint, which we do not use.
  if ((r.note ?? '') !== '' && r.qualifier !== '区间') parts.push(r.note!);
  return parts.join('; ');
}

/**
 * One target per province and indicator from province_targets_2025.csv. none_stated is type none;
 * qualitative is type qualitative without a value; a trade target for exports alone is type none
 * for total trade, its words in the note; exact is an empty qualifier; 区间 is read from the
 * quote. Where a report sets two targets for one indicator, the one of its main list of expected
 * targets (主要预期目标) is kept and the other quoted in the note.
 */
function reportTargets(rows: readonly Row[], unitOf: UnitOf): Target[] {
  const byKey = new Map<string, Row[]>();
  for (const r of rows) {
    if (r.year !== REPORTS_YEAR) throw new Error(`province_targets_2025.csv: a row for ${r.year}`);
    const key = `${r.code}|${r.indicator}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const out: Target[] = [];
  for (const [key, list] of byKey) {
    const main = list.length === 1 ? list : list.filter((r) => r.note!.startsWith('main expected-target list'));
    if (main.length !== 1) throw new Error(`province_targets_2025.csv ${key}: ${list.length} targets and no single one from the main list`);
    const kept = main[0]!;
    const others = list.filter((r) => r !== kept).map((r) => `also in the report: “${r.quote}” (${r.note})`);
    out.push(reportTarget(kept, others, unitOf));
  }
  return sortRows(out, (t) => t.jurisdiction, (t) => t.indicator);
}

function reportTarget(r: Row, others: readonly string[], unitOf: UnitOf): Target {
  const where = `province_targets_2025.csv ${r.code} ${r.indicator}`;
  const unit = unitOf(r.indicator!);
  if (!unit) throw new Error(`${where}: unknown indicator`);
  const said = r.quote !== '' ? `“${r.quote}”; ${r.note}` : r.note!;
  const base = { jurisdiction: r.code!, indicator: r.indicator!, year: r.year!, value: '', value_max: '', qualifier: '', source: `${r.source_title}, ${r.source_url}` };
  const note = (lead: string) => [lead, said, ...others].filter((p) => p !== '').join('; ');
  const q = r.qualifier!;
  if (q === 'none_stated') return { ...base, type: 'none', note: note('') };
  if (r.indicator === 'trade_total' && exportsOnly(r.quote!)) {
    return { ...base, type: 'none', note: note('the report sets a target for exports only, none for total trade') };
  }
  if (q === 'qualitative') {
    if (r.value !== '') throw new Error(`${where}: a qualitative target with a value`);
    return { ...base, type: 'qualitative', note: note('') };
  }
  const type = r.target_type;
  if (type !== 'growth' && type !== 'level') throw new Error(`${where}: unexpected target type ${type}`);
  if (q === '区间') return { ...base, ...rangeOf(r.quote!, where), type, qualifier: '区间', note: note('') };
  if (q !== 'exact' && q !== '左右' && q !== '以上') throw new Error(`${where}: unexpected qualifier ${q}`);
  const value = type === 'growth' ? plainNumber(r.value!, where) : inUnit(r.value!, r.unit!, unit, where);
  if (value === '') throw new Error(`${where}: a ${type} target without a value`);
  return { ...base, type, value, qualifier: q === 'exact' ? '' : q, note: note('') };
}

/** A 2025 row of province_growth_targets.csv must say what province_targets_2025.csv says. */
function checkRestated(r: Row, t: Target | undefined, where: string): void {
  if (!t) throw new Error(`${where}: not in province_targets_2025.csv`);
  const raw = r.raw_text ?? '';
  if ((r.value_pct ?? '').trim() === '' || (r.indicator === 'trade_growth_target' && exportsOnly(raw))) {
    if (t.type === 'level' || t.type === 'growth') throw new Error(`${where}: a ${t.type} target in province_targets_2025.csv, none here`);
    return;
  }
  const { value, value_max, qualifier } = valueAndQualifier(r, where);
  if (t.type !== 'growth' || t.value !== value || t.value_max !== value_max || t.qualifier !== qualifier) {
    throw new Error(`${where}: ${value}${value_max ? `–${value_max}` : ''} ${qualifier} here, ${t.type} ${t.value} ${t.qualifier} in province_targets_2025.csv`);
  }
}
