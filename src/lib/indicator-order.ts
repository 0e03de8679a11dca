/**
 * The order every list of indicators on the site follows: the board's columns and the
 * circular's tables, a jurisdiction's page and its briefing, the home page. By category, then
 * by id, except that the three rates of projects stand together in the bureaus' order, 履约率,
 * 开工率, 资金到位率 (PROJECT_RATES), where their ids would put 资金到位率 (funds) before 开工率
 * (start).
 */
import { PROJECT_RATES } from './projects.ts';

const RATE_INDEX: ReadonlyMap<string, number> = new Map(PROJECT_RATES.map((r, i) => [r.id, i]));
/** Where the rates stand among the other indicators: where the first of their ids would. */
const RATES_AT = [...RATE_INDEX.keys()].sort()[0]!;

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface Orderable {
  id: string;
  category: string | null;
}

/** Compares two indicators in the site's order; an indicator without a category comes after those with one (as SQL's NULLS LAST). */
export function compareIndicators(a: Orderable, b: Orderable): number {
  const category = a.category === b.category ? 0 : a.category === null ? 1 : b.category === null ? -1 : byCodePoint(a.category, b.category);
  const at = (id: string) => (RATE_INDEX.has(id) ? RATES_AT : id);
  return category || byCodePoint(at(a.id), at(b.id)) || (RATE_INDEX.get(a.id) ?? 0) - (RATE_INDEX.get(b.id) ?? 0);
}
