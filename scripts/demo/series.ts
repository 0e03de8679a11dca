/**
 * The synthetic model: annual totals shared top-down (province → cities → counties and zones)
 * with growth that differs by unit, spread over the months by a seasonal profile with noise,
 * then cumulated year to date. The published growth is the ratio of this year's to last year's
 * year-to-date level plus a little noise: the bureau's comparable basis is not the ratio of the
 * published levels, and the demo should show that.
 *
 * A parent's figure is generated on its own, not as the sum of its children: the sums come
 * close but never match exactly, as in real publications.
 */
import { BASE_YEAR, CHILD_WEIGHT_OVERRIDES, DEMO_YEARS, type DemoIndicator, childKindFactor, cityShare } from './indicators.ts';
import { monthsOf, period } from './calendar.ts';
import { type Rng, rng } from './prng.ts';
import { type DemoUnit, PROVINCE, childrenOf } from './units.ts';

/** One generated figure before flags: the year-to-date value and the published growth. */
export interface Point {
  value: number;
  yoy: number | null;
}

/** period (YYYY-MM) → point; includes the base year, which is never published. */
export type Series = Map<string, Point>;

/** indicator id → unit code → series. */
export type Model = Map<string, Map<string, Series>>;

const ALL_YEARS = [BASE_YEAR, ...DEMO_YEARS];

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Annual totals by year for one unit: a base and a growth path. */
type Annual = Map<number, number>;

function growAnnual(base: number, growthOf: (year: number) => number): Annual {
  const annual: Annual = new Map([[BASE_YEAR, base]]);
  let level = base;
  for (const y of DEMO_YEARS) {
    level *= 1 + clamp(growthOf(y), -0.6, 1.5);
    annual.set(y, level);
  }
  return annual;
}

/** Rounds a flow to an integer without losing the fraction on average (sparse counts stay honest). */
function stochasticRound(x: number, r: Rng): number {
  const floor = Math.floor(x);
  return floor + (r.next() < x - floor ? 1 : 0);
}

/**
 * Year-to-date values of a flow from its annual totals. Months of all years, January included.
 * `volatility` scales the monthly noise: a province's months are smoother than a county's.
 */
function ytdFlows(ind: DemoIndicator, annual: Annual, volatility: number, r: Rng): Map<string, number> {
  const seasonSum = ind.season.reduce((a, b) => a + b, 0);
  const ytd = new Map<string, number>();
  for (const y of ALL_YEARS) {
    let cumulative = 0;
    for (let m = 1; m <= 12; m++) {
      const expected = (annual.get(y)! * ind.season[m - 1]!) / seasonSum;
      const flow = expected * r.lognormal(ind.monthNoise * volatility);
      cumulative += ind.integer ? stochasticRound(flow, r) : flow;
      ytd.set(period(y, m), cumulative);
    }
  }
  return ytd;
}

/** Year-to-date values of a rate (loss-making share): high early in the year, settling by December. */
function ytdRates(ind: DemoIndicator, annual: Annual, r: Rng): Map<string, number> {
  const ytd = new Map<string, number>();
  for (const y of ALL_YEARS) {
    for (let m = 1; m <= 12; m++) {
      const early = 1 + (0.3 * (12 - m)) / 10;
      ytd.set(period(y, m), clamp(annual.get(y)! * early * r.lognormal(ind.monthNoise), 1, 70));
    }
  }
  return ytd;
}

/** Published points from year-to-date values: rounded levels and the comparable-basis growth. */
function toSeries(ind: DemoIndicator, ytd: Map<string, number>, r: Rng): Series {
  const series: Series = new Map();
  for (const y of ALL_YEARS) {
    for (let m = 1; m <= 12; m++) {
      const p = period(y, m);
      const value = round(ytd.get(p)!, ind.fileDecimals);
      const last = ytd.get(period(y - 1, m));
      let yoy: number | null = null;
      // Rates get no growth rate; a count under ten firms gets none either (meaningless).
      if (ind.kind !== 'rate' && last !== undefined && last > 0 && !(ind.integer && last < 10)) {
        yoy = round((ytd.get(p)! / last - 1) * 100 + ind.yoyNoise * r.normal(), 1);
      }
      series.set(p, { value, yoy });
    }
  }
  return series;
}

/** A unit's size, shared by all its indicators so that a big county is big in all of them. */
function unitSize(seed: number, code: string): number {
  return rng(seed, 'size', code).lognormal(0.55);
}

function childWeight(seed: number, unit: DemoUnit, ind: DemoIndicator): number {
  const override = CHILD_WEIGHT_OVERRIDES[unit.code]?.[ind.profile];
  if (override !== undefined) return override;
  return unitSize(seed, unit.code) * childKindFactor(unit.kind, ind.profile) * rng(seed, 'weight', unit.code, ind.id).lognormal(0.25);
}

