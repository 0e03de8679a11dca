/**
 * targets/<year>.csv from province_growth_targets.csv: the numeric growth targets of GDP, retail
 * sales and goods trade that the provinces set at the start of each year.
 */
import { plainNumber, sortRows, type Row } from './csv.ts';

export interface Target {
  jurisdiction: string;
  indicator: string;
  year: string;
  type: 'growth';
  value: string;
  qualifier: string;
  source: string;
  note: string;
}

const TARGET_INDICATORS: Readonly<Record<string, string>> = {
  gdp_growth_target: 'gdp',
  retail_sales_growth_target: 'retail_sales',
  trade_growth_target: 'trade_total',
};

export interface TargetImport {
  byYear: Map<string, Target[]>;
  left_out: string[];
}

export function buildTargets(rows: readonly Row[]): TargetImport {
  const byYear = new Map<string, Target[]>();
  const left_out: string[] = [];
  for (const r of rows) {
    const indicator = TARGET_INDICATORS[r.indicator!];
    if (!indicator) continue; // actual growth rates: they go with the observations
    const where = `${r.province_code} ${r.year} ${r.indicator}`;
    const raw = r.raw_text ?? '';
    if ((r.value_pct ?? '').trim() === '') {
      left_out.push(`${where}: no number (${r.qualifier || 'not found'}${raw ? `: ${raw}` : ''})`);
      continue;
    }
    // A target for exports alone is not a target for total trade.
    if (indicator === 'trade_total' && /^出口/.test(raw)) {
      left_out.push(`${where}: the target is for exports only (${raw}); no export indicator in this dataset`);
      continue;
    }
    const { value, qualifier, rangeNote } = valueAndQualifier(r, where);
    const list = byYear.get(r.year!) ?? [];
    list.push({
      jurisdiction: r.province_code!,
      indicator,
      year: r.year!,
      type: 'growth',
      value,
      qualifier,
      source: r.source!,
      note: targetNote(r, rangeNote),
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
 * the lower bound as the value (the collector stored the midpoint; the wording has both bounds).
 */
function valueAndQualifier(r: Row, where: string): { value: string; qualifier: string; rangeNote: string } {
  const q = r.qualifier ?? '';
  if (q === '左右' || q === '以上') return { value: plainNumber(r.value_pct!, where), qualifier: q, rangeNote: '' };
  if (q === 'unknown' || q === '') return { value: plainNumber(r.value_pct!, where), qualifier: '', rangeNote: '' };
  if (q === '区间') {
    const m = /(\d+(?:\.\d+)?)\s*%?\s*[—–~～-]+\s*(\d+(?:\.\d+)?)\s*%/.exec(r.raw_text ?? '');
    if (!m) throw new Error(`${where}: range target without a readable range: ${r.raw_text}`);
    return { value: plainNumber(m[1]!, where), qualifier: '区间', rangeNote: `range ${plainNumber(m[1]!, where)}–${plainNumber(m[2]!, where)}%` };
  }
  throw new Error(`${where}: unexpected qualifier ${q}`);
}

function targetNote(r: Row, rangeNote: string): string {
  const parts: string[] = [];
  if ((r.raw_text ?? '') !== '') parts.push(`wording: ${r.raw_text}`);
  if (rangeNote) parts.push(rangeNote);
  if (r.qualifier === 'unknown') parts.push('qualifier not stated in the source');
  if (r.confidence && r.confidence !== 'high') parts.push(`confidence ${r.confidence}`);
  // The collector's note on 区间 rows describes its own midpoint, which we do not use.
  if ((r.note ?? '') !== '' && r.qualifier !== '区间') parts.push(r.note!);
  return parts.join('; ');
}
