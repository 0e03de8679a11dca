/**
 * progress: the children of a parent against their annual targets at one period, with
 * time pace (时间过半，任务过半), seasonal pace, projection, growth-target gap and both rankings.
 * The formulas are documented in docs/progress-report.md; src/lib/progress.ts holds the same
 * rules in TypeScript, and the tests check the two agree.
 */
import {
  LAST_YEAR_OBS_CTE,
  LAST_YEAR_TOTAL_CTE,
  LEVEL_ORDER_CTE,
  NOW_OBS_CTE,
  OBS_CTE,
  REQUEST_CTE,
  SCOPE_CTE,
  STANDINGS_CTES,
  withClause,
} from './fragments.ts';

export interface ProgressParams {
  /** YYYY or YYYY-MM. */
  period: string;
  /** Parent code; NULL lists the roots. */
  parent: string | null;
  /** Indicator id; NULL = every indicator with a target this year and a figure at this period in scope. */
  indicator: string | null;
}

export interface ProgressRow {
  jurisdiction: string;
  name_zh: string;
  name_en: string;
  level: string;
  indicator: string;
  indicator_name_zh: string;
  indicator_name_en: string;
  unit: string;
  kind: string;
  higher_is_better: boolean;
  /** Decimals the site shows for this indicator. */
  decimals: number;
  period: string;
  obs_period: string | null;
  value: number | null;
  yoy_pct: number | null;
  flag: string | null;
  state: 'ok' | 'suppressed' | 'missing';
  release: string | null;
  release_published_at: string | null;
  target_type: 'level' | 'growth' | null;
  target_value: number | null;
  target_qualifier: string | null;
  target_source: string | null;
  elapsed: number;
  completion: number | null;
  pace_gap_pp: number | null;
  last_year_ytd: number | null;
  last_year_total: number | null;
  seasonal_basis: 'last_year' | 'linear' | null;
  seasonal_expected: number | null;
  seasonal_gap_pp: number | null;
  projection: number | null;
  growth_gap_pp: number | null;
  value_rank: number | null;
  value_rank_of: number;
  value_rank_state: 'ranked' | 'suppressed' | 'missing';
  value_ahead_code: string | null;
  value_ahead_name_zh: string | null;
  value_ahead_gap: number | null;
  value_behind_code: string | null;
  value_behind_name_zh: string | null;
  value_behind_gap: number | null;
  yoy_rank: number | null;
  yoy_rank_of: number;
  yoy_rank_state: 'ranked' | 'suppressed' | 'missing';
  yoy_ahead_code: string | null;
  yoy_ahead_name_zh: string | null;
  yoy_ahead_gap: number | null;
  yoy_behind_code: string | null;
  yoy_behind_name_zh: string | null;
  yoy_behind_gap: number | null;
  rank_basis: 'value' | 'yoy';
  rank: number | null;
  rank_of: number;
  ahead_code: string | null;
  ahead_name_zh: string | null;
  ahead_name_en: string | null;
  ahead_gap: number | null;
  behind_code: string | null;
  behind_name_zh: string | null;
  behind_name_en: string | null;
  behind_gap: number | null;
  status: 'achieved' | 'ahead' | 'behind' | 'no_target' | 'suppressed' | 'no_data';
}

