/**
 * SQL building blocks shared by the catalog's queries. Each is a named CTE (or a list of CTEs)
 * or an expression whose text is fixed when this module loads: nothing here is built from user
 * input, every value from a reader is a parameter ($period, $parent, …), which the engines pass
 * through their request table (src/engine/request.ts), never spliced into the text.
 *
 * Rules every query follows so that DuckDB for Node and DuckDB-WASM return the same JSON:
 * core SQL only (no extensions), result columns VARCHAR / DOUBLE / INTEGER / BOOLEAN, a total
 * ORDER BY, and no `$` anywhere in the text except in parameter names.
 *
 * Speed (the site runs these queries thousands of times at build time, and in the browser on
 * up to a million observations; scripts/bench/queries.ts measures them):
 *   - observations are read once per query, through a hash join with the few keys wanted
 *     (`figures`), whose bounds DuckDB pushes into the scan, before anything is computed; a
 *     string column costs a scan of every row whatever the filters, so none is read that is
 *     not needed;
 *   - small intermediate results read more than once are MATERIALIZED;
 *   - no window functions over the figures (their fixed cost dominates on groups this small)
 *     and few joins: every operator has a fixed cost that dwarfs these row counts;
 *   - a parameter is read from the request table, so a large table is filtered on it by `=` or
 *     through a small join, the forms DuckDB prunes a scan on best (a range of parameters is
 *     checked in nested-loop joins above the scan, an OR or an IN list of them row by row);
 *   - booleans computed once, and no CTE joined only to reach the requested period.
 */
import { LEVELS, UNITS } from '../lib/schema.ts';

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * The requested period $period, read where it is used: expressions that are constants once the
 * parameter is bound, so a filter written with them is applied inside the table scan and no
 * join is needed to reach them.
 *   PERIOD_OK    $period is YYYY or YYYY-MM (a month 01 to 12). `scope` has no rows otherwise,
 *                so every query built on it returns no rows (the CLI and pages validate first)
 *   PERIOD_TEXT  the period as given
 *   PERIOD_YEAR  its year
 *   PERIOD_M     the month of year it ends in (12 for an annual period); m / 12 is the share of
 *                the year elapsed, and m = 12 means the period covers the whole year
 */
export const PERIOD_TEXT = 'CAST($period AS VARCHAR)';
export const PERIOD_OK = `regexp_full_match(${PERIOD_TEXT}, '[0-9]{4}(-(0[1-9]|1[0-2]))?')`;
export const PERIOD_YEAR = `TRY_CAST(substr(${PERIOD_TEXT}, 1, 4) AS INTEGER)`;
export const PERIOD_M = `coalesce(TRY_CAST(substr(${PERIOD_TEXT}, 6, 2) AS INTEGER), 12)`;
const PERIOD_ANNUAL = `length(${PERIOD_TEXT}) = 4`;

/**
 * The period text of an observation's (year, month): YYYY, or YYYY-MM. The data build derives
 * year and month from the period (src/engine/tables.ts), so this is the period itself, without
 * reading the period column: a string column costs a scan of every row of the table, whatever
 * the filters, and matters at a million observations.
 */
export function periodOf(year: string, month: string): string {
  return `lpad(CAST(${year} AS VARCHAR), 4, '0') || coalesce('-' || lpad(CAST(${month} AS VARCHAR), 2, '0'), '')`;
}

/**
 * An observation's usable value, published growth and state (`o` is a row of observations):
 *   value    NULL unless usable (flag c suppressed and na not available never carry a value)
 *   yoy_pct  the published growth, NULL when the row is suppressed (flag c). A row with flag na
 *            keeps its growth: offices often publish a growth rate without the level (a
 *            growth-only figure), and that growth is ranked, mapped and held to growth targets
 *   state    'ok' (a usable value), 'suppressed' (flag c) or 'missing' (flag na or no value):
 *            the state of the level, so a growth-only figure is 'missing' with a yoy_pct
 */
export const OBS_VALUE = `CASE WHEN coalesce(o.flag, '') NOT IN ('c', 'na') THEN o.value END`;
export const OBS_YOY = `CASE WHEN coalesce(o.flag, '') <> 'c' THEN o.yoy_pct END`;
export const OBS_STATE = `CASE WHEN o.flag = 'c' THEN 'suppressed' WHEN o.flag = 'na' OR o.value IS NULL THEN 'missing' ELSE 'ok' END`;

