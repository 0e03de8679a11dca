/**
 * ranking: the children of a parent ranked among their peers (same parent, same level, valid at
 * the period) on the value (levels) or on the published growth (yoy), the ranked first in rank
 * order, then the suppressed, then the missing, each group by code.
 */
import {
  type Basis,
  figState,
  figPeriod,
  figuresCtes,
  SCOPE_CODES,
  INDICATOR_OR_ALL,
  levelRank,
  PERIOD_TEXT,
  SCOPE_CTE,
  standingsCtes,
  withClause,
} from './fragments.ts';

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
  /** Every peer, ranked or not: "2nd of 6 reporting (31 peers)". */
  peer_count: number;
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

const STANDING_COLUMNS = ['measure', 'rank_state', 'rank', 'rank_of', 'tied', 'ahead_code', 'ahead_name_zh', 'ahead_name_en',
  'ahead_measure', 'ahead_gap', 'behind_code', 'behind_name_zh', 'behind_name_en', 'behind_measure', 'behind_gap'];

/** The standings of one basis as a STRUCT with the basis-free field names of RankingRow. */
function onBasis(b: Basis): string {
  return `{'basis': '${b}', ${STANDING_COLUMNS.map((c) => `'${c}': ${b}_${c}`).join(', ')}}`;
}

export const RANKING_SQL = `${withClause(
  SCOPE_CTE,
  figuresCtes({ slots: ['now'], jurisdictions: SCOPE_CODES, indicators: INDICATOR_OR_ALL }),
  `chosen AS ( -- the given indicator, or every one with a figure at the period in scope
  SELECT i.id AS indicator, i.higher_is_better
  FROM indicators i
  WHERE CASE WHEN CAST($indicator AS VARCHAR) IS NOT NULL THEN i.id = CAST($indicator AS VARCHAR)
    ELSE i.id IN (SELECT f.indicator FROM figures f WHERE f.now_fig IS NOT NULL) END
)`,
  `cells AS ( -- one row per child and indicator, with its figure for the period if any
  SELECT s.code, s.level, s.name_zh, s.name_en, c.indicator, c.higher_is_better,
    ${figPeriod('f.now_fig')} AS obs_period, f.now_fig.value AS value, f.now_fig.yoy_pct AS yoy_pct, f.now_fig.flag AS flag,
    ${figState('f.now_fig')} AS state
  FROM scope s CROSS JOIN chosen c
  LEFT JOIN figures f ON f.jurisdiction = s.code AND f.indicator = c.indicator
)`,
  standingsCtes(),
  `by_basis AS ( -- one row per cell and basis
  SELECT indicator, level, code, name_zh, name_en, obs_period, value, yoy_pct, flag, peer_count,
    unnest([${onBasis('value')},
      ${onBasis('yoy')}], recursive := true)
  FROM standings
)`,
)}
SELECT b.indicator, b.basis, b.level, b.code AS jurisdiction, b.name_zh, b.name_en,
  ${PERIOD_TEXT} AS period, b.obs_period, b.value, b.yoy_pct, b.flag,
  b.measure, b.rank_state, b.rank, b.rank_of, b.peer_count, b.tied,
  b.ahead_code, b.ahead_name_zh, b.ahead_name_en, b.ahead_measure, b.ahead_gap,
  b.behind_code, b.behind_name_zh, b.behind_name_en, b.behind_measure, b.behind_gap
FROM by_basis b
WHERE CAST($basis AS VARCHAR) IS NULL OR b.basis = CAST($basis AS VARCHAR)
ORDER BY b.indicator, b.basis, ${levelRank('b.level')}, b.level,
  CASE b.rank_state WHEN 'ranked' THEN 0 WHEN 'suppressed' THEN 1 ELSE 2 END,
  b.rank, b.code`;
