/**
 * children: each child against its parent at one period — difference from the parent's
 * published growth, share of the parent, and contribution to the parent's growth (拉动).
 */
import {
  figState,
  figPeriod,
  figuresCtes,
  SCOPE_AND_PARENT_CODES,
  INDICATOR_OR_ALL,
  levelRank,
  PERIOD_TEXT,
  SCOPE_CTE,
  withClause,
} from './fragments.ts';

export interface ChildrenParams {
  period: string;
  parent: string;
  /** Indicator id; NULL = every indicator with a figure at the period for the parent or a child. */
  indicator: string | null;
}

export interface ChildrenRow {
  indicator: string;
  additive: boolean;
  level: string;
  jurisdiction: string;
  name_zh: string;
  name_en: string;
  period: string;
  obs_period: string | null;
  value: number | null;
  yoy_pct: number | null;
  flag: string | null;
  state: 'ok' | 'suppressed' | 'missing';
  value_last_year: number | null;
  parent: string;
  parent_value: number | null;
  parent_yoy_pct: number | null;
  parent_state: 'ok' | 'suppressed' | 'missing';
  parent_value_last_year: number | null;
  growth_diff_pp: number | null;
  share_of_parent: number | null;
  contribution_pp: number | null;
}

export const CHILDREN_SQL = `${withClause(
  SCOPE_CTE,
  figuresCtes({ slots: ['now', 'last_year'], jurisdictions: SCOPE_AND_PARENT_CODES, indicators: INDICATOR_OR_ALL }),
  `chosen AS ( -- the given indicator, or every one with a figure at the period for the parent or a child
  SELECT i.id AS indicator, i.additive
  FROM indicators i
  WHERE CASE WHEN CAST($indicator AS VARCHAR) IS NOT NULL THEN i.id = CAST($indicator AS VARCHAR)
    ELSE i.id IN (SELECT f.indicator FROM figures f WHERE f.now_fig IS NOT NULL) END
)`,
  `child_figures AS ( -- each child's figures beside its parent's, per indicator
  SELECT s.code, s.level, s.name_zh, s.name_en, c.indicator, c.additive,
    ${figPeriod('f.now_fig')} AS obs_period, f.now_fig.value AS value, f.now_fig.yoy_pct AS yoy_pct, f.now_fig.flag AS flag,
    ${figState('f.now_fig')} AS state, f.last_year_fig.value AS value_last_year,
    p.now_fig.value AS parent_value, p.now_fig.yoy_pct AS parent_yoy_pct, ${figState('p.now_fig')} AS parent_state,
    p.last_year_fig.value AS parent_value_last_year
  FROM scope s CROSS JOIN chosen c
  LEFT JOIN figures f ON f.jurisdiction = s.code AND f.indicator = c.indicator
  LEFT JOIN figures p ON p.jurisdiction = CAST($parent AS VARCHAR) AND p.indicator = c.indicator
)`,
)}
SELECT f.indicator, f.additive, f.level, f.code AS jurisdiction, f.name_zh, f.name_en,
  ${PERIOD_TEXT} AS period, f.obs_period, f.value, f.yoy_pct, f.flag, f.state, f.value_last_year,
  CAST($parent AS VARCHAR) AS parent,
  f.parent_value, f.parent_yoy_pct, f.parent_state, f.parent_value_last_year,
  -- growth difference: child's published growth minus the parent's (pp), not direction-adjusted
  f.yoy_pct - f.parent_yoy_pct AS growth_diff_pp,
  -- share of the parent (a fraction) and contribution to its growth (pp): additive indicators only
  CASE WHEN f.additive AND f.parent_value <> 0 THEN f.value / f.parent_value END AS share_of_parent,
  CASE WHEN f.additive AND f.parent_value_last_year <> 0
    THEN (f.value - f.value_last_year) * 100 / f.parent_value_last_year END AS contribution_pp
FROM child_figures f
WHERE CAST($parent AS VARCHAR) IS NOT NULL
ORDER BY f.indicator, ${levelRank('f.level')}, f.level, f.code`;
