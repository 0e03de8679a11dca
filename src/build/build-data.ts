/**
 * The data build: a validated data package → the public data directory the site and the
 * browser read. Every public file is derived here, so this is the one place that decides
 * what is public (embargo, internal indicators) and which vintage of a figure is current.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parseGeoMaps } from '../lib/geo-maps.ts';
import * as schema from '../lib/schema.ts';
import { observationsFileOf, PUBLIC_TABLES } from '../engine/tables.ts';
import { throughRequest } from '../engine/request.ts';
import { PROJECT_RATES, RATE_INDICATOR, rateDefinition } from '../lib/projects.ts';
import { queries } from '../queries/index.ts';
import { buildDatapackage } from './datapackage.ts';
import { collectWithheld, LeakFound, scanForLeaks, type Withheld } from './leak-scan.ts';
import { acquireLock, exists, PublishRefused, removeLeftovers, swapIn } from './publish.ts';
import { validateDataDir, type ValidationReport } from '../validate/index.ts';

/** The data package has errors: nothing was written. */
export { PublishRefused };

export class ValidationFailed extends Error {
  constructor(readonly report: ValidationReport) {
    super(`${report.dataDir}: ${report.errorCount} error(s); run npm run validate -- ${report.dataDir} for the list`);
  }
}

export interface BuildOptions {
  /** The data package (data/ by default). */
  dataDir: string;
  /** Where the public files go; replaced only when the whole build succeeded. */
  outDir: string;
  /** The build clock: releases published after it are embargoed. */
  now?: Date;
  /**
   * public (the default) leaves internal indicators out and runs the leak scan; internal keeps
   * them, for the bureau's own site, and says so in manifest.json.
   */
  audience?: Audience;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export const AUDIENCES = ['public', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Reconciliation {
  read: number;
  published: number;
  superseded: number;
  embargoed: number;
  internal: number;
}

export interface BuildResult {
  dataVersion: string;
  validation: ValidationReport;
  seconds: { validate: number; build: number };
  reconciliation: Reconciliation;
  rowCounts: Record<string, number>;
  embargoedReleases: string[];
  /** Internal indicators left out: none in an internal build. */
  internalIndicators: string[];
  audience: Audience;
  /** What a public build withheld, for the leak scan of what is built from its data (the site). */
  withheld: Withheld | null;
}

export interface DatasetInfo {
  title_zh: string;
  title_en: string;
  synthetic: boolean;
  publisher_zh: string;
  publisher_en: string;
  /** How far short of a 左右 (about) target, in the verdict's points, is still about on target. */
  about_band_pp: number;
  /** The indicator of the home page's map; null chooses the one with the most figures at the headline period. */
  home_indicator: string | null;
}

const DEFAULT_DATASET: DatasetInfo = {
  title_zh: '商务指标',
  title_en: 'Commerce indicators',
  synthetic: false,
  publisher_zh: '',
  publisher_en: '',
  about_band_pp: 0.5,
  home_indicator: null,
};

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * read_csv over data-package files with every column as text (the validator already checked
 * the values), matched by header name so a statistician may order columns as they like.
 */
function readRaw(files: string[], extra = ''): string {
  const list = `[${files.map(sqlString).join(', ')}]`;
  return `read_csv(${list}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true, union_by_name = true${extra})`;
}

async function scalar(c: DuckDBConnection, sql: string): Promise<number> {
  const r = await c.runAndReadAll(sql);
  return Number(r.getRows()[0]?.[0] ?? 0);
}

/** Selects the wanted columns, NULL for optional ones absent from the file's header. */
function optionalColumns(present: Set<string>, wanted: readonly string[]): string {
  return wanted.map((name) => (present.has(name) ? `"${name}"` : `NULL::VARCHAR AS "${name}"`)).join(', ');
}

async function headerOf(file: string): Promise<Set<string>> {
  const text = await fs.readFile(file, 'utf8');
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return new Set(first.split(',').map((s) => s.trim().replace(/^"|"$/g, '')));
}

/**
 * A validated published_at as UTC text and as nanoseconds since the epoch. Date keeps only
 * milliseconds, so the fraction of a second is carried over as written: offsets are whole
 * minutes, and converting to UTC never changes it.
 */
function releaseInstant(text: string): { utc: string; ns: bigint } {
  const m = /^(.+?)(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) throw new Error(`published_at ${text} is not an ISO 8601 date and time with an offset`);
  const whole = new Date(`${m[1]}${m[3]}`);
  const fraction = m[2] ?? '';
  return {
    utc: whole.toISOString().replace('.000Z', fraction === '' ? 'Z' : `.${fraction}Z`),
    ns: BigInt(whole.getTime()) * 1_000_000n + BigInt(fraction.padEnd(9, '0')),
  };
}

export async function readDatasetInfo(dataDir: string): Promise<DatasetInfo> {
  const file = path.join(dataDir, 'dataset.json');
  if (!(await exists(file))) return DEFAULT_DATASET;
  const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<DatasetInfo>;
  return { ...DEFAULT_DATASET, ...parsed, synthetic: parsed.synthetic === true };
}

/**
 * Validates the package and writes the public data into a fresh directory beside `outDir`,
 * which replaces `outDir` only when everything succeeded (src/build/publish.ts): a failed,
 * refused or killed build leaves what was published untouched. A second build of the same
 * `outDir` while one runs is refused (BuildLocked), naming the one that runs.
 */
export async function buildData(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const outDir = path.resolve(options.outDir);
  const lock = await acquireLock(outDir, log);
  try {
    await removeLeftovers(outDir, log);
    const staging = `${outDir}.staging-${process.pid}`;
    try {
      const result = await writePublicData(options, staging, log);
      await swapIn(staging, outDir);
      return result;
    } finally {
      await fs.rm(staging, { recursive: true, force: true });
    }
  } finally {
    await lock.release();
  }
}

async function writePublicData(options: BuildOptions, staging: string, log: (line: string) => void): Promise<BuildResult> {
  const now = options.now ?? new Date();
  const audience = options.audience ?? 'public';
  const keepInternal = audience === 'internal';
  const dataDir = path.resolve(options.dataDir);
  const outDir = path.resolve(options.outDir);
  const tValidate = performance.now();
  const validation = await validateDataDir(dataDir);
  if (validation.errorCount > 0) throw new ValidationFailed(validation);
  log(`  validated: ${validation.observationRows} observation rows in ${validation.fileCount} files, ${validation.warningCount} warning(s)`);
  const tBuild = performance.now();
  const datasetInfo = await readDatasetInfo(dataDir);
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.join(staging, 'parquet'), { recursive: true });

  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    const t0 = performance.now();
    const step = (what: string) => log(`  ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    // Small tables.
    const jur = path.join(dataDir, schema.jurisdictions.path);
    await c.run(`CREATE TABLE jurisdictions AS SELECT code, NULLIF(parent, '') AS parent, level, name_zh, NULLIF(name_en, '') AS name_en,
      TRY_CAST(NULLIF(valid_from, '') AS DATE) AS valid_from, TRY_CAST(NULLIF(valid_to, '') AS DATE) AS valid_to
      FROM ${readRaw([jur])}`);

    const ind = path.join(dataDir, schema.indicators.path);
    await c.run(`CREATE TABLE indicators_all AS SELECT id, name_zh, name_en, unit, kind,
      higher_is_better = 'true' AS higher_is_better, additive = 'true' AS additive, allow_negative = 'true' AS allow_negative,
      CAST(decimals AS INTEGER) AS decimals, visibility, NULLIF(category, '') AS category,
      NULLIF(definition_zh, '') AS definition_zh, NULLIF(definition_en, '') AS definition_en, NULLIF(source, '') AS source
      FROM ${readRaw([ind])}`);

    const rel = path.join(dataDir, schema.releases.path);
    const relCols = await headerOf(rel);
    await c.run(`CREATE TABLE releases_raw AS SELECT ${optionalColumns(relCols, ['id', 'published_at', 'title', 'title_en', 'source', 'notes'])} FROM ${readRaw([rel])}`);
    // The embargo and the vintage order are decided in JS, on instants: the UTC texts do not
    // sort as time (2025-10-15T02:00:00.5Z sorts before 2025-10-15T02:00:00Z).
    const releaseRows = (await c.runAndReadAll('SELECT id, published_at FROM releases_raw')).getRowObjectsJS();
    const nowNs = BigInt(now.getTime()) * 1_000_000n;
    // Vintage order: publication instant, then id, so two releases at the same instant still order.
    const releaseTimes = releaseRows
      .map((r) => ({ id: String(r.id), ...releaseInstant(String(r.published_at)) }))
      .sort((a, b) => (a.ns !== b.ns ? (a.ns < b.ns ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((r) => ({ ...r, isPublic: r.ns <= nowNs }));
    await c.run('CREATE TABLE release_times (id VARCHAR, published_utc VARCHAR, seq INTEGER, is_public BOOLEAN)');
    const appender = await c.createAppender('release_times');
    releaseTimes.forEach((r, i) => {
      appender.appendVarchar(r.id);
      appender.appendVarchar(r.utc);
      appender.appendInteger(i + 1);
      appender.appendBoolean(r.isPublic);
      appender.endRow();
    });
    appender.closeSync();
    await c.run(`CREATE TABLE releases_all AS SELECT r.id, t.published_utc AS published_at, r.title, NULLIF(r.title_en, '') AS title_en, NULLIF(r.source, '') AS source,
      NULLIF(r.notes, '') AS notes, t.is_public, t.seq
      FROM releases_raw r JOIN release_times t USING (id)`);

    // Exactly the files the validator read (src/validate/files.ts).
    const targetFiles = validation.files.targets.map((rel) => path.join(dataDir, rel));
    if (targetFiles.length > 0) {
      const tCols = new Set((await Promise.all(targetFiles.map(headerOf))).flatMap((h) => [...h]));
      await c.run(`CREATE TABLE targets_all AS SELECT jurisdiction, indicator, CAST(year AS INTEGER) AS year, type,
        CAST(NULLIF(value, '') AS DOUBLE) AS value, ${tCols.has('value_max') ? "CAST(NULLIF(value_max, '') AS DOUBLE)" : 'NULL::DOUBLE'} AS value_max,
        NULLIF(qualifier, '') AS qualifier, CASE WHEN qualifier = '左右' THEN ${Number(datasetInfo.about_band_pp)}::DOUBLE END AS band_pp,
        NULLIF(source, '') AS source, ${tCols.has('note') ? "NULLIF(note, '')" : 'NULL::VARCHAR'} AS note
        FROM ${readRaw(targetFiles)}`);
    } else {
      await c.run(`CREATE TABLE targets_all (jurisdiction VARCHAR, indicator VARCHAR, year INTEGER, type VARCHAR, value DOUBLE, value_max DOUBLE,
        qualifier VARCHAR, band_pp DOUBLE, source VARCHAR, note VARCHAR)`);
    }

    const fx = path.join(dataDir, schema.exchangeRates.path);
    if (await exists(fx)) {
      await c.run(`CREATE TABLE exchange_rates AS SELECT CAST(year AS INTEGER) AS year, currency, CAST(cny_per_unit AS DOUBLE) AS cny_per_unit, source
        FROM ${readRaw([fx])}`);
    } else {
      await c.run('CREATE TABLE exchange_rates (year INTEGER, currency VARCHAR, cny_per_unit DOUBLE, source VARCHAR)');
    }
    step('small tables loaded');

    // Observations: one file per release; the release id is the file name.
    const obsFiles = validation.files.observations.map((rel) => path.join(dataDir, rel));
    await c.run(`CREATE TABLE observations_read AS SELECT jurisdiction, indicator, period,
      CAST(substr(period, 1, 4) AS INTEGER) AS year,
      CASE WHEN length(period) = 7 THEN CAST(substr(period, 6, 2) AS INTEGER) END AS month,
      CAST(NULLIF(value, '') AS DOUBLE) AS value, CAST(NULLIF(yoy_pct, '') AS DOUBLE) AS yoy_pct,
      NULLIF(flag, '') AS flag, NULLIF(note, '') AS note,
      regexp_extract(filename, '([^/\\\\]+)\\.csv$', 1) AS release
      FROM ${readRaw(obsFiles, ', filename = true')}`);
    step(`observations read from ${obsFiles.length} files`);

    await c.run(`CREATE TABLE observations_classified AS
      SELECT o.*, r.seq, r.is_public, i.visibility = 'internal' AND NOT ${keepInternal} AS is_internal
      FROM observations_read o JOIN releases_all r ON r.id = o.release JOIN indicators_all i ON i.id = o.indicator`);
    await c.run(`CREATE TABLE observation_vintages AS
      SELECT jurisdiction, indicator, period, year, month, value, yoy_pct, flag, note, release,
        CAST(row_number() OVER w AS INTEGER) AS vintage,
        row_number() OVER (PARTITION BY jurisdiction, indicator, period ORDER BY seq DESC) = 1 AS is_latest
      FROM observations_classified WHERE is_public AND NOT is_internal
      WINDOW w AS (PARTITION BY jurisdiction, indicator, period ORDER BY seq)`);
    step('vintages resolved');

    const reconciliation: Reconciliation = {
      read: await scalar(c, 'SELECT count(*) FROM observations_read'),
      internal: await scalar(c, 'SELECT count(*) FROM observations_classified WHERE is_internal'),
      embargoed: await scalar(c, 'SELECT count(*) FROM observations_classified WHERE NOT is_internal AND NOT is_public'),
      published: await scalar(c, 'SELECT count(*) FROM observation_vintages WHERE is_latest'),
      superseded: await scalar(c, 'SELECT count(*) FROM observation_vintages WHERE NOT is_latest'),
    };
    const { read, published, superseded, embargoed, internal } = reconciliation;
    if (read !== published + superseded + embargoed + internal) {
      throw new Error(`reconciliation failed: ${read} read ≠ ${published} + ${superseded} + ${embargoed} + ${internal}`);
    }
    if (published === 0) {
      // An empty site would replace a working one.
      throw new PublishRefused(
        `nothing to publish: of ${read} figures read, ${embargoed} are embargoed at ${now.toISOString()} and ${internal} internal; ` +
          `${outDir} is unchanged. Check published_at in releases.csv and the build clock (--now)`,
      );
    }

    const projectRates = await publishProjectRates(c, validation.files.projects.map((rel) => path.join(dataDir, rel)), keepInternal);
    step(`projects ledger: ${projectRates} rate figures`);

    // Public tables, in the exact column order the engines declare (src/engine/tables.ts).
    const publicSelect: Record<string, string> = {
      jurisdictions: 'SELECT * FROM jurisdictions ORDER BY code, valid_from NULLS FIRST',
      indicators: `SELECT id, name_zh, name_en, unit, kind, higher_is_better, additive, allow_negative, decimals, category,
        definition_zh, definition_en, source FROM indicators_all WHERE visibility = 'public' OR ${keepInternal} ORDER BY id`,
      releases: 'SELECT id, published_at, title, title_en, source, notes FROM releases_all WHERE is_public ORDER BY seq',
      // By indicator, then period: DuckDB skips the blocks of a table whose ranges of indicator
      // and year cannot match a query's filter, and nearly every catalog query asks for one
      // indicator at one or two periods (at a million rows most of their time was the scan).
      observations: `SELECT jurisdiction, indicator, period, year, month, value, yoy_pct, flag, note, release
        FROM observation_vintages WHERE is_latest ORDER BY indicator, year, coalesce(month, 13), jurisdiction`,
      observation_vintages: `SELECT * FROM observation_vintages ORDER BY indicator, jurisdiction, period, vintage`,
      targets: `SELECT t.* FROM targets_all t JOIN indicators_all i ON i.id = t.indicator
        WHERE i.visibility = 'public' OR ${keepInternal} ORDER BY t.year, t.indicator, t.jurisdiction`,
      exchange_rates: 'SELECT * FROM exchange_rates ORDER BY year, currency',
      projects: 'SELECT * FROM projects ORDER BY year, month, jurisdiction, project',
    };
    const rowCounts: Record<string, number> = {};
    for (const table of PUBLIC_TABLES) {
      const select = publicSelect[table.name];
      if (!select) throw new Error(`no public query for table ${table.name}`);
      const csv = path.join(staging, table.file);
      const parquet = path.join(staging, 'parquet', table.file.replace(/\.csv$/, '.parquet'));
      await c.run(`CREATE TABLE public_${table.name} AS ${select}`);
      await c.run(`COPY public_${table.name} TO ${sqlString(csv)} (FORMAT csv, HEADER true, DELIMITER ',')`);
      await prependBom(csv);
      await c.run(`COPY public_${table.name} TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
      rowCounts[table.name] = await scalar(c, `SELECT count(*) FROM public_${table.name}`);
    }
    // The observations again, one file per indicator (every published one, even without
    // figures), so that a view of one indicator downloads only its own (src/engine/tables.ts).
    await fs.mkdir(path.join(staging, path.dirname(observationsFileOf('x'))), { recursive: true });
    for (const [id] of (await c.runAndReadAll('SELECT id FROM public_indicators ORDER BY id')).getRows()) {
      const csv = path.join(staging, observationsFileOf(String(id)));
      await c.run(`COPY (SELECT * FROM public_observations WHERE indicator = ${sqlString(String(id))}) TO ${sqlString(csv)} (FORMAT csv, HEADER true, DELIMITER ',')`);
      await prependBom(csv);
    }
    step('public CSV and Parquet written');

    await copyGeo(dataDir, staging);

    const embargoedReleases = releaseTimes.filter((r) => !r.isPublic).map((r) => r.id).sort();
    const internalIndicators = keepInternal
      ? []
      : (await c.runAndReadAll("SELECT id FROM indicators_all WHERE visibility = 'internal' ORDER BY id")).getRows().map((r) => String(r[0]));
    const dataAsOf = releaseTimes.findLast((r) => r.isPublic)?.utc ?? null;

    await writeJson(path.join(staging, 'datapackage.json'), buildDatapackage(datasetInfo, rowCounts, { audience, rateFigures: projectRates }));
    const files = await hashFiles(staging);
    const dataVersion = createHash('sha256')
      .update(files.map((f) => `${f.path} ${f.sha256}\n`).join(''))
      .digest('hex')
      .slice(0, 16);
    // Nothing about what was withheld: how many rows are embargoed or internal is itself news.
    await writeJson(path.join(staging, 'manifest.json'), {
      data_version: dataVersion,
      data_as_of: dataAsOf,
      // internal: every page says 内部资料 / Internal.
      audience,
      dataset: datasetInfo,
      row_counts: rowCounts,
      files,
    });
    step('manifest written');

    let withheld: Withheld | null = null;
    if (!keepInternal) {
      // Decided again from the validated tables, not from the filters above, which are what is checked.
      withheld = await collectWithheld(
        c,
        validation.tables.indicators.filter((i) => i.visibility === 'internal').map((i) => i.id),
        validation.tables.releases.filter((r) => releaseInstant(r.published_at).ns > nowNs).map((r) => r.id),
      );
      const leaks = await scanForLeaks(staging, withheld);
      if (leaks.length > 0) throw new LeakFound(leaks, `the public data for ${outDir}`);
      step('leak scan: nothing withheld in the public data');
    }

    const seconds = { validate: (tBuild - tValidate) / 1000, build: (performance.now() - tBuild) / 1000 };
    return { dataVersion, validation, seconds, reconciliation, rowCounts, embargoedReleases, internalIndicators, audience, withheld };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/** The projects table's columns, as the engines declare them (src/engine/tables.ts). */
const PROJECT_COLUMNS = PUBLIC_TABLES.find((t) => t.name === 'projects')!.columns;

/**
 * The projects ledger, and the three rates computed from it. `projects_read` holds every row as
 * read (visibility resolved: empty is internal without a signed date, as negotiations are
 * confidential, and public with one; release = the file name), for the leak scan; `projects` what this audience publishes: the rows of published
 * releases, and of those only the public ones for the public. The rates are the catalog's own
 * query (projectRates, the SQL the browser runs) over `projects`, published as observations of
 * the three rate indicators, which are declared only when there is a figure for them. Each figure
 * of a month carries the latest release that published ledger rows of that month. Returns the
 * number of rate figures.
 */
async function publishProjectRates(c: DuckDBConnection, files: string[], keepInternal: boolean): Promise<number> {
  const typed = Object.entries(PROJECT_COLUMNS).map(([name, type]) => `"${name}" ${type}`).join(', ');
  if (files.length === 0) {
    await c.run(`CREATE TABLE projects_read (${typed})`);
  } else {
    const present = new Set((await Promise.all(files.map(headerOf))).flatMap((h) => [...h]));
    const optional = (name: string) => (present.has(name) ? `NULLIF("${name}", '')` : 'NULL::VARCHAR');
    await c.run(`CREATE TABLE projects_read AS SELECT project, period, CAST(substr(period, 1, 4) AS INTEGER) AS year,
      CAST(substr(period, 6, 2) AS INTEGER) AS month, name_zh, ${optional('name_en')} AS name_en, jurisdiction, NULLIF(sector, '') AS sector,
      origin, stage, CAST(NULLIF(amount, '') AS DOUBLE) AS amount, CAST(NULLIF(funds_arrived, '') AS DOUBLE) AS funds_arrived,
      NULLIF(unit, '') AS unit, CAST(NULLIF(signed_on, '') AS DATE) AS signed_on, CAST(NULLIF(planned_start_on, '') AS DATE) AS planned_start_on,
      CAST(NULLIF(started_on, '') AS DATE) AS started_on,
      coalesce(NULLIF(visibility, ''), CASE WHEN signed_on <> '' THEN 'public' ELSE 'internal' END) AS visibility,
      NULLIF(stage_note, '') AS stage_note, NULLIF(source, '') AS source, ${optional('note')} AS note,
      regexp_extract(filename, '([^/\\\\]+)\\.csv$', 1) AS release
      FROM ${readRaw(files, ', filename = true')}`);
  }
  await c.run(`CREATE TABLE projects AS SELECT p.* FROM projects_read p JOIN releases_all r ON r.id = p.release
    WHERE r.is_public AND (p.visibility = 'public' OR ${keepInternal})`);

  // Every parameter NULL: the query reads no request table.
  const { sql } = throughRequest(queries.projectRates.sql, { period: null, parent: null });
  await c.run(`CREATE TEMP TABLE project_rates AS ${sql}`);
  const figures = await scalar(c, 'SELECT count(*) FROM project_rates');
  if (figures === 0) return 0;
  for (const rate of PROJECT_RATES) {
    const def = rateDefinition(rate);
    const i = RATE_INDICATOR;
    await c.run(`INSERT INTO indicators_all VALUES (${sqlString(rate.id)}, ${sqlString(rate.name.zh)}, ${sqlString(rate.name.en)}, ${sqlString(i.unit)},
      ${sqlString(i.kind)}, ${i.higher_is_better}, ${i.additive}, ${i.allow_negative}, ${i.decimals}, ${sqlString(i.visibility)}, ${sqlString(i.category)},
      ${sqlString(def.zh)}, ${sqlString(def.en)}, ${sqlString(i.source)})`);
    await c.run(`INSERT INTO observation_vintages
      SELECT q.jurisdiction, ${sqlString(rate.id)}, q.period, q.year, q.month, q.${rate.column}, NULL, NULL,
        '项目台账：年内签约' || q.cohort || '个，已履约' || q.honoured || '个，已开工' || q.started || '个 / project ledger: '
          || q.cohort || ' signed this year, ' || q.honoured || ' honoured, ' || q.started || ' started',
        m.release, 1, true
      FROM project_rates q
      JOIN (SELECT p.period, arg_max(p.release, r.seq) AS release FROM projects p JOIN releases_all r ON r.id = p.release GROUP BY p.period) m
        ON m.period = q.period
      WHERE q.${rate.column} IS NOT NULL`);
  }
  return scalar(c, `SELECT count(*) FROM observation_vintages WHERE indicator IN (${PROJECT_RATES.map((r) => sqlString(r.id)).join(', ')})`);
}

/**
 * geo/maps.csv and the boundary files it names, .json or .topojson; nothing else in geo/ (a
 * draft boundary nobody approved is not published).
 */
async function copyGeo(dataDir: string, staging: string): Promise<void> {
  const from = path.join(dataDir, 'geo');
  const mapsCsv = path.join(from, 'maps.csv');
  if (!(await exists(mapsCsv))) return;
  const to = path.join(staging, 'geo');
  await fs.mkdir(to, { recursive: true });
  await fs.copyFile(mapsCsv, path.join(to, 'maps.csv'));
  const named = new Set(parseGeoMaps(await fs.readFile(mapsCsv, 'utf8')).map((m) => m.file));
  for (const name of [...named].sort()) await fs.copyFile(path.join(from, name), path.join(to, name));
}

/**
 * Excel on Chinese Windows reads a CSV without a byte-order mark as GBK, and the CSVs are the
 * downloads. Both engines' read_csv skip the mark (tests/build/downloads.test.ts), so the
 * engines and the downloads stay one set of files.
 */
async function prependBom(file: string): Promise<void> {
  const withBom = `${file}.bom`;
  const out = createWriteStream(withBom);
  out.write('\uFEFF');
  await pipeline(createReadStream(file), out);
  await fs.rename(withBom, file);
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await fs.writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function hashFiles(root: string): Promise<{ path: string; bytes: number; sha256: string }[]> {
  const out: { path: string; bytes: number; sha256: string }[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const buf = await fs.readFile(full);
        out.push({ path: path.relative(root, full).split(path.sep).join('/'), bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') });
      }
    }
  }
  await walk(root);
  return out;
}
