/**
 * SQL building blocks shared by the catalog's queries. Each is a named CTE (or a list of CTEs)
 * whose text is fixed when this module loads: nothing here is built from user input, every
 * value from a reader reaches DuckDB as a bound parameter ($period, $parent, …).
 *
 * Rules every query follows so that DuckDB for Node and DuckDB-WASM return the same JSON:
 * core SQL only (no extensions), result columns VARCHAR / DOUBLE / INTEGER / BOOLEAN, a total
 * ORDER BY, and no `$` anywhere in the text except in parameter names.
 */
import { LEVELS, UNITS } from '../lib/schema.ts';

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * `request`: the requested period $period parsed once. A malformed period yields no row, so
 * every query built on it returns no rows (the CLI and pages validate before asking).
 *   year, month   month is NULL for an annual period
 *   m             month of year the period ends in (12 for an annual period)
 *   elapsed       share of the year elapsed = m / 12 (an annual period is 1)
 *   year_end      the period covers the whole year (annual, or January..December)
 *   period_end    last day of the period: the date jurisdictions must be valid at
 */
export const REQUEST_CTE = `request AS (
  SELECT period, year, month,
    coalesce(month, 12) AS m,
    CAST(coalesce(month, 12) AS DOUBLE) / 12 AS elapsed,
    coalesce(month, 12) = 12 AS year_end,
    last_day(make_date(year, coalesce(month, 12), 1)) AS period_end
  FROM (
    SELECT CAST($period AS VARCHAR) AS period,
      TRY_CAST(substr(CAST($period AS VARCHAR), 1, 4) AS INTEGER) AS year,
      CASE WHEN length(CAST($period AS VARCHAR)) = 7
        THEN TRY_CAST(substr(CAST($period AS VARCHAR), 6, 2) AS INTEGER) END AS month
  ) AS parsed
  WHERE regexp_full_match(period, '[0-9]{4}(-(0[1-9]|1[0-2]))?')
)`;

/**
 * `obs`: every latest-vintage observation with
 *   m        month of year it ends in (an annual figure counts as month 12: 全年 = 1-12月)
 *   value    NULL unless usable (flag c suppressed and na not available never carry a value)
 *   yoy_pct  the published growth, NULL when the row is suppressed or not available
 *   state    'ok' (a usable value), 'suppressed' (flag c) or 'missing' (flag na or no value)
 */
export const OBS_CTE = `obs AS (
  SELECT o.jurisdiction, o.indicator, o.period, o.year, o.month,
    coalesce(o.month, 12) AS m,
    CASE WHEN coalesce(o.flag, '') NOT IN ('c', 'na') THEN o.value END AS value,
    CASE WHEN coalesce(o.flag, '') NOT IN ('c', 'na') THEN o.yoy_pct END AS yoy_pct,
    o.flag, o.release, o.note,
    CASE WHEN o.flag = 'c' THEN 'suppressed'
         WHEN o.flag = 'na' OR o.value IS NULL THEN 'missing'
         ELSE 'ok' END AS state
  FROM observations o
)`;

/**
 * Picks one observation per (jurisdiction, indicator) for a year offset from the requested one
 * and a month of year. A full year may be published as YYYY or as YYYY-12: both count, and the
 * one written the same way as the requested period wins (annual for an annual request, -12 for
 * a monthly one); the period text breaks any remaining tie.
 */
function pickObs(name: string, yearOffset: 0 | -1, month: 'requested' | 'year_end', comment: string): string {
  const year = yearOffset === 0 ? 'r.year' : 'r.year - 1';
  const m = month === 'requested' ? 'r.m' : '12';
  return `${name} AS ( -- ${comment}
  SELECT obs.* FROM obs CROSS JOIN request r
  WHERE obs.year = ${year} AND obs.m = ${m}
  QUALIFY row_number() OVER (
    PARTITION BY obs.jurisdiction, obs.indicator
    ORDER BY ((obs.month IS NULL) = (r.month IS NULL)) DESC, obs.period) = 1
)`;
}

/** `now_obs`: each (jurisdiction, indicator)'s figure for the requested period. */
export const NOW_OBS_CTE = pickObs('now_obs', 0, 'requested', 'the figure for the requested period');
/** `last_year_obs`: the same period of last year (1-MM月 of last year, or last year's total). */
export const LAST_YEAR_OBS_CTE = pickObs('last_year_obs', -1, 'requested', 'the same period last year');
/** `last_year_total`: last year's annual total (YYYY, or YYYY-12, of last year). */
export const LAST_YEAR_TOTAL_CTE = pickObs('last_year_total', -1, 'year_end', "last year's annual total");
/** `year_end_obs`: this year's full-year figure (used for population in per-capita figures). */
export const YEAR_END_OBS_CTE = pickObs('year_end_obs', 0, 'year_end', "this year's full-year figure");

/**
 * `scope`: the children of $parent (the roots when $parent is NULL) valid on the period's last
 * day: valid_from <= period_end <= valid_to, an empty bound being open. If a code had two
 * rows valid that day, the one that started last wins.
 */
