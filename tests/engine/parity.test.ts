/**
 * Parity: DuckDB-WASM in real headless Chromium returns exactly what DuckDB for Node returns,
 * for every catalog query and for a set of type-normalisation checks, over the same public
 * CSV files.
 *
 * The harness page (tests/engine/harness/) is built with Vite exactly as client code is built,
 * served with the fixture data from 127.0.0.1, and driven with playwright-core. Requests to any
 * other origin are blocked and make the test fail. Not skippable: without Chromium it fails
 * and says how to install it.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/build/build-data.ts';
import { openNodeEngine } from '../../src/engine/node.ts';
import { CATALOG_TABLES, DERIVED_TABLES, observationsFileOf, PUBLIC_TABLES } from '../../src/engine/tables.ts';
import type { Engine, Params } from '../../src/engine/types.ts';
import { queries } from '../../src/queries/index.ts';
import { candidatesFor, casesFor, type Candidates, type CatalogEntry } from './catalog-cases.ts';
import { writeEngineFixture } from './fixture.ts';
import { chromiumPath } from './harness/browser.ts';
import { startHarnessSession, type HarnessResult, type HarnessSession } from './harness/session.ts';

const repo = path.resolve(import.meta.dirname, '../..');
/**
 * How many parameter values to sweep: the engine fixture gets the richest 3 values of every
 * parameter plus the NULL/no-data/malformed probes and 4 random combinations; the other
 * datasets the richest 1 plus probes and 2 random ones. PARITY_SWEEP=full tries every value
 * every dataset has (several minutes).
 */
const FULL = process.env.PARITY_SWEEP === 'full';
const sweepFor = (dataset: string) =>
  FULL ? { randomCombos: 16 } : dataset === 'engine' ? { perParam: 3, randomCombos: 4 } : { perParam: 1, randomCombos: 2 };
const catalog = Object.values(queries) as unknown as CatalogEntry[];

interface Check {
  label: string;
  sql: string;
  params?: Params;
  /** Both engines must fail (with the same message when `sameMessage`). */
  fails?: 'any' | 'sameMessage';
}