/**
 * The figures a query can ask `figures` for, each a year (the requested one or the one before)
 * and a month of year (the requested one or 12):
 *   now              the requested period
 *   last_year        the same period last year (1-MM月 of last year, or last year's total)
 *   last_year_total  last year's annual total (YYYY, or YYYY-12, of last year)
 *   year_end         this year's full-year figure (population for per-capita figures)
 */
export type Slot = 'now' | 'last_year' | 'last_year_total' | 'year_end';

const SLOT_YEAR: Record<Slot, string> = {
  now: PERIOD_YEAR,
  last_year: `${PERIOD_YEAR} - 1`,
  last_year_total: `${PERIOD_YEAR} - 1`,
  year_end: PERIOD_YEAR,
};
const SLOT_M: Record<Slot, string> = { now: PERIOD_M, last_year: PERIOD_M, last_year_total: '12', year_end: '12' };

/**
 * `figures` sets, each a query of one column: the children in `scope`; those and $parent itself;
 * $indicator, or every indicator when it is NULL.
 */
export const SCOPE_CODES = 'SELECT code FROM scope';
export const SCOPE_AND_PARENT_CODES = 'SELECT code FROM scope UNION ALL SELECT CAST($parent AS VARCHAR)';
export const INDICATOR_OR_ALL = 'SELECT i.id FROM indicators i WHERE CAST($indicator AS VARCHAR) IS NULL OR i.id = CAST($indicator AS VARCHAR)';
/** As INDICATOR_OR_ALL, $indicator being an id or several joined by commas (indicatorList in src/lib/schema.ts). */
export const INDICATORS_LISTED_OR_ALL =
  "SELECT i.id FROM indicators i WHERE CAST($indicator AS VARCHAR) IS NULL OR list_contains(string_split(CAST($indicator AS VARCHAR), ','), i.id)";

export interface FiguresOptions {
  /** The slots wanted: `figures` has a column `<slot>_fig` for each. */
  slots: readonly Slot[];
  /** The jurisdictions: a query of one column (SCOPE_CODES, SCOPE_AND_PARENT_CODES). */
  jurisdictions: string;
  /** The indicators: a query of one column, with parameters only (INDICATOR_OR_ALL). */
  indicators: string;
  /** Also carry the release id (only the progress report shows it). */
  release?: boolean;
  /**
   * Also carry the target of the requested year: `target`, a STRUCT of type, value, value_max, qualifier,
   * band_pp and source, NULL when there is none; a unit with a target and no figure gets a row too.
   * Read in the same pass as the figures rather than joined on afterwards: every join has a
   * fixed cost that dwarfs these row counts.
   */
  targets?: boolean;
}

/**
 * The order in which two rows answering for the same full year (YYYY and YYYY-12) are picked,
 * smallest first: a row with a usable value, then one with a published growth, then the one
 * not written in the other form (`otherForm`, a boolean). An na row in one form (often a
 * placeholder, or a growth published without the level) must not hide a usable figure in the
 * other, say from a later release: the year would have no figure, and next year's seasonal
 * pattern would fall back to linear.
 */
export function pickOrder(value: string, yoy: string, otherForm: string): string {
  return `(CASE WHEN (${value}) IS NULL THEN 4 ELSE 0 END + CASE WHEN (${yoy}) IS NULL THEN 2 ELSE 0 END + CASE WHEN ${otherForm} THEN 1 ELSE 0 END)`;
}

/**
 * `figures`: one row per (jurisdiction, indicator) with observations, holding for each slot the
 * figure picked for it: a STRUCT `<slot>_fig` of year, month, value, yoy_pct, flag[, release]
 * (value and yoy_pct as in OBS_VALUE and OBS_YOY; figPeriod gives its period), NULL when there is
 * none.
 *
 * How: `wanted` lists every (jurisdiction, indicator, year, month of year) a slot asks for, and
 * the observations are read through one hash join with it. DuckDB pushes the bounds of a small
 * join's keys into the scan of the other side, so the scan is pruned on indicator, year and
 * jurisdiction as if they were constants, and only the rows of the slots reach the aggregate.
 * (Compared with the values read from the request table directly, in filters, this halved the
 * figures of one indicator at a million rows.)
 *
 * The pick: a full year may be published as YYYY or as YYYY-12, and both answer for month 12.
 * The usable one wins (see pickOrder), then the one written the same way as the requested
 * period (annual for an annual request, -12 for a monthly one). Observations hold one row per
 * (jurisdiction, indicator, period), so no other tie is possible.
 */
