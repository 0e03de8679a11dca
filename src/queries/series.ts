/**
 * Time series and periods: the trend of one jurisdiction-indicator this year against last year
 * by month, its whole series, the periods available and the latest period per indicator.
 */
import { figState, OBS_STATE, OBS_VALUE, OBS_YOY, periodOf, pickOrder, withClause } from './fragments.ts';

export interface TrendParams {
  jurisdiction: string;
  indicator: string;
  year: number;
}

export interface TrendRow {
  month: number;
  this_year_period: string | null;
  this_year_value: number | null;
  this_year_yoy_pct: number | null;
  this_year_flag: string | null;
  this_year_state: 'ok' | 'suppressed' | 'missing';
  last_year_period: string | null;
  last_year_value: number | null;
  last_year_yoy_pct: number | null;
  last_year_flag: string | null;
  last_year_state: 'ok' | 'suppressed' | 'missing';
  /** Last year's year-to-date share of its annual total (seasonal pattern); cumulative kinds only. */
  last_year_share: number | null;
}

/**
 * 12 rows, January to December. A month with no release (often January: 1-2月 is published
 * together) has NULL figures and state 'missing'. The full year is month 12, whether it was
 * published as YYYY-12 or as YYYY: the usable one (pickOrder), else YYYY-12 in this monthly view.
 */
export const TREND_SQL = `${withClause(
  `wanted AS (
  SELECT CAST($year AS INTEGER) AS year, i.kind IN ('ytd_flow', 'count') AS cumulative
  FROM indicators i WHERE i.id = CAST($indicator AS VARCHAR)
)`,
  `by_month AS MATERIALIZED ( -- this year's and last year's figure for each month of year that has one
  SELECT coalesce(o.month, 12) AS m,
    arg_min(o.fig, o.pick) FILTER (WHERE o.year = CAST($year AS INTEGER)) AS this_year,
    arg_min(o.fig, o.pick) FILTER (WHERE o.year = CAST($year AS INTEGER) - 1) AS last_year
  FROM (
    SELECT o.year, o.month, ${pickOrder(OBS_VALUE, OBS_YOY, 'o.month IS NULL')} AS pick, {'period': ${periodOf('o.year', 'o.month')}, 'value': ${OBS_VALUE}, 'yoy_pct': ${OBS_YOY}, 'flag': o.flag} AS fig
    FROM observations o
    -- a join, not filters: DuckDB prunes the scan on the bounds of a small join's keys (see figuresCtes)
    JOIN (SELECT CAST($jurisdiction AS VARCHAR) AS jurisdiction, CAST($indicator AS VARCHAR) AS indicator,
        unnest([CAST($year AS INTEGER) - 1, CAST($year AS INTEGER)]) AS year) AS k
      ON o.jurisdiction = k.jurisdiction AND o.indicator = k.indicator AND o.year = k.year
  ) AS o
  GROUP BY coalesce(o.month, 12)
)`,
)}
SELECT CAST(mo.range AS INTEGER) AS month,
  b.this_year.period AS this_year_period, b.this_year.value AS this_year_value, b.this_year.yoy_pct AS this_year_yoy_pct,
  b.this_year.flag AS this_year_flag, ${figState('b.this_year')} AS this_year_state,
  b.last_year.period AS last_year_period, b.last_year.value AS last_year_value, b.last_year.yoy_pct AS last_year_yoy_pct,
  b.last_year.flag AS last_year_flag, ${figState('b.last_year')} AS last_year_state,
  CASE WHEN w.cumulative AND lt.last_year.value > 0 THEN b.last_year.value / lt.last_year.value END AS last_year_share
FROM range(1, 13) AS mo
CROSS JOIN wanted w
LEFT JOIN by_month b ON b.m = mo.range
LEFT JOIN by_month lt ON lt.m = 12
ORDER BY mo.range`;

export interface SeriesParams {
  jurisdiction: string;
  indicator: string;
}

export interface SeriesRow {
  period: string;
  year: number;
  month: number | null;
  value: number | null;
  yoy_pct: number | null;
  flag: string | null;
  state: 'ok' | 'suppressed' | 'missing';
  release: string | null;
  release_published_at: string | null;
  note: string | null;
}

/** Every period of one jurisdiction-indicator, oldest first; an annual YYYY sorts after YYYY-12. */
export const SERIES_SQL = `SELECT o.period, o.year, o.month, ${OBS_VALUE} AS value, ${OBS_YOY} AS yoy_pct, o.flag,
  ${OBS_STATE} AS state, o.release, rel.published_at AS release_published_at, o.note
FROM observations o
LEFT JOIN releases rel ON rel.id = o.release
WHERE o.jurisdiction = CAST($jurisdiction AS VARCHAR) AND o.indicator = CAST($indicator AS VARCHAR)
ORDER BY o.year, coalesce(o.month, 13), o.period`;

export interface PeriodsParams {
  /** Indicator id; NULL = all indicators. */
  indicator: string | null;
}

export interface PeriodsRow {
  period: string;
  year: number;
  month: number | null;
  annual: boolean;
  /** Elapsed share of the year, month / 12 (1 for an annual period). */
  elapsed: number;
  indicators: number;
  observations: number;
  with_value: number;
}

/**
 * Observations, and those with a value, per period and indicator: the derived table
 * observation_periods (src/engine/tables.ts), which both engines compute once when they load
 * the data, so these two queries read a few thousand rows instead of every observation.
 */
const PER_INDICATOR_CTE = `per_indicator AS (
  SELECT p.year, p.month, p.indicator, p.n, p.n_ok
  FROM observation_periods p
  WHERE CAST($indicator AS VARCHAR) IS NULL OR p.indicator = CAST($indicator AS VARCHAR)
)`;

/** The periods that have at least one observation, oldest first (YYYY after YYYY-12). */
export const PERIODS_SQL = `${withClause(PER_INDICATOR_CTE)}
SELECT ${periodOf('year', 'month')} AS period, year, month, month IS NULL AS annual,
  CAST(coalesce(month, 12) AS DOUBLE) / 12 AS elapsed,
  CAST(count(*) AS INTEGER) AS indicators,
  CAST(sum(n) AS INTEGER) AS observations,
  CAST(sum(n_ok) AS INTEGER) AS with_value
FROM per_indicator
GROUP BY year, month
ORDER BY year, coalesce(month, 13), period`;

export interface LatestParams {
  /** Indicator id; NULL = all indicators. */
  indicator: string | null;
}

export interface LatestRow {
  indicator: string;
  latest_period: string;
  year: number;
  month: number | null;
  /** Jurisdictions with an observation at that period. */
  jurisdictions: number;
  with_value: number;
}

/**
 * The latest period of each indicator that has observations: the greatest (year, month), a full
 * year published as YYYY winning over YYYY-12 of the same year.
 */
export const LATEST_SQL = `${withClause(
  PER_INDICATOR_CTE,
  `latest AS ( -- each indicator's greatest (year, month), the annual YYYY counting after YYYY-12
  SELECT indicator, arg_max({'year': year, 'month': month, 'n': n, 'n_ok': n_ok}, {'year': year, 'm': coalesce(month, 13)}) AS p
  FROM per_indicator
  GROUP BY indicator
)`,
)}
SELECT i.id AS indicator, ${periodOf('l.p.year', 'l.p.month')} AS latest_period, l.p.year AS year, l.p.month AS month,
  CAST(l.p.n AS INTEGER) AS jurisdictions, CAST(l.p.n_ok AS INTEGER) AS with_value
FROM latest l
JOIN indicators i ON i.id = l.indicator
ORDER BY i.id`;
