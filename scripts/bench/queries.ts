/**
 * Warm latency of every catalog query in DuckDB for Node over a public-data directory, through
 * the engine the site uses (openNodeEngine → engine.query: prepare, bind, plan, run, rows to JS).
 *
 *   npx tsx scripts/bench/queries.ts PUBLIC_DATA_DIR [--runs 20] [--warmup 3] [--only progress,ranking]
 *                                    [--baseline-rev GIT_REV] [--json]
 *
 * Parameters come from the data itself: the entry's example, with every value the dataset lacks
 * replaced by its richest one (the period with most observations, the parent with most
 * children, the indicator and jurisdiction with most observations, the year with most
 * observations). Each query runs --warmup times unmeasured, then --runs times; the median,
 * minimum and maximum are printed, with the row count.
 *
 * --baseline-rev also runs the catalog as it was at that git revision (src/queries read with
 * `git show`, nothing in the working tree changes), interleaved with the current one so that
 * both see the same machine load, prints its median beside the current one, and says when the
 * two return different rows.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openNodeEngine } from '../../src/engine/node.ts';
import { PUBLIC_TABLES } from '../../src/engine/tables.ts';
import type { Cell, Engine, Params } from '../../src/engine/types.ts';
import { queries } from '../../src/queries/index.ts';
import { takeFlag, takeOption } from '../cli-args.ts';

export interface QueryTiming {
  name: string;
  params: Params;
  rows: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** With a baseline: its median, and whether it returned the same rows. */
  baselineMedianMs?: number;
  baselineSameRows?: boolean;
}

interface Entry {
  name: string;
  sql: string;
  params: readonly string[];
  example: object;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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

/**
 * The catalog at a git revision: src/queries as it was, in a temporary directory beside links to
 * the current src/lib and src/engine (which it imports). Returns its entries and a cleanup.
 */
async function catalogAt(rev: string): Promise<{ entries: Record<string, Entry>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-queries-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const files = git('ls-tree', '--name-only', rev, 'src/queries/').split('\n').filter((f) => f.endsWith('.ts'));
  if (!files.length) throw new Error(`no src/queries at ${rev}`);
  await mkdir(path.join(dir, 'queries'));
  for (const f of files) await writeFile(path.join(dir, 'queries', path.basename(f)), git('show', `${rev}:${f}`));
  for (const sub of ['lib', 'engine']) await symlink(path.join(root, 'src', sub), path.join(dir, sub));
  const mod = (await import(pathToFileURL(path.join(dir, 'queries', 'index.ts')).href)) as { queries: Record<string, Entry> };
  return { entries: mod.queries, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function benchQueries(
  publicDataDir: string,
  options: { runs?: number; warmup?: number; only?: readonly string[]; baseline?: Record<string, Entry> } = {},
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
      const base = options.baseline?.[entry.name];
      let rows = 0;
      let same: boolean | undefined;
      for (let i = 0; i < warmup; i++) {
        const current = await engine.query(entry.sql, params);
        rows = current.length;
        if (base) same = JSON.stringify(current) === JSON.stringify(await engine.query(base.sql, params));
      }
      const times: number[] = [];
      const baseTimes: number[] = [];
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        await engine.query(entry.sql, params);
        times.push(performance.now() - t);
        if (base) {
          t = performance.now();
          await engine.query(base.sql, params);
          baseTimes.push(performance.now() - t);
        }
      }
      timings.push({
        name: entry.name,
        params,
        rows,
        medianMs: median(times),
        minMs: Math.min(...times),
        maxMs: Math.max(...times),
        ...(base ? { baselineMedianMs: median(baseTimes), baselineSameRows: same } : {}),
      });
    }
    return { observations, timings };
  } finally {
    await engine.close();
  }
}

export function printQueries(dir: string, observations: number, timings: readonly QueryTiming[], runs: number, baseline?: string): void {
  console.log(`DuckDB for Node, ${observations.toLocaleString('en')} observations in ${dir}; warm = median of ${runs}`);
  const head = baseline ? ` ${`at ${baseline}`.padStart(12)} ${'×'.padStart(6)}` : '';
  console.log(`  ${'query'.padEnd(16)} ${'rows'.padStart(6)} ${'median ms'.padStart(10)} ${'min–max ms'.padStart(14)}${head}  params`);
  for (const t of timings) {
    const base =
      t.baselineMedianMs === undefined
        ? ''
        : ` ${t.baselineMedianMs.toFixed(2).padStart(12)} ${(t.baselineMedianMs / t.medianMs).toFixed(1).padStart(6)}`;
    console.log(
      `  ${t.name.padEnd(16)} ${String(t.rows).padStart(6)} ${t.medianMs.toFixed(2).padStart(10)} ` +
        `${`${t.minMs.toFixed(1)}–${t.maxMs.toFixed(1)}`.padStart(14)}${base}  ${JSON.stringify(t.params)}` +
        (t.baselineSameRows === false ? '  (rows differ from the baseline)' : ''),
    );
  }
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const args = process.argv.slice(2);
  const option = (name: string) => takeOption(args, name);
  const flag = (name: string) => takeFlag(args, name);
  const runs = Number(option('--runs') ?? 20);
  const warmup = Number(option('--warmup') ?? 3);
  const only = option('--only')?.split(',');
  const baselineRev = option('--baseline-rev');
  const json = flag('--json');
  const dir = args[0];
  if (!dir || !(await stat(dir).catch(() => null))?.isDirectory()) {
    console.error('usage: npx tsx scripts/bench/queries.ts PUBLIC_DATA_DIR [--runs N] [--warmup N] [--only a,b] [--baseline-rev REV] [--json]');
    process.exit(2);
  }
  const files = await readdir(dir);
  const missing = PUBLIC_TABLES.map((t) => t.file).filter((f) => !files.includes(f));
  if (missing.length) {
    console.error(`${dir} is not a public data directory (missing ${missing.join(', ')}); build one with npm run build:data`);
    process.exit(2);
  }
  const baseline = baselineRev ? await catalogAt(baselineRev) : undefined;
  try {
    const { observations, timings } = await benchQueries(dir, { runs, warmup, only, baseline: baseline?.entries });
    if (json) console.log(JSON.stringify({ dir, observations, runs, baselineRev, timings }, null, 2));
    else printQueries(dir, observations, timings, runs, baselineRev);
  } finally {
    await baseline?.cleanup();
  }
}
