/**
 * The investment projects ledger (table `projects`): the three rates (三率), the funnel by stage
 * and the ledger itself, per jurisdiction and month, each unit counting its own projects and
 * those of every unit under it (on the period's last day: a county moved to another city counts
 * where it was then). The definitions are in src/lib/projects.ts, whose lists this SQL is written
 * from; the data build runs `projectRates` over the published ledger and publishes the rates as
 * observations of the three rate indicators, so ranks, targets and verdicts treat them as any
 * other indicator. Money is counted in 亿元: dollars at the annual average rate of the period's
 * year, or of the latest year before it that has one.
 */
import { RATE_DECIMALS, SIGNED_STAGES, STARTED_STAGES } from '../lib/projects.ts';
import { PROJECT_STAGES } from '../lib/schema.ts';
import { levelRank, UNITS_CTE } from './fragments.ts';

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
const inList = (values: readonly string[]) => `(${values.map(sqlString).join(', ')})`;

/**
 * Amounts in 亿元 are kept as decimals to the yuan (8 places) and summed as decimals: a sum of
 * doubles depends on the order of its terms, which differs between the engines (and between runs
 * of one), and the last bit of a sum can tip a rate's rounding. Results are doubles again.
 */
const YI = 'DECIMAL(38, 8)';

/** A jurisdiction row valid on `day` (a DATE): at most one per code (E_VALIDITY_OVERLAP). */
const validOn = (j: string, day: string) => `coalesce(${j}.valid_from <= ${day}, true) AND coalesce(${j}.valid_to >= ${day}, true)`;

/**
 * The CTEs every ledger query starts with:
 *   ledger_rows  the ledger rows of $period (every period when NULL), with the period's last day
 *   usd      per ledger year, the CNY per USD it converts at and the year of that rate
 *   valued   each row with amount and funds in 亿元 (funds empty = 0; to the yuan, as YI), and what it counts as:
 *            in_cohort (signed in the period's year, up to its end), started, honoured
 *   up       each unit a row names and every unit above it, on the period's last day
 */
const LEDGER_CTES = `ledger_rows AS MATERIALIZED (
  SELECT p.*, last_day(make_date(p.year, p.month, 1)) AS period_end
  FROM projects p
  WHERE CAST($period AS VARCHAR) IS NULL OR p.period = CAST($period AS VARCHAR)
),
${UNITS_CTE},
usd AS (
  SELECT y.year, arg_max(x.cny_per_unit, x.year) AS cny_per_usd, max(x.year) AS rate_year
  FROM (SELECT DISTINCT year FROM ledger_rows) y
  JOIN exchange_rates x ON x.currency = 'USD' AND x.year <= y.year
  GROUP BY y.year
),
valued AS MATERIALIZED (
  SELECT r.*,
    CASE WHEN u.currency = 'USD' THEN fx.cny_per_usd END AS cny_per_usd,
    CASE WHEN u.currency = 'USD' THEN fx.rate_year END AS rate_year,
    CAST(r.amount * u.scale * CASE WHEN u.currency = 'USD' THEN fx.cny_per_usd ELSE 1 END / 1e8 AS ${YI}) AS amount_cny_yi,
    CAST(coalesce(r.funds_arrived, 0) * u.scale * CASE WHEN u.currency = 'USD' THEN fx.cny_per_usd ELSE 1 END / 1e8 AS ${YI}) AS funds_cny_yi,
    coalesce(year(r.signed_on) = r.year AND r.signed_on <= r.period_end, false) AS in_cohort,
    r.stage IN ${inList(STARTED_STAGES)} AS is_started,
    r.stage IN ${inList(STARTED_STAGES)} OR coalesce(r.funds_arrived, 0) > 0 AS is_honoured
  FROM ledger_rows r
  LEFT JOIN units u ON u.unit = r.unit
  LEFT JOIN usd fx ON fx.year = r.year
),
up(code, period_end, ancestor) AS (
  SELECT DISTINCT jurisdiction, period_end, jurisdiction FROM ledger_rows
  UNION
  SELECT u.code, u.period_end, j.parent
  FROM up u
  JOIN jurisdictions j ON j.code = u.ancestor AND ${validOn('j', 'u.period_end')}
  WHERE j.parent IS NOT NULL
)`;

export interface ProjectRatesParams {
  /** YYYY-MM; NULL: every month of the ledger. */
  period: string | null;
  /** The unit and its children; NULL: every unit (what the data build publishes). */
  parent: string | null;
}

