/**
 * npm run progress -- --period YYYY[-MM] [--parent CODE] [--indicator ID] [--data DIR] [--now ISO]
 *                     [--format table|json|csv] [--public-data DIR] [--verbose]
 *
 * Progress of every child of a parent against its annual targets at one period (see
 * docs/progress-report.md). --data is a data package (default data/): it is built first, with
 * the project's data build, into a temporary directory that is removed afterwards; --now sets
 * that build's embargo clock, so a past circular can be re-run as it was published.
 * --public-data reads an already built public data directory instead (no build).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildData } from '../src/build/build-data.ts';
import { openNodeEngine } from '../src/engine/node.ts';
import type { Engine } from '../src/engine/types.ts';
import { parsePeriod, periodEndDate } from '../src/lib/progress.ts';
import { formatReport, inIndicatorOrder, REPORT_FORMATS, type ReportFormat } from '../src/lib/progress-report.ts';
import { queries, runQuery } from '../src/queries/index.ts';
import { DATETIME_EXPECTED, datetimeFix, isDatetime } from '../src/validate/fields.ts';

const USAGE = `usage: npm run progress -- --period YYYY[-MM] [--parent CODE] [--indicator ID] [--data DIR] [--now ISO] [--format table|json|csv]
  --period       YYYY (a year) or YYYY-MM (January to MM, cumulative), e.g. 2024 or 2024-06
  --parent       code whose children are reported (default: the root, the jurisdiction without parent)
  --indicator    one indicator id (default: every indicator with a target that year and figures at the period)
  --data         data package directory (default: data/); built into a temporary directory first
  --now          the build's embargo clock, ISO 8601 with an offset or Z, e.g. 2025-07-15T10:00:00+08:00
                 (default: now): releases published after it are left out, as they were then
  --public-data  an already built public data directory (skips the build)
  --format       table (default), json or csv
  --verbose      print the data build's progress on stderr`;

class UsageError extends Error {}

function list(items: readonly string[], max = 40): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown}, … (${items.length} in all)` : shown;
}

async function rowsOf(engine: Engine, sql: string, params: Record<string, string | null> = {}) {
  return engine.query(sql, params);
}

/** Jurisdictions valid on the period's last day (empty bounds are open). */
const VALID_AT = `coalesce(valid_from <= CAST($day AS DATE), true) AND coalesce(valid_to >= CAST($day AS DATE), true)`;

async function resolveParent(engine: Engine, parent: string | undefined, period: string): Promise<{ code: string; label: string }> {
  const day = periodEndDate(period);
  if (parent === undefined) {
    const roots = await rowsOf(engine, `SELECT code, name_zh FROM jurisdictions WHERE parent IS NULL AND ${VALID_AT} ORDER BY code`, { day });
    if (roots.length !== 1) {
      throw new UsageError(
        roots.length === 0
          ? `no root jurisdiction (one without parent) is valid at ${period}: give --parent`
          : `several roots are valid at ${period} (${list(roots.map((r) => `${r.code} ${r.name_zh}`))}): give --parent`,
      );
    }
    return { code: String(roots[0]!.code), label: `${roots[0]!.code} ${roots[0]!.name_zh}` };
  }
  const found = await rowsOf(engine, `SELECT code, name_zh, valid_from, valid_to FROM jurisdictions WHERE code = $code ORDER BY valid_from NULLS FIRST`, { code: parent });
  const parents = await rowsOf(
    engine,
    `SELECT p.code, p.name_zh, CAST(count(*) AS INTEGER) AS children FROM jurisdictions c JOIN jurisdictions p ON p.code = c.parent
     WHERE coalesce(c.valid_from <= CAST($day AS DATE), true) AND coalesce(c.valid_to >= CAST($day AS DATE), true)
     GROUP BY p.code, p.name_zh ORDER BY p.code`,
    { day },
  );
  const validParents = `codes with children at ${period}: ${list(parents.map((r) => `${r.code} ${r.name_zh}`))}`;
  if (found.length === 0) throw new UsageError(`unknown jurisdiction code "${parent}"; ${validParents}`);
  const valid = await rowsOf(engine, `SELECT code, name_zh FROM jurisdictions WHERE code = $code AND ${VALID_AT}`, { code: parent, day });
  if (valid.length === 0) {
    const spans = found.map((r) => `${r.valid_from ?? '…'} to ${r.valid_to ?? '…'}`).join('; ');
    throw new UsageError(`jurisdiction ${parent} ${found[0]!.name_zh} is not valid at ${period} (valid ${spans}); ${validParents}`);
  }
  if (!parents.some((r) => r.code === parent)) {
    throw new UsageError(`jurisdiction ${parent} ${valid[0]!.name_zh} has no children valid at ${period}; ${validParents}`);
  }
  return { code: parent, label: `${parent} ${valid[0]!.name_zh}` };
}

