/**
 * Warm latency of every catalog query in DuckDB for Node over a public-data directory.
 *
 *   npx tsx scripts/bench/queries.ts PUBLIC_DATA_DIR [--runs 20] [--warmup 3] [--only progress,ranking] [--json]
 *
 * Parameters come from the data itself: the entry's example, with every value the dataset lacks
 * replaced by its richest one (the period with most observations, the parent with most
 * children, the indicator and jurisdiction with most observations, the year with most
 * observations). Each query runs --warmup times unmeasured, then --runs times; the median,
 * minimum and maximum of those are printed, with the row count.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeEngine } from '../../src/engine/node.ts';
import { PUBLIC_TABLES } from '../../src/engine/tables.ts';
import type { Cell, Engine, Params } from '../../src/engine/types.ts';
import { queries } from '../../src/queries/index.ts';

export interface QueryTiming {
  name: string;
  params: Params;
  rows: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

interface Entry {
  name: string;
  sql: string;
  params: readonly string[];
  example: object;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function column(engine: Engine, sql: string): Promise<Cell[]> {
  return (await engine.query(sql)).map((r) => Object.values(r)[0] ?? null);
}

/** Values present in the data for each parameter name, richest first. */
async function candidates(engine: Engine): Promise<Record<string, Cell[]>> {
  const indicators = await column(
    engine,
    `SELECT i.id FROM indicators i LEFT JOIN observations o ON o.indicator = i.id GROUP BY i.id ORDER BY count(o.indicator) DESC, i.id`,
  );
  return {
    period: await column(engine, `SELECT period FROM observations GROUP BY period ORDER BY count(*) DESC, period DESC`),
    parent: await column(
      engine,
      `SELECT parent FROM jurisdictions WHERE parent IS NOT NULL GROUP BY parent ORDER BY count(*) DESC, parent`,
    ),
    indicator: indicators,
    jurisdiction: await column(
      engine,
      `SELECT jurisdiction FROM observations GROUP BY jurisdiction ORDER BY count(*) DESC, jurisdiction`,
    ),
    year: await column(engine, `SELECT year FROM observations GROUP BY year ORDER BY count(*) DESC, year DESC`),
    basis: ['value', 'yoy', null],
    trade: indicators,
    gdp: indicators,
    population: indicators,
  };
}

/** The entry's example with values the data does not have replaced by its richest ones. */
function paramsFor(entry: Entry, values: Record<string, Cell[]>): Params {
  const example = entry.example as Record<string, Cell>;
  const out: Record<string, Cell> = {};
  for (const p of entry.params) {
    const have = values[p];
    const v = example[p] ?? null;
    out[p] = !have || v === null || have.includes(v) ? v : (have.find((x) => x !== null) ?? v);
  }
  return out;
}

export async function benchQueries(
  publicDataDir: string,
  options: { runs?: number; warmup?: number; only?: readonly string[] } = {},
): Promise<{ observations: number; timings: QueryTiming[] }> {
  const runs = options.runs ?? 20;
  const warmup = options.warmup ?? 3;
  const engine = await openNodeEngine(publicDataDir);
  try {
    const observations = Number((await engine.query('SELECT count(*) AS n FROM observations'))[0]!.n);
    const values = await candidates(engine);
    const timings: QueryTiming[] = [];
    for (const entry of Object.values(queries) as unknown as Entry[]) {
      if (options.only && !options.only.includes(entry.name)) continue;
      const params = paramsFor(entry, values);
      let rows = 0;
      for (let i = 0; i < warmup; i++) rows = (await engine.query(entry.sql, params)).length;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await engine.query(entry.sql, params);
        times.push(performance.now() - t);
      }
      timings.push({ name: entry.name, params, rows, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) });
    }
    return { observations, timings };
  } finally {
    await engine.close();
  }
}

export function printQueries(dir: string, observations: number, timings: readonly QueryTiming[], runs: number): void {
  console.log(`DuckDB for Node, ${observations.toLocaleString('en')} observations in ${dir}; warm = median of ${runs}`);
  console.log(`  ${'query'.padEnd(16)} ${'rows'.padStart(6)} ${'median ms'.padStart(10)} ${'min–max ms'.padStart(14)}  params`);
  for (const t of timings) {
    console.log(
      `  ${t.name.padEnd(16)} ${String(t.rows).padStart(6)} ${t.medianMs.toFixed(2).padStart(10)} ` +
        `${`${t.minMs.toFixed(1)}–${t.maxMs.toFixed(1)}`.padStart(14)}  ${JSON.stringify(t.params)}`,
    );
  }
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, v] = args.splice(i, 2);
    return v;
  };
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
  };
  const runs = Number(option('--runs') ?? 20);
  const warmup = Number(option('--warmup') ?? 3);
  const only = option('--only')?.split(',');
  const json = flag('--json');
  const dir = args[0];
  if (!dir || !(await stat(dir).catch(() => null))?.isDirectory()) {
    console.error('usage: npx tsx scripts/bench/queries.ts PUBLIC_DATA_DIR [--runs N] [--warmup N] [--only a,b] [--json]');
    process.exit(2);
  }
  const files = await readdir(dir);
  const missing = PUBLIC_TABLES.map((t) => t.file).filter((f) => !files.includes(f));
  if (missing.length) {
    console.error(`${dir} is not a public data directory (missing ${missing.join(', ')}); build one with npm run build:data`);
    process.exit(2);
  }
  const { observations, timings } = await benchQueries(dir, { runs, warmup, only });
  if (json) console.log(JSON.stringify({ dir, observations, runs, timings }, null, 2));
  else printQueries(dir, observations, timings, runs);
}