export interface ProjectRatesRow {
  jurisdiction: string;
  name_zh: string;
  name_en: string;
  level: string;
  parent: string | null;
  period: string;
  year: number;
  month: number;
  /** Projects signed this year up to the period's end, in the unit and under it. */
  cohort: number;
  /** Of them: started or operating, or with funds arrived. */
  honoured: number;
  /** Of them: started or operating. */
  started: number;
  /** Their amounts signed and funds arrived to date, 亿元. */
  amount_cny_yi: number | null;
  funds_cny_yi: number | null;
  /** %, rounded to RATE_DECIMALS (the published figure). */
  fulfilment_rate: number;
  start_rate: number;
  /** NULL when the amounts signed add up to 0. Not capped: may exceed 100. */
  funds_rate: number | null;
}

/**
 * projectRates: per unit (its own projects and every unit's under it) and month with at least
 * one project signed this year: the cohort, how many are honoured and started, the amounts, and
 * the three rates. Units without such a project have no row (no rate, never 0 %).
 */
export const PROJECT_RATES_SQL = `WITH RECURSIVE ${LEDGER_CTES},
cohorts AS (
  SELECT up.ancestor AS jurisdiction, v.period, v.year, v.month, v.period_end,
    CAST(count(*) AS INTEGER) AS cohort,
    CAST(count(*) FILTER (WHERE v.is_honoured) AS INTEGER) AS honoured,
    CAST(count(*) FILTER (WHERE v.is_started) AS INTEGER) AS started,
    CAST(sum(v.amount_cny_yi) AS DOUBLE) AS amount_cny_yi, CAST(sum(v.funds_cny_yi) AS DOUBLE) AS funds_cny_yi
  FROM valued v
  JOIN up ON up.code = v.jurisdiction AND up.period_end = v.period_end
  WHERE v.in_cohort
  GROUP BY up.ancestor, v.period, v.year, v.month, v.period_end
)
SELECT c.jurisdiction, j.name_zh, coalesce(j.name_en, j.name_zh) AS name_en, j.level, j.parent,
  c.period, c.year, c.month, c.cohort, c.honoured, c.started, c.amount_cny_yi, c.funds_cny_yi,
  round(100 * CAST(c.honoured AS DOUBLE) / c.cohort, ${RATE_DECIMALS}) AS fulfilment_rate,
  round(100 * CAST(c.started AS DOUBLE) / c.cohort, ${RATE_DECIMALS}) AS start_rate,
  CASE WHEN c.amount_cny_yi > 0 THEN round(100 * c.funds_cny_yi / c.amount_cny_yi, ${RATE_DECIMALS}) END AS funds_rate
FROM cohorts c
JOIN jurisdictions j ON j.code = c.jurisdiction AND ${validOn('j', 'c.period_end')}
WHERE CAST($parent AS VARCHAR) IS NULL OR c.jurisdiction = CAST($parent AS VARCHAR) OR j.parent = CAST($parent AS VARCHAR)
ORDER BY c.period, ${levelRank('j.level')}, j.level, c.jurisdiction`;

export interface ProjectFunnelParams {
  /** YYYY-MM; NULL: every month of the ledger. */
  period: string | null;
  /** The unit and its children; NULL: every unit. */
  parent: string | null;
}

export interface ProjectFunnelRow {
  jurisdiction: string;
  name_zh: string;
  name_en: string;
  level: string;
  parent: string | null;
  period: string;
  /** Every stage, in order, for each unit and month with a project (0 projects where none). */
  stage: string;
  stage_rank: number;
  projects: number;
  /** Of them, with an amount (planned projects may have none). */
  with_amount: number;
  /** NULL when none of them has an amount. */
  amount_cny_yi: number | null;
  funds_cny_yi: number | null;
  /** Of them, signed this year up to the period's end (the rates' cohort). */
  signed_this_year: number;
}

