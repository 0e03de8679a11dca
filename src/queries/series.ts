/**
 * Time series and periods: the trend of one jurisdiction-indicator this year against last year
 * by month, its whole series, the periods available and the latest period per indicator.
 */
import { OBS_CTE, withClause } from './fragments.ts';

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
 * published as YYYY-12 or as YYYY (YYYY-12 preferred in this monthly view).
 */
export const TREND_SQL = `${withClause(
  OBS_CTE,
  `months AS (
  SELECT CAST(range AS INTEGER) AS month FROM range(1, 13)
)`,
  `wanted AS (
  SELECT CAST($year AS INTEGER) AS year, i.kind IN ('ytd_flow', 'count') AS cumulative
  FROM indicators i WHERE i.id = CAST($indicator AS VARCHAR)
)`,
  `series AS ( -- this year and last year, one figure per month of year
  SELECT obs.* FROM obs CROSS JOIN wanted w
  WHERE obs.jurisdiction = CAST($jurisdiction AS VARCHAR) AND obs.indicator = CAST($indicator AS VARCHAR)
    AND obs.year IN (w.year, w.year - 1)
  QUALIFY row_number() OVER (PARTITION BY obs.year, obs.m ORDER BY (obs.month IS NULL), obs.period) = 1
)`,
)}
SELECT mo.month,
  t.period AS this_year_period, t.value AS this_year_value, t.yoy_pct AS this_year_yoy_pct,
  t.flag AS this_year_flag, coalesce(t.state, 'missing') AS this_year_state,
  l.period AS last_year_period, l.value AS last_year_value, l.yoy_pct AS last_year_yoy_pct,
  l.flag AS last_year_flag, coalesce(l.state, 'missing') AS last_year_state,
  CASE WHEN w.cumulative AND lt.value > 0 THEN l.value / lt.value END AS last_year_share
FROM months mo
CROSS JOIN wanted w
LEFT JOIN series t ON t.year = w.year AND t.m = mo.month
LEFT JOIN series l ON l.year = w.year - 1 AND l.m = mo.month
LEFT JOIN series lt ON lt.year = w.year - 1 AND lt.m = 12
ORDER BY mo.month`;

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
export const SERIES_SQL = `${withClause(OBS_CTE)}
SELECT obs.period, obs.year, obs.month, obs.value, obs.yoy_pct, obs.flag, obs.state,
  obs.release, rel.published_at AS release_published_at, obs.note
FROM obs
LEFT JOIN releases rel ON rel.id = obs.release
WHERE obs.jurisdiction = CAST($jurisdiction AS VARCHAR) AND obs.indicator = CAST($indicator AS VARCHAR)
ORDER BY obs.year, coalesce(obs.month, 13), obs.period`;

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

/** The periods that have at least one observation, oldest first (YYYY after YYYY-12). */
export const PERIODS_SQL = `${withClause(OBS_CTE)}
SELECT period, year, month, month IS NULL AS annual,
  CAST(coalesce(month, 12) AS DOUBLE) / 12 AS elapsed,
  CAST(count(DISTINCT indicator) AS INTEGER) AS indicators,
  CAST(count(*) AS INTEGER) AS observations,
  CAST(count(*) FILTER (WHERE state = 'ok') AS INTEGER) AS with_value
FROM obs
WHERE CAST($indicator AS VARCHAR) IS NULL OR indicator = CAST($indicator AS VARCHAR)
GROUP BY period, year, month
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
  OBS_CTE,
  `by_period AS (
  SELECT indicator, period, year, month,
    CAST(count(*) AS INTEGER) AS jurisdictions,
    CAST(count(*) FILTER (WHERE state = 'ok') AS INTEGER) AS with_value
  FROM obs
  WHERE CAST($indicator AS VARCHAR) IS NULL OR indicator = CAST($indicator AS VARCHAR)
  GROUP BY indicator, period, year, month
)`,
)}
SELECT i.id AS indicator, b.period AS latest_period, b.year, b.month, b.jurisdictions, b.with_value
FROM by_period b
JOIN indicators i ON i.id = b.indicator
QUALIFY row_number() OVER (PARTITION BY b.indicator ORDER BY b.year DESC, coalesce(b.month, 13) DESC, b.period DESC) = 1
ORDER BY i.id`;
