/**
 * progress: the children of a parent against their annual targets at one period, with
 * time pace (时间过半，任务过半), seasonal pace, projection, growth-target gap and both rankings.
 * The formulas are documented in docs/progress-report.md; src/lib/progress.ts holds the same
 * rules in TypeScript, and the tests check the two agree.
 */
import {
  figState,
  figPeriod,
  figuresCtes,
  SCOPE_CODES,
  INDICATOR_OR_ALL,
  levelRank,
  PERIOD_M,
  PERIOD_TEXT,
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

/** A standings column of the basis the row is ranked on (rank_basis). */
function onRankBasis(column: string): string {
  return `CASE WHEN a.on_yoy THEN a.yoy_${column} ELSE a.value_${column} END AS ${column}`;
}

export const PROGRESS_SQL = `${withClause(
  SCOPE_CTE,
  figuresCtes({
    slots: ['now', 'last_year', 'last_year_total'],
    jurisdictions: SCOPE_CODES,
    indicators: INDICATOR_OR_ALL,
    release: true,
    targets: true,
  }),
  `chosen AS (
  -- the given indicator, or every one with a target this year and a figure at the period in scope;
  -- default_basis: what a child without a target is ranked on, like its peers' targets: on growth
  -- when all of those are growth targets
  SELECT i.id AS indicator, i.name_zh AS indicator_name_zh, i.name_en AS indicator_name_en,
    i.unit, i.kind, i.higher_is_better, i.decimals,
    i.kind IN ('ytd_flow', 'count') AS cumulative,
    CASE WHEN coalesce(tt.any_growth, false) AND NOT coalesce(tt.any_level, false) THEN 'yoy' ELSE 'value' END AS default_basis
  FROM indicators i
  LEFT JOIN (
    SELECT indicator, bool_or(target.type = 'growth') AS any_growth, bool_or(target.type = 'level') AS any_level,
      bool_or(target IS NOT NULL) AS any_target, bool_or(now_fig IS NOT NULL) AS any_figure
    FROM figures GROUP BY indicator
  ) tt ON tt.indicator = i.id
  WHERE CASE WHEN CAST($indicator AS VARCHAR) IS NOT NULL THEN i.id = CAST($indicator AS VARCHAR)
    ELSE coalesce(tt.any_target AND tt.any_figure, false) END
)`,
  `cells AS ( -- one row per child and indicator: its figure for the period if any, and last year's
  SELECT s.code, s.level, s.name_zh, s.name_en, c.*,
    ${figPeriod('f.now_fig')} AS obs_period, f.now_fig.value AS value, f.now_fig.yoy_pct AS yoy_pct,
    f.now_fig.flag AS flag, f.now_fig.release AS release, ${figState('f.now_fig')} AS state,
    f.last_year_fig.value AS last_year_ytd, f.last_year_total_fig.value AS last_year_total,
    f.target.type AS target_type, f.target.value AS target_value, f.target.qualifier AS target_qualifier, f.target.source AS target_source
  FROM scope s CROSS JOIN chosen c
  LEFT JOIN figures f ON f.jurisdiction = s.code AND f.indicator = c.indicator
)`,
  STANDINGS_CTES,
  `against_target AS ( -- the target of the year; last year's figures for the seasonal pattern
  SELECT st.*, ${PERIOD_TEXT} AS period, ${PERIOD_M} AS m, CAST(${PERIOD_M} AS DOUBLE) / 12 AS elapsed, ${PERIOD_M} = 12 AS year_end,
    st.target_type = 'level' AS level_target, st.target_type = 'growth' AS growth_target,
    -- a level target T > 0 and a figure A: what completion and the pace gaps need
    coalesce(st.target_type = 'level' AND st.target_value > 0 AND st.value IS NOT NULL, false) AS measurable,
    CASE WHEN NOT st.cumulative THEN NULL
         WHEN st.last_year_ytd > 0 AND st.last_year_total > 0 THEN 'last_year'
         ELSE 'linear' END AS seasonal_basis
  FROM standings st
)`,
  `gaps AS (
  -- A = value, T = level target, m = month, Lm = last year's YTD, Lt = last year's total.
  -- Each ratio is written with one division so exact inputs give exact results:
  --   (A/T - m/12)*100 = 100*(12A - mT)/(12T);  (A/T - Lm/Lt)*100 = 100*(A*Lt - Lm*T)/(T*Lt).
  -- Every gap is signed so that >= 0 is good, whichever way the indicator points.
  SELECT *,
    CASE WHEN measurable THEN value / target_value END AS completion,
    CASE seasonal_basis WHEN 'last_year' THEN last_year_ytd / last_year_total
                        WHEN 'linear' THEN elapsed END AS seasonal_expected,
    CASE WHEN NOT measurable THEN NULL
         WHEN cumulative AND higher_is_better THEN 100 * (12 * value - m * target_value) / (12 * target_value)
         WHEN cumulative THEN 100 * (m * target_value - 12 * value) / (12 * target_value)
         WHEN higher_is_better THEN 100 * (value - target_value) / target_value
         ELSE 100 * (target_value - value) / target_value END AS pace_gap_pp,
    CASE WHEN NOT measurable OR seasonal_basis <> 'last_year' THEN NULL
         WHEN higher_is_better THEN 100 * (value * last_year_total - last_year_ytd * target_value) / (target_value * last_year_total)
         ELSE 100 * (last_year_ytd * target_value - value * last_year_total) / (target_value * last_year_total) END AS last_year_gap_pp,
    CASE seasonal_basis WHEN 'last_year' THEN value * last_year_total / last_year_ytd
                        WHEN 'linear' THEN 12 * value / m END AS projection,
    CASE WHEN growth_target AND higher_is_better THEN yoy_pct - target_value
         WHEN growth_target THEN target_value - yoy_pct END AS growth_gap_pp
  FROM against_target
)`,
  `assessed AS (
  SELECT *,
    -- against last year's pattern; with the linear pattern (a cumulative indicator without last
    -- year's figures) the expected share is m/12 and the gap is the time pace gap
    CASE seasonal_basis WHEN 'last_year' THEN last_year_gap_pp WHEN 'linear' THEN pace_gap_pp END AS seasonal_gap_pp,
    CASE
      WHEN target_type IS NULL THEN 'no_target'
      WHEN state = 'suppressed' THEN 'suppressed'
      WHEN level_target AND completion IS NULL THEN 'no_data'
      WHEN growth_target AND growth_gap_pp IS NULL THEN 'no_data'
      WHEN level_target THEN CASE
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
    END AS status,
    -- the ranking the target is about: growth targets rank the published growth, level targets the value
    coalesce(growth_target OR (NOT coalesce(level_target, false) AND default_basis = 'yoy'), false) AS on_yoy
  FROM gaps
)`,
)}
SELECT
  a.code AS jurisdiction, a.name_zh, a.name_en, a.level,
  a.indicator, a.indicator_name_zh, a.indicator_name_en, a.unit, a.kind, a.higher_is_better, a.decimals,
  a.period, a.obs_period, a.value, a.yoy_pct, a.flag, a.state,
  a.release, rel.published_at AS release_published_at,
  a.target_type, a.target_value, a.target_qualifier, a.target_source,
  a.elapsed, a.completion, a.pace_gap_pp,
  a.last_year_ytd, a.last_year_total, a.seasonal_basis, a.seasonal_expected, a.seasonal_gap_pp, a.projection,
  a.growth_gap_pp,
  a.value_rank, a.value_rank_of, a.value_rank_state,
  a.value_ahead_code, a.value_ahead_name_zh, a.value_ahead_gap,
  a.value_behind_code, a.value_behind_name_zh, a.value_behind_gap,
  a.yoy_rank, a.yoy_rank_of, a.yoy_rank_state,
  a.yoy_ahead_code, a.yoy_ahead_name_zh, a.yoy_ahead_gap,
  a.yoy_behind_code, a.yoy_behind_name_zh, a.yoy_behind_gap,
  CASE WHEN a.on_yoy THEN 'yoy' ELSE 'value' END AS rank_basis, ${['rank', 'rank_of'].map(onRankBasis).join(', ')},
  ${['ahead_code', 'ahead_name_zh', 'ahead_name_en', 'ahead_gap'].map(onRankBasis).join(',\n  ')},
  ${['behind_code', 'behind_name_zh', 'behind_name_en', 'behind_gap'].map(onRankBasis).join(',\n  ')},
  a.status
FROM assessed a
LEFT JOIN releases rel ON rel.id = a.release
ORDER BY a.indicator, ${levelRank('a.level')}, a.level, a.code`;