function reports(ind: DemoIndicator, unit: DemoUnit): boolean {
  return unit.kind === 'province' || ind.reportedBy.includes(unit.kind);
}

/**
 * How noisy a unit's months are, from its share of the province: an average city 1, the
 * province 0.3, a small county up to 2 (its figures hang on a few firms).
 */
function volatilityOf(provinceShare: number, cities: number): number {
  return clamp(Math.sqrt(1 / cities / provinceShare), 0.3, 2);
}

/** Annual paths of every unit that reports the indicator, top-down, with their share of the province. */
function annualPaths(seed: number, units: readonly DemoUnit[], ind: DemoIndicator): { paths: Map<string, Annual>; shares: Map<string, number> } {
  const paths = new Map<string, Annual>();
  const shares = new Map<string, number>([[PROVINCE, 1]]);
  const province = growAnnual(ind.base, (y) => ind.growth[y]!);
  if (ind.kind === 'rate') {
    // A rate does not add up: each unit's rate is its parent's times a persistent factor.
    const provinceRates: Annual = new Map(ALL_YEARS.map((y) => [y, y === BASE_YEAR ? ind.base : ind.growth[y]!]));
    paths.set(PROVINCE, provinceRates);
    const shareDown = (parent: string, spread: number): void => {
      for (const child of childrenOf(units, parent)) {
        if (!reports(ind, child)) continue;
        const r = rng(seed, 'rate', child.code, ind.id);
        const factor = r.lognormal(spread);
        const parentRates = paths.get(parent)!;
        paths.set(child.code, new Map(ALL_YEARS.map((y) => [y, clamp(parentRates.get(y)! * factor + 0.8 * r.normal(), 2, 60)])));
        shareDown(child.code, spread * 1.3);
      }
    };
    shareDown(PROVINCE, ind.growthSpread);
    return { paths, shares };
  }
  paths.set(PROVINCE, province);
  const shareDown = (parent: string, parentAnnual: Annual, spread: number, isProvince: boolean): void => {
    const children = childrenOf(units, parent).filter((c) => reports(ind, c));
    const weights = children.map((c) => (isProvince ? cityShare(c.code, ind.profile) : childWeight(seed, c, ind)));
    const total = weights.reduce((a, b) => a + b, 0);
    children.forEach((child, i) => {
      const r = rng(seed, 'annual', child.code, ind.id);
      const share = weights[i]! / total;
      shares.set(child.code, shares.get(parent)! * share);
      const base = parentAnnual.get(BASE_YEAR)! * share * (1 + 0.03 * r.normal());
      // A big unit is the sum of many small businesses, so its growth strays less from its
      // parent's: the spread shrinks with the square root of the share (an average-sized child
      // gets `spread`), which also keeps the children's sum near the parent's total.
      const own = spread * clamp(Math.sqrt(1 / children.length / share), 0.3, 2);
      // Growth of the parent in each year, recovered from its path, plus the child's own deviation.
      const annual = growAnnual(base, (y) => parentAnnual.get(y)! / parentAnnual.get(y - 1)! - 1 + own * r.normal());
      paths.set(child.code, annual);
      shareDown(child.code, annual, spread * 1.5, false);
    });
  };
  shareDown(PROVINCE, province, ind.growthSpread, true);
  return { paths, shares };
}

/** The whole model: every indicator, every reporting unit, every month of the base and demo years. */
export function buildModel(seed: number, units: readonly DemoUnit[], indicators: readonly DemoIndicator[]): Model {
  const model: Model = new Map();
  for (const ind of indicators) {
    const byUnit = new Map<string, Series>();
    const { paths, shares } = annualPaths(seed, units, ind);
    const cities = units.filter((u) => u.parent === PROVINCE).length;
    for (const [code, annual] of paths) {
      const r = rng(seed, 'months', code, ind.id);
      const ytd = ind.kind === 'rate' ? ytdRates(ind, annual, r) : ytdFlows(ind, annual, volatilityOf(shares.get(code) ?? 1 / cities, cities), r);
      byUnit.set(code, toSeries(ind, ytd, r));
    }
    model.set(ind.id, byUnit);
  }
  return model;
}

/** The December year-to-date value of a year (the annual figure), for setting targets. */
export function annualValue(series: Series, year: number): number {
  return series.get(period(year, 12))!.value;
}

/** Published periods of the demo, for checking that a model covers them. */
export function demoPeriods(): string[] {
  return DEMO_YEARS.flatMap((y) => monthsOf(y).map((m) => period(y, m)));
}