async function checkIndicator(engine: Engine, indicator: string): Promise<void> {
  const ids = (await rowsOf(engine, 'SELECT id FROM indicators ORDER BY id')).map((r) => String(r.id));
  if (!ids.includes(indicator)) throw new UsageError(`unknown indicator "${indicator}"; indicators: ${list(ids)}`);
}

async function report(publicDir: string, opts: { period: string; parent?: string; indicator?: string; format: ReportFormat }): Promise<string> {
  const engine = await openNodeEngine(publicDir);
  try {
    const parent = await resolveParent(engine, opts.parent, opts.period);
    if (opts.indicator !== undefined) await checkIndicator(engine, opts.indicator);
    const rows = await runQuery(engine, queries.progress, { period: opts.period, parent: parent.code, indicator: opts.indicator ?? null });
    const year = opts.period.slice(0, 4);
    if (rows.length === 0) {
      const targeted = await rowsOf(
        engine,
        `SELECT DISTINCT t.indicator FROM targets t JOIN jurisdictions j ON j.code = t.jurisdiction
         WHERE j.parent = $parent AND CAST(t.year AS VARCHAR) = $year ORDER BY 1`,
        { parent: parent.code, year },
      );
      throw new UsageError(
        `nothing to report for the children of ${parent.label} at ${opts.period}: no indicator has both a target for ${year} and figures at ${opts.period}` +
          (targeted.length > 0 ? ` (targets for ${year}: ${list(targeted.map((r) => String(r.indicator)))}; try another period or --indicator)` : ` (no targets for ${year})`),
      );
    }
    if (rows.every((r) => r.obs_period === null)) {
      const indicators = [...new Set(rows.map((r) => r.indicator))];
      const available: string[] = [];
      for (const indicator of indicators) {
        const periods = await runQuery(engine, queries.periods, { indicator });
        available.push(`${indicator}: ${periods.length > 0 ? list(periods.map((p) => p.period), 60) : 'none'}`);
      }
      throw new UsageError(`no figures at ${opts.period} for the children of ${parent.label}; periods with figures: ${available.join('; ')}`);
    }
    const categories = new Map((await rowsOf(engine, 'SELECT id, category FROM indicators')).map((r) => [String(r.id), r.category === null ? null : String(r.category)]));
    return formatReport(inIndicatorOrder(rows, categories), opts.format, { parentLabel: parent.label });
  } finally {
    await engine.close();
  }
}

/**
 * The --now clock. A time without an offset is refused rather than read in this machine's time
 * zone: the embargo compares instants, and the same text would be a different instant elsewhere.
 */
function parseNow(text: string): Date {
  if (isDatetime(text)) return new Date(text);
  const why = isDatetime(`${text}Z`)
    ? 'a time without an offset names a different instant in every time zone, and the embargo compares instants (releases.csv refuses it too)'
    : `expected an ${DATETIME_EXPECTED}`;
  throw new UsageError(`--now "${text}": ${why}; ${datetimeFix(text)}`);
}

async function main(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        period: { type: 'string' },
        parent: { type: 'string' },
        indicator: { type: 'string' },
        data: { type: 'string', default: 'data' },
        now: { type: 'string' },
        'public-data': { type: 'string' },
        format: { type: 'string', default: 'table' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.period === undefined) throw new UsageError('--period is required (YYYY or YYYY-MM, e.g. 2024 or 2024-06)');
  if (!parsePeriod(values.period)) {
    throw new UsageError(`bad period "${values.period}": use YYYY (a year, e.g. 2024) or YYYY-MM with MM 01..12 (January to MM, cumulative, e.g. 2024-06)`);
  }
  const format = values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`bad format "${values.format}": use ${REPORT_FORMATS.join(', ')}`);
  const opts = { period: values.period, parent: values.parent, indicator: values.indicator, format };
  const now = values.now === undefined ? undefined : parseNow(values.now);

  if (values['public-data'] !== undefined) {
    if (now !== undefined) {
      throw new UsageError('--now sets the clock of the data build, and --public-data is already built (its embargo was applied then): use --data DIR with --now');
    }
    process.stdout.write(await report(path.resolve(values['public-data']), opts));
    return;
  }
  const dataDir = path.resolve(values.data);
  try {
    await fs.access(dataDir);
  } catch {
    throw new UsageError(`data package directory ${dataDir} does not exist (--data DIR)`);
  }
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'progress-'));
  try {
    const outDir = path.join(tmp, 'public');
    const log = values.verbose ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
    try {
      await buildData({ dataDir, outDir, now, log });
    } catch (err) {
      throw new Error(`the data build of ${dataDir} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    process.stdout.write(await report(outDir, opts));
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`progress: ${err.message}\n${err.message.startsWith('--') || err.message.includes('option') ? `${USAGE}\n` : ''}`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`progress: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
});
