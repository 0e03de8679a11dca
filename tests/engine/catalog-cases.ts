/**
 * Sensible parameters for every catalog query on a given dataset, read from the data itself
 * (through the Node engine):
 *   - `base`: the entry's example, with any value the dataset does not have replaced by the
 *     richest one it has (the period with most observations, the parent with most children…);
 *   - one parameter at a time through every candidate value (including NULL and, for periods
 *     and years, values with no data and a malformed one), the others at `base`;
 *   - a few seeded random combinations of everything.
 */
import type { Cell, Engine, Params } from '../../src/engine/types.ts';

export interface CatalogEntry {
  name: string;
  sql: string;
  params: readonly string[];
  example: object;
}

export interface Case {
  query: string;
  label: string;
  sql: string;
  params: Params;
}

export type Candidates = Record<string, Cell[]>;

async function column(node: Engine, sql: string): Promise<Cell[]> {
  return (await node.query(sql)).map((r) => Object.values(r)[0] ?? null);
}

/** Candidate values per parameter name, richest first. */
export async function candidatesFor(node: Engine): Promise<Candidates> {
  const periods = await column(node, `SELECT period FROM observations GROUP BY period ORDER BY count(*) DESC, period DESC`);
  const parents = await column(node, `SELECT parent FROM jurisdictions WHERE parent IS NOT NULL GROUP BY parent ORDER BY count(*) DESC, parent`);
  const indicators = await column(
    node,
    `SELECT i.id FROM indicators i LEFT JOIN observations o ON o.indicator = i.id GROUP BY i.id ORDER BY count(o.indicator) DESC, i.id`,
  );
  const codes = await column(
    node,
    `SELECT j.code FROM jurisdictions j LEFT JOIN observations o ON o.jurisdiction = j.code GROUP BY j.code ORDER BY count(o.jurisdiction) DESC, j.code`,
  );
  const years = await column(node, `SELECT year FROM observations GROUP BY year ORDER BY count(*) DESC, year DESC`);
  const maxYear = Math.max(0, ...years.filter((y): y is number => typeof y === 'number'));
  return {
    period: [...periods, '1999-06', '1999', '2024-13', 'not a period'],
    parent: [...parents, null],
    indicator: [...indicators, null, 'no_such_indicator'],
    basis: ['value', 'yoy', null],
    jurisdiction: [...codes, 'nowhere'],
    year: [...years, maxYear + 1],
    trade: indicators,
    gdp: indicators,
    population: indicators,
  };
}

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

/** The example, adjusted to values this dataset has. */
export function baseParams(entry: CatalogEntry, candidates: Candidates): Params {
  const example = entry.example as Record<string, Cell>;
  const base: Record<string, Cell> = {};
  for (const p of entry.params) {
    const c = candidates[p];
    const v = example[p] ?? null;
    base[p] = !c || v === null || c.includes(v) ? v : (c.find((x) => x !== null) ?? v);
  }
  return base;
}

export interface SweepOptions {
  /** At most this many data values per parameter (the richest), plus its NULL/invalid probes. */
  perParam?: number;
  /** Seeded random combinations of all parameters. */
  randomCombos?: number;
}

/** Values the data does not have, kept in every sweep: NULL, no data, malformed. */
const PROBES = new Set<unknown>([null, '1999-06', '1999', '2024-13', 'not a period', 'no_such_indicator', 'nowhere']);

export function casesFor(entry: CatalogEntry, candidates: Candidates, opts: SweepOptions = {}): Case[] {
  const perParam = opts.perParam ?? Infinity;
  const randomCombos = opts.randomCombos ?? 16;
  const seen = new Set<string>();
  const out: Case[] = [];
  const add = (label: string, params: Params) => {
    const key = JSON.stringify(entry.params.map((p) => params[p] ?? null));
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ query: entry.name, label, sql: entry.sql, params });
  };
  add('example', entry.example as Params);
  const base = baseParams(entry, candidates);
  add('base', base);
  const limited: Candidates = {};
  for (const p of entry.params) {
    const c = candidates[p] ?? [];
    limited[p] = [...c.filter((v) => !PROBES.has(v)).slice(0, perParam), ...c.filter((v) => PROBES.has(v))];
    for (const v of limited[p]!) add(`${p}=${JSON.stringify(v)}`, { ...base, [p]: v });
  }
  const rand = prng(entry.name.length * 7919 + entry.params.length);
  for (let i = 0; i < randomCombos; i++) {
    const params: Record<string, Cell> = {};
    for (const p of entry.params) {
      const c = limited[p]?.length ? limited[p]! : [base[p] ?? null];
      params[p] = c[Math.floor(rand() * c.length)] ?? null;
    }
    add(`random ${i}`, params);
  }
  return out;
}