export function figuresCtes(opts: FiguresOptions): string {
  const years = opts.slots.map((slot) => SLOT_YEAR[slot]);
  const months = opts.slots.map((slot) => SLOT_M[slot]);
  return `wanted AS MATERIALIZED ( -- every (jurisdiction, indicator, year, month of year) a slot asks for
  SELECT j.code AS jurisdiction, i.id AS indicator, p.year, p.m
  FROM (${opts.jurisdictions}) AS j(code)
  CROSS JOIN (${opts.indicators}) AS i(id)
  CROSS JOIN (SELECT DISTINCT unnest([${years.join(', ')}]) AS year, unnest([${months.join(', ')}]) AS m) AS p
),
figures AS MATERIALIZED ( -- one row per (jurisdiction, indicator): the figure picked for each slot
  SELECT jurisdiction, indicator,
    ${opts.slots
      .map((slot) => `arg_min(fig, pick) FILTER (WHERE year = ${SLOT_YEAR[slot]} AND m = ${SLOT_M[slot]}) AS ${slot}_fig`)
      .join(',\n    ')}${opts.targets ? ',\n    any_value(target) AS target' : ''}
  FROM (
    SELECT o.jurisdiction, o.indicator, o.year, w.m,
      ${pickOrder(OBS_VALUE, OBS_YOY, `(o.month IS NULL) <> (${PERIOD_ANNUAL})`)} AS pick,
      {'year': o.year, 'month': o.month, 'value': ${OBS_VALUE}, 'yoy_pct': ${OBS_YOY}, 'flag': o.flag${opts.release ? ", 'release': o.release" : ''}} AS fig${
        opts.targets ? ',\n      CAST(NULL AS STRUCT(type VARCHAR, value DOUBLE, value_max DOUBLE, qualifier VARCHAR, band_pp DOUBLE, source VARCHAR)) AS target' : ''
      }
    FROM observations o
    JOIN wanted w ON o.jurisdiction = w.jurisdiction AND o.indicator = w.indicator AND o.year = w.year AND coalesce(o.month, 12) = w.m${
      opts.targets
        ? `
    UNION ALL -- the targets, as rows without a figure
    SELECT t.jurisdiction, t.indicator, NULL, NULL, NULL, NULL,
      {'type': t.type, 'value': t.value, 'value_max': t.value_max, 'qualifier': t.qualifier, 'band_pp': t.band_pp, 'source': t.source}
    FROM targets t
    JOIN (SELECT DISTINCT jurisdiction, indicator FROM wanted) w ON t.jurisdiction = w.jurisdiction AND t.indicator = w.indicator
    WHERE t.year = ${PERIOD_YEAR}`
        : ''
    }
  ) AS candidates
  GROUP BY jurisdiction, indicator
)`;
}

/** The period (YYYY or YYYY-MM) of a figure picked by `figures`. */
export function figPeriod(fig: string): string {
  return periodOf(`${fig}.year`, `${fig}.month`);
}

/** The state of a figure picked by `figures` (a `<slot>_fig` STRUCT, NULL when there is none): as OBS_STATE. */
export function figState(fig: string): string {
  return `CASE WHEN ${fig}.flag = 'c' THEN 'suppressed' WHEN ${fig}.flag = 'na' OR ${fig}.value IS NULL THEN 'missing' ELSE 'ok' END`;
}

/**
 * `scope`: the children of $parent (the roots when $parent is NULL) valid on the last day of the
 * requested period: valid_from <= period end <= valid_to, an empty bound being open. One row per
 * code: the validator refuses two rows of a code valid on the same day (E_VALIDITY_OVERLAP).
 * Empty when $period is malformed.
 */