/** Type normalisation and SQL features over the engine fixture (kept after the catalog landed). */
const CHECKS: Check[] = [
  // Every column of every table, NULLs included: VARCHAR, DOUBLE, INTEGER, BOOLEAN, DATE.
  ...PUBLIC_TABLES.map((t) => ({
    label: `all of ${t.name}`,
    sql: `SELECT * FROM ${t.name} ORDER BY ALL`,
  })),
  { label: 'row counts', sql: PUBLIC_TABLES.map((t) => `SELECT '${t.name}' AS t, count(*) AS n FROM ${t.name}`).join(' UNION ALL ') + ' ORDER BY t' },
  {
    label: 'aggregates: BIGINT count, HUGEINT sum, DOUBLE sum/avg/stddev/median, DECIMAL literals',
    sql: `SELECT indicator, count(*) AS n, count(value) AS with_value, sum(year) AS sum_year, sum(value) AS s, avg(value) AS a,
            stddev_samp(value) AS sd, median(value) AS med, quantile_cont(value, 0.9) AS q90, min(yoy_pct) AS lo, max(yoy_pct) AS hi,
            round(avg(value), 2) AS a2, 1.5 AS dec_literal, sum(value) * 1.05 AS dec_times_double,
            CAST(sum(month) AS DECIMAL(18, 3)) / 7 AS dec_div, bool_and(value IS NOT NULL) AS all_valued
          FROM observations GROUP BY indicator ORDER BY indicator`,
  },
  {
    label: 'window ranks, lag/lead, shares',
    sql: `SELECT jurisdiction, value,
            rank() OVER w AS r, dense_rank() OVER w AS dr, row_number() OVER (ORDER BY value DESC NULLS LAST, jurisdiction) AS rn,
            lag(jurisdiction) OVER (ORDER BY value DESC NULLS LAST, jurisdiction) AS ahead,
            lead(value) OVER (ORDER BY value DESC NULLS LAST, jurisdiction) AS next_value,
            value / sum(value) OVER () AS share_of_all, percent_rank() OVER w AS pr, ntile(3) OVER w AS tercile
          FROM observations WHERE indicator = $indicator AND period = $period
          WINDOW w AS (ORDER BY value DESC NULLS LAST)
          ORDER BY rn`,
    params: { indicator: 'retail_sales', period: '2024-06' },
  },
  {
    label: 'joins over every table',
    sql: `SELECT o.jurisdiction, j.name_zh, j.name_en, j.level, j.valid_from, j.valid_to, p.name_zh AS parent_zh,
            i.unit, i.higher_is_better, i.additive, i.decimals, o.period, o.value, o.yoy_pct, o.flag, o.note,
            r.published_at, r.title, t.type AS target_type, t.value AS target, t.qualifier,
            o.value / t.value AS completion, x.cny_per_unit, o.value * x.cny_per_unit AS value_cny,
            v.vintage, v.is_latest, v.value AS first_value
          FROM observations o
          JOIN jurisdictions j ON j.code = o.jurisdiction
          LEFT JOIN jurisdictions p ON p.code = j.parent
          JOIN indicators i ON i.id = o.indicator
          JOIN releases r ON r.id = o.release
          LEFT JOIN targets t ON t.jurisdiction = o.jurisdiction AND t.indicator = o.indicator AND t.year = o.year
          LEFT JOIN exchange_rates x ON x.year = o.year AND x.currency = 'USD'
          LEFT JOIN observation_vintages v ON v.jurisdiction = o.jurisdiction AND v.indicator = o.indicator
            AND v.period = o.period AND v.vintage = 1
          WHERE o.year = $year
          ORDER BY o.indicator, o.jurisdiction, o.period`,
    params: { year: 2024 },
  },
  {
    label: 'dates: arithmetic, extraction, validity at a period end',
    sql: `SELECT code, valid_from, valid_to, valid_from + INTERVAL 1 DAY AS next_day, year(valid_from) AS y,
            date_diff('day', valid_from, coalesce(valid_to, DATE '2024-12-31')) AS days_valid,
            last_day(make_date($y, $m, 1)) AS period_end,
            coalesce(valid_from, DATE '0001-01-01') <= last_day(make_date($y, $m, 1))
              AND coalesce(valid_to, DATE '9999-12-31') >= last_day(make_date($y, $m, 1)) AS valid_then,
            strftime(valid_from, '%Y年%m月') AS zh_text, TIMESTAMP '2024-07-15 10:00:00' AS ts
          FROM jurisdictions ORDER BY code`,
    params: { y: 2024, m: 6 },
  },
  {
    label: 'parameters bind with the types Node gives them',
    sql: `SELECT typeof($int) AS t_int, typeof($big) AS t_big, typeof($dbl) AS t_dbl, typeof($str) AS t_str, typeof($bool) AS t_bool,
            typeof($nul) AS t_nul, $int || '-06' AS period_text, make_date($int, 6, 30) AS d, coalesce($nul, 0) AS c,
            $nul IS NULL AS is_null, $big + 1 AS big_plus, $dbl * 2 AS dbl2, $str AS s, NOT $bool AS nb, [$int, $dbl] AS l`,
    params: { int: 2024, big: 3_000_000_000, dbl: 2.5, str: "it's $1 -- not a comment", bool: false, nul: null },
  },
  {
    label: 'a parameter used twice, NULL among others, placeholders in strings and comments left alone',
    sql: `SELECT count(*) AS n, '$1' AS literal, $$ $2 $$ AS dollar FROM observations -- $3
          WHERE (CAST($indicator AS VARCHAR) IS NULL OR indicator = CAST($indicator AS VARCHAR)) AND year = $year AND /* $9 */ value > $min`,
    params: { indicator: null, year: 2024, min: 100 },
  },
  {
    label: 'edge values: -0, NaN, ±Infinity, FLOAT, BIGINT beyond 2^53, HUGEINT, DECIMAL(38)',
    sql: `SELECT -0.0::DOUBLE AS neg_zero, 'NaN'::DOUBLE AS nan, 'inf'::DOUBLE AS inf, '-inf'::DOUBLE AS ninf, 0.1::FLOAT AS f,
            9007199254740993::BIGINT AS big, 170141183460469231731687303715884105727::HUGEINT AS huge,
            -123.456::DECIMAL(9, 3) AS d9, 99999999999999999999.99::DECIMAL(38, 2) AS d38, 0.1::DECIMAL(38, 37) AS d38s`,
  },
  {
    label: 'other types, as Node stringifies them: TIME, TIMESTAMP_*, UUID, ENUM, BLOB, LIST, STRUCT, MAP, INTERVAL',
    sql: `SELECT TIME '23:59:59.999999' AS t, TIMESTAMP_NS '2024-01-01 00:00:00.123456789' AS tns, TIMESTAMP_S '1969-12-31 23:59:59' AS ts_s,
            TIMESTAMP_MS '2024-02-29 12:00:00' AS ts_ms, uuid '00000000-0000-0000-0000-000000000001' AS u, 'x'::ENUM('x', 'y') AS e,
            '\\xEF\\xBB\\xBFab\\xFF'::BLOB AS b, ['a', NULL, 'b,c'] AS l, [[1, 2], [3]] AS ll, [DATE '2024-01-01', NULL] AS ld,
            {'k': 1} AS st, MAP {'k': 1, 'j': 2} AS m, INTERVAL 3 DAY AS i, [1.5::DECIMAL(4, 2)] AS ldec, list(DISTINCT flag ORDER BY flag) AS flags
          FROM observations`,
  },
  { label: 'empty result keeps no rows', sql: `SELECT * FROM observations WHERE period = $p`, params: { p: '1999-01' } },
  { label: 'DATE out of JS range fails the same way', sql: `SELECT 'infinity'::DATE AS d`, fails: 'sameMessage' },
  { label: 'TIMESTAMP out of JS range fails the same way', sql: `SELECT 'infinity'::TIMESTAMP AS t`, fails: 'sameMessage' },
  { label: 'a missing parameter fails the same way', sql: `SELECT $nope AS x`, fails: 'sameMessage' },
  { label: 'a SQL error fails in both', sql: `SELECT * FROM no_such_table`, fails: 'any' },
];