/** projectFunnel: per unit (and every unit under it) and month with a project, the projects and amounts at each stage. */
export const PROJECT_FUNNEL_SQL = `WITH RECURSIVE ${LEDGER_CTES},
stages(stage, stage_rank) AS (
  VALUES ${PROJECT_STAGES.map((s, i) => `(${sqlString(s)}, ${i})`).join(', ')}
),
placed AS (
  SELECT up.ancestor AS jurisdiction, v.* EXCLUDE (jurisdiction)
  FROM valued v
  JOIN up ON up.code = v.jurisdiction AND up.period_end = v.period_end
),
units_present AS (
  SELECT DISTINCT jurisdiction, period, period_end FROM placed
)
SELECT u.jurisdiction, j.name_zh, coalesce(j.name_en, j.name_zh) AS name_en, j.level, j.parent, u.period,
  s.stage, CAST(s.stage_rank AS INTEGER) AS stage_rank,
  CAST(count(p.project) AS INTEGER) AS projects,
  CAST(count(p.amount_cny_yi) AS INTEGER) AS with_amount,
  CAST(sum(p.amount_cny_yi) AS DOUBLE) AS amount_cny_yi,
  CAST(sum(p.funds_cny_yi) AS DOUBLE) AS funds_cny_yi,
  CAST(count(p.project) FILTER (WHERE p.in_cohort) AS INTEGER) AS signed_this_year
FROM units_present u
CROSS JOIN stages s
LEFT JOIN placed p ON p.jurisdiction = u.jurisdiction AND p.period = u.period AND p.stage = s.stage
JOIN jurisdictions j ON j.code = u.jurisdiction AND ${validOn('j', 'u.period_end')}
WHERE CAST($parent AS VARCHAR) IS NULL OR u.jurisdiction = CAST($parent AS VARCHAR) OR j.parent = CAST($parent AS VARCHAR)
GROUP BY u.jurisdiction, j.name_zh, j.name_en, j.level, j.parent, u.period, s.stage, s.stage_rank
ORDER BY u.period, ${levelRank('j.level')}, j.level, u.jurisdiction, s.stage_rank`;

export interface ProjectLedgerParams {
  /** YYYY-MM; NULL: every month of the ledger. */
  period: string | null;
  /** The projects of this unit and every unit under it; NULL: every project. */
  jurisdiction: string | null;
}

export interface ProjectLedgerRow {
  project: string;
  period: string;
  name_zh: string;
  /** The Chinese name when there is no English one. */
  name_en: string;
  jurisdiction: string;
  jurisdiction_name_zh: string;
  jurisdiction_name_en: string;
  sector: string | null;
  origin: string;
  stage: string;
  stage_rank: number;
  amount: number | null;
  funds_arrived: number | null;
  unit: string | null;
  /** Dollars only: the rate and its year. */
  cny_per_usd: number | null;
  rate_year: number | null;
  amount_cny_yi: number | null;
  funds_cny_yi: number | null;
  /** Funds arrived / amount signed, %, unrounded; NULL without an amount above 0. */
  funds_pct: number | null;
  signed_on: string | null;
  planned_start_on: string | null;
  started_on: string | null;
  /** Signed this year up to the period's end: counted in the rates. */
  in_cohort: boolean;
  honoured: boolean;
  started: boolean;
  /** Signed, not started, and its planned start is past (on or before the period's end). */
  start_overdue: boolean;
  visibility: string;
  stage_note: string | null;
  source: string | null;
  note: string | null;
  release: string;
}

/** projectLedger: the ledger rows of a month (every month when NULL) in a unit and under it, with amounts in 亿元. */
export const PROJECT_LEDGER_SQL = `WITH RECURSIVE ${LEDGER_CTES}
SELECT v.project, v.period, v.name_zh, coalesce(v.name_en, v.name_zh) AS name_en,
  v.jurisdiction, j.name_zh AS jurisdiction_name_zh, coalesce(j.name_en, j.name_zh) AS jurisdiction_name_en,
  v.sector, v.origin, v.stage, CAST(list_position(${`[${PROJECT_STAGES.map(sqlString).join(', ')}]`}, v.stage) - 1 AS INTEGER) AS stage_rank,
  v.amount, v.funds_arrived, v.unit, v.cny_per_usd, CAST(v.rate_year AS INTEGER) AS rate_year,
  CAST(v.amount_cny_yi AS DOUBLE) AS amount_cny_yi, CAST(v.funds_cny_yi AS DOUBLE) AS funds_cny_yi,
  CASE WHEN v.amount > 0 THEN 100 * coalesce(v.funds_arrived, 0) / v.amount END AS funds_pct,
  CAST(v.signed_on AS VARCHAR) AS signed_on, CAST(v.planned_start_on AS VARCHAR) AS planned_start_on, CAST(v.started_on AS VARCHAR) AS started_on,
  v.in_cohort, v.is_honoured AS honoured, v.is_started AS started,
  coalesce(v.stage IN ${inList(SIGNED_STAGES.filter((s) => !STARTED_STAGES.includes(s)))} AND v.planned_start_on <= v.period_end, false) AS start_overdue,
  v.visibility, v.stage_note, v.source, v.note, v.release
FROM valued v
JOIN up ON up.code = v.jurisdiction AND up.period_end = v.period_end AND up.ancestor = coalesce(CAST($jurisdiction AS VARCHAR), v.jurisdiction)
JOIN jurisdictions j ON j.code = v.jurisdiction AND ${validOn('j', 'v.period_end')}
ORDER BY v.period, stage_rank DESC, v.jurisdiction, v.project`;