export const SCOPE_CTE = `scope AS MATERIALIZED (
  SELECT j.code, j.parent, j.level, j.name_zh, coalesce(j.name_en, j.name_zh) AS name_en
  FROM jurisdictions j
  CROSS JOIN (SELECT last_day(make_date(${PERIOD_YEAR}, ${PERIOD_M}, 1)) AS period_end WHERE ${PERIOD_OK}) AS r
  WHERE j.parent IS NOT DISTINCT FROM CAST($parent AS VARCHAR)
    AND coalesce(j.valid_from <= r.period_end, true)
    AND coalesce(j.valid_to >= r.period_end, true)
)`;

/** The rank of a level in the schema's order (country first; 99 for anything else), for sorting. */
export function levelRank(level: string): string {
  return `CASE ${level} ${LEVELS.map((l, i) => `WHEN ${sqlString(l)} THEN ${i}`).join(' ')} ELSE 99 END`;
}

/**
 * `units`: what one unit of each indicator unit is in base units of its currency (schema.ts
 * UNITS): 亿元 → 1e8 元, 万美元 → 1e4 美元, 万人 → 1e4 人. currency is NULL for non-money units.
 */
export const UNITS_CTE = `units(unit, currency, scale) AS (
  VALUES ${Object.entries(UNITS)
    .map(([unit, u]) => `(${sqlString(unit)}, ${u.currency === null ? 'CAST(NULL AS VARCHAR)' : sqlString(u.currency)}, CAST(${u.scale} AS DOUBLE))`)
    .join(',\n    ')}
)`;

/** `usd_rates`: the annual average CNY per USD of each year, with its source. */
export const USD_RATES_CTE = `usd_rates AS (
  SELECT year, cny_per_unit, source FROM exchange_rates WHERE currency = 'USD'
)`;

export type Basis = 'value' | 'yoy';
const BASES: readonly Basis[] = ['value', 'yoy'];
/** The measure each basis ranks, as a column of `cells`. */
const MEASURE: Record<Basis, string> = { value: 'value', yoy: 'yoy_pct' };

/**
 * Ranking: expects a CTE `cells` with one row per (indicator, level, code) holding name_zh,
 * name_en, higher_is_better, value, yoy_pct and state. Produces `standings`: every column of
 * `cells` and, for each basis b ('value' ranks the level, 'yoy' the published growth):
 *   b_measure     the ranked quantity (value or yoy_pct)
 *   b_rank_state  'ranked', 'suppressed' (flag c: never ranked, never zero) or 'missing'
 *   b_rank        competition rank (1, 2, 2, 4) among the ranked peers (same parent and level)
 *   b_rank_of     number of ranked peers (those with a figure), beside peer_count, every peer
 *   b_tied        another ranked peer has the same measure
 *   b_ahead_*     标兵: the peer just ahead (the best-placed of the peers with the nearest
 *                 strictly better measure; among equals the smallest code), gap = distance to it
 *   b_behind_*    追兵: the peer just behind (nearest strictly worse measure; smallest code among
 *                 equals), gap = lead over it
 * (* = code, name_zh, name_en, measure, gap). `groupAggregates` are aggregates over each group of
 * peers ("bool_or(x) AS y"), carried to every cell of the group. Gaps are non-negative distances in the measure's
 * unit (indicator unit for value, pp for yoy). higher_is_better = false ranks the smallest first.
 *
 * How: the ranked peers of each group are gathered once into a list sorted best first (by key =
 * the measure signed so that smaller is better, then code), and each cell finds its first and
 * last position among the sorted keys with list_position. The first is its competition rank;
 * the key just before it is the nearest better one, and the first peer with that key is the
 * pace-setter; the peer just after the last is the pursuer. A cell is ranked exactly when its
 * measure is not NULL: a usable value (flag c and na carry none); a published growth (NULL
 * when suppressed). The cells are carried through the group (list, then unnest) rather than
 * joined back to it, so the lists are never copied per cell.
 */