type Outcome = HarnessResult;

async function runNode(node: Engine, sql: string, params?: Params): Promise<Outcome> {
  try {
    return { rows: await node.query(sql, params) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

interface Comparison {
  label: string;
  sql: string;
  params?: Params;
  node: Outcome;
  wasm: Outcome;
}

async function compare(session: HarnessSession, node: Engine, items: { label: string; sql: string; params?: Params }[]): Promise<Comparison[]> {
  // The two engines are independent: run them side by side.
  const inBrowser = session.runAll(items.map(({ sql, params }) => ({ sql, params })));
  inBrowser.catch(() => {});
  const inNode: Outcome[] = [];
  for (const item of items) inNode.push(await runNode(node, item.sql, item.params));
  const wasm = await inBrowser;
  return items.map((item, i) => ({ ...item, node: inNode[i]!, wasm: wasm[i]! }));
}

function differs(c: Comparison): boolean {
  if ('error' in c.node || 'error' in c.wasm) return !('error' in c.node && 'error' in c.wasm);
  return !isDeepStrictEqual(c.node.rows, c.wasm.rows);
}

function explain(c: Comparison): string {
  const show = (o: Outcome) => ('error' in o ? `error: ${o.error}` : JSON.stringify(o.rows.slice(0, 3)));
  return `${c.label} ${JSON.stringify(c.params ?? {})}\n  node: ${show(c.node)}\n  wasm: ${show(c.wasm)}`;
}

/**
 * Other engineers' fixtures (read-only): public-data directories (the CSVs tables.ts lists) are
 * served as they are; data packages (an observations/ folder) go through the data build first.
 */
async function otherFixtures(): Promise<{ publicDirs: Record<string, string>; packages: Record<string, string> }> {
  const publicDirs: Record<string, string> = {};
  const packages: Record<string, string> = { 'build-minimal': path.join(repo, 'tests/build/fixtures/minimal') };
  const isDir = async (p: string) => (await stat(p).catch(() => null))?.isDirectory() ?? false;
  const isFile = async (p: string) => (await stat(p).catch(() => null))?.isFile() ?? false;
  for (const parent of ['tests/queries/fixtures', 'examples']) {
    const dir = path.join(repo, parent);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const d = path.join(dir, e.name);
      const name = `${parent.split('/').at(-2) ?? parent}-${e.name}`;
      const hasAll = (await Promise.all(PUBLIC_TABLES.map((t) => isFile(path.join(d, t.file))))).every(Boolean);
      if (hasAll) publicDirs[name] = d;
      else if (await isDir(path.join(d, 'observations'))) packages[name] = d;
    }
  }
  return { publicDirs, packages };
}

let tmp: string;
let session: HarnessSession;
const datasets: { name: string; dir: string; node: Engine }[] = [];

beforeAll(async () => {
  chromiumPath(); // fails (with how to install Chromium) rather than skipping
  tmp = await mkdtemp(path.join(os.tmpdir(), 'engine-parity-'));
  const dirs: Record<string, string> = { engine: await writeEngineFixture(path.join(tmp, 'engine')) };
  const { publicDirs, packages } = await otherFixtures();
  Object.assign(dirs, publicDirs);
  for (const [name, pkg] of Object.entries(packages)) {
    const out = path.join(tmp, name);
    await buildData({ dataDir: pkg, outDir: out, now: new Date('2026-01-01T00:00:00Z') });
    dirs[name] = out;
  }
  for (const [name, dir] of Object.entries(dirs)) datasets.push({ name, dir, node: await openNodeEngine(dir) });
  session = await startHarnessSession(dirs, path.join(tmp, 'harness'));
}, 300_000);

afterAll(async () => {
  await session?.close();
  for (const d of datasets) await d.node.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('DuckDB-WASM in Chromium returns exactly what DuckDB for Node returns', () => {
  it('opens the eh bundle from our own origin and reports its progress in order', async () => {
    const opened = await session.open('engine');
    expect(opened.bundle).toBe('eh');
    expect(opened.duckdbVersion).toMatch(/^v1\./);
    const phases = opened.progress.map((p) => p.phase).filter((p, i, a) => p !== a[i - 1]);
    expect(phases).toEqual(['instantiating', 'loading data', 'ready']);
    const fractions = opened.progress.filter((p) => p.phase !== 'ready').map((p) => p.fraction ?? 0);
    for (const phase of ['instantiating', 'loading data']) {
      const f = opened.progress.filter((p) => p.phase === phase).map((p) => p.fraction ?? 0);
      expect(f).toEqual([...f].sort((a, b) => a - b));
      expect(f.at(-1)).toBe(1);
    }
    expect(fractions.length).toBeGreaterThan(2);
    const fetched = session.server.requests.map((r) => r.path);
    expect(fetched.some((p) => /\/assets\/duckdb-eh-[\w-]+\.wasm$/.test(p))).toBe(true);
    expect(fetched.some((p) => /\/assets\/duckdb-browser-eh\.worker-[\w-]+\.js$/.test(p))).toBe(true);
    expect(fetched.filter((p) => /coi|mvp/.test(p))).toEqual([]);
    for (const t of PUBLIC_TABLES) expect(fetched).toContain(`/data/engine/${t.file}`);
  });

  it('normalises every column type and SQL feature the same way (type checks)', async () => {
    const node = datasets.find((d) => d.name === 'engine')!.node;
    const results = await compare(session, node, CHECKS);
    const problems: string[] = [];
    for (const [i, c] of results.entries()) {
      const check = CHECKS[i]!;
      if (check.fails) {
        if (!('error' in c.node) || !('error' in c.wasm)) problems.push(`should fail in both: ${explain(c)}`);
        else if (check.fails === 'sameMessage' && c.node.error !== c.wasm.error) problems.push(`different failures: ${explain(c)}`);
      } else if ('error' in c.node || 'error' in c.wasm) problems.push(`unexpected failure: ${explain(c)}`);
      else if (differs(c)) problems.push(`differs: ${explain(c)}`);
    }
    expect(problems).toEqual([]);
    // The checks compare real data, not empty results.
    const rows = results.filter((c) => 'rows' in c.node).reduce((n, c) => n + ('rows' in c.node ? c.node.rows.length : 0), 0);
    expect(rows).toBeGreaterThan(1000);
  });

  it('the catalog has queries, each with SQL, parameter names and an example', () => {
    expect(catalog.length).toBeGreaterThan(0);
    for (const q of catalog) {
      expect(typeof q.sql).toBe('string');
      expect(Object.keys(q.example).sort()).toEqual([...q.params].sort());
    }
  });

  it('runs every catalog query, swept over sensible parameters, identically on every dataset', { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const summary: string[] = [];
    for (const dataset of datasets) {
      if (dataset.name !== 'engine') await session.open(dataset.name);
      const candidates = await candidatesFor(dataset.node);
      const cases = catalog.flatMap((q) => casesFor(q, candidates, sweepFor(dataset.name)));
      const t0 = performance.now();
      const results = await compare(session, dataset.node, cases);
      const perQuery = new Map<string, { cases: number; rows: number; nodeErrors: number }>();
      for (const [i, c] of results.entries()) {
        const q = cases[i]!.query;
        const s = perQuery.get(q) ?? { cases: 0, rows: 0, nodeErrors: 0 };
        s.cases++;
        if ('rows' in c.node) s.rows += c.node.rows.length;
        else s.nodeErrors++;
        perQuery.set(q, s);
        if (differs(c)) problems.push(`${dataset.name} ${q}: ${explain(c)}`);
        // The catalog promises results a page can use: the example must not fail.
        if (cases[i]!.label === 'base' && 'error' in c.node) problems.push(`${dataset.name} ${q}: base params fail: ${explain(c)}`);
      }
      summary.push(
        `${dataset.name}: ${cases.length} cases in ${Math.round(performance.now() - t0)} ms; ` +
          [...perQuery].map(([q, s]) => `${q} ${s.cases}/${s.rows} rows${s.nodeErrors ? `/${s.nodeErrors} errors` : ''}`).join(', '),
      );
      if (dataset.name === 'engine') {
        // On the engine fixture every catalog query must produce rows somewhere in its sweep.
        for (const q of catalog) expect(perQuery.get(q.name)?.rows ?? 0, `${q.name} returns rows on the engine fixture`).toBeGreaterThan(0);
      }
    }
    console.log(`catalog parity\n  ${summary.join('\n  ')}`);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('overlapping calls each get their own parameters (a call is a request written, then read)', async () => {
    await session.open('engine');
    const node = datasets.find((d) => d.name === 'engine')!.node;
    const candidates = await candidatesFor(node);
    const periods = candidates.period!.filter((p) => typeof p === 'string').slice(0, 8);
    const items = periods.flatMap((period): { sql: string; params: Params }[] => [
      { sql: queries.progress.sql, params: { period, parent: '410000', indicator: null } },
      { sql: 'SELECT CAST($v AS VARCHAR) AS v', params: { v: period } },
    ]);
    const overlapping = await session.runOverlapping(items);
    const sequential = await session.runAll(items);
    expect(overlapping).toEqual(sequential);
    expect(overlapping.filter((_, i) => i % 2 === 1)).toEqual(periods.map((v) => ({ rows: [{ v }] })));
    expect(new Set(overlapping.filter((_, i) => i % 2 === 0).map((r) => JSON.stringify(r))).size).toBeGreaterThan(2);
  });

  it('registerFileURL (HTTP protocol) builds the same tables as fetched buffers', async () => {
    const before = session.server.requests.length;
    const opened = await session.open('engine', { files: 'url' });
    expect(opened.bundle).toBe('eh');
    const node = datasets.find((d) => d.name === 'engine')!.node;
    const scans = PUBLIC_TABLES.map((t) => ({ label: t.name, sql: `SELECT * FROM ${t.name} ORDER BY ALL` }));
    const results = await compare(session, node, scans);
    expect(results.filter(differs).map(explain)).toEqual([]);
    const csvRequests = session.server.requests.slice(before).filter((r) => r.path.endsWith('.csv'));
    expect(csvRequests.length).toBeGreaterThan(0);
    expect(csvRequests.every((r) => r.status === 200 || r.status === 206)).toBe(true);
  });

  it('loads only the tables asked for, with the same results for the catalog', async () => {
    const before = session.server.requests.length;
    const tables = [...CATALOG_TABLES];
    await session.open('engine', { tables });
    const node = datasets.find((d) => d.name === 'engine')!.node;
    const items = catalog.map((q) => ({ label: q.name, sql: q.sql, params: q.example as Params }));
    const results = await compare(session, node, items);
    expect(results.filter(differs).map(explain)).toEqual([]);
    const [left] = await session.runAll([{ sql: 'SELECT count(*) AS n FROM observation_vintages' }]);
    expect(left).toHaveProperty('error');
    expect(session.server.requests.slice(before).map((r) => r.path)).not.toContain('/data/engine/observation_vintages.csv');
  });

  it("loads only the named indicators' observations, from their own files, with the same tables and catalog results for them", async () => {
    const dataset = datasets.find((d) => d.name === 'examples-henan-demo')!;
    const candidates = await candidatesFor(dataset.node);
    const some = candidates.indicator!.filter((v): v is string => typeof v === 'string').slice(0, 2);
    const before = session.server.requests.length;
    await session.open(dataset.name, { tables: [...CATALOG_TABLES], indicators: some });
    const inList = some.map((id) => `'${id}'`).join(', ');
    // No ORDER BY: the order the rows were loaded in is compared too.
    const scans = [
      { label: 'observations', sql: `SELECT * FROM observations WHERE indicator IN (${inList})` },
      ...DERIVED_TABLES.map((d) => ({ label: d.name, sql: `SELECT * FROM ${d.name} WHERE indicator IN (${inList})` })),
    ];
    // Every catalog case about these indicators only (NULL asks about every indicator).
    const only: Candidates = { ...candidates, indicator: some, trade: some, gdp: some, population: some };
    const indicatorParams = ['indicator', 'trade', 'gdp', 'population'];
    const cases = catalog
      .flatMap((q) => casesFor(q, only, sweepFor('split')))
      .filter((c) => indicatorParams.every((p) => !(p in c.params) || some.includes(c.params[p] as string)));
    expect(cases.length).toBeGreaterThan(catalog.length);
    const results = await compare(session, dataset.node, [...scans, ...cases]);
    expect(results.filter(differs).map(explain).slice(0, 5)).toEqual([]);
    expect(results.slice(0, scans.length).every((r) => 'rows' in r.wasm && r.wasm.rows.length > 0)).toBe(true);
    const [loaded] = await session.runAll([{ sql: "SELECT string_agg(DISTINCT indicator, ',' ORDER BY indicator) AS ids FROM observations" }]);
    expect(loaded).toEqual({ rows: [{ ids: [...some].sort().join(',') }] });
    const fetched = session.server.requests.slice(before).map((r) => r.path);
    for (const id of some) expect(fetched).toContain(`/data/${dataset.name}/${observationsFileOf(id)}`);
    expect(fetched).not.toContain(`/data/${dataset.name}/observations.csv`);
  });

  it('the mvp fallback bundle loads from our origin and gives the same results', async () => {
    const opened = await session.open('engine', { bundle: 'mvp' });
    expect(opened.bundle).toBe('mvp');
    const node = datasets.find((d) => d.name === 'engine')!.node;
    // Failing checks included: the mvp build loses error messages, and must not let a failure
    // spill into the next query.
    const items = [...CHECKS, ...catalog.map((q) => ({ label: q.name, sql: q.sql, params: q.example as Params }))];
    const results = await compare(session, node, items);
    expect(results.filter(differs).map(explain)).toEqual([]);
    expect(session.server.requests.some((r) => /\/assets\/duckdb-mvp-[\w-]+\.wasm$/.test(r.path))).toBe(true);
  });

  it('rows kept in the browser read back exactly as the engine gave them, only for the same SQL, the least recently used dropped first beyond the budget', async () => {
    await session.open('engine');
    const { page } = session;
    // the engine's rows of every type the tables hold (text, numbers, booleans, nulls)
    const sql = 'SELECT * FROM observations ORDER BY ALL LIMIT 200';
    const [engineAnswer] = await session.runAll([{ sql }]);
    if (!engineAnswer || 'error' in engineAnswer) throw new Error(`the query failed: ${JSON.stringify(engineAnswer)}`);
    expect(engineAnswer.rows.length, 'rows to keep').toBeGreaterThan(0);
    const read = await page.evaluate(
      async ([text, rows]) => {
        await window.kept.keep('observations', text, rows);
        return { same: await window.kept.readKept('observations', text), otherSql: await window.kept.readKept('observations', `${text} `), missing: await window.kept.readKept('nothing', text) };
      },
      [sql, engineAnswer.rows] as const,
    );
    expect(read.same, 'read back').toEqual(engineAnswer.rows);
    expect(read.otherSql, 'kept for another SQL text').toBeUndefined();
    expect(read.missing, 'never kept').toBeUndefined();

    // Results of 10,000 cells each, kept one after the other, until past the budget; 'first' is read
    // again half-way, so it is no longer among the least recently used.
    const kept = await page.evaluate(async () => {
      const { keep, readKept, maxCells } = window.kept;
      const rows = Array.from({ length: 1000 }, (_, i) => Object.fromEntries(Array.from({ length: 10 }, (_, c) => [`c${c}`, i * 10 + c])));
      const count = Math.ceil(maxCells / 10_000) + 5;
      await keep('first', 'sql', rows);
      for (let i = 1; i < count; i++) {
        await keep(`r${i}`, 'sql', rows);
        if (i === count >> 1) await readKept('first', 'sql');
      }
      const present: string[] = [];
      for (const key of ['first', ...Array.from({ length: count - 1 }, (_, i) => `r${i + 1}`)]) if (await readKept(key, 'sql')) present.push(key);
      return { count, present, maxCells };
    });
    expect(kept.present.length, 'results kept: as many as fit the budget (the observations above went first)').toBe(kept.maxCells / 10_000);
    expect(kept.present, 'the one read again half-way is kept').toContain('first');
    expect(kept.present, 'the most recent is kept').toContain(`r${kept.count - 1}`);
    expect(kept.present, 'the oldest, never read again, went first').not.toContain('r1');
  });

  it('fetched nothing from any other origin, with no page errors', () => {
    expect(session.foreign).toEqual([]);
    expect(session.errors).toEqual([]);
    expect(session.server.requests.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.path}`)).toEqual([]);
  });
});
