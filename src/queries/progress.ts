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
  INDICATORS_LISTED_OR_ALL,
  levelRank,
  PERIOD_M,
  PERIOD_TEXT,
  SCOPE_CTE,
  standingsCtes,
  withClause,
} from './fragments.ts';
import { VERDICT_DECIMALS, type Status, type VerdictKind } from '../lib/verdict.ts';

export interface ProgressParams {
  /** YYYY or YYYY-MM. */
  period: string;
  /** Parent code; NULL lists the roots. */
  parent: string | null;
  /**
   * Indicator id, or several ids joined by commas (indicatorList in src/lib/schema.ts: one query
   * answers for all of them, as one query per id would); NULL = every indicator with a target this year and a figure
   * at this period in scope.
   */
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
  target_type: 'level' | 'growth' | 'qualitative' | 'none' | null;
  target_value: number | null;
  /** Upper bound of a 区间 target. */
  target_value_max: number | null;
  target_qualifier: string | null;
  /** A 左右 target's band: this many points short of it is still about on target. */
  target_band_pp: number | null;
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
  /** Every peer (same parent and level), ranked or not. */
  peer_count: number;
  rank_basis: 'value' | 'yoy';
  rank: number | null;
  rank_of: number;
  /** Another ranked peer shares the rank. */
  tied: boolean;
  ahead_code: string | null;
  ahead_name_zh: string | null;
  ahead_name_en: string | null;
  ahead_gap: number | null;
  behind_code: string | null;
  behind_name_zh: string | null;
  behind_name_en: string | null;
  behind_gap: number | null;
  /** What the target is held to: see VerdictKind in src/lib/verdict.ts. NULL without a numeric target. */
  verdict_kind: VerdictKind | null;
  /** The verdict's gap, pp, >= 0 good, rounded to VERDICT_DECIMALS: the number every page shows beside the status. */
  verdict_gap_pp: number | null;
  status: Status;
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
    indicators: INDICATORS_LISTED_OR_ALL,
    release: true,
    targets: true,
  }),
  `chosen AS (
  -- the given indicators, or every one with a target this year and a figure at the period in scope
  SELECT i.id AS indicator, i.name_zh AS indicator_name_zh, i.name_en AS indicator_name_en,
    i.unit, i.kind, i.higher_is_better, i.decimals,
    i.kind IN ('ytd_flow', 'count') AS cumulative
  FROM indicators i
  LEFT JOIN (
    SELECT indicator, bool_or(target IS NOT NULL) AS any_target, bool_or(now_fig IS NOT NULL) AS any_figure
    FROM figures GROUP BY indicator
  ) tt ON tt.indicator = i.id
  WHERE CASE WHEN CAST($indicator AS VARCHAR) IS NOT NULL THEN list_contains(string_split(CAST($indicator AS VARCHAR), ','), i.id)
    ELSE coalesce(tt.any_target AND tt.any_figure, false) END
)`,
  `cells AS ( -- one row per child and indicator: its figure for the period if any, and last year's
  SELECT s.code, s.level, s.name_zh, s.name_en, c.*,
    ${figPeriod('f.now_fig')} AS obs_period, f.now_fig.value AS value, f.now_fig.yoy_pct AS yoy_pct,
    f.now_fig.flag AS flag, f.now_fig.release AS release, ${figState('f.now_fig')} AS state,
    f.last_year_fig.value AS last_year_ytd, f.last_year_total_fig.value AS last_year_total,
    f.target.type AS target_type, f.target.value AS target_value, f.target.value_max AS target_value_max,
    f.target.qualifier AS target_qualifier, f.target.band_pp AS target_band_pp, f.target.source AS target_source
  FROM scope s CROSS JOIN chosen c
  LEFT JOIN figures f ON f.jurisdiction = s.code AND f.indicator = c.indicator
)`,
  // what a child without a target is ranked on, like the targets of its peers (same parent and
  // level): on growth when every one of those is a growth target
  standingsCtes(["bool_or(target_type = 'growth') AS peers_any_growth", "bool_or(target_type = 'level') AS peers_any_level"]),
  `against_target AS ( -- the target of the year; last year's figures for the seasonal pattern
  SELECT st.*, ${PERIOD_TEXT} AS period, ${PERIOD_M} AS m, CAST(${PERIOD_M} AS DOUBLE) / 12 AS elapsed, ${PERIOD_M} = 12 AS year_end,
    st.target_type = 'level' AS level_target, st.target_type = 'growth' AS growth_target,
    -- what the target is held to (src/lib/verdict.ts VerdictKind): a ceiling is 以内, or any
    -- target of a lower-is-better stock or rate, and is never read as completion against time
    CASE WHEN st.target_type IN ('level', 'growth') THEN CASE
      WHEN coalesce(st.target_qualifier = '以内', false) OR NOT (st.higher_is_better OR st.cumulative) THEN 'ceiling'
      WHEN st.target_qualifier = '区间' THEN 'range'
      WHEN st.target_type = 'growth' THEN 'growth'
      WHEN st.cumulative THEN 'pace'
      ELSE 'level' END
    END AS verdict_kind,
    -- a level target on a % rate that does not accumulate is measured in points of it, A − T
    -- (src/lib/verdict.ts inPoints): a rate against a rate is compared by difference
    NOT st.cumulative AND st.unit = '%' AS in_points,
    -- a level target T > 0 and a figure A: what completion and the pace gaps need (a ceiling on
    -- a stock or rate has neither: the whole ceiling applies at every date; nor has a target on
    -- a % rate, measured in points)
    coalesce(st.target_type = 'level' AND st.target_value > 0 AND st.value IS NOT NULL
      AND (st.cumulative OR (st.higher_is_better AND coalesce(st.target_qualifier <> '以内', true) AND st.unit <> '%')), false) AS measurable,
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
         WHEN growth_target THEN target_value - yoy_pct END AS growth_gap_pp,
    -- a level target on a % rate (not a ceiling, so higher is better): A − T, points of the rate
    CASE WHEN level_target AND in_points AND verdict_kind IN ('level', 'range') THEN value - target_value END AS points_gap_pp,
    -- a ceiling: how far under it, in points of a % rate, else in % of the ceiling; pro rata
    -- (m/12 of it) for a cumulative flow
    CASE WHEN verdict_kind <> 'ceiling' THEN NULL
         WHEN growth_target THEN target_value - yoy_pct
         WHEN value IS NULL OR NOT (target_value > 0 OR unit = '%') THEN NULL
         WHEN cumulative THEN 100 * (m * target_value - 12 * value) / (12 * target_value)
         WHEN unit = '%' THEN target_value - value
         ELSE 100 * (target_value - value) / target_value END AS ceiling_gap_pp
  FROM against_target
)`,
  `verdicts AS ( -- the verdict's gap at the precision every page shows it (+ 0.0 turns -0.0 into 0.0)
  SELECT *,
    round(CASE verdict_kind WHEN 'ceiling' THEN ceiling_gap_pp
                            WHEN 'growth' THEN growth_gap_pp
                            WHEN 'range' THEN coalesce(growth_gap_pp, points_gap_pp, pace_gap_pp)
                            ELSE coalesce(points_gap_pp, pace_gap_pp) END, ${VERDICT_DECIMALS}) + 0.0 AS verdict_gap_pp
  FROM gaps
)`,
  `assessed AS (
  SELECT *,
    -- against last year's pattern; with the linear pattern (a cumulative indicator without last
    -- year's figures) the expected share is m/12 and the gap is the time pace gap
    CASE seasonal_basis WHEN 'last_year' THEN last_year_gap_pp WHEN 'linear' THEN pace_gap_pp END AS seasonal_gap_pp,
    -- the rules of src/lib/verdict.ts verdictStatus, on the rounded gap, so that a unit exactly
    -- on pace is on pace and the word always agrees with the sign of the gap shown beside it
    CASE
      WHEN target_type IS NULL THEN 'no_target'
      WHEN target_type = 'qualitative' THEN 'qualitative'
      WHEN target_type = 'none' THEN 'none_stated'
      WHEN state = 'suppressed' THEN 'suppressed'
      WHEN verdict_gap_pp IS NULL THEN 'no_data'
      WHEN verdict_kind = 'ceiling' THEN CASE WHEN verdict_gap_pp >= 0 THEN 'within' ELSE 'over' END
      -- a year-to-date flow that already reached its target has achieved it, whatever the month
      WHEN verdict_gap_pp >= 0 AND (year_end OR (verdict_kind = 'pace' AND higher_is_better AND value >= target_value)) THEN 'achieved'
      WHEN verdict_gap_pp >= 0 THEN 'ahead'
      WHEN verdict_gap_pp >= -target_band_pp THEN 'about'
      WHEN year_end THEN 'not_achieved'
      ELSE 'behind'
    END AS status,
    -- the ranking the target is about: growth targets rank the published growth, level targets the value
    coalesce(growth_target OR (NOT coalesce(level_target, false) AND coalesce(peers_any_growth AND NOT peers_any_level, false)), false) AS on_yoy
  FROM verdicts
)`,
)}
SELECT
  a.code AS jurisdiction, a.name_zh, a.name_en, a.level,
  a.indicator, a.indicator_name_zh, a.indicator_name_en, a.unit, a.kind, a.higher_is_better, a.decimals,
  a.period, a.obs_period, a.value, a.yoy_pct, a.flag, a.state,
  a.release, rel.published_at AS release_published_at,
  a.target_type, a.target_value, a.target_value_max, a.target_qualifier, a.target_band_pp, a.target_source,
  a.elapsed, a.completion, a.pace_gap_pp,
  a.last_year_ytd, a.last_year_total, a.seasonal_basis, a.seasonal_expected, a.seasonal_gap_pp, a.projection,
  a.growth_gap_pp,
  a.value_rank, a.value_rank_of, a.value_rank_state,
  a.value_ahead_code, a.value_ahead_name_zh, a.value_ahead_gap,
  a.value_behind_code, a.value_behind_name_zh, a.value_behind_gap,
  a.yoy_rank, a.yoy_rank_of, a.yoy_rank_state,
  a.yoy_ahead_code, a.yoy_ahead_name_zh, a.yoy_ahead_gap,
  a.yoy_behind_code, a.yoy_behind_name_zh, a.yoy_behind_gap,
  a.peer_count, CASE WHEN a.on_yoy THEN 'yoy' ELSE 'value' END AS rank_basis, ${['rank', 'rank_of', 'tied'].map(onRankBasis).join(', ')},
  ${['ahead_code', 'ahead_name_zh', 'ahead_name_en', 'ahead_gap'].map(onRankBasis).join(',\n  ')},
  ${['behind_code', 'behind_name_zh', 'behind_name_en', 'behind_gap'].map(onRankBasis).join(',\n  ')},
  a.verdict_kind, a.verdict_gap_pp, a.status
FROM assessed a
LEFT JOIN releases rel ON rel.id = a.release
ORDER BY a.indicator, ${levelRank('a.level')}, a.level, a.code`;