export const PROGRESS_SQL = `${withClause(
  REQUEST_CTE,
  OBS_CTE,
  NOW_OBS_CTE,
  LAST_YEAR_OBS_CTE,
  LAST_YEAR_TOTAL_CTE,
  SCOPE_CTE,
  LEVEL_ORDER_CTE,
  `year_targets AS (
  SELECT t.* FROM targets t CROSS JOIN request r WHERE t.year = r.year
)`,
  `chosen AS ( -- the given indicator, or every one with a target this year and a figure at the period in scope
  SELECT i.id AS indicator, i.name_zh AS indicator_name_zh, i.name_en AS indicator_name_en,
    i.unit, i.kind, i.higher_is_better, i.decimals,
    i.kind IN ('ytd_flow', 'count') AS cumulative
  FROM indicators i
  WHERE CASE WHEN CAST($indicator AS VARCHAR) IS NOT NULL THEN i.id = CAST($indicator AS VARCHAR)
    ELSE i.id IN (SELECT t.indicator FROM year_targets t JOIN scope s ON s.code = t.jurisdiction)
     AND i.id IN (SELECT n.indicator FROM now_obs n JOIN scope s ON s.code = n.jurisdiction) END
)`,
  `cells AS ( -- one row per child and indicator, with its figure for the period if any
  SELECT s.code, s.level, s.name_zh, s.name_en, c.*,
    n.period AS obs_period, n.value, n.yoy_pct, n.flag, n.release,
    coalesce(n.state, 'missing') AS state
  FROM scope s CROSS JOIN chosen c
  LEFT JOIN now_obs n ON n.jurisdiction = s.code AND n.indicator = c.indicator
)`,
  STANDINGS_CTES,
  `against_target AS ( -- the target of the year; last year's figures for the seasonal pattern
  SELECT cells.*, r.m, r.elapsed, r.year_end,
    t.type AS target_type, t.value AS target_value, t.qualifier AS target_qualifier, t.source AS target_source,
    ly.value AS last_year_ytd, lt.value AS last_year_total,
    CASE WHEN NOT cells.cumulative THEN NULL
         WHEN ly.value > 0 AND lt.value > 0 THEN 'last_year'
         ELSE 'linear' END AS seasonal_basis
  FROM cells CROSS JOIN request r
  LEFT JOIN year_targets t ON t.jurisdiction = cells.code AND t.indicator = cells.indicator
  LEFT JOIN last_year_obs ly ON ly.jurisdiction = cells.code AND ly.indicator = cells.indicator
  LEFT JOIN last_year_total lt ON lt.jurisdiction = cells.code AND lt.indicator = cells.indicator
)`,
  `gaps AS (
  -- A = value, T = level target, m = month, Lm = last year's YTD, Lt = last year's total.
  -- Each ratio is written with one division so exact inputs give exact results:
  --   (A/T - m/12)*100 = 100*(12A - mT)/(12T);  (A/T - Lm/Lt)*100 = 100*(A*Lt - Lm*T)/(T*Lt).
  -- Every gap is signed so that >= 0 is good, whichever way the indicator points.
  SELECT *,
    CASE WHEN target_type = 'level' AND target_value > 0 THEN value / target_value END AS completion,
    CASE seasonal_basis WHEN 'last_year' THEN last_year_ytd / last_year_total
                        WHEN 'linear' THEN elapsed END AS seasonal_expected,
    CASE WHEN target_type <> 'level' OR NOT (target_value > 0) OR value IS NULL THEN NULL
         WHEN cumulative AND higher_is_better THEN 100 * (12 * value - m * target_value) / (12 * target_value)
         WHEN cumulative THEN 100 * (m * target_value - 12 * value) / (12 * target_value)
         WHEN higher_is_better THEN 100 * (value - target_value) / target_value
         ELSE 100 * (target_value - value) / target_value END AS pace_gap_pp,
    CASE WHEN target_type <> 'level' OR NOT (target_value > 0) OR value IS NULL OR seasonal_basis IS NULL THEN NULL
         WHEN seasonal_basis = 'linear' AND higher_is_better THEN 100 * (12 * value - m * target_value) / (12 * target_value)
         WHEN seasonal_basis = 'linear' THEN 100 * (m * target_value - 12 * value) / (12 * target_value)
         WHEN higher_is_better THEN 100 * (value * last_year_total - last_year_ytd * target_value) / (target_value * last_year_total)
         ELSE 100 * (last_year_ytd * target_value - value * last_year_total) / (target_value * last_year_total) END AS seasonal_gap_pp,
    CASE seasonal_basis WHEN 'last_year' THEN value * last_year_total / last_year_ytd
                        WHEN 'linear' THEN 12 * value / m END AS projection,
    CASE WHEN target_type <> 'growth' OR yoy_pct IS NULL THEN NULL
         WHEN higher_is_better THEN yoy_pct - target_value
         ELSE target_value - yoy_pct END AS growth_gap_pp
  FROM against_target
)`,
  `assessed AS (
  SELECT *,
    CASE
      WHEN target_type IS NULL THEN 'no_target'
      WHEN state = 'suppressed' THEN 'suppressed'
      WHEN target_type = 'level' AND completion IS NULL THEN 'no_data'
      WHEN target_type = 'growth' AND growth_gap_pp IS NULL THEN 'no_data'
      WHEN target_type = 'level' THEN CASE
        -- a year-to-date flow that already reached its target has achieved it, whatever the month
        WHEN higher_is_better AND value >= target_value AND (year_end OR cumulative) THEN 'achieved'
        WHEN NOT higher_is_better AND value <= target_value AND year_end THEN 'achieved'
        WHEN year_end THEN 'behind'
        WHEN pace_gap_pp >= 0 THEN 'ahead'
        ELSE 'behind' END
      ELSE CASE
        WHEN growth_gap_pp >= 0 AND year_end THEN 'achieved'
        WHEN growth_gap_pp >= 0 THEN 'ahead'
        ELSE 'behind' END
    END AS status
  FROM gaps
)`,
  `rank_bases AS ( -- rows without a target rank like their peers' targets: on growth when all of those are growth targets
  SELECT indicator,
    CASE WHEN coalesce(bool_or(target_type = 'growth'), false) AND NOT coalesce(bool_or(target_type = 'level'), false)
      THEN 'yoy' ELSE 'value' END AS default_basis
  FROM assessed GROUP BY indicator
)`,
)}
SELECT
  a.code AS jurisdiction, a.name_zh, a.name_en, a.level,
  a.indicator, a.indicator_name_zh, a.indicator_name_en, a.unit, a.kind, a.higher_is_better, a.decimals,
  r.period, a.obs_period, a.value, a.yoy_pct, a.flag, a.state,
  a.release, rel.published_at AS release_published_at,
  a.target_type, a.target_value, a.target_qualifier, a.target_source,
  a.elapsed, a.completion, a.pace_gap_pp,
  a.last_year_ytd, a.last_year_total, a.seasonal_basis, a.seasonal_expected, a.seasonal_gap_pp, a.projection,
  a.growth_gap_pp,
  sv.rank AS value_rank, sv.rank_of AS value_rank_of, sv.rank_state AS value_rank_state,
  sv.ahead_code AS value_ahead_code, sv.ahead_name_zh AS value_ahead_name_zh, sv.ahead_gap AS value_ahead_gap,
  sv.behind_code AS value_behind_code, sv.behind_name_zh AS value_behind_name_zh, sv.behind_gap AS value_behind_gap,
  sy.rank AS yoy_rank, sy.rank_of AS yoy_rank_of, sy.rank_state AS yoy_rank_state,
  sy.ahead_code AS yoy_ahead_code, sy.ahead_name_zh AS yoy_ahead_name_zh, sy.ahead_gap AS yoy_ahead_gap,
  sy.behind_code AS yoy_behind_code, sy.behind_name_zh AS yoy_behind_name_zh, sy.behind_gap AS yoy_behind_gap,
  st.basis AS rank_basis, st.rank, st.rank_of,
  st.ahead_code, st.ahead_name_zh, st.ahead_name_en, st.ahead_gap,
  st.behind_code, st.behind_name_zh, st.behind_name_en, st.behind_gap,
  a.status
FROM assessed a
CROSS JOIN request r
LEFT JOIN level_order lo ON lo.level = a.level
LEFT JOIN releases rel ON rel.id = a.release
LEFT JOIN standings sv ON sv.basis = 'value' AND sv.indicator = a.indicator AND sv.code = a.code
LEFT JOIN standings sy ON sy.basis = 'yoy' AND sy.indicator = a.indicator AND sy.code = a.code
JOIN rank_bases rb ON rb.indicator = a.indicator
-- the ranking the target is about: growth targets rank the published growth, level targets the value
LEFT JOIN standings st ON st.indicator = a.indicator AND st.code = a.code
  AND st.basis = CASE a.target_type WHEN 'growth' THEN 'yoy' WHEN 'level' THEN 'value' ELSE rb.default_basis END
ORDER BY a.indicator, coalesce(lo.level_rank, 99), a.level, a.code`;
