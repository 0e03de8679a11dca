/**
 * ranking: the children of a parent ranked among their peers (same parent, same level, valid at
 * the period) on the value (levels) or on the published growth (yoy), the ranked first in rank
 * order, then the suppressed, then the missing, each group by code.
 */
import { LEVEL_ORDER_CTE, NOW_OBS_CTE, OBS_CTE, REQUEST_CTE, SCOPE_CTE, STANDINGS_CTES, withClause } from './fragments.ts';

export interface RankingParams {
  period: string;
  /** Parent code; NULL ranks the roots. */
  parent: string | null;
  /** Indicator id; NULL = every indicator with a figure at the period in scope. */
  indicator: string | null;
  /** 'value' or 'yoy'; NULL = both. */
  basis: 'value' | 'yoy' | null;
}

export interface RankingRow {
  indicator: string;
  basis: 'value' | 'yoy';
  level: string;
  jurisdiction: string;
  name_zh: string;
  name_en: string;
  period: string;
  obs_period: string | null;
  value: number | null;
  yoy_pct: number | null;
  flag: string | null;
  /** The ranked quantity: value or yoy_pct. */
  measure: number | null;
  rank_state: 'ranked' | 'suppressed' | 'missing';
  rank: number | null;
  rank_of: number;
  tied: boolean;
  ahead_code: string | null;
  ahead_name_zh: string | null;
  ahead_name_en: string | null;
  ahead_measure: number | null;
  ahead_gap: number | null;
  behind_code: string | null;
  behind_name_zh: string | null;
  behind_name_en: string | null;
  behind_measure: number | null;
  behind_gap: number | null;
}

export const RANKING_SQL = `${withClause(
  REQUEST_CTE,
  OBS_CTE,
  NOW_OBS_CTE,
  SCOPE_CTE,
  LEVEL_ORDER_CTE,
  `chosen AS (
  SELECT i.id AS indicator, i.higher_is_better
  FROM indicators i
  WHERE CASE WHEN CAST($indicator AS VARCHAR) IS NOT NULL THEN i.id = CAST($indicator AS VARCHAR)
    ELSE i.id IN (SELECT n.indicator FROM now_obs n JOIN scope s ON s.code = n.jurisdiction) END
)`,
  `cells AS (
  SELECT s.code, s.level, s.name_zh, s.name_en, c.indicator, c.higher_is_better,
    n.period AS obs_period, n.value, n.yoy_pct, n.flag,
    coalesce(n.state, 'missing') AS state
  FROM scope s CROSS JOIN chosen c
  LEFT JOIN now_obs n ON n.jurisdiction = s.code AND n.indicator = c.indicator
)`,
  STANDINGS_CTES,
)}
SELECT c.indicator, st.basis, c.level, c.code AS jurisdiction, c.name_zh, c.name_en,
  r.period, c.obs_period, c.value, c.yoy_pct, c.flag,
  st.measure, st.rank_state, st.rank, st.rank_of, st.tied,
  st.ahead_code, st.ahead_name_zh, st.ahead_name_en, st.ahead_measure, st.ahead_gap,
  st.behind_code, st.behind_name_zh, st.behind_name_en, st.behind_measure, st.behind_gap
FROM cells c
CROSS JOIN request r
JOIN standings st ON st.indicator = c.indicator AND st.level = c.level AND st.code = c.code
LEFT JOIN level_order lo ON lo.level = c.level
WHERE CAST($basis AS VARCHAR) IS NULL OR st.basis = CAST($basis AS VARCHAR)
ORDER BY c.indicator, st.basis, coalesce(lo.level_rank, 99), c.level,
  CASE st.rank_state WHEN 'ranked' THEN 0 WHEN 'suppressed' THEN 1 ELSE 2 END,
  st.rank, c.code`;