export function standingsCtes(groupAggregates: readonly string[] = []): string {
  const carried = groupAggregates.map((a) => `, ${a.slice(a.lastIndexOf(' AS ') + 4)}`).join('');
  return `keyed AS ( -- each cell's key on each basis: the measure signed so that smaller is better; NULL unless ranked
  SELECT *,
    ${BASES.map((b) => `CASE WHEN higher_is_better THEN -${MEASURE[b]} ELSE ${MEASURE[b]} END AS ${b}_key`).join(',\n    ')}
  FROM cells
),
ladders AS ( -- per group of peers: its cells, and on each basis the ranked ones best first (equal keys by code), and their keys
  SELECT list(k) AS members, CAST(count(*) AS INTEGER) AS peer_count${groupAggregates.map((a) => `, ${a}`).join('')},
    ${BASES.map(
      (b) => `list_sort(list({'key': ${b}_key, 'code': code, 'measure': ${MEASURE[b]}, 'name_zh': name_zh, 'name_en': name_en})
      FILTER (WHERE ${b}_key IS NOT NULL)) AS ${b}_ladder,
    list_sort(list(${b}_key) FILTER (WHERE ${b}_key IS NOT NULL)) AS ${b}_keys,
    list_reverse_sort(list(${b}_key) FILTER (WHERE ${b}_key IS NOT NULL)) AS ${b}_keys_reversed`,
    ).join(',\n    ')}
  FROM keyed k
  GROUP BY indicator, level
),
on_ladder AS ( -- the cells again, one row each, beside their group's ladders
  SELECT unnest(members, recursive := true), peer_count${carried}, ${BASES.map((b) => `${b}_ladder, ${b}_keys, ${b}_keys_reversed`).join(', ')}
  FROM ladders
),
placed AS ( -- first and last position of each cell's key among its peers' (NULL when not ranked)
  SELECT *,
    ${BASES.map(
      (b) => `list_position(${b}_keys, ${b}_key) AS ${b}_first,
    len(${b}_keys) + 1 - list_position(${b}_keys_reversed, ${b}_key) AS ${b}_last`,
    ).join(',\n    ')}
  FROM on_ladder
),
neighbours AS ( -- positions of the pace-setter (the first peer with the key just before) and of the pursuer (out of range: none)
  SELECT *,
    ${BASES.map((b) => `list_position(${b}_keys, ${b}_keys[${b}_first - 1]) AS ${b}_ahead, ${b}_last + 1 AS ${b}_behind`).join(',\n    ')}
  FROM placed
),
standings AS (
  SELECT * EXCLUDE (${BASES.map((b) => `${b}_key, ${b}_ladder, ${b}_keys, ${b}_keys_reversed, ${b}_first, ${b}_last, ${b}_ahead, ${b}_behind`).join(', ')}),
    value AS value_measure,
    CASE WHEN state = 'ok' THEN 'ranked' ELSE state END AS value_rank_state,
    yoy_pct AS yoy_measure,
    CASE WHEN state = 'suppressed' THEN 'suppressed' WHEN yoy_pct IS NULL THEN 'missing' ELSE 'ranked' END AS yoy_rank_state,
    ${BASES.map(
      (b) => `CAST(${b}_first AS INTEGER) AS ${b}_rank, coalesce(CAST(len(${b}_keys) AS INTEGER), 0) AS ${b}_rank_of,
    coalesce(${b}_last > ${b}_first, false) AS ${b}_tied,
    ${b}_ladder[${b}_ahead].code AS ${b}_ahead_code, ${b}_ladder[${b}_ahead].name_zh AS ${b}_ahead_name_zh,
    ${b}_ladder[${b}_ahead].name_en AS ${b}_ahead_name_en, ${b}_ladder[${b}_ahead].measure AS ${b}_ahead_measure,
    abs(${b}_ladder[${b}_ahead].measure - ${MEASURE[b]}) AS ${b}_ahead_gap,
    ${b}_ladder[${b}_behind].code AS ${b}_behind_code, ${b}_ladder[${b}_behind].name_zh AS ${b}_behind_name_zh,
    ${b}_ladder[${b}_behind].name_en AS ${b}_behind_name_en, ${b}_ladder[${b}_behind].measure AS ${b}_behind_measure,
    abs(${MEASURE[b]} - ${b}_ladder[${b}_behind].measure) AS ${b}_behind_gap`,
    ).join(',\n    ')}
  FROM neighbours
)`;
}

/** Joins CTE texts into one WITH clause. */
export function withClause(...ctes: string[]): string {
  return `WITH ${ctes.join(',\n')}`;
}
