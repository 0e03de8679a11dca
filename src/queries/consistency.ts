/**
 * consistency: for additive indicators, the sum of the children's figures against the parent's
 * reported figure. Reported as it is, never forced: the two need not agree (different sources,
 * units outside any child, suppressed children).
 *
 * Special reporting units (level 'special': zones, development areas) usually lie inside another
 * child and would be counted twice, so they are left out of children_sum and reported apart.
 */
import {
  figState,
  figPeriod,
  figuresCtes,
  SCOPE_AND_PARENT_CODES,
  INDICATOR_OR_ALL,
  PERIOD_OK,
  PERIOD_TEXT,
  SCOPE_CTE,
  withClause,
} from './fragments.ts';

export interface ConsistencyParams {
  period: string;
  parent: string;
  /** Indicator id; NULL = every additive indicator with a figure at the period for the parent or a child. */
  indicator: string | null;
}

export interface ConsistencyRow {
  indicator: string;
  period: string;
  parent: string;
  parent_obs_period: string | null;
  parent_value: number | null;
  parent_state: 'ok' | 'suppressed' | 'missing';
  /** Children (not special units) valid at the period. */
  children: number;
  children_with_value: number;
  children_suppressed: number;
  children_missing: number;
  /** Sum over children with a value; NULL when none has one. Rounded to 10 decimals. */
  children_sum: number | null;
  /** children_sum − parent_value, rounded to 10 decimals. */
  difference: number | null;
  /** difference / parent_value × 100. */
  difference_pct: number | null;
  /** Every child has a value. */
  complete: boolean;
  special_units: number;
  special_with_value: number;
  special_sum: number | null;
}

export const CONSISTENCY_SQL = `${withClause(
  SCOPE_CTE,
  figuresCtes({ slots: ['now'], jurisdictions: SCOPE_AND_PARENT_CODES, indicators: INDICATOR_OR_ALL }),
  `chosen AS ( -- the given additive indicator, or every one with a figure at the period for the parent or a child
  SELECT i.id AS indicator
  FROM indicators i
  WHERE i.additive AND CASE WHEN CAST($indicator AS VARCHAR) IS NOT NULL THEN i.id = CAST($indicator AS VARCHAR)
    ELSE i.id IN (SELECT f.indicator FROM figures f WHERE f.now_fig IS NOT NULL) END
)`,
  `child_figures AS (
  SELECT c.indicator, s.code, s.level = 'special' AS special, f.now_fig.value AS value,
    ${figState('f.now_fig')} AS state
  FROM scope s CROSS JOIN chosen c
  LEFT JOIN figures f ON f.jurisdiction = s.code AND f.indicator = c.indicator
)`,
  `sums AS (
  -- sums are exact, so both engines and any plan agree whatever the order of addition (a float sum
  -- depends on it in its last digits): each value, a published figure with a few decimals, is
  -- added as a DECIMAL(38, 10); the results are rounded to 10 decimals
  SELECT indicator,
    CAST(count(*) FILTER (WHERE NOT special) AS INTEGER) AS children,
    CAST(count(*) FILTER (WHERE NOT special AND state = 'ok') AS INTEGER) AS children_with_value,
    CAST(count(*) FILTER (WHERE NOT special AND state = 'suppressed') AS INTEGER) AS children_suppressed,
    CAST(count(*) FILTER (WHERE NOT special AND state = 'missing') AS INTEGER) AS children_missing,
    sum(CAST(value AS DECIMAL(38, 10))) FILTER (WHERE NOT special) AS children_total,
    CAST(count(*) FILTER (WHERE special) AS INTEGER) AS special_units,
    CAST(count(*) FILTER (WHERE special AND state = 'ok') AS INTEGER) AS special_with_value,
    sum(CAST(value AS DECIMAL(38, 10))) FILTER (WHERE special) AS special_total
  FROM child_figures GROUP BY indicator
)`,
  `compared AS ( -- the sums beside the parent's figure
  SELECT c.indicator, p.now_fig AS parent_fig, s.* EXCLUDE (indicator),
    round(CAST(s.children_total - CAST(p.now_fig.value AS DECIMAL(38, 10)) AS DOUBLE), 10) AS difference
  FROM chosen c
  LEFT JOIN sums s ON s.indicator = c.indicator
  LEFT JOIN figures p ON p.jurisdiction = CAST($parent AS VARCHAR) AND p.indicator = c.indicator
)`,
)}
SELECT c.indicator, ${PERIOD_TEXT} AS period, CAST($parent AS VARCHAR) AS parent,
  ${figPeriod('c.parent_fig')} AS parent_obs_period, c.parent_fig.value AS parent_value, ${figState('c.parent_fig')} AS parent_state,
  coalesce(c.children, 0) AS children, coalesce(c.children_with_value, 0) AS children_with_value,
  coalesce(c.children_suppressed, 0) AS children_suppressed, coalesce(c.children_missing, 0) AS children_missing,
  round(CAST(c.children_total AS DOUBLE), 10) AS children_sum,
  c.difference,
  CASE WHEN c.parent_fig.value <> 0 THEN c.difference / c.parent_fig.value * 100 END AS difference_pct,
  coalesce(c.children, 0) > 0 AND c.children_with_value = c.children AS complete,
  coalesce(c.special_units, 0) AS special_units, coalesce(c.special_with_value, 0) AS special_with_value,
  round(CAST(c.special_total AS DOUBLE), 10) AS special_sum
FROM compared c
WHERE CAST($parent AS VARCHAR) IS NOT NULL AND ${PERIOD_OK}
ORDER BY c.indicator`;