export const SCOPE_CTE = `scope AS (
  SELECT j.code, j.parent, j.level, j.name_zh, coalesce(j.name_en, j.name_zh) AS name_en
  FROM jurisdictions j CROSS JOIN request r
  WHERE j.parent IS NOT DISTINCT FROM CAST($parent AS VARCHAR)
    AND coalesce(j.valid_from <= r.period_end, true)
    AND coalesce(j.valid_to >= r.period_end, true)
  QUALIFY row_number() OVER (PARTITION BY j.code ORDER BY j.valid_from DESC NULLS LAST) = 1
)`;

/** `level_order`: levels in the schema's order (country first), for sorting. */
export const LEVEL_ORDER_CTE = `level_order(level, level_rank) AS (
  VALUES ${LEVELS.map((l, i) => `(${sqlString(l)}, ${i})`).join(', ')}
)`;

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

/**
 * Ranking: expects a CTE `cells` with one row per (indicator, level, code) holding
 * higher_is_better, value, yoy_pct and state, and `scope` for names. Produces `standings`:
 * one row per cell and basis ('value' ranks the level, 'yoy' the published growth) with
 *   rank_state  'ranked', 'suppressed' (flag c: never ranked, never zero) or 'missing'
 *   rank        competition rank (1, 2, 2, 4) among the ranked peers (same parent and level)
 *   rank_of     number of ranked peers
 *   tied        another ranked peer has the same measure
 *   ahead_*     标兵: the peer just ahead (the best-placed of the peers with the nearest
 *               strictly better measure; among equals the smallest code), gap = distance to it
 *   behind_*    追兵: the peer just behind (nearest strictly worse measure; smallest code among
 *               equals), gap = lead over it
 * Gaps are non-negative distances in the measure's unit (indicator unit for value, pp for yoy).
 * higher_is_better = false ranks the smallest measure first.
 */
export const STANDINGS_CTES = `measures AS (
  SELECT indicator, level, code, higher_is_better, 'value' AS basis, value AS measure,
    CASE WHEN state = 'ok' THEN 'ranked' ELSE state END AS rank_state
  FROM cells
  UNION ALL
  SELECT indicator, level, code, higher_is_better, 'yoy' AS basis, yoy_pct AS measure,
    CASE WHEN state = 'suppressed' THEN 'suppressed' WHEN yoy_pct IS NULL THEN 'missing' ELSE 'ranked' END AS rank_state
  FROM cells
),
ranked AS (
  SELECT indicator, level, basis, code, measure,
    CAST(rank() OVER peers AS INTEGER) AS rank,
    dense_rank() OVER peers AS tier,
    count(*) OVER (PARTITION BY indicator, level, basis, measure) > 1 AS tied
  FROM measures
  WHERE rank_state = 'ranked'
  WINDOW peers AS (
    PARTITION BY indicator, level, basis
    ORDER BY CASE WHEN higher_is_better THEN measure END DESC,
             CASE WHEN NOT higher_is_better THEN measure END ASC)
),
ranked_count AS (
  SELECT indicator, level, basis, CAST(count(*) AS INTEGER) AS rank_of
  FROM ranked GROUP BY indicator, level, basis
),
tiers AS ( -- one representative per group of equal measures: the smallest code
  SELECT indicator, level, basis, tier, min(code) AS code, min(measure) AS measure
  FROM ranked GROUP BY indicator, level, basis, tier
),
standings AS (
  SELECT m.indicator, m.level, m.code, m.basis, m.measure, m.rank_state,
    r.rank, coalesce(n.rank_of, 0) AS rank_of, coalesce(r.tied, false) AS tied,
    a.code AS ahead_code, sa.name_zh AS ahead_name_zh, sa.name_en AS ahead_name_en,
    a.measure AS ahead_measure, abs(a.measure - m.measure) AS ahead_gap,
    b.code AS behind_code, sb.name_zh AS behind_name_zh, sb.name_en AS behind_name_en,
    b.measure AS behind_measure, abs(m.measure - b.measure) AS behind_gap
  FROM measures m
  LEFT JOIN ranked r ON r.indicator = m.indicator AND r.level = m.level AND r.basis = m.basis AND r.code = m.code
  LEFT JOIN ranked_count n ON n.indicator = m.indicator AND n.level = m.level AND n.basis = m.basis
  LEFT JOIN tiers a ON a.indicator = r.indicator AND a.level = r.level AND a.basis = r.basis AND a.tier = r.tier - 1
  LEFT JOIN tiers b ON b.indicator = r.indicator AND b.level = r.level AND b.basis = r.basis AND b.tier = r.tier + 1
  LEFT JOIN scope sa ON sa.code = a.code
  LEFT JOIN scope sb ON sb.code = b.code
)`;

/** Joins CTE texts into one WITH clause. */
export function withClause(...ctes: string[]): string {
  return `WITH ${ctes.join(',\n')}`;
}
