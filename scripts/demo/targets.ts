/**
 * Annual targets, assigned at the start of each year from last year's result and the growth
 * the province plans (年初下达各省辖市工作目标): the province's own, every city's, and the
 * counties of a few cities (each city also assigns its counties). A target is set before the
 * year is known, so some units meet it and some fall behind, which is the point of the demo.
 */
import { formatNumber } from './csv.ts';
import { DEMO_YEARS, type DemoIndicator } from './indicators.ts';
import { rng } from './prng.ts';
import { type Model, annualValue } from './series.ts';
import { type DemoUnit, PROVINCE } from './units.ts';

/** Cities that also assign targets to their counties (Zhengzhou, Xuchang, Nanyang). */
export const CITIES_WITH_COUNTY_TARGETS = ['410100', '411000', '411300'] as const;

export interface TargetRow {
  jurisdiction: string;
  indicator: string;
  year: string;
  type: string;
  value: string;
  qualifier: string;
  source: string;
  note: string;
}

/** Rounds to about three significant digits, as targets are stated ("突破420亿元"). */
export function roundTarget(value: number, integer: boolean): { value: number; decimals: number } {
  if (value <= 0) return { value: integer ? 1 : 0.1, decimals: integer ? 0 : 1 };
  const magnitude = Math.floor(Math.log10(value));
  const decimals = integer ? 0 : Math.max(0, 2 - magnitude);
  const step = Math.max(10 ** (magnitude - 2), integer ? 1 : 0);
  const rounded = Math.round(value / step) * step;
  return { value: Math.max(rounded, integer ? 1 : step), decimals };
}

function halfPoint(x: number): number {
  return Math.round(x * 2) / 2;
}

/** The wording a target document would use: "社会消费品零售总额增长6.5%以上". */
function wording(ind: DemoIndicator, type: 'level' | 'growth', value: string, qualifier: string): string {
  if (type === 'growth') return `${ind.nameZh}${qualifier === '力争' ? '力争' : ''}增长${value}%${qualifier === '力争' ? '' : qualifier}`;
  if (ind.id === 'loss_making_share') return `${ind.nameZh}控制在${value}%${qualifier}`;
  if (ind.id === 'online_retail') return `${ind.nameZh}${qualifier === '力争' ? '力争' : ''}突破${value}${ind.unit}`;
  return `${ind.nameZh}${qualifier === '力争' ? '力争达到' : '达到'}${value}${ind.unit}${qualifier === '力争' ? '' : qualifier}`;
}

function sourceOf(year: number, assigner: string): string {
  return `synthetic: 示例数据（合成），模拟《${assigner}${year}年商务工作目标任务分解》`;
}

function targetFor(seed: number, ind: DemoIndicator, unit: DemoUnit, year: number, model: Model, assigner: string): TargetRow | null {
  const spec = ind.target;
  const series = model.get(ind.id)?.get(unit.code);
  if (!spec || !series) return null;
  const r = rng(seed, 'target', unit.code, ind.id, year);
  const qualifier = r.pick(spec.qualifiers);
  const isProvince = unit.code === PROVINCE;
  let value: string;
  if (spec.type === 'growth') {
    // Units are asked for the province's plan, give or take; the province states its own plan.
    const planned = ind.planned[year]! * 100 + (isProvince ? 0 : 0.3 + 1.2 * r.normal());
    value = formatNumber(halfPoint(planned), 1);
  } else if (ind.kind === 'rate') {
    const last = annualValue(series, year - 1);
    value = formatNumber(Math.max(1, last - 0.5 - 0.8 * Math.abs(r.normal())), 1);
  } else {
    const last = annualValue(series, year - 1);
    const spread = isProvince ? 0 : 0.05 * r.normal();
    const rounded = roundTarget(last * (1 + ind.planned[year]! + spread), ind.integer);
    value = formatNumber(rounded.value, rounded.decimals);
  }
  return {
    jurisdiction: unit.code,
    indicator: ind.id,
    year: String(year),
    type: spec.type,
    value,
    qualifier,
    source: sourceOf(year, assigner),
    note: wording(ind, spec.type, value, qualifier),
  };
}

/** Targets of one year, sorted by jurisdiction and indicator. */
export function targetRows(seed: number, year: number, units: readonly DemoUnit[], indicators: readonly DemoIndicator[], model: Model): TargetRow[] {
  if (!DEMO_YEARS.includes(year as (typeof DEMO_YEARS)[number])) throw new Error(`no targets for ${year}`);
  const province = units.find((u) => u.code === PROVINCE)!;
  const rows: TargetRow[] = [];
  for (const unit of units) {
    let assigner: string | null = null;
    if (unit.code === PROVINCE || unit.level === 'prefecture') assigner = province.nameZh;
    else if (unit.level === 'county' && (CITIES_WITH_COUNTY_TARGETS as readonly string[]).includes(unit.parent)) {
      assigner = units.find((u) => u.code === unit.parent)!.nameZh;
    }
    if (assigner === null) continue;
    for (const ind of indicators) {
      const row = targetFor(seed, ind, unit, year, model, assigner);
      if (row) rows.push(row);
    }
  }
  return rows;
}
